using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Egalis.Web.Features.Fonds.Pages.Instruction;

/// <summary>The submitted dossiers within the person's scope, filtered by call, state and territory, a page at a time.</summary>
[Authorize(Policy = FondsModule.InstruireLesDossiers)]
public class IndexModel(EgalisDbContext db, CapabilityCatalog capacites) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Appel { get; set; }
    [BindProperty(SupportsGet = true)] public EtatDossier? Etat { get; set; }
    [BindProperty(SupportsGet = true)] public string? Territoire { get; set; }
    [BindProperty(Name = "p", SupportsGet = true)] public int NumeroPage { get; set; } = 1;

    public List<InstructionListe.Ligne> Dossiers { get; private set; } = [];
    public List<SelectListItem> Appels { get; private set; } = [];
    public List<SelectListItem> Territoires { get; private set; } = [];
    public int PageCourante { get; private set; }
    public int Pages { get; private set; }
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await InstructionListe.PageAsync(db, capacites.ScopeOf(User, FondsModule.InstruireLesDossiers), Appel, Etat, Territoire, NumeroPage, ct);
        (PageCourante, Pages, Total) = (page.Pagination.Number, page.Pagination.Pages, page.Pagination.Total);
        Dossiers = page.Lignes;
        Appels = page.Appels.Select(a => new SelectListItem(a.Titre, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Territoires = page.Territoires.Select(t => new SelectListItem(t.Nom, t.Code)).ToList();
    }

    public string Filtres => $"appel={Appel}&etat={Etat}&territoire={Uri.EscapeDataString(Territoire ?? "")}";

    public string Adresse(int page) => $"?{Filtres}&p={page}";
}
