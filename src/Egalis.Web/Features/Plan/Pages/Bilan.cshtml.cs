using Egalis.Web.Features.Plan.Bilan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Plan.Pages;

/// <summary>The annual report, public: as a page, and as a PDF generated on demand.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class BilanModel(BilanService bilans, Platform.Collectivite.ProfilCollectivite profil, Platform.Caching.PublicReadModels lectures) : PageModel
{
    public BilanAnnuel Bilan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int annee, CancellationToken ct)
    {
        var bilan = await lectures.GetAsync($"plan/bilan/{annee}", (services, c) => services.GetRequiredService<BilanService>().EtablirAsync(annee, c), ct);
        if (bilan is null)
        {
            return NotFound();
        }
        Bilan = bilan;
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int annee, CancellationToken ct)
    {
        var bilan = await bilans.EtablirAsync(annee, ct);
        return bilan is null ? NotFound() : File(BilanPdf.Rendre(bilan, profil), "application/pdf", $"bilan-pmlcd-{annee}.pdf");
    }
}
