using System.Security.Claims;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Exports;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// The submitted dossiers a person may instruct, filtered by call, state and territory: one query for the instruction
/// list's page and its export (streamed, a row at a time, whatever the number of dossiers).
/// </summary>
public static class InstructionListe
{
    public sealed record Ligne(int Id, string? Intitule, string Organisation, string? Siret, string Appel, EtatDossier Etat, DateTimeOffset? DeposeLe,
        decimal? MontantDemande, string? Territoire, bool Correction, string? SuiviPar, int AvisDemandes, int AvisRendus);

    public static IQueryable<Dossier> Filtrer(EgalisDbContext db, CapabilityScope portee, int? appel, EtatDossier? etat, string? territoire,
        int? etiquette = null, string? suiviPar = null, string? commune = null)
    {
        // Drafts are the applicants' own: never listed.
        var query = db.Set<Dossier>().AsNoTracking().Where(d => d.Etat != EtatDossier.Brouillon);
        if (!portee.All)
        {
            // A referent sees their territory's dossiers; without a territory, none.
            var sien = portee.Territoire ?? "\u0000";
            query = query.Where(d => d.ConseilTerritoireCode == sien);
        }
        if (appel is { } a)
        {
            query = query.Where(d => d.AppelId == a);
        }
        if (etat is { } e)
        {
            query = query.Where(d => d.Etat == e);
        }
        if (!string.IsNullOrEmpty(territoire))
        {
            query = query.Where(d => d.ConseilTerritoireCode == territoire);
        }
        if (!string.IsNullOrEmpty(commune))
        {
            query = query.Where(d => d.Communes.Contains(commune));
        }
        if (etiquette is { } e2)
        {
            query = query.Where(d => db.Set<EtiquetteDossier>().Any(l => l.DossierId == d.Id && l.EtiquetteId == e2));
        }
        if (suiviPar is not null)
        {
            query = query.Where(d => d.SuiviParId == suiviPar);
        }
        return query.OrderByDescending(d => d.DeposeLe).ThenByDescending(d => d.Id);
    }

    public static IQueryable<Ligne> Lignes(EgalisDbContext db, IQueryable<Dossier> dossiers) =>
        from d in dossiers
        join o in db.Set<Organisation>() on d.OrganisationId equals o.Id
        join a in db.Set<AppelAProjets>() on d.AppelId equals a.Id
        select new Ligne(d.Id, d.Intitule, o.Nom, o.Siret, a.Titre, d.Etat, d.DeposeLe, d.MontantDemande,
            db.Set<Territoires.ConseilTerritoire>().Where(t => t.Code == d.ConseilTerritoireCode).Select(t => t.Nom).FirstOrDefault(),
            d.CorrectionDemandee != null, d.SuiviPar,
            db.Set<AvisExpert>().Count(x => x.DossierId == d.Id && x.RevoqueLe == null), db.Set<AvisExpert>().Count(x => x.DossierId == d.Id && x.ReponduLe != null));

    /// <summary>
    /// One page of the list, as the instruction page shows it: the count, the page's rows, the calls and territories
    /// of the filters. Five queries whatever the number of dossiers (the load scenario measures it on 20 000).
    /// </summary>
    public sealed record Page(List<Ligne> Lignes, Platform.Ui.Pagination Pagination, List<(int Id, string Titre)> Appels, List<(string Code, string Nom)> Territoires,
        ILookup<int, string> Etiquettes, List<(int Id, string Nom)> EtiquettesPossibles, List<(string Code, string Nom, string Territoire)> Communes);

