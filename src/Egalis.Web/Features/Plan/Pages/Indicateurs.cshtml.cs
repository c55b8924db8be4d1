using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Plan.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class IndicateursModel(IndicateursService indicateurs, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    public IReadOnlyList<int> Annees { get; private set; } = [];
    public List<IndicateursService.Ligne> Lignes { get; private set; } = [];
    public bool PeutModifier { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Annees = IndicateursService.AnneesDuPlan(Paris.Today(time));
        Lignes = await indicateurs.LoadAsync(Annees, ct: ct);
        PeutModifier = (await authorization.AuthorizeAsync(User, PlanModule.PiloterLePlan)).Succeeded;
    }
}
