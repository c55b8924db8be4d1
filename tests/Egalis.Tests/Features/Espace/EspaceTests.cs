using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Deliberations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Tests.Features.Espace;

/// <summary>« Mon espace »: where each person lands after signing in, filled by the modules.</summary>
public class EspaceTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    public async Task After_signing_in_a_person_lands_on_their_space()
    {
        var client = factory.Client();
        var connexion = await EgalisFactory.PostFormAsync(client, "/compte/connexion", new() { ["Input.Email"] = "porteur@egalis.local", ["Input.MotDePasse"] = Egalis.Web.Features.Compte.ComptesDemo.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, connexion.StatusCode);
        Assert.Equal("/espace", connexion.Headers.Location?.OriginalString);
        var html = await client.GetHtmlAsync("/espace");
        Assert.Contains("Bonjour Paul Porteur (association).", html);
        // An applicant without an organisation yet is shown where to start.
        Assert.Contains("Fonds d'initiative", html);
        Assert.Contains("<a href=\"/fonds/organisations\">Enregistrer votre association ou votre commune</a>", html);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Client().GetAsync("/espace")).StatusCode);
    }

    [Fact]
    public async Task The_team_sees_its_late_milestones_the_oldest_first()
    {
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        foreach (var (date, titre) in new[] { ("2024-06-30", "Premier bilan des ateliers"), ("2024-01-15", "Lancement du groupe de travail"), ("2100-01-01", "Jalon lointain") })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await EgalisFactory.PostFormAsync(cheffe, "/plan/modifier/2.1?handler=AjouterJalon",
                new() { ["NouveauJalon.Date"] = date, ["NouveauJalon.Titre"] = titre }, formPage: "/plan/modifier/2.1")).StatusCode);
        }
        var html = await cheffe.GetHtmlAsync("/espace");
        Assert.Contains("<h2 class=\"h4\" id=\"bloc-0\">Jalons en retard (2)</h2>", html);
        var premier = html.IndexOf("Lancement du groupe de travail – action 2.1", StringComparison.Ordinal);
        var second = html.IndexOf("Premier bilan des ateliers – action 2.1", StringComparison.Ordinal);
        Assert.True(premier > 0 && second > premier, "Le jalon le plus ancien vient en premier.");
        Assert.Contains("Prévu le 15/01/2024, non atteint", html);
        Assert.DoesNotContain("Jalon lointain", html);
        Assert.Contains("href=\"/plan/modifier/2.1\"", html);
    }

    [Fact]
    public async Task A_secretariat_sees_the_decided_acts_of_its_assemblies_still_to_transmit_and_no_others()
    {
        using (var scope = factory.Services.CreateScope())
        {
            // The act of the Pays d'Aix (CT2) as if its transmission were still to do.
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            var acte = await db.Set<PointOrdreDuJour>().Include(p => p.Seance!).ThenInclude(s => s.Assemblee).SingleAsync(p => p.NumeroActe == "2019_CT2_587");
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"PointsOrdreDuJour\" SET \"Transmission\" = 0, \"DateTransmission\" = NULL, \"DateAccuse\" = NULL WHERE \"Id\" = {acte.Id}");
        }
        var referent = await factory.SignedInAsAsync(Roles.ReferentTerritoire);
        var html = await referent.GetHtmlAsync("/espace");
        Assert.Contains("Actes à transmettre au contrôle de légalité (1)", html);
        Assert.Contains("Acte 2019_CT2_587 :", html);
        Assert.Contains("Aix, séance du 12/12/2019 – signé le", html);
        Assert.DoesNotContain("Jalons en retard", html);

        var referentCommune = await factory.SignedInAsAsync(Roles.ReferentCommune);
        Assert.Contains("Rien ne vous attend pour le moment", await referentCommune.GetHtmlAsync("/espace"));
    }
}
