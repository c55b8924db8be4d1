using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Plan.Pages;

/// <summary>« Où en est le plan ? »: the public account of the plan's progress.</summary>
[AllowAnonymous]
public class IndexModel(PlanService plans) : PageModel
{
    public PlanService.Arbre Arbre { get; private set; } = null!;
    public List<PlanService.Noeud> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var arbre = await plans.ChargerAsync(ct: ct);
        if (arbre is null)
        {
            return NotFound();
        }
        Arbre = arbre;
        Actions = arbre.Axes.SelectMany(a => a.Enfants).ToList();
        return Page();
    }
}