    public static async Task<Page> PageAsync(EgalisDbContext db, CapabilityScope portee, int? appel, EtatDossier? etat, string? territoire, int numero, CancellationToken ct,
        int? etiquette = null, string? suiviPar = null, string? commune = null)
    {
        var query = Filtrer(db, portee, appel, etat, territoire, etiquette, suiviPar, commune);
        var pagination = Platform.Ui.Pager.Paginate(await query.CountAsync(ct), numero);
        var lignes = await Lignes(db, pagination.Apply(query)).ToListAsync(ct);
        var ids = lignes.Select(l => l.Id).ToList();
        // The labels of the page's dossiers, and those to filter by, in one query.
        var toutes = await (from e in db.Set<EtiquetteFonds>().AsNoTracking()
                            orderby e.Nom
                            select new { e.Id, e.Nom, Dossiers = db.Set<EtiquetteDossier>().Where(l => l.EtiquetteId == e.Id && ids.Contains(l.DossierId)).Select(l => l.DossierId).ToList() })
            .ToListAsync(ct);
        var appels = (await db.Set<AppelAProjets>().AsNoTracking().Where(a => a.Statut != StatutAppel.Brouillon).OrderByDescending(a => a.Annee).ThenBy(a => a.Titre)
            .Select(a => new { a.Id, a.Titre }).ToListAsync(ct)).Select(a => (a.Id, a.Titre)).ToList();
        var territoires = (await db.Set<Territoires.ConseilTerritoire>().AsNoTracking().OrderBy(t => t.Code).Select(t => new { t.Code, t.Nom }).ToListAsync(ct))
            .Select(t => (t.Code, t.Nom)).ToList();
        var communes = (await db.Set<Territoires.Commune>().AsNoTracking().OrderBy(c => c.ConseilTerritoire!.Nom).ThenBy(c => c.Nom)
                .Select(c => new { c.CodeInsee, c.Nom, Territoire = c.ConseilTerritoire!.Nom }).ToListAsync(ct))
            .Select(c => (c.CodeInsee, c.Nom, c.Territoire)).ToList();
        return new Page(lignes, pagination, appels, territoires,
            toutes.SelectMany(e => e.Dossiers.Select(d => (Dossier: d, e.Nom))).ToLookup(x => x.Dossier, x => x.Nom), toutes.Select(e => (e.Id, e.Nom)).ToList(), communes);
    }

    private static readonly IReadOnlyList<Spreadsheet.Colonne<Ligne>> Colonnes =
    [
        new("dossier", l => l.Id),
        new("intitule", l => l.Intitule),
        new("organisation", l => l.Organisation),
        new("siret", l => l.Siret),
        new("appel", l => l.Appel),
        new("territoire", l => l.Territoire),
        new("etat", l => DossiersService.Libelle(l.Etat) + (l.Correction ? " (correction demandée)" : "")),
        new("depose_le", l => l.DeposeLe),
        new("montant_demande", l => l.MontantDemande),
        new("suivi_par", l => l.SuiviPar),
        new("avis_demandes", l => l.AvisDemandes),
        new("avis_rendus", l => l.AvisRendus),
    ];

    public static void Map(WebApplication app) =>
        // The filters as the list's form sends them: an empty one (« Tous ») is no filter, not a bad request.
        app.MapGet("/fonds/instruction/export.{format:regex(^(csv|xlsx)$)}", (string format, string? appel, string? etat, string? territoire, string? etiquette, string? moi, string? commune,
                EgalisDbContext db, CapabilityCatalog capacites, ClaimsPrincipal qui) =>
            {
                int? parAppel = int.TryParse(appel, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : null;
                EtatDossier? parEtat = Enum.TryParse<EtatDossier>(etat, out var e) && Enum.IsDefined(e) && !int.TryParse(etat, out _) ? e : null;
                int? parEtiquette = int.TryParse(etiquette, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : null;
                var suiviPar = moi == "true" ? OrganisationsService.Id(qui) : null;
                var lignes = Lignes(db, Filtrer(db, capacites.ScopeOf(qui, FondsModule.InstruireLesDossiers), parAppel, parEtat, territoire, parEtiquette, suiviPar, commune)).AsAsyncEnumerable();
                return format == "csv" ? Spreadsheet.Csv("fonds-dossiers.csv", Colonnes, lignes) : Spreadsheet.Xlsx("fonds-dossiers.xlsx", Colonnes, lignes);
            })
            .RequireAuthorization(FondsModule.InstruireLesDossiers)
            .WithTags("Exports")
            .WithSummary("Les dossiers du fonds d'initiative qu'on instruit, avec les filtres de la liste (CSV ou XLSX)");
}
