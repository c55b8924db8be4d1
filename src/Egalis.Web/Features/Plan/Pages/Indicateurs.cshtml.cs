using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Plan.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class IndicateursModel(Platform.Caching.PublicReadModels lectures, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    public IReadOnlyList<int> Annees { get; private set; } = [];
    public List<IndicateursService.Ligne> Lignes { get; private set; } = [];
    public bool PeutModifier { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Annees = IndicateursService.AnneesDuPlan(Paris.Today(time));
        // Computed indicators of other modules add their queries: read once per change (PublicReadModels).
        var annees = Annees;
        Lignes = await lectures.GetAsync($"plan/indicateurs/{string.Join(',', annees)}", (services, c) => services.GetRequiredService<IndicateursService>().LoadAsync(annees, ct: c), ct);
        PeutModifier = (await authorization.AuthorizeAsync(User, PlanModule.PiloterLePlan)).Succeeded;
    }
}
