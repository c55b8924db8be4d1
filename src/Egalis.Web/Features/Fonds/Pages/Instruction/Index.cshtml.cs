using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds.Pages.Instruction;

/// <summary>The submitted dossiers within the person's scope, filtered by call, state and territory, a page at a time.</summary>
[Authorize(Policy = FondsModule.InstruireLesDossiers)]
public class IndexModel(EgalisDbContext db, CapabilityCatalog capacites) : PageModel
{
    public sealed record Ligne(int Id, string? Intitule, string Organisation, string Appel, EtatDossier Etat, DateTimeOffset? DeposeLe, decimal? MontantDemande, string? Territoire, bool Correction);

    [BindProperty(SupportsGet = true)] public int? Appel { get; set; }
    [BindProperty(SupportsGet = true)] public EtatDossier? Etat { get; set; }
    [BindProperty(SupportsGet = true)] public string? Territoire { get; set; }
    [BindProperty(Name = "p", SupportsGet = true)] public int NumeroPage { get; set; } = 1;

    public List<Ligne> Dossiers { get; private set; } = [];
    public List<SelectListItem> Appels { get; private set; } = [];
    public List<SelectListItem> Territoires { get; private set; } = [];
    public int PageCourante { get; private set; }
    public int Pages { get; private set; }
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var portee = capacites.ScopeOf(User, FondsModule.InstruireLesDossiers);
        // Drafts are the applicants' own: never listed.
        var query = db.Set<Dossier>().AsNoTracking().Where(d => d.Etat != EtatDossier.Brouillon);
        if (!portee.All)
        {
            // A referent sees their territory's dossiers; without a territory, none.
            var territoire = portee.Territoire ?? "\u0000";
            query = query.Where(d => d.ConseilTerritoireCode == territoire);
        }
        if (Appel is { } appel)
        {
            query = query.Where(d => d.AppelId == appel);
        }
        if (Etat is { } etat)
        {
            query = query.Where(d => d.Etat == etat);
        }
        if (!string.IsNullOrEmpty(Territoire))
        {
            query = query.Where(d => d.ConseilTerritoireCode == Territoire);
        }
        var pagination = Pager.Paginate(await query.CountAsync(ct), NumeroPage);
        (PageCourante, Pages, Total) = (pagination.Number, pagination.Pages, pagination.Total);
        Dossiers = await pagination.Apply(query.OrderByDescending(d => d.DeposeLe).ThenByDescending(d => d.Id))
            .Select(d => new Ligne(d.Id, d.Intitule,
                db.Set<Organisation>().Where(o => o.Id == d.OrganisationId).Select(o => o.Nom).Single(),
                db.Set<AppelAProjets>().Where(a => a.Id == d.AppelId).Select(a => a.Titre).Single(),
                d.Etat, d.DeposeLe, d.MontantDemande,
                db.Set<Territoires.ConseilTerritoire>().Where(t => t.Code == d.ConseilTerritoireCode).Select(t => t.Nom).SingleOrDefault(),
                d.CorrectionDemandee != null))
            .ToListAsync(ct);
        Appels = await db.Set<AppelAProjets>().AsNoTracking().Where(a => a.Statut != StatutAppel.Brouillon).OrderByDescending(a => a.Annee).ThenBy(a => a.Titre)
            .Select(a => new SelectListItem(a.Titre, a.Id.ToString())).ToListAsync(ct);
        Territoires = await db.Set<Territoires.ConseilTerritoire>().AsNoTracking().OrderBy(t => t.Code).Select(t => new SelectListItem(t.Nom, t.Code)).ToListAsync(ct);
    }

    public string Adresse(int page) =>
        $"?appel={Appel}&etat={Etat}&territoire={Uri.EscapeDataString(Territoire ?? "")}&p={page}";
}
