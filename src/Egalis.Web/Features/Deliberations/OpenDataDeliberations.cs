using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Egalis.Web.Features.Territoires;
using Egalis.Web.Platform.Text;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// The register as open data, conforming to the SCDL « délibérations » schema 2.1.5: its columns in
/// order, ISO dates, and its cross-field rules (vote counts all filled or all empty, VOTE_REEL =
/// POUR + CONTRE + ABSTENTION, VOTE_EFFECTIF ≥ VOTE_REEL, PREF_DATE ≥ DELIB_DATE).
/// </summary>
public static class OpenDataDeliberations
{
    public static readonly string[] Colonnes =
    [
        "COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM", "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM",
        "PREF_ID", "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL",
    ];

    public static IResult Csv(Registre registre, MatieresActes matieres, IConfiguration configuration, Platform.Collectivite.ProfilCollectivite profil, HttpRequest requete) =>
        Results.Stream(async flux =>
        {
            var actes = await registre.ListeAsync(ct: requete.HttpContext.RequestAborted);
            // The collectivité as its profile names it (COLL_NOM, COLL_SIRET), and its département's prefecture.
            var (siret, nom, prefecture) = (profil.Siret, profil.Nom, "PREF" + profil.Departement);
            var baseUrl = Platform.Web.Hosting.LinkBase(configuration, requete);
            await using var ecrivain = new StreamWriter(flux, new UTF8Encoding(false));
            await using var csv = new CsvWriter(ecrivain, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
            foreach (var c in Colonnes)
            {
                csv.WriteField(c);
            }
            await csv.NextRecordAsync();
            foreach (var a in actes.OrderBy(a => a.Seance.Date).ThenBy(a => a.Point.Id))
            {
                var s = a.Scrutin;
                var d = s is null || a.Presents is null ? null : DecomptesScdl.De(a.Presents.Value, a.Representes ?? 0, s);
                var prefDate = a.Point.DateAccuse is { } accuse && accuse >= a.Seance.Date ? accuse.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
                string[] ligne =
                [
                    nom, siret, IdentifiantInterne(a), a.Seance.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    a.Point.MatiereCode, matieres.NomScdl(a.Point.MatiereCode) ?? "", Texts.WithoutMarkup(a.Point.Objet), "", "",
                    prefDate == "" ? "" : prefecture, prefDate,
                    Entier(d?.Effectif), Entier(d?.Reel), Entier(d?.Pour), Entier(d?.Contre), Entier(d?.Abstention),
                    $"{baseUrl}/deliberations/acte/{a.Point.Id}",
                ];
                foreach (var valeur in ligne)
                {
                    csv.WriteField(Platform.Exports.Spreadsheet.Neutralise(valeur));
                }
                await csv.NextRecordAsync();
            }
        }, "text/csv; charset=utf-8", "deliberations.csv");

    /// <summary>
    /// The act number; for an act the register gives without one (the Conseil de la Métropole's of 2019),
    /// its report number, or else the assembly, date and rank of the item, which identify it uniquely.
    /// </summary>
    public static string IdentifiantInterne(Registre.Acte a) =>
        a.Point.NumeroActe ?? a.Point.NumeroRapport ?? $"{a.Assemblee.Code}-{a.Seance.Date:yyyyMMdd}-{a.Point.Rang}";

    private static string Entier(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
}
