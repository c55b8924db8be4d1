using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Fonds.Pages;

/// <summary>
/// An opinion asked of an expert: the question, the dossier as submitted, and the answer form. Only the person whose
/// account has the invited address reaches it (anyone else, or after a revocation, finds nothing).
/// </summary>
[Authorize]
public class AvisModel(AvisService avisService, EgalisDbContext db, Platform.Workflows.Workflows workflows, IConfiguration configuration) : PageModel
{
    [BindProperty, Display(Name = "Votre avis")] public string? Reponse { get; set; }

    public AvisExpert Avis { get; private set; } = null!;
    public DossierLecture Lecture { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int version, CancellationToken ct)
    {
        var reponse = Reponse;
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var resultat = await avisService.RepondreAsync(id, version, reponse, User, Hosting.LinkBase(configuration, Request), ct);
        if (!resultat.Ok)
        {
            Reponse = reponse;
            ModelState.AddErrors(resultat, "");
            return Page();
        }
        TempData["Message"] = "Votre avis est transmis. Merci.";
        return Redirect($"/fonds/avis/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await avisService.PourLExpertAsync(id, User, ct) is not { } trouve)
        {
            return NotFound();
        }
        Avis = trouve.Avis;
        Lecture = await DossierLecture.LoadAsync(db, workflows, trouve.Dossier, ct);
        return null;
    }
}
