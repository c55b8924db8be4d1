using Egalis.Web.Features.Compte;
using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Administration.Pages;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Features.Administration;

/// <summary>An administrator deactivates an account: no more sign-in, open sessions closed, history kept; and back.</summary>
public class DesactivationTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private async Task<string> IdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>().FindByEmailAsync(email))!.Id;
    }

    [Fact]
    [Soumet(typeof(UtilisateurModel), "Desactiver")]
    [Soumet(typeof(UtilisateurModel), "Reactiver")]
    public async Task A_deactivated_account_cannot_sign_in_its_session_ends_and_its_history_stays()
    {
        var agent = await factory.SignedInAsync("agent@egalis.local");
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/compte/securite")).StatusCode);
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        var page = $"/administration/utilisateur?id={await IdAsync("agent@egalis.local")}";

        var form = await Formulaire.LireAsync(admin, page, "?handler=desactiver");
        var sansConfirmation = await form.EnvoyerAsync(admin);
        var html = await sansConfirmation.ReadHtmlAsync();
        Assert.Contains("Cochez la case pour confirmer la désactivation.", html);
        Assert.Contains("value=\"Aya Agente\"", html);
        var desactive = await form.EnvoyerAsync(admin, new() { ["Confirmation"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, desactive.StatusCode);
        var liste = await admin.GetHtmlAsync("/administration/utilisateurs");
        Assert.Contains("Le compte d'Aya Agente est désactivé : ses sessions sont fermées et il ne peut plus se connecter. Son historique est conservé.", liste);
        Assert.Matches("Aya Agente\\s*<span class=\"badge text-bg-secondary ms-2\">compte désactivé</span>", liste);

        // The open session ends; signing in again is refused with the message any wrong attempt gets.
        var apres = await agent.GetAsync("/compte/securite");
        Assert.Equal(HttpStatusCode.Redirect, apres.StatusCode);
        Assert.Contains("/compte/connexion", apres.Headers.Location!.OriginalString);
        var connexion = await EgalisFactory.PostFormAsync(factory.Client(), "/compte/connexion", new() { ["Input.Email"] = "agent@egalis.local", ["Input.MotDePasse"] = ComptesDemo.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, connexion.StatusCode);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", await connexion.ReadHtmlAsync());
        using (var scope = factory.Services.CreateScope())
        {
            var journal = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().AuditEntries.Select(e => e.Resume).ToListAsync();
            Assert.Contains("Compte d'Aya Agente (agent@egalis.local) désactivé : plus de connexion possible, historique conservé.", journal);
        }

        // An administrator cannot deactivate their own account.
        var soiMeme = await admin.GetHtmlAsync($"/administration/utilisateur?id={await IdAsync("admin@egalis.local")}");
        Assert.DoesNotContain("handler=desactiver", soiMeme);
        var force = await EgalisFactory.PostBrutAsync(admin, $"/administration/utilisateur?handler=Desactiver&id={await IdAsync("admin@egalis.local")}", new() { ["Confirmation"] = "true" }, "/administration/utilisateurs");
        Assert.Contains("Vous ne pouvez pas désactiver votre propre compte", await force.ReadHtmlAsync());

        var reactive = await (await Formulaire.LireAsync(admin, page, "?handler=reactiver")).EnvoyerAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, reactive.StatusCode);
        Assert.Contains("Le compte d'Aya Agente est réactivé : la personne peut se connecter de nouveau.", await admin.GetHtmlAsync("/administration/utilisateurs"));
        await factory.SignedInAsync("agent@egalis.local");
        // Reactivating an active account says so.
        var encore = await EgalisFactory.PostBrutAsync(admin, $"/administration/utilisateur?handler=Reactiver&id={await IdAsync("agent@egalis.local")}", [], "/administration/utilisateurs");
        Assert.Contains("Ce compte est actif.", await encore.ReadHtmlAsync());
    }

    [Fact]
    [Soumet(typeof(UtilisateurModel), "RenvoyerInvitation")]
    public async Task An_invitation_not_yet_used_is_sent_again_with_a_new_link()
    {
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        var invitation = await EgalisFactory.PostFormAsync(admin, "/administration/utilisateur", new()
        {
            ["Input.NomComplet"] = "Octave Oubli", ["Input.Email"] = "octave@exemple.fr", ["Input.Roles"] = Roles.Agent,
        });
        Assert.Equal(HttpStatusCode.Redirect, invitation.StatusCode);
        await factory.Smtp.WaitForAsync("octave@exemple.fr");
        var page = $"/administration/utilisateur?id={await IdAsync("octave@exemple.fr")}";
        var renvoi = await (await Formulaire.LireAsync(admin, page, "?handler=renvoyerinvitation")).EnvoyerAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, renvoi.StatusCode);
        Assert.Contains("L'invitation est renvoyée à octave@exemple.fr (nouveau lien valable 48 heures).", await admin.GetHtmlAsync("/administration/utilisateurs"));
        Assert.Equal(2, factory.Smtp.Messages.Count(m => m.To.ToString().Contains("octave@exemple.fr", StringComparison.Ordinal) && m.Subject == "Votre compte Egalis"));

        // A person who has a password is not invited again.
        var avecMotDePasse = $"/administration/utilisateur?id={await IdAsync("jeune@egalis.local")}";
        Assert.DoesNotContain("handler=renvoyerinvitation", await admin.GetStringAsync(avecMotDePasse));
        var force = await EgalisFactory.PostBrutAsync(admin, $"/administration/utilisateur?handler=RenvoyerInvitation&id={await IdAsync("jeune@egalis.local")}", [], "/administration/utilisateurs");
        Assert.Contains("Cette personne a déjà choisi son mot de passe", await force.ReadHtmlAsync());
    }
}
