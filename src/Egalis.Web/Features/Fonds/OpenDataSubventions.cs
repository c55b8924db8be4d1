using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// The subsidies granted by the fund, as open data in the SCDL « subventions » 2.1.1 format (décret 2017-779): one row
/// per granted dossier once its convention is signed, or, when no convention is needed, once the decision is notified
/// (the committee's decisions are e-mailed when they are applied). The beneficiary and object are those of the
/// decision; its reference is the act linked to the committee.
/// </summary>
public static class OpenDataSubventions
{
    public static readonly string[] Colonnes =
    [
        "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire",
        "objet", "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention", "dispositifAide",
    ];

    public const string Dispositif = "Fonds d'initiative du plan de lutte contre les discriminations";

    public sealed record Ligne(
        string NomAttribuant, string IdAttribuant, DateOnly DateConvention, string? ReferenceDecision, string NomBeneficiaire, string? IdBeneficiaire,
        string? RnaBeneficiaire, string Objet, decimal Montant, string Nature, string ConditionsVersement, string DatesPeriodeVersement,
        bool NotificationUE, decimal PourcentageSubvention, string DispositifAide);

    /// <summary>The published rows, oldest decision first: four queries (decisions, the year's totals, the links and their acts).</summary>
    public static async Task<List<Ligne>> LignesAsync(EgalisDbContext db, Deliberations.Registre registre, Platform.Collectivite.ProfilCollectivite profil, decimal seuil, CancellationToken ct)
    {
        var accordees = await (from d in db.Set<DecisionComite>().AsNoTracking()
                               join c in db.Set<Comite>() on d.ComiteId equals c.Id
                               join x in db.Set<Dossier>() on d.DossierId equals x.Id
                               join v in db.Set<ConventionSubvention>() on d.Id equals v.DecisionId into terms
                               from v in terms.DefaultIfEmpty()
                               where d.Accorde && x.Etat == EtatDossier.Accepte
                                     // The latest decision of a dossier (a reopened grant is decided again).
                                     && !db.Set<DecisionComite>().Any(autre => autre.DossierId == d.DossierId && autre.Id > d.Id)
                               orderby c.Date, d.Id
                               select new
                               {
                                   d.Id, d.Montant, d.NomBeneficiaire, d.SiretBeneficiaire, d.RnaBeneficiaire, d.Objet, x.OrganisationId, c.Date, c.TenuLe, ComiteId = c.Id, x.DateFin,
                                   SigneeLe = v == null ? null : v.SigneeLe,
                                   // The schedule is published once the terms are sent: a draft says nothing yet.
                                   Arretees = v != null && v.Statut != StatutConvention.Projet, PremierePart = v == null ? null : v.PremierePart,
                                   Notifiees = v != null && v.Statut == StatutConvention.Notifiee,
                               })
            .ToListAsync(ct);
        if (accordees.Count == 0)
        {
            return [];
        }
        // What each organisation was granted in each year, every call counted: above the threshold, a convention first.
        var annees = accordees.Select(a => a.Date.Year).Distinct().ToList();
        var totaux = (await (from d in db.Set<DecisionComite>().AsNoTracking()
                             join c in db.Set<Comite>() on d.ComiteId equals c.Id
                             join x in db.Set<Dossier>() on d.DossierId equals x.Id
                             where d.Accorde && x.Etat == EtatDossier.Accepte && annees.Contains(c.Date.Year)
                             select new { x.OrganisationId, c.Date.Year, d.Montant }).ToListAsync(ct))
            .GroupBy(t => (t.OrganisationId, t.Year)).ToDictionary(g => g.Key, g => g.Sum(t => t.Montant ?? 0));
        // The register says which act decided each committee (the Fonds module does not read its tables).
        var decisions = await registre.ActesIdParReferenceAsync(ComiteLinkTarget.TypeLien,
            accordees.Select(a => a.ComiteId.ToString(CultureInfo.InvariantCulture)).Distinct().ToList(), ct);
        string? Reference(int comite) => decisions.GetValueOrDefault(comite.ToString(CultureInfo.InvariantCulture));

        // Above the threshold, once its convention is signed (dated by its signature); below, once the decision is notified.
        // Terms notified before a later grant crossed the threshold stay published: they were lawful when notified.
        return accordees
            .Where(a => a.SigneeLe is not null || a.Notifiees || !Conventions.Requise(totaux.GetValueOrDefault((a.OrganisationId, a.Date.Year)), seuil))
            .Select(a =>
            {
                var notifie = a.SigneeLe ?? (a.TenuLe is { } tenu ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(tenu, Platform.Web.Paris.Fuseau).DateTime) : a.Date);
                var fin = a.DateFin is { } f && f > notifie ? f : (DateOnly?)null;
                var objet = a.Objet ?? $"Dossier n° {a.Id}";
                return new Ligne(profil.Nom, profil.Siret, notifie, Reference(a.ComiteId), a.NomBeneficiaire ?? "", a.SiretBeneficiaire, a.RnaBeneficiaire,
                    objet.Length > 256 ? objet[..255] + "…" : objet, a.Montant ?? 0, "aide en numéraire",
                    a.Arretees ? Suivi.ConditionsScdl(a.PremierePart) : Suivi.ConditionsAFixer, fin is null ? Iso(notifie) : $"{Iso(notifie)}/{Iso(fin.Value)}",
                    false, 1m, Dispositif);
            }).ToList();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Cellules(Ligne l) =>
    [
        l.NomAttribuant, l.IdAttribuant, Iso(l.DateConvention), l.ReferenceDecision ?? "", l.NomBeneficiaire, l.IdBeneficiaire ?? "", l.RnaBeneficiaire ?? "",
        l.Objet, l.Montant.ToString("0.00", CultureInfo.InvariantCulture), l.Nature, l.ConditionsVersement, l.DatesPeriodeVersement, "",
        l.NotificationUE ? "oui" : "non", l.PourcentageSubvention.ToString("0.00", CultureInfo.InvariantCulture), l.DispositifAide,
    ];

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v1/opendata/subventions.csv", async (EgalisDbContext db, Deliberations.Registre registre, Platform.Collectivite.ProfilCollectivite profil, IConfiguration configuration, HttpResponse reponse, CancellationToken ct) =>
            {
                var lignes = await LignesAsync(db, registre, profil, Conventions.Seuil(configuration), ct);
                reponse.ContentType = "text/csv; charset=utf-8";
                reponse.Headers.ContentDisposition = "attachment; filename=\"subventions.csv\"";
                await using var ecrivain = new StreamWriter(reponse.Body, new UTF8Encoding(false));
                await using var csv = new CsvWriter(ecrivain, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
                foreach (var c in Colonnes)
                {
                    csv.WriteField(c);
                }
                await csv.NextRecordAsync();
                foreach (var l in lignes)
                {
                    foreach (var valeur in Cellules(l))
                    {
                        csv.WriteField(Platform.Exports.Spreadsheet.Neutralise(valeur));
                    }
                    await csv.NextRecordAsync();
                }
            })
            .AllowAnonymous()
            .CacheOutput(Platform.Caching.PublicCache.Policy)
            .WithTags("Données ouvertes")
            .WithSummary("Subventions du fonds d'initiative au format SCDL subventions 2.1.1 (CSV)");

