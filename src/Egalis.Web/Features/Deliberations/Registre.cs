using Egalis.Web.Platform.Ui;
using Egalis.Web.Features.Territoires;
using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// Reads the register of deliberations with their attendance counts, quorum and result. Only decided
/// acts are read unless the secretariat asks for its drafts too: a draft never reaches a public page,
/// the API or the open data.
/// </summary>
public sealed class Registre(EgalisDbContext db, Platform.Collectivite.ProfilCollectivite profil)
{
    public sealed record Acte(PointOrdreDuJour Point, Seance Seance, Assemblee Assemblee, int? MembresEnExercice, int? Presents, int? Representes,
        int? Absents, bool? QuorumAtteint, ResultatDeliberation? Resultat)
    {
        /// <summary>The collectivité whose act it is (département and SIREN, from its profile), for its ACTES identifier.</summary>
        public (string Departement, string Siren) Collectivite { get; init; }

        public string? ActesId => Point.NumeroActe is null
            ? null
            : new ActesId(Collectivite.Departement, Collectivite.Siren, Seance.Date, Point.NumeroActe, Point.NatureCode).ToString();

        public Scrutin? Scrutin => Point.Genre == GenrePoint.Vote && Point.Pour is not null
            ? new Scrutin(Point.Pour.Value, Point.Contre ?? 0, Point.Abstention ?? 0, Point.NePrendPasPart ?? 0, Point.ScrutinSecret, Point.VoixPresidentPour)
            : null;
    }

    public Task<List<Acte>> ListeAsync(string? assemblee = null, int? annee = null, int? pointId = null, string? numeroActe = null, bool inclureProjets = false, CancellationToken ct = default) =>
        LoadAsync(Filtrer(assemblee, annee, pointId is null ? null : [pointId.Value], numeroActe, inclureProjets), ct);

    /// <summary>One page of the register, paged by the database, with the total count.</summary>
    public async Task<(List<Acte> Actes, Pagination Page)> PageAsync(string? assemblee, int? annee, int? page, int taille, CancellationToken ct = default)
    {
        var requete = Filtrer(assemblee, annee, null, null, inclureProjets: false);
        var pagination = Pager.Paginate(await requete.CountAsync(ct), page, taille);
        return (await LoadAsync(pagination.Apply(requete), ct), pagination);
    }

    private IQueryable<PointOrdreDuJour> Filtrer(string? assemblee, int? annee, IReadOnlyCollection<int>? pointIds, string? numeroActe, bool inclureProjets)
    {
        var requete = db.Set<PointOrdreDuJour>().AsNoTracking().Include(p => p.Seance!).ThenInclude(s => s.Assemblee).AsQueryable();
        if (!inclureProjets)
        {
            requete = requete.Where(p => p.Delibere);
        }
        if (assemblee is not null)
        {
            requete = requete.Where(p => p.Seance!.Assemblee!.Code == assemblee);
        }
        if (annee is not null)
        {
            var debut = new DateOnly(annee.Value, 1, 1);
            var fin = new DateOnly(annee.Value, 12, 31);
            requete = requete.Where(p => p.Seance!.Date >= debut && p.Seance.Date <= fin);
        }
        if (pointIds is not null)
        {
            requete = requete.Where(p => pointIds.Contains(p.Id));
        }
        if (numeroActe is not null)
        {
            requete = requete.Where(p => p.NumeroActe == numeroActe);
        }
        // Unique to the last key: a page never repeats nor skips an act (two sessions may share a day).
        return requete.OrderByDescending(p => p.Seance!.Date).ThenBy(p => p.Seance!.AssembleeId).ThenBy(p => p.SeanceId).ThenBy(p => p.Rang).ThenBy(p => p.Id);
    }

    /// <summary>
    /// The acts with their session and assembly, attendance counts, the members in office that day, quorum and result:
    /// one query whatever the number of acts (the counts are subqueries on the indexes of attendance and terms).
    /// </summary>
    private async Task<List<Acte>> LoadAsync(IQueryable<PointOrdreDuJour> requete, CancellationToken ct)
    {
        var rangees = await requete.Select(p => new
        {
            Point = p,
            Seance = p.Seance!,
            Assemblee = p.Seance!.Assemblee!,
            Lignes = db.Set<Presence>().Count(x => x.PointId == p.Id),
            Presents = db.Set<Presence>().Count(x => x.PointId == p.Id && x.Statut == StatutPresence.Present),
            Representes = db.Set<Presence>().Count(x => x.PointId == p.Id && x.Statut == StatutPresence.Represente),
            EnExercice = db.Set<Mandat>().Count(m => m.AssembleeId == p.Seance!.AssembleeId && m.Debut <= p.Seance.Date && (m.Fin == null || p.Seance.Date <= m.Fin)),
        }).ToListAsync(ct);
        var points = rangees.Select(r =>
        {
            r.Seance.Assemblee = r.Assemblee;
            r.Point.Seance = r.Seance;
            return r.Point;
        }).ToList();
        var comptes = rangees.ToDictionary(r => r.Point.Id);

        return points.Select(p =>
        {
            var seance = p.Seance!;
            var compte = comptes[p.Id];
            var enExercice = compte.EnExercice;
            int? presents = compte.Lignes == 0 ? null : compte.Presents;
            int? representes = compte.Lignes == 0 ? null : compte.Representes;
            bool? quorum = null;
            if (presents is not null && enExercice > 0)
            {
                // A session convened again after a failed quorum deliberates without quorum.
                quorum = seance.SeanceInitialeId is not null || (PolitiqueQuorum.Find(seance.PolitiqueCode) ?? PolitiqueQuorum.DroitCommun).Evaluer(enExercice, presents.Value, representes ?? 0).Atteint;
            }
            var acte = new Acte(p, seance, seance.Assemblee!, enExercice == 0 ? null : enExercice, presents, representes,
                presents is null || enExercice == 0 ? null : enExercice - presents.Value - (representes ?? 0), quorum, null);
            var resultat = p.Genre == GenrePoint.PriseActe ? ResultatDeliberation.PrendActe : acte.Scrutin?.Resultat() ?? p.ResultatSansDecompte;
            return acte with { Resultat = resultat, Collectivite = (profil.Departement, profil.Siren) };
        }).ToList();
    }

