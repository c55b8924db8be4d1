using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Text;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Egalis.Web.Features.Fonds.Pages.Instruction;

/// <summary>
/// The submitted dossiers within the person's scope, filtered by call, state, territory, label and « suivis par moi »,
/// a page at a time; several at once can be followed, labelled or passed to instruction; the team creates labels.
/// </summary>
[Authorize(Policy = FondsModule.InstruireLesDossiers)]
public class IndexModel(EgalisDbContext db, CapabilityCatalog capacites, EchangesService echanges, DossiersService dossiers, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Appel { get; set; }
    [BindProperty(SupportsGet = true)] public EtatDossier? Etat { get; set; }
    [BindProperty(SupportsGet = true)] public string? Territoire { get; set; }
    [BindProperty(SupportsGet = true)] public int? Etiquette { get; set; }
    [BindProperty(SupportsGet = true)] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true)] public bool Moi { get; set; }
    [BindProperty(Name = "p", SupportsGet = true)] public int NumeroPage { get; set; } = 1;

    [BindProperty] public List<int> Choisis { get; set; } = [];
    [BindProperty, Display(Name = "Action")] public string? Action { get; set; }
    [BindProperty, Display(Name = "Nouvelle étiquette")] public string? NouvelleEtiquette { get; set; }

    public List<InstructionListe.Ligne> Dossiers { get; private set; } = [];
    public List<SelectListItem> Appels { get; private set; } = [];
    public List<SelectListItem> Territoires { get; private set; } = [];
    public List<(int Id, string Nom)> Etiquettes { get; private set; } = [];
    public List<(string Code, string Nom, string Territoire)> Communes { get; private set; } = [];
    public ILookup<int, string> EtiquettesDesDossiers { get; private set; } = Enumerable.Empty<int>().ToLookup(i => i, _ => "");
    public int PageCourante { get; private set; }
    public int Pages { get; private set; }
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>One action on the dossiers ticked in the list: each is checked on its own, and the page says what was done and what was not.</summary>
    public async Task<IActionResult> OnPostGroupeAsync(CancellationToken ct)
    {
        var (choisis, action) = (Choisis, Action);
        EchangesService.ActionGroupee quoi;
        int? etiquette = null;
        switch (action)
        {
            case "suivre": quoi = EchangesService.ActionGroupee.Suivre; break;
            case "ne-plus-suivre": quoi = EchangesService.ActionGroupee.NePlusSuivre; break;
            case "instruire": quoi = EchangesService.ActionGroupee.Instruire; break;
            case { } a when a.StartsWith("etiqueter:", StringComparison.Ordinal) && int.TryParse(a["etiqueter:".Length..], out var e1):
                (quoi, etiquette) = (EchangesService.ActionGroupee.Etiqueter, e1); break;
            case { } a when a.StartsWith("desetiqueter:", StringComparison.Ordinal) && int.TryParse(a["desetiqueter:".Length..], out var e2):
                (quoi, etiquette) = (EchangesService.ActionGroupee.Desetiqueter, e2); break;
            default:
                ModelState.Clear();
                await LoadAsync(ct);
                Choisis = choisis;
                ModelState.AddModelError(nameof(Action), "Choisissez une action dans la liste.");
                return Page();
        }
        ModelState.Clear();
        var (faits, refus) = await echanges.AppliquerAsync(choisis, quoi, etiquette, User, dossiers, Hosting.LinkBase(configuration, Request), ct);
        if (faits == 0 && refus.Count > 0)
        {
            await LoadAsync(ct);
            Choisis = choisis;
            foreach (var r in refus)
            {
                ModelState.AddModelError(nameof(Choisis), r);
            }
            return Page();
        }
        TempData["Message"] = $"{French.Majuscule(French.Nombre(faits, "dossier traité", "dossiers traités"))}."
            + (refus.Count > 0 ? $" Non traités : {string.Join(" ; ", refus)}" : "");
        return Redirect($"/fonds/instruction?{Filtres}&p={NumeroPage}");
    }

    /// <summary>The team adds a label the instructors can then put on dossiers.</summary>
    public async Task<IActionResult> OnPostEtiquetteAsync(CancellationToken ct)
    {
        var nom = NouvelleEtiquette;
        ModelState.Clear();
        if (!(await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, FondsModule.GererLeFonds)).Succeeded)
        {
            return Forbid();
        }
        var resultat = await echanges.CreerEtiquetteAsync(nom, ct);
        if (!resultat.Ok)
        {
            await LoadAsync(ct);
            NouvelleEtiquette = nom;
            ModelState.AddErrors(resultat, "");
            return Page();
        }
        TempData["Message"] = $"L'étiquette « {Platform.Text.Texts.Clean(nom)} » est créée.";
        return Redirect($"/fonds/instruction?{Filtres}");
    }

    public bool GereLeFonds { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        var page = await InstructionListe.PageAsync(db, capacites.ScopeOf(User, FondsModule.InstruireLesDossiers), Appel, Etat, Territoire, NumeroPage, ct,
            Etiquette, Moi ? OrganisationsService.Id(User) : null, Commune);
        (PageCourante, Pages, Total) = (page.Pagination.Number, page.Pagination.Pages, page.Pagination.Total);
        Dossiers = page.Lignes;
        Appels = page.Appels.Select(a => new SelectListItem(a.Titre, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Territoires = page.Territoires.Select(t => new SelectListItem(t.Nom, t.Code)).ToList();
        Etiquettes = page.EtiquettesPossibles;
        EtiquettesDesDossiers = page.Etiquettes;
        Communes = page.Communes;
        GereLeFonds = (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, FondsModule.GererLeFonds)).Succeeded;
    }

    public string Filtres => $"appel={Appel}&etat={Etat}&territoire={Uri.EscapeDataString(Territoire ?? "")}&etiquette={Etiquette}&commune={Uri.EscapeDataString(Commune ?? "")}{(Moi ? "&moi=true" : "")}";

    public string Adresse(int page) => $"?{Filtres}&p={page}";
}