        app.MapGet("/api/v1/opendata/subventions.json", async (EgalisDbContext db, Deliberations.Registre registre, Platform.Collectivite.ProfilCollectivite profil, IConfiguration configuration, CancellationToken ct) =>
                Results.Json((await LignesAsync(db, registre, profil, Conventions.Seuil(configuration), ct)).Select(l => new Dictionary<string, object?>
                {
                    ["nomAttribuant"] = l.NomAttribuant, ["idAttribuant"] = l.IdAttribuant, ["dateConvention"] = Iso(l.DateConvention),
                    ["referenceDecision"] = l.ReferenceDecision, ["nomBeneficiaire"] = l.NomBeneficiaire, ["idBeneficiaire"] = l.IdBeneficiaire,
                    ["rnaBeneficiaire"] = l.RnaBeneficiaire, ["objet"] = l.Objet, ["montant"] = l.Montant, ["nature"] = l.Nature,
                    ["conditionsVersement"] = l.ConditionsVersement, ["datesPeriodeVersement"] = l.DatesPeriodeVersement, ["idRAE"] = null,
                    ["notificationUE"] = l.NotificationUE, ["pourcentageSubvention"] = l.PourcentageSubvention, ["dispositifAide"] = l.DispositifAide,
                })))
            .AllowAnonymous()
            .CacheOutput(Platform.Caching.PublicCache.Policy)
            .WithTags("Données ouvertes")
            .WithSummary("Subventions du fonds d'initiative au format SCDL subventions 2.1.1 (JSON)");
    }
}

/// <summary>The fund's subsidies in the « Données ouvertes » list.</summary>
public sealed class SubventionsDataset(Deliberations.Registre registre, Platform.Collectivite.ProfilCollectivite profil, IConfiguration configuration) : IOpenDataset
{
    public string Title => "Subventions du fonds d'initiative";
    public string Description => "Les subventions accordées par le fonds d'initiative du plan : bénéficiaire, objet, montant, décision. Une subvention y figure dès que sa convention est signée, ou dès sa notification quand aucune convention n'est requise.";
    public (string Nom, string? Url)? Schema => ("SCDL Subventions 2.1.1", "https://schema.data.gouv.fr/scdl/subventions/");

    public Task<IReadOnlyList<(string Libelle, string Url)>> FilesAsync(EgalisDbContext db, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([("CSV", "/api/v1/opendata/subventions.csv"), ("JSON", "/api/v1/opendata/subventions.json")]);

    public async Task<int> RowCountAsync(EgalisDbContext db, CancellationToken ct) =>
        (await OpenDataSubventions.LignesAsync(db, registre, profil, Conventions.Seuil(configuration), ct)).Count;

    public IReadOnlyList<Type> Entities => [typeof(DecisionComite), typeof(Comite), typeof(ConventionSubvention)];
}
