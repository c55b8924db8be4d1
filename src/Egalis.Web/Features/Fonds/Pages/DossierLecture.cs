using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds.Pages;

/// <summary>What a dossier's pages show besides the dossier: its call, its organisation, the names of its codes, its history.</summary>
public sealed record DossierLecture(
    Dossier Dossier, AppelAProjets Appel, Organisation Organisation, string? Representant,
    IReadOnlyList<(string Code, string Nom, string Territoire)> CommunesPossibles, IReadOnlyList<(string Code, string Nom, string Commune)> QpvPossibles,
    IReadOnlyList<(string Code, string Libelle)> CriteresPossibles, IReadOnlyList<(Platform.Workflows.WorkflowStep Etape, string De, string Vers)> Historique,
    IReadOnlyList<OrganisationsService.Piece> Pieces)
{
    public static async Task<DossierLecture> LoadAsync(EgalisDbContext db, Platform.Workflows.Workflows workflows, Dossier dossier, CancellationToken ct)
    {
        var appel = await db.Set<AppelAProjets>().AsNoTracking().SingleAsync(a => a.Id == dossier.AppelId, ct);
        var organisation = await db.Set<Organisation>().AsNoTracking().SingleAsync(o => o.Id == dossier.OrganisationId, ct);
        var representant = await OrganisationsService.RepresentantAsync(db, organisation.Id, ct);
        var communes = (await db.Set<Territoires.Commune>().AsNoTracking().OrderBy(c => c.ConseilTerritoire!.Nom).ThenBy(c => c.Nom)
            .Select(c => new { c.CodeInsee, c.Nom, Territoire = c.ConseilTerritoire!.Nom }).ToListAsync(ct))
            .Select(c => (c.CodeInsee, c.Nom, c.Territoire)).ToList();
        var qpv = (await db.Set<Territoires.QpvCommune>().AsNoTracking().OrderBy(q => q.Commune!.Nom).ThenBy(q => q.Qpv!.Nom)
            .Select(q => new { q.QpvCode, q.Qpv!.Nom, Commune = q.Commune!.Nom }).ToListAsync(ct))
            .Select(q => (q.QpvCode, q.Nom, q.Commune)).ToList();
        var criteres = (await db.Set<Territoires.CritereDiscrimination>().AsNoTracking().OrderBy(c => c.Ordre).Select(c => new { c.Code, c.Libelle }).ToListAsync(ct))
            .Select(c => (c.Code, c.Libelle)).ToList();
        var historique = await workflows.HistoryAsync(DossiersService.Depot, DossiersService.Cle(dossier.Id), ct);
        var pieces = (await (from p in db.Set<PieceOrganisation>().AsNoTracking()
                             join f in db.Set<Platform.Files.StoredFile>() on p.FichierId equals f.Id
                             where p.OrganisationId == organisation.Id
                             select new { p, f }).ToListAsync(ct))
            .Select(x => new OrganisationsService.Piece(x.p.Id, x.p.Type, x.f, x.p.ValableJusquAu)).OrderBy(p => p.Type).ToList();
        return new DossierLecture(dossier, appel, organisation, representant, communes, qpv, criteres, historique, pieces);
    }
}
