using System.Net;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Budget;
using Egalis.Web.Features.Fonds;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ComiteModel = Egalis.Web.Features.Fonds.Pages.Gestion.ComiteModel;
using GestionAppel = Egalis.Web.Features.Fonds.Pages.Gestion.AppelModel;
using InstructionModel = Egalis.Web.Features.Fonds.Pages.Instruction.DossierModel;

namespace Egalis.Tests.Features.Fonds;

/// <summary>Scores, then the committee: its decisions and the money they commit, all at once or not at all.</summary>
public class ComiteTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private async Task<T> LireAsync<T>(Func<EgalisDbContext, Task<T>> lecture)
    {
        using var scope = factory.Services.CreateScope();
        return await lecture(scope.ServiceProvider.GetRequiredService<EgalisDbContext>());
    }

    [Fact]
    [Soumet(typeof(InstructionModel), "Noter")]
    [Soumet(typeof(GestionAppel), "Comite")]
    [Soumet(typeof(ComiteModel))]
    public async Task Instructors_score_and_the_committee_grants_and_refuses_with_the_money_committed_at_once()
    {
        var appel = await factory.AppelOuvertAsync("Appel du comité");
        var accorde = await factory.DossierEnInstructionAsync(appel, "Ateliers du Panier", "73282932000074", 8_000m);
        var refuse = await factory.DossierEnInstructionAsync(appel, "Quartiers solidaires", "78467169500087", 6_000m);

        // Scores through the form: every criterion, within its scale.
        var ivan = await factory.SignedInAsAsync(Roles.Instructeur);
        var url = $"/fonds/instruction/dossier/{accorde}";
        var noter = await Formulaire.LireAsync(ivan, url, "?handler=Noter");
        var criteres = noter.Champs.Where(c => c.StartsWith("Notes[", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, criteres.Count);
        var incomplet = await noter.EnvoyerAsync(ivan, new() { [criteres[0]] = "4" });
        Assert.Contains("Notez le critère « Public ».", await incomplet.ReadHtmlAsync());
        var hors = await noter.EnvoyerAsync(ivan, new() { [criteres[0]] = "4", ["!" + criteres[1]] = "9" });
        Assert.Contains("La note du critère « Public » va de 0 à 5.", await hors.ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await noter.EnvoyerAsync(ivan, new() { [criteres[0]] = "4", [criteres[1]] = "5" })).StatusCode);
        // (4/5 × 3 + 5/5 × 2) / 5 × 20 = 17.6
        var page = await ivan.GetHtmlAsync(url);
        Assert.Contains("Note moyenne : 17,6/20 (1 notation complète sur 2 requises).", page);
        Assert.Contains("Ivan Instructeur : 17,6/20", page);

        // The call requires two scorings: the committee lists the dossier, not ready yet.
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var creer = await Formulaire.LireAsync(cheffe, $"/fonds/gestion/appel/{appel}", "?handler=Comite");
        Assert.Contains("Indiquez la date du comité.", await (await creer.EnvoyerAsync(cheffe)).ReadHtmlAsync());
        Assert.Contains("L'enveloppe de l'appel est prise sur les crédits 2020 : le comité, qui engage les montants à sa date, se tient en 2020.",
            await (await creer.EnvoyerAsync(cheffe, new() { ["DateComite"] = "2027-01-15" })).ReadHtmlAsync());
        var cree = await creer.EnvoyerAsync(cheffe, new() { ["DateComite"] = "2020-06-15" });
        Assert.Equal(HttpStatusCode.Redirect, cree.StatusCode);
        var comite = cree.Headers.Location!.OriginalString;
        Assert.Contains("notes manquantes", await cheffe.GetHtmlAsync(comite));
        Assert.DoesNotContain("Appliquer les décisions", await cheffe.GetHtmlAsync(comite));

        await factory.NoterAsync(accorde, "Alice Admin", 3);
        await factory.NoterAsync(refuse, "Ivan Instructeur", 2);
        await factory.NoterAsync(refuse, "Alice Admin", 2);
        page = await cheffe.GetHtmlAsync(comite);
        // Ivan 17.6, Alice (3/5 → 12): mean 14.8, spread 5.6.
        Assert.Contains("14,8/20 (2/2)", page);
        Assert.Contains("5,6", page);
        Assert.Contains("Enveloppe : 20\u202F000,00 €, dont 0,00 € déjà engagés ; disponible : 20\u202F000,00 €.", page);

        var decider = await Formulaire.LireAsync(cheffe, comite);
        var premier = Regex.Match(await cheffe.GetStringAsync(comite), $"name=\"Decisions\\[(\\d)\\]\\.DossierId\" value=\"{accorde}\"").Groups[1].Value;
        var second = Regex.Match(await cheffe.GetStringAsync(comite), $"name=\"Decisions\\[(\\d)\\]\\.DossierId\" value=\"{refuse}\"").Groups[1].Value;
        var sansConfirmation = await decider.EnvoyerAsync(cheffe, new() { [$"Decisions[{premier}].Choix"] = "accorder", [$"Decisions[{premier}].Montant"] = "8 000" });
        Assert.Contains("Cochez la case pour confirmer", await sansConfirmation.ReadHtmlAsync());
        var trop = await decider.EnvoyerAsync(cheffe, new()
        {
            [$"Decisions[{premier}].Choix"] = "accorder", [$"Decisions[{premier}].Montant"] = "8 000,01",
            [$"Decisions[{second}].Choix"] = "refuser", ["Confirmation"] = "true",
        });
        var html = await trop.ReadHtmlAsync();
        Assert.Contains("Le montant accordé à « Projet de Ateliers du Panier » dépasse le montant demandé (8\u202F000,00 €).", html);
        Assert.Contains("Indiquez le motif du refus de « Projet de Quartiers solidaires » : il est envoyé au porteur.", html);
        Assert.Equal(EtatDossier.EnInstruction, await LireAsync(db => db.Set<Dossier>().Where(d => d.Id == accorde).Select(d => d.Etat).SingleAsync()));
        Assert.Equal(0, await LireAsync(db => db.Set<Engagement>().CountAsync(e => e.Origine == $"fonds-dossier:{accorde}")));

        var applique = await decider.EnvoyerAsync(cheffe, new()
        {
            [$"Decisions[{premier}].Choix"] = "accorder", [$"Decisions[{premier}].Montant"] = "7 500",
            [$"Decisions[{second}].Choix"] = "refuser", [$"Decisions[{second}].Motif"] = "Public déjà touché par d'autres actions.", ["Confirmation"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, applique.StatusCode);
        page = await cheffe.GetHtmlAsync(comite);
        Assert.Contains("Les décisions du comité sont appliquées", page);
        Assert.Contains("7\u202F500,00 €", page);
        Assert.Contains("refusé : Public déjà touché par d'autres actions.", page);

        // The money: one commitment on the call's envelope, at the committee's date, for the organisation.
        var engagement = await LireAsync(db => db.Set<Engagement>().SingleAsync(e => e.Origine == $"fonds-dossier:{accorde}"));
        Assert.Equal(7_500m, engagement.Montant);
        Assert.Equal("Ateliers du Panier", engagement.Beneficiaire);
        Assert.Equal(new DateOnly(2020, 6, 15), engagement.Date);
        Assert.Equal("Fonds d'initiative – Projet de Ateliers du Panier", engagement.Objet);
        Assert.Equal(EtatDossier.Accepte, await LireAsync(db => db.Set<Dossier>().Where(d => d.Id == accorde).Select(d => d.Etat).SingleAsync()));
        Assert.Equal(EtatDossier.Refuse, await LireAsync(db => db.Set<Dossier>().Where(d => d.Id == refuse).Select(d => d.Etat).SingleAsync()));
        Assert.Contains("Le comité du 15/06/2020 accorde 7\u202F500,00 € au dossier.", (await factory.MessageAsync("73282932000074@asso.fr", "Subvention accordée – fonds d'initiative")).TextBody);
        Assert.Contains("Public déjà touché par d'autres actions.", (await factory.MessageAsync("78467169500087@asso.fr", "Dossier refusé – fonds d'initiative")).TextBody);
        // A committee decides once: its form is gone, a replay changes nothing.
        Assert.DoesNotContain("Appliquer les décisions", page);
        var rejoue = await decider.EnvoyerAsync(cheffe, new() { [$"Decisions[{premier}].Choix"] = "accorder", [$"Decisions[{premier}].Montant"] = "7 500", ["Confirmation"] = "true" });
        Assert.Contains("Ce comité a déjà statué", await rejoue.ReadHtmlAsync());
        Assert.Equal(1, await LireAsync(db => db.Set<Engagement>().CountAsync(e => e.Origine == $"fonds-dossier:{accorde}")));

        // Reopening the grant (administrators only) cancels its commitment in the same step.
        using (var scope = factory.Services.CreateScope())
        {
            var version = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Dossier>().Where(d => d.Id == accorde).Select(d => d.Version).SingleAsync();
            var rouvert = await scope.ServiceProvider.GetRequiredService<DossiersService>().InstruireAsync(accorde, version, EtatDossier.EnInstruction,
                "Erreur sur le budget du projet.", FondsDonnees.Personne("admin-test", "Alice Admin", Roles.Admin), "http://localhost", default);
            Assert.True(rouvert.Ok, rouvert.Error);
        }
        var annule = await LireAsync(db => db.Set<Engagement>().SingleAsync(e => e.Origine == $"fonds-dossier:{accorde}"));
        Assert.Equal(StatutEngagement.Annule, annule.Statut);
        Assert.Equal("Décision rouverte : Erreur sur le budget du projet.", annule.MotifAnnulation);
    }
}

/// <summary>Two committees deciding at the same moment on one envelope: never more than the envelope, never half a decision.</summary>
public class ComiteConcurrenceTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    [Fact]
    public async Task Two_committees_at_once_cannot_grant_more_than_the_envelope()
    {
        var appel = await factory.AppelOuvertAsync("Appel disputé");
        var premier = await factory.DossierEnInstructionAsync(appel, "Première association", "73282932000074", 15_000m);
        var second = await factory.DossierEnInstructionAsync(appel, "Seconde association", "78467169500087", 15_000m);
        foreach (var dossier in new[] { premier, second })
        {
            await factory.NoterAsync(dossier, "Ivan Instructeur", 4);
            await factory.NoterAsync(dossier, "Alice Admin", 4);
        }
        int comiteA, comiteB;
        using (var scope = factory.Services.CreateScope())
        {
            var comites = scope.ServiceProvider.GetRequiredService<ComiteService>();
            comiteA = (await comites.CreerComiteAsync(appel, new DateOnly(2020, 6, 15), default)).Id!.Value;
            comiteB = (await comites.CreerComiteAsync(appel, new DateOnly(2020, 6, 16), default)).Id!.Value;
        }
        var cheffe = FondsDonnees.Personne("cheffe-test", "Camille Chef de projet", Roles.ChefDeProjet);
        async Task<Result> DeciderAsync(int comite, int dossier)
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ComiteService>().AppliquerAsync(comite, 0,
                [new ComiteService.Choix(dossier, true, 15_000m, null)], cheffe, "http://localhost", default);
        }
        var resultats = await Task.WhenAll(DeciderAsync(comiteA, premier), DeciderAsync(comiteB, second));

        using var verification = factory.Services.CreateScope();
        var db = verification.ServiceProvider.GetRequiredService<EgalisDbContext>();
        Assert.Equal(1, resultats.Count(r => r.Ok));
        var refus = resultats.Single(r => !r.Ok).Error!;
        Assert.True(refus.Contains("il reste 5\u202F000,00 € disponibles", StringComparison.Ordinal) || refus.Contains("au même moment", StringComparison.Ordinal), refus);
        var engage = (await db.Set<Engagement>().Where(e => e.Origine != null && e.Origine.StartsWith("fonds-dossier:") && e.Statut == StatutEngagement.Engage).Select(e => e.Montant).ToListAsync()).Sum();
        Assert.Equal(15_000m, engage);
        // The losing committee applied nothing: its dossier still waits, the committee has not sat.
        var perdant = resultats[0].Ok ? second : premier;
        Assert.Equal(EtatDossier.EnInstruction, await db.Set<Dossier>().Where(d => d.Id == perdant).Select(d => d.Etat).SingleAsync());
        Assert.Equal(1, await db.Set<Comite>().CountAsync(c => c.Statut == StatutComite.Tenu));
        Assert.Equal(1, await db.Set<DecisionComite>().CountAsync());

        // Tried again, the committee is told what is left.
        var encore = await DeciderAsync(resultats[0].Ok ? comiteB : comiteA, perdant);
        Assert.Equal("Rien n'est appliqué. Pour « Projet de " + (perdant == premier ? "Première association" : "Seconde association")
            + " » : Montant refusé : il reste 5\u202F000,00 € disponibles sur l'allocation de l'action 2.5 (20\u202F000,00 € alloués, 15\u202F000,00 € déjà engagés).", encore.Error);
    }
}
