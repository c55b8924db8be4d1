using System.Net;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Features.Budget;
using Egalis.Web.Features.Fonds;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CompteRenduModel = Egalis.Web.Features.Fonds.Pages.CompteRenduModel;
using SubventionModel = Egalis.Web.Features.Fonds.Pages.Gestion.SubventionModel;

namespace Egalis.Tests.Features.Fonds;

/// <summary>
/// After the committee: the convention (required above 23 000 € a year), its signature, the payments made on the
/// grant's Budget commitment, and the CERFA 15059 financial report, as the team and the applicant use them.
/// </summary>
public class ConventionsTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static DateOnly Aujourdhui => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris.Fuseau).DateTime);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<T> LireAsync<T>(Func<EgalisDbContext, Task<T>> lecture)
    {
        using var scope = factory.Services.CreateScope();
        return await lecture(scope.ServiceProvider.GetRequiredService<EgalisDbContext>());
    }

    private async Task<int> AccordeAsync(int appel, string nom, string siret, decimal montant, DateOnly comite, bool memeOrganisation = false)
    {
        var dossier = await factory.DossierEnInstructionAsync(appel, nom, siret, montant, memeOrganisation);
        await factory.NoterAsync(dossier, "Ivan Instructeur", 4);
        await factory.NoterAsync(dossier, "Alice Admin", 4);
        await factory.ComiteAsync(appel, comite, (dossier, montant));
        return dossier;
    }

    [Fact]
    [Soumet(typeof(SubventionModel), "Preparer")]
    [Soumet(typeof(SubventionModel), "Envoyer")]
    [Soumet(typeof(SubventionModel), "Signer")]
    [Soumet(typeof(SubventionModel), "Verser")]
    [Soumet(typeof(SubventionModel), "Verifier")]
    [Soumet(typeof(CompteRenduModel))]
    [Soumet(typeof(CompteRenduModel), "Deposer")]
    public async Task A_grant_above_the_threshold_is_signed_paid_in_two_goes_and_reported()
    {
        var printemps = await factory.AppelOuvertAsync("Appel des conventions", 60_000m);
        var automne = await factory.AppelOuvertAsync("Appel des conventions bis");
        // Two grants of 12 000 € to the same association in 2020: 24 000 €, above 23 000 €.
        var premier = await AccordeAsync(printemps, "Maison des droits", "41234567000001", 12_000m, new DateOnly(2020, 6, 15));
        var second = await AccordeAsync(automne, "Maison des droits", "41234567000001", 12_000m, new DateOnly(2020, 10, 15), memeOrganisation: true);
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var presidente = await factory.SignedInAsync("41234567000001@asso.fr", FondsDonnees.MotDePasse);
        var url = $"/fonds/gestion/subvention/{premier}";

        var page = await cheffe.GetHtmlAsync(url);
        Assert.Contains("accordé par le comité du 15/06/2020 : <strong>12\u202F000,00 €</strong> · conditions à préparer", page);
        Assert.Contains("Subventions du fonds à l'organisation en 2020 : 24\u202F000,00 €. Au-delà de 23\u202F000,00 € dans l'année, une convention est requise.", page);
        // Nothing is sent yet: the organisation sees no convention.
        Assert.Equal(HttpStatusCode.NotFound, (await presidente.GetAsync($"/fonds/dossier/{premier}?handler=Convention")).StatusCode);

        // The terms: without a convention is refused (next to the box), an impossible share too; nothing is saved.
        var preparer = await Formulaire.LireAsync(cheffe, url, "?handler=Preparer");
        var sans = await (await preparer.EnvoyerAsync(cheffe, new() { ["AvecConvention"] = null, ["Modalite"] = "tranches", ["PremierePart"] = "100" })).ReadHtmlAsync();
        Assert.Contains("Une convention est requise : l'organisation a reçu 24\u202F000,00 € du fonds en 2020, au-delà de 23\u202F000,00 €.", sans);
        Assert.Contains("La part versée à la signature est un pourcentage entre 1 et 99", sans);
        Assert.Contains("value=\"100\"", sans);
        Assert.Equal(0, await LireAsync(db => db.Set<ConventionSubvention>().CountAsync(c => c.DossierId == premier)));
        var prepare = await preparer.EnvoyerAsync(cheffe, new() { ["AvecConvention"] = "true", ["Modalite"] = "tranches", ["PremierePart"] = "80" });
        Assert.Equal(HttpStatusCode.Redirect, prepare.StatusCode);
        page = await cheffe.GetHtmlAsync(url);
        Assert.Contains("Avec convention · versement en deux fois : 9\u202F600,00 € à la signature de la convention, puis le solde de 2\u202F400,00 € après le dépôt du compte rendu financier · compte rendu financier attendu le 30/12/2027.", page);
        Assert.Contains("La convention en PDF (projet, pour relecture)", page);
        var apercu = await cheffe.GetAsync($"{url}?handler=Convention");
        Assert.Equal("application/pdf", apercu.Content.Headers.ContentType?.MediaType);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await apercu.Content.ReadAsByteArrayAsync()))
        {
            var texte = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))).Replace('\u202F', ' ').Replace('\u00A0', ' ');
            Assert.Contains("Convention d'attribution de subvention (projet)", texte);
            Assert.Contains("Maison des droits, 12 rue de la République, 13002 Marseille, SIRET 41234567000001, RNA W133001234, représentée par Présidente de Maison des droits, Présidente", texte);
            Assert.Contains("une subvention de 12 000,00 €, soit 80 % du coût prévisionnel du projet (15 000,00 €).", texte);
            Assert.Contains("Premier versement 9 600,00 € À la signature de la convention", texte);
            Assert.Contains("Solde 2 400,00 € Après le dépôt du compte rendu financier", texte);
            Assert.Contains("au plus tard le 30/12/2027", texte);
        }
        // No payment before the signature: no form, and a forged request is refused.
        Assert.DoesNotContain("?handler=Verser", page);
        var versements = await LireAsync(db => (from v in db.Set<VersementSubvention>() join c in db.Set<ConventionSubvention>() on v.ConventionId equals c.Id
                                                where c.DossierId == premier orderby v.Rang select v).ToListAsync());
        Assert.Equal([9_600m, 2_400m], versements.Select(v => v.Montant));
        var force = await EgalisFactory.PostBrutAsync(cheffe, $"{url}?handler=Verser&versement={versements[0].Id}",
            new() { [$"Date[{versements[0].Id}]"] = Iso(Aujourdhui) }, formPage: url);
        Assert.Contains("Le versement attend la convention signée (ou, sans convention, la notification des conditions).", await force.ReadHtmlAsync());

        // Sent: the members are told, and the organisation downloads it; the terms no longer change.
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(cheffe, url, "?handler=Envoyer")).EnvoyerAsync(cheffe)).StatusCode);
        var courriel = await factory.MessageAsync("41234567000001@asso.fr", "Convention de subvention à signer – fonds d'initiative");
        Assert.Contains("La convention de la subvention de 12\u202F000,00 € est prête.", courriel.TextBody);
        Assert.Contains("Compte rendu financier à déposer au plus tard le 30/12/2027.", courriel.TextBody);
        Assert.Equal("application/pdf", (await presidente.GetAsync($"/fonds/dossier/{premier}?handler=Convention")).Content.Headers.ContentType?.MediaType);
        Assert.Contains("La convention est à faire signer par le représentant légal", await presidente.GetHtmlAsync($"/fonds/dossier/{premier}"));
        page = await cheffe.GetHtmlAsync(url);
        Assert.DoesNotContain("?handler=Preparer", page);
        var tardif = await preparer.EnvoyerAsync(cheffe, new() { ["AvecConvention"] = "true", ["Modalite"] = "unique" });
        Assert.Contains("Les conditions de cette subvention sont arrêtées : elles ne se modifient plus.", await tardif.ReadHtmlAsync());

        // Signed: a date (not in the future) and the signed copy, a real PDF.
        var signer = await Formulaire.LireAsync(cheffe, url, "?handler=Signer");
        var faux = await (await signer.EnvoyerAsync(cheffe, new() { ["SigneeLe"] = Iso(Aujourdhui.AddDays(2)) },
            fichiers: new() { ["Copie"] = ("convention.pdf", "\u0089PNG\r\n\u001a\n"u8.ToArray()) })).ReadHtmlAsync();
        Assert.Contains("La date de signature ne peut pas être dans le futur.", faux);
        Assert.Contains("Ce fichier n'est pas d'un type accepté (PDF)", faux);
        Assert.Equal(StatutConvention.Envoyee, await LireAsync(db => db.Set<ConventionSubvention>().Where(c => c.DossierId == premier).Select(c => c.Statut).SingleAsync()));
        var signe = await signer.EnvoyerAsync(cheffe, new() { ["SigneeLe"] = Iso(Aujourdhui) }, fichiers: new() { ["Copie"] = ("convention signée.pdf", "%PDF-1.7 signée"u8.ToArray()) });
        Assert.Equal(HttpStatusCode.Redirect, signe.StatusCode);
        page = await cheffe.GetHtmlAsync(url);
        Assert.Contains($"convention signée le {Aujourdhui:dd/MM/yyyy}", page);
        Assert.DoesNotContain("?handler=Signer", page);
        var copie = await LireAsync(db => db.Set<ConventionSubvention>().Where(c => c.DossierId == premier).Select(c => c.CopieSigneeId!.Value).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await presidente.GetAsync($"/fichiers/{copie}")).StatusCode);
        var etranger = await factory.InscrireAsync("Paul Voisin", "paul.voisin@exemple.fr");
        Assert.Equal(HttpStatusCode.NotFound, (await etranger.GetAsync($"/fichiers/{copie}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await etranger.GetAsync($"/fonds/dossier/{premier}/compte-rendu")).StatusCode);
        var resigne = await signer.EnvoyerAsync(cheffe, new() { ["SigneeLe"] = Iso(Aujourdhui) }, fichiers: new() { ["Copie"] = ("autre.pdf", "%PDF-1.7 autre"u8.ToArray()) });
        Assert.Contains("La convention est déjà signée : sa signature ne se modifie plus.", await resigne.ReadHtmlAsync());

        // The open data now publishes this grant, dated by its signature; the other one still waits for its convention.
        var donnees = await factory.Client().GetStringAsync("/api/v1/opendata/subventions.json");
        var lignes = System.Text.Json.JsonDocument.Parse(donnees).RootElement.EnumerateArray().Where(l => l.GetProperty("idBeneficiaire").GetString() == "41234567000001").ToList();
        var ligne = Assert.Single(lignes);
        Assert.Equal(Iso(Aujourdhui), ligne.GetProperty("dateConvention").GetString());
        Assert.Equal("échelonné", ligne.GetProperty("conditionsVersement").GetString());

        // Before any payment, the team checks the organisation and the RIB copied at submission.
        page = await cheffe.GetHtmlAsync(url);
        Assert.Contains("Le versement attend la vérification de l'organisation et de son RIB par l'équipe du fonds.", page);
        Assert.Contains("IBAN FR7630006000011234567890189", page);
        var verifier = await Formulaire.LireAsync(cheffe, url, "?handler=Verifier");
        Assert.Contains("Cochez la case pour confirmer la vérification", await (await verifier.EnvoyerAsync(cheffe)).ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await verifier.EnvoyerAsync(cheffe, new() { ["Verification"] = "true" })).StatusCode);
        Assert.Contains("Vérifiée le", await cheffe.GetHtmlAsync(url));

        // The first payment: a Budget payment on the grant's commitment.
        var verser = await Formulaire.LireAsync(cheffe, url, $"?handler=Verser&versement={versements[0].Id}");
        Assert.Contains("La date du mandatement ne peut pas être dans le futur.",
            await (await verser.EnvoyerAsync(cheffe, new() { [$"Date[{versements[0].Id}]"] = Iso(Aujourdhui.AddDays(3)) })).ReadHtmlAsync());
        var verse = await verser.EnvoyerAsync(cheffe, new() { [$"Date[{versements[0].Id}]"] = Iso(Aujourdhui), [$"Reference[{versements[0].Id}]"] = "Mandat 2020-0412" });
        Assert.Equal(HttpStatusCode.Redirect, verse.StatusCode);
        var engagement = await LireAsync(db => db.Set<DecisionComite>().Where(d => d.DossierId == premier).Select(d => d.EngagementId!.Value).SingleAsync());
        var mandats = await LireAsync(db => db.Set<Mandatement>().Where(m => m.EngagementId == engagement).Select(m => new { m.Montant, m.Reference }).ToListAsync());
        Assert.Equal(9_600m, Assert.Single(mandats).Montant);
        Assert.Equal("Mandat 2020-0412", mandats[0].Reference);
        Assert.Contains("La Métropole a mandaté 9\u202F600,00 € le", (await factory.MessageAsync("41234567000001@asso.fr", "Versement de la subvention – fonds d'initiative")).TextBody);
        Assert.Contains("FR76*******************0189", (await factory.MessageAsync("41234567000001@asso.fr", "Versement de la subvention – fonds d'initiative")).TextBody);
        Assert.Contains("Ce versement est déjà fait", await (await verser.EnvoyerAsync(cheffe, new() { [$"Date[{versements[0].Id}]"] = Iso(Aujourdhui) })).ReadHtmlAsync());
        // The balance waits for the report.
        page = await cheffe.GetHtmlAsync(url);
        Assert.Contains("Le solde se verse après le dépôt du compte rendu financier.", page);
        Assert.DoesNotContain($"versement={versements[1].Id}", page);

        // The report: any member saves it; what is missing is listed with a link to each field.
        var compteRendu = $"/fonds/dossier/{premier}/compte-rendu";
        var formulaire = await Formulaire.LireAsync(presidente, compteRendu);
        var illisible = await formulaire.EnvoyerAsync(presidente, new() { ["Input.Realisation"] = "Six ateliers.", ["Input.Realise[64]"] = "beaucoup" });
        Assert.Contains("value=\"beaucoup\"", await illisible.ReadHtmlAsync());
        Assert.Equal(0, await LireAsync(db => db.Set<CompteRenduFinancier>().CountAsync(c => c.DossierId == premier)));
        // Charges 15 000 € forecast, 11 000 € actual: a gap of more than 20 %, to explain.
        var enregistre = await formulaire.EnvoyerAsync(presidente, new()
        {
            ["Input.Realisation"] = "Six ateliers dans trois collèges.", ["Input.PersonnesTouchees"] = "140", ["Input.SubventionRealisee"] = "12000",
            ["Input.Realise[64]"] = "11000", ["Input.Realise[74-etat]"] = "3000",
        });
        Assert.Equal(HttpStatusCode.Redirect, enregistre.StatusCode);
        var brouillon = await presidente.GetHtmlAsync(compteRendu);
        Assert.Contains("Expliquez les écarts de plus de 20 % entre le prévu et le réalisé (64 – Charges de personnel : 73 % du prévu).", brouillon);
        Assert.Contains("href=\"#Input_ExplicationEcarts\"", brouillon);
        // « Certifier et déposer » from the same form: what is typed is saved first, then checked.
        var deposer = await Formulaire.LireAsync(presidente, compteRendu, "?handler=Deposer");
        var refuse = await (await deposer.EnvoyerAsync(presidente, new() { ["Input.Observations"] = "Bilan partagé avec les collèges." })).ReadHtmlAsync();
        Assert.Contains("Cochez la certification", refuse);
        Assert.Contains("Expliquez les écarts", refuse);
        var brouillonEnregistre = await LireAsync(db => db.Set<CompteRenduFinancier>().Where(c => c.DossierId == premier).Select(c => new { c.Observations, c.DeposeLe }).SingleAsync());
        Assert.Equal("Bilan partagé avec les collèges.", brouillonEnregistre.Observations);
        Assert.Null(brouillonEnregistre.DeposeLe);
        // The explanation typed and the certification ticked in one go: nothing typed is lost.
        deposer = await Formulaire.LireAsync(presidente, compteRendu, "?handler=Deposer");
        Assert.Equal(HttpStatusCode.Redirect, (await deposer.EnvoyerAsync(presidente, new() { ["Input.ExplicationEcarts"] = "Un animateur de moins au second trimestre.", ["Certification"] = "true" })).StatusCode);
        Assert.Equal("Un animateur de moins au second trimestre.", await LireAsync(db => db.Set<CompteRenduFinancier>().Where(c => c.DossierId == premier).Select(c => c.ExplicationEcarts).SingleAsync()));
        var depose = await presidente.GetHtmlAsync(compteRendu);
        Assert.Contains("certifié exact. Il ne se modifie plus.", depose);
        Assert.Contains("<tr><th scope=\"row\">64 – Charges de personnel</th><td class=\"text-end text-nowrap\">15\u202F000,00 €</td><td class=\"text-end text-nowrap\">11\u202F000,00 €</td><td class=\"text-end\">73 %</td></tr>", depose);
        Assert.DoesNotContain("<form method=\"post\"", depose[depose.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.Contains("Le compte rendu a été déposé", await (await formulaire.EnvoyerAsync(presidente, new() { ["Input.Realisation"] = "Réécrit." })).ReadHtmlAsync());
        Assert.Contains("avant de verser le solde", (await factory.MessageAsync("41234567000001@asso.fr", "Compte rendu financier déposé – fonds d'initiative")).TextBody);
        // Nobody follows the dossier: the fund's team hears of it.
        Assert.Contains($"/fonds/gestion/subvention/{premier}", (await factory.MessageAsync("cheffe.projet@egalis.local", "Compte rendu financier reçu – fonds d'initiative")).TextBody);

        // The balance: 12 000 € paid in all on the commitment.
        var solde = await Formulaire.LireAsync(cheffe, url, $"?handler=Verser&versement={versements[1].Id}");
        Assert.Contains($"Le versement est dû depuis le {Aujourdhui:dd/MM/yyyy} (dépôt du compte rendu financier) : le mandatement ne peut pas le précéder.",
            await (await solde.EnvoyerAsync(cheffe, new() { [$"Date[{versements[1].Id}]"] = Iso(Aujourdhui.AddDays(-1)) })).ReadHtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await solde.EnvoyerAsync(cheffe, new() { [$"Date[{versements[1].Id}]"] = Iso(Aujourdhui) })).StatusCode);
        Assert.Equal(12_000m, await LireAsync(db => db.Set<Mandatement>().Where(m => m.EngagementId == engagement).SumAsync(m => m.Montant)));
        Assert.Contains("Engagé au budget : 12\u202F000,00 € · versé : 12\u202F000,00 €", await cheffe.GetHtmlAsync(url));

        // A signed grant is final: an administrator cannot reopen it.
        using (var scope = factory.Services.CreateScope())
        {
            var version = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<Dossier>().Where(d => d.Id == premier).Select(d => d.Version).SingleAsync();
            var rouvrir = await scope.ServiceProvider.GetRequiredService<DossiersService>().InstruireAsync(premier, version, EtatDossier.EnInstruction, "Erreur de montant",
                FondsDonnees.Personne("admin", "Alice Admin", Roles.Admin), "http://localhost", default);
            Assert.Equal("La convention de cette subvention est signée : la décision ne se rouvre plus. Une modification passe par un avenant ou un nouvel acte.", rouvrir.Error);
        }
        Assert.Equal(EtatDossier.Accepte, await LireAsync(db => db.Set<Dossier>().Where(d => d.Id == premier).Select(d => d.Etat).SingleAsync()));
        Assert.NotEqual(0, second);
    }

    [Fact]
    [Soumet(typeof(SubventionModel), "Envoyer")]
    public async Task A_small_grant_is_notified_without_a_convention_and_paid_at_once()
    {
        var appel = await factory.AppelOuvertAsync("Appel des petites subventions", 60_000m);
        var dossier = await AccordeAsync(appel, "Café des langues", "52345678800000", 5_000m, new DateOnly(2020, 5, 4));
        var cheffe = await factory.SignedInAsAsync(Roles.ChefDeProjet);
        var url = $"/fonds/gestion/subvention/{dossier}";
        Assert.Contains("Sous le seuil légal, la convention est facultative.", await cheffe.GetHtmlAsync(url));
        var preparer = await Formulaire.LireAsync(cheffe, url, "?handler=Preparer");
        Assert.Equal(HttpStatusCode.Redirect, (await preparer.EnvoyerAsync(cheffe, new() { ["AvecConvention"] = null, ["Modalite"] = "unique" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(cheffe, url, "?handler=Envoyer")).EnvoyerAsync(cheffe)).StatusCode);
        var courriel = await factory.MessageAsync("52345678800000@asso.fr", "Notification de subvention – fonds d'initiative");
        Assert.Contains("La subvention de 5\u202F000,00 € vous est notifiée ; aucune convention n'est nécessaire.", courriel.TextBody);
        var page = await cheffe.GetHtmlAsync(url);
        Assert.Contains("conditions notifiées le", page);
        Assert.DoesNotContain("?handler=Signer", page);

        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(cheffe, url, "?handler=Verifier")).EnvoyerAsync(cheffe, new() { ["Verification"] = "true" })).StatusCode);
        // Not before the notification.
        var versement0 = await LireAsync(db => (from v in db.Set<VersementSubvention>() join c in db.Set<ConventionSubvention>() on v.ConventionId equals c.Id
                                                where c.DossierId == dossier select v.Id).SingleAsync());
        var tot = await (await Formulaire.LireAsync(cheffe, url, $"?handler=Verser&versement={versement0}")).EnvoyerAsync(cheffe, new() { [$"Date[{versement0}]"] = Iso(Aujourdhui.AddDays(-1)) });
        Assert.Contains($"Le versement est dû depuis le {Aujourdhui:dd/MM/yyyy} (notification) : le mandatement ne peut pas le précéder.", await tot.ReadHtmlAsync());

        // Two payments of the same instalment at once: one Budget payment.
        var versement = await LireAsync(db => (from v in db.Set<VersementSubvention>() join c in db.Set<ConventionSubvention>() on v.ConventionId equals c.Id
                                               where c.DossierId == dossier select v.Id).SingleAsync());
        var verser = await Formulaire.LireAsync(cheffe, url, $"?handler=Verser&versement={versement}");
        var reponses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => verser.EnvoyerAsync(cheffe, new() { [$"Date[{versement}]"] = Iso(Aujourdhui) })));
        Assert.All(reponses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{r.StatusCode}"));
        var engagement = await LireAsync(db => db.Set<DecisionComite>().Where(d => d.DossierId == dossier).Select(d => d.EngagementId!.Value).SingleAsync());
        Assert.Equal(5_000m, await LireAsync(db => db.Set<Mandatement>().Where(m => m.EngagementId == engagement).SumAsync(m => m.Montant)));
        Assert.Single(await LireAsync(db => db.Set<Mandatement>().Where(m => m.EngagementId == engagement).ToListAsync()));

        // Later in the year, two more grants take the organisation past 23 000 €: the notified terms now call for a
        // convention, on the same schedule; the grant stays in the open data meanwhile.
        var suivant = await factory.AppelOuvertAsync("Appel des petites subventions, suite");
        var dernier = await factory.AppelOuvertAsync("Appel des petites subventions, fin");
        await AccordeAsync(suivant, "Café des langues", "52345678800000", 15_000m, new DateOnly(2020, 9, 4), memeOrganisation: true);
        await AccordeAsync(dernier, "Café des langues", "52345678800000", 4_000m, new DateOnly(2020, 11, 4), memeOrganisation: true);
        page = await cheffe.GetHtmlAsync(url);
        Assert.Contains("Une convention est désormais requise pour cette organisation : envoyez-la sur les mêmes conditions.", page);
        var donnees = await factory.Client().GetStringAsync("/api/v1/opendata/subventions.csv");
        Assert.Contains(",5000.00,", donnees);
        Assert.Equal(HttpStatusCode.Redirect, (await (await Formulaire.LireAsync(cheffe, url, "?handler=Envoyer")).EnvoyerAsync(cheffe)).StatusCode);
        var envoyee = await LireAsync(db => db.Set<ConventionSubvention>().Where(c => c.DossierId == dossier).Select(c => new { c.Statut, c.AvecConvention }).SingleAsync());
        Assert.Equal(StatutConvention.Envoyee, envoyee.Statut);
        Assert.True(envoyee.AvecConvention);
        await factory.MessageAsync("52345678800000@asso.fr", "Convention de subvention à signer – fonds d'initiative");
    }

    [Fact]
    public async Task An_overdue_report_blocks_a_new_dossier_and_the_daily_job_tells_the_organisation_once()
    {
        var ancien = await factory.AppelOuvertAsync("Appel des retards", 60_000m);
        var dossier = await AccordeAsync(ancien, "Jeunes en scène", "63456789500004", 4_000m, new DateOnly(2020, 3, 2));
        // The project ended on 31 March 2026: its report was due on 30 September 2026.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
            await db.Set<Dossier>().Where(d => d.Id == dossier).ExecuteUpdateAsync(s => s.SetProperty(d => d.DateFin, new DateOnly(2026, 3, 31)));
        }
        var nouvelAppel = await factory.AppelOuvertAsync("Appel suivant");
        var presidente = await factory.SignedInAsync("63456789500004@asso.fr", FondsDonnees.MotDePasse);
        var organisation = await LireAsync(db => db.Set<Dossier>().Where(d => d.Id == dossier).Select(d => d.OrganisationId).SingleAsync());
        int brouillon;
        using (var scope = factory.Services.CreateScope())
        {
            var membre = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Users.Where(u => u.Email == "63456789500004@asso.fr").Select(u => u.Id).SingleAsync();
            brouillon = (await scope.ServiceProvider.GetRequiredService<DossiersService>().CreerAsync(nouvelAppel, organisation,
                FondsDonnees.Personne(membre, "Présidente de Jeunes en scène", Roles.Porteur), default)).Id!.Value;
        }
        var page = await presidente.GetHtmlAsync($"/fonds/dossier/{brouillon}");
        Assert.Contains($"<a href=\"/fonds/dossier/{dossier}/compte-rendu\">Le compte rendu financier du dossier « Projet de Jeunes en scène » était attendu le 30/09/2026 : déposez-le depuis ce dossier, puis vous pourrez déposer celui-ci.</a>", page);
        Assert.Contains("Compte rendu en retard", await presidente.GetHtmlAsync($"/fonds/dossier/{dossier}/compte-rendu"));
        var espace = await presidente.GetHtmlAsync("/espace");
        Assert.Contains($"href=\"/fonds/dossier/{dossier}/compte-rendu\">Compte rendu financier : Projet de Jeunes en scène</a>", espace);
        Assert.Contains("en retard depuis le 01/10/2026", espace);

        // The daily job: told once.
        var admin = await factory.SignedInAsAsync(Roles.Admin);
        async Task<Egalis.Web.Platform.Jobs.JobRun> LancerAsync()
        {
            var avant = await LireAsync(db => db.Set<Egalis.Web.Platform.Jobs.JobRun>().MaxAsync(e => (long?)e.Id)) ?? 0;
            var html = await admin.GetHtmlAsync("/administration/taches");
            var section = html[html.IndexOf($"id=\"tache-{ComptesRendusJob.Cle}\"", StringComparison.Ordinal)..];
            section = section[..(section.IndexOf("</section>", StringComparison.Ordinal) + "</section>".Length)];
            Assert.Equal(HttpStatusCode.Redirect, (await Formulaire.Depuis(section, "/administration/taches", "?handler=Executer").EnvoyerAsync(admin)).StatusCode);
            return await Egalis.Tests.Platform.TachesTests.ExecutionAsync(factory.Services, ComptesRendusJob.Cle, avant);
        }
        var execution = await LancerAsync();
        Assert.True(execution.Reussie, execution.Erreur);
        Assert.Contains("1 compte rendu signalé en retard", execution.CompteRendu);
        var message = await factory.MessageAsync("63456789500004@asso.fr", "Compte rendu financier en retard – fonds d'initiative");
        Assert.Contains("était attendu le 30/09/2026", message.TextBody);
        Assert.Contains($"/fonds/dossier/{dossier}/compte-rendu", message.TextBody);
        Assert.Equal("Aucun compte rendu à rappeler ni de nouveau retard.", (await LancerAsync()).CompteRendu);
        Assert.Equal(1, factory.Smtp.Messages.Count(m => m.Subject == "Compte rendu financier en retard – fonds d'initiative" && m.To.Mailboxes.Any(b => b.Address == "63456789500004@asso.fr")));

        // Once the report is in, the new dossier no longer waits for it.
        using (var scope = factory.Services.CreateScope())
        {
            var suivi = scope.ServiceProvider.GetRequiredService<SuiviService>();
            var membre = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Users.Where(u => u.Email == "63456789500004@asso.fr").Select(u => u.Id).SingleAsync();
            var qui = FondsDonnees.Personne(membre, "Présidente de Jeunes en scène", Roles.Porteur);
            Assert.True((await suivi.EnregistrerCompteRenduAsync(dossier, 0, new SuiviService.SaisieCompteRendu("Réalisé.", 90, null, null, null, 4_000m,
                new Dictionary<string, decimal?> { ["64"] = 5_000m, ["74-etat"] = 1_000m }), qui, default)).Ok);
            var depot = await suivi.DeposerCompteRenduAsync(dossier, 1, true, qui, "http://localhost", default);
            Assert.True(depot.Ok, depot.Error);
        }
        Assert.DoesNotContain("compte rendu financier du dossier", await presidente.GetHtmlAsync($"/fonds/dossier/{brouillon}"));
    }
}
