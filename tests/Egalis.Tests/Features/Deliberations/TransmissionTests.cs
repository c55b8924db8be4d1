using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Features.Deliberations;

/// <summary>The act's transmission as a workflow: its dates, and the page's forms after a refusal.</summary>
public class TransmissionTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    public async Task No_transmission_date_precedes_the_session_that_decided_the_act()
    {
        int adoption;
        using (var scope = factory.Services.CreateScope())
        {
            // The founding act of 19 December 2019: transmitted, its signature date not in the register.
            adoption = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<PointOrdreDuJour>()
                .Where(p => p.Seance!.Date == new DateOnly(2019, 12, 19)).Select(p => p.Id).SingleAsync();
        }
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var url = $"/deliberations/point/{adoption}";
        var refus = await (await Formulaire.LireAsync(cheffe, url, "?handler=transmission")).EnvoyerAsync(cheffe, new() { ["Transmission.Statut"] = "Acquitte", ["Transmission.Date"] = "2019-01-01" });
        var html = await refus.ReadHtmlAsync();
        Assert.Contains("La date ne peut pas précéder la séance du 19/12/2019.", html);

        // The page's other forms still post to their own handler after that refusal (its address now names « transmission »).
        var principal = Formulaire.Depuis(html, url + "?handler=Transmission", "?handler=transmission");
        Assert.Equal(url + "?handler=Transmission", principal.Action, ignoreCase: true);
        Assert.Equal(HttpStatusCode.Redirect, (await principal.EnvoyerAsync(cheffe, new() { ["Transmission.Statut"] = "Acquitte", ["Transmission.Date"] = "2020-01-06" })).StatusCode);
        var page = await cheffe.GetHtmlAsync(url);
        Assert.Contains("06/01/2020 : « transmis » → « acquitté »", page);
        // The refused step left no trace in the history.
        Assert.DoesNotContain("01/01/2019 :", page);
    }

    [Fact]
    public async Task A_step_is_refused_when_not_allowed_from_the_state_or_without_the_right_on_the_record_and_leaves_no_history()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        var workflows = scope.ServiceProvider.GetRequiredService<Egalis.Web.Platform.Workflows.Workflows>();
        var cm = await db.Set<Assemblee>().SingleAsync(a => a.Code == "CM");
        static System.Security.Claims.ClaimsPrincipal Qui(string role, string? territoire = null) => new(new System.Security.Claims.ClaimsIdentity(
            new[] { new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, role), new System.Security.Claims.Claim(UtilisateurClaimsFactory.Nom, "Essai") }
                .Concat(territoire is null ? [] : [new System.Security.Claims.Claim(UtilisateurClaimsFactory.Territoire, territoire)]), "test"));
        var applique = false;
        Egalis.Web.Platform.Data.Result Appliquer() { applique = true; return Egalis.Web.Platform.Data.Result.Success(); }

        var impossible = await workflows.StepAsync(TransmissionActe.Workflow, Qui(Roles.ChefDeProjet), cm, "test-1", StatutTransmission.Acquitte, StatutTransmission.Transmis, Appliquer);
        Assert.Equal([("Statut", "Un acte « acquitté » ne peut pas passer à « transmis ».")], impossible.Errors);
        var horsPerimetre = await workflows.StepAsync(TransmissionActe.Workflow, Qui(Roles.ReferentTerritoire, "CT2"), cm, "test-1", StatutTransmission.ATransmettre, StatutTransmission.Transmis, Appliquer);
        Assert.Equal([("", "Vous n'avez pas le droit de faire passer cet enregistrement à « transmis ».")], horsPerimetre.Errors);
        var sansMotif = await workflows.StepAsync(TransmissionActe.Workflow, Qui(Roles.ChefDeProjet), cm, "test-1", StatutTransmission.Transmis, StatutTransmission.Refuse, Appliquer, motif: "  ");
        Assert.Equal([("Motif", "Indiquez le motif du refus.")], sansMotif.Errors);
        Assert.False(applique);
        Assert.Empty(db.ChangeTracker.Entries<Egalis.Web.Platform.Workflows.WorkflowStep>());

        var accepte = await workflows.StepAsync(TransmissionActe.Workflow, Qui(Roles.ChefDeProjet), cm, "test-1", StatutTransmission.Transmis, StatutTransmission.Refuse, Appliquer, new DateOnly(2020, 2, 3), "Pièce manquante");
        Assert.True(accepte.Ok);
        Assert.True(applique);
        var etape = Assert.Single(db.ChangeTracker.Entries<Egalis.Web.Platform.Workflows.WorkflowStep>()).Entity;
        Assert.Equal(("acte-transmission", "test-1", "Transmis", "Refuse", "Essai", "Pièce manquante"), (etape.Type, etape.EnregistrementId, etape.De, etape.Vers, etape.Par, etape.Motif));
    }

    [Fact]
    public async Task After_a_refused_form_the_pages_main_form_still_posts_to_itself_and_saves()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var refus = await (await Formulaire.LireAsync(cheffe, "/plan/modifier/1.2", "?handler=ajouterjalon")).EnvoyerAsync(cheffe, new() { ["NouveauJalon.Date"] = "", ["NouveauJalon.Titre"] = "" });
        var html = await refus.ReadHtmlAsync();
        Assert.Contains("Le formulaire contient", html);
        // Read as the browser has it: at the address the refused form posted to.
        var principal = Formulaire.Depuis(html, "/plan/modifier/1.2?handler=AjouterJalon");
        Assert.Equal("/plan/modifier/1.2", principal.Action);
        var enregistre = await principal.EnvoyerAsync(cheffe, new() { ["Input.Partenaires"] = "CNFPT, Défenseur des droits" });
        Assert.Equal(HttpStatusCode.Redirect, enregistre.StatusCode);
        Assert.Contains("CNFPT, Défenseur des droits", await cheffe.GetHtmlAsync("/plan/action/1.2"));
    }
}