    /// <summary>The acts that concern records of other modules (a plan action, a budget line…), oldest first.</summary>
    public async Task<List<Acte>> ActesLiesAsync(IReadOnlyCollection<(string Type, string Reference)> cibles, CancellationToken ct = default)
    {
        var types = cibles.Select(c => c.Type).Distinct().ToList();
        var liens = await db.Set<LienDeliberation>().AsNoTracking().Where(l => types.Contains(l.Type)).ToListAsync(ct);
        var ids = liens.Where(l => cibles.Contains((l.Type, l.Reference))).Select(l => l.PointId).Distinct().ToList();
        return ids.Count == 0 ? [] : (await LoadAsync(Filtrer(null, null, ids, null, inclureProjets: false), ct)).OrderBy(a => a.Seance.Date).ToList();
    }

    /// <summary>For each record of a kind (« fonds-comite » 3…), the ACTES id of the first decided act linked to it: two queries.</summary>
    public async Task<Dictionary<string, string>> ActesIdParReferenceAsync(string type, IReadOnlyCollection<string> references, CancellationToken ct = default)
    {
        var liens = await db.Set<LienDeliberation>().AsNoTracking().Where(l => l.Type == type && references.Contains(l.Reference))
            .Select(l => new { l.Reference, l.PointId }).ToListAsync(ct);
        if (liens.Count == 0)
        {
            return [];
        }
        var actes = (await LoadAsync(Filtrer(null, null, liens.Select(l => l.PointId).Distinct().ToList(), null, inclureProjets: false), ct))
            .Where(a => a.ActesId is not null).OrderBy(a => a.Seance.Date).ThenBy(a => a.Point.Id).ToList();
        return liens.GroupBy(l => l.Reference)
            .Select(g => (g.Key, Id: actes.FirstOrDefault(a => g.Any(l => l.PointId == a.Point.Id))?.ActesId))
            .Where(x => x.Id is not null).ToDictionary(x => x.Key, x => x.Id!);
    }

    /// <summary>An act withdrawn or replaced by a later one, or withdrawing or replacing an earlier one: both ends of the link.</summary>
    public sealed record Relation(string Libelle, int PointId, string? NumeroActe, DateOnly Date);

    /// <summary>
    /// The acts that withdraw or replace this one (only once they are decided themselves), and those it withdraws or replaces.
    /// </summary>
    public async Task<List<Relation>> RelationsAsync(int pointId, CancellationToken ct = default)
    {
        var id = pointId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var types = new[] { LiensDeliberation.RetraitActe, LiensDeliberation.RemplacementActe };
        var liens = await db.Set<LienDeliberation>().AsNoTracking()
            .Where(l => types.Contains(l.Type) && (l.PointId == pointId || l.Reference == id)).ToListAsync(ct);
        var autres = liens.Select(l => l.PointId == pointId ? int.Parse(l.Reference, System.Globalization.CultureInfo.InvariantCulture) : l.PointId).Distinct().ToList();
        var actes = await db.Set<PointOrdreDuJour>().AsNoTracking().Where(p => autres.Contains(p.Id) && p.Delibere)
            .Select(p => new { p.Id, p.NumeroActe, p.Seance!.Date }).ToDictionaryAsync(p => p.Id, ct);
        var resultat = new List<Relation>();
        foreach (var l in liens)
        {
            var sortant = l.PointId == pointId;
            var autre = sortant ? int.Parse(l.Reference, System.Globalization.CultureInfo.InvariantCulture) : l.PointId;
            if (!actes.TryGetValue(autre, out var a))
            {
                continue;
            }
            var libelle = (sortant, l.Type) switch
            {
                (true, LiensDeliberation.RetraitActe) => "Retire l'acte",
                (true, _) => "Remplace l'acte",
                (false, LiensDeliberation.RetraitActe) => "Retiré par l'acte",
                _ => "Remplacé par l'acte",
            };
            resultat.Add(new Relation(libelle, a.Id, a.NumeroActe, a.Date));
        }
        return resultat;
    }

    /// <summary>The decided acts linked to one record, oldest first: one query.</summary>
    public async Task<List<Acte>> ActesLiesAsync(string type, string reference, CancellationToken ct = default) =>
        (await LoadAsync(Filtrer(null, null, null, null, inclureProjets: false)
            .Where(p => db.Set<LienDeliberation>().Any(l => l.PointId == p.Id && l.Type == type && l.Reference == reference)), ct))
        .OrderBy(a => a.Seance.Date).ToList();
}
