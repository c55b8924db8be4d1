using Egalis.Web.Features.Compte;
using System.Net;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Platform;

/// <summary>Sessions end when they should: sign-out, a change of rights, a password reset (docs/adr/0007).</summary>
public class SessionsTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    /// <summary>Signs in without a cookie jar and returns the session cookie, as someone copying it would hold it.</summary>
    private async Task<string> CookieDeSessionAsync(string email, string motDePasse = ComptesDemo.DemoPassword)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/compte/connexion");
        var antiforgery = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var requete = new HttpRequestMessage(HttpMethod.Post, "/compte/connexion")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.MotDePasse"] = motDePasse,
                ["__RequestVerificationToken"] = EgalisFactory.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            }),
        };
        requete.Headers.Add("Cookie", antiforgery);
        var reponse = await client.SendAsync(requete);
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        return reponse.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("egalis=", StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> AvecCookieAsync(string cookie, string url)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var requete = new HttpRequestMessage(HttpMethod.Get, url);
        requete.Headers.Add("Cookie", cookie);
        return await client.SendAsync(requete);
    }

    private static bool VersConnexion(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/compte/connexion", StringComparison.Ordinal);

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_opens_nothing()
    {
        var cookie = await CookieDeSessionAsync("assistant@egalis.local");
        Assert.Equal(HttpStatusCode.OK, (await AvecCookieAsync(cookie, "/compte/securite")).StatusCode);
        var client = await factory.SignedInAsync("assistant@egalis.local");
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(client, "/", "/compte/deconnexion")).EnvoyerAsync(client)).StatusCode);
        // Signing out on one device ends the copy held elsewhere.
        Assert.True(VersConnexion(await AvecCookieAsync(cookie, "/compte/securite")));
    }

    [Fact]
    public async Task A_removed_role_ends_the_open_session_at_once()
    {
        var referent = await factory.SignedInAsync("referent.paysdaix@egalis.local");
        Assert.Equal(HttpStatusCode.OK, (await referent.GetAsync("/deliberations/gestion")).StatusCode);
        string id;
        using (var scope = factory.Services.CreateScope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>().FindByEmailAsync("referent.paysdaix@egalis.local"))!.Id;
        }
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        var form = await Formulaire.LireAsync(admin, $"/administration/utilisateur?id={id}");
        var retire = await form.EnvoyerAsync(admin, new() { ["Input.Roles"] = Roles.Agent, ["Input.ConseilTerritoireCode"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, retire.StatusCode);
        Assert.True(VersConnexion(await referent.GetAsync("/deliberations/gestion")));
        // Signed in again, the person has the new rights only.
        var ensuite = await factory.SignedInAsync("referent.paysdaix@egalis.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await ensuite.GetAsync("/deliberations/gestion")).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_opened_before_it()
    {
        var avant = await factory.SignedInAsync("porteur@egalis.local");
        Assert.Equal(HttpStatusCode.OK, (await avant.GetAsync("/compte/securite")).StatusCode);
        var client = factory.Client();
        await EgalisFactory.PostFormAsync(client, "/compte/motdepasseoublie", new() { ["Email"] = "porteur@egalis.local" });
        var mail = await factory.Smtp.WaitForAsync("porteur@egalis.local");
        var lien = Regex.Match(mail.TextBody ?? "", @"http://localhost(/compte/reinitialisermotdepasse\?\S+)").Groups[1].Value;
        var fait = await EgalisFactory.PostFormAsync(client, lien, new() { ["MotDePasse"] = "une phrase assez longue", ["Confirmation"] = "une phrase assez longue" });
        Assert.Contains("Votre mot de passe est enregistré", await fait.ReadHtmlAsync());
        Assert.True(VersConnexion(await avant.GetAsync("/compte/securite")));
    }
}
