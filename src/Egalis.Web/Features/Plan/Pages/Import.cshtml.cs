using Egalis.Web.Platform.Text;
using System.Text;
using Egalis.Web.Features.Plan.Echanges;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Plan.Pages;

[Authorize(Policy = PlanModule.PiloterLePlan)]
[RequestSizeLimit(2_000_000)]
public class ImportModel(ImportPlan import) : PageModel
{
    [BindProperty] public GenreImport Genre { get; set; }
    [BindProperty] public IFormFile? Fichier { get; set; }
    /// <summary>The checked file, carried to the confirmation (base64); it is checked again before anything is written.</summary>
    [BindProperty] public string? Contenu { get; set; }

    public ImportPlan.Analyse? Analyse { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Fichier is null || Fichier.Length == 0)
        {
            ModelState.AddModelError(nameof(Fichier), "Choisissez un fichier CSV.");
            return Page();
        }
        if (Fichier.Length > ImportPlan.TailleMaximale)
        {
            ModelState.AddModelError(nameof(Fichier), "Le fichier dépasse 1 Mo : découpez-le en plusieurs fichiers.");
            return Page();
        }
        using var memoire = new MemoryStream();
        await Fichier.CopyToAsync(memoire, ct);
        var texte = ImportPlan.Decode(memoire.ToArray());
        Analyse = await import.AnalyserAsync(Genre, texte, ct);
        Contenu = Convert.ToBase64String(Encoding.UTF8.GetBytes(texte));
        return Page();
    }

    public async Task<IActionResult> OnPostAppliquerAsync(CancellationToken ct)
    {
        string texte;
        try
        {
            texte = Encoding.UTF8.GetString(Convert.FromBase64String(Contenu ?? ""));
        }
        catch (FormatException)
        {
            return RedirectToPage();
        }
        Analyse = await import.AppliquerAsync(Genre, texte, ct);
        if (!Analyse.Applicable)
        {
            // Something changed since the preview: show the new result, nothing was written.
            Contenu = Convert.ToBase64String(Encoding.UTF8.GetBytes(texte));
            return Page();
        }
        TempData["Message"] = $"Import terminé : {French.Nombre(Analyse.AAppliquer, "changement enregistré", "changements enregistrés")}.";
        return RedirectToPage();
    }
}
