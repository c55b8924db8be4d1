using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Plan.Pages;

/// <summary>« Où en est le plan ? »: the public account of the plan's progress.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class IndexModel(PlanService plans, Budget.BudgetSynthese synthese, Bilan.BilanService bilans, Deliberations.Registre registre) : PageModel
{
    public PlanService.Arbre Arbre { get; private set; } = null!;
    public List<PlanService.Noeud> Actions { get; private set; } = [];
    public List<int> Exercices { get; private set; } = [];
    public IReadOnlyList<int> AnneesBilan => bilans.Annees;
    public List<Deliberations.Registre.Acte> Deliberations { get; private set; } = [];
    public Budget.BudgetSynthese.Annee? Budget { get; private set; }
    public Dictionary<string, string> Titres { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public int? Annee { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var arbre = await plans.LoadAsync(ct: ct);
        if (arbre is null)
        {
            return NotFound();
        }
        Arbre = arbre;
        Actions = arbre.Axes.SelectMany(a => a.Enfants).ToList();
        Titres = arbre.Tous.ToDictionary(n => n.Element.Code, n => n.Element.Titre);
        Deliberations = (await registre.ActesLiesAsync(PlanLinkTarget.TypeLien, PlanService.PlanPrincipal, ct)).OrderBy(d => d.Seance.Date).ToList();
        Exercices = await synthese.ExercicesAsync(ct);
        // An unknown year shows the latest one rather than nothing.
        var annee = Annee is not null && Exercices.Contains(Annee.Value) ? Annee.Value : Exercices.LastOrDefault();
        Budget = Exercices.Count == 0 ? null : await synthese.LoadAsync(annee, ct);
        return Page();
    }
}
