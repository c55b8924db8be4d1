using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Plan.Pages;

/// <summary>« Où en est le plan ? »: the public account of the plan's progress.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class IndexModel(Platform.Caching.PublicReadModels lectures, Bilan.BilanService bilans) : PageModel
{
    public PlanService.Arbre Arbre { get; private set; } = null!;
    public List<PlanService.Noeud> Actions { get; private set; } = [];
    public List<int> Exercices { get; private set; } = [];
    public IReadOnlyList<int> AnneesBilan => bilans.Annees;
    public List<Deliberations.Registre.Acte> Deliberations { get; private set; } = [];
    public Budget.BudgetSynthese.Annee? Budget { get; private set; }
    public Dictionary<string, string> Titres { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public int? Annee { get; set; }

    private sealed record Vue(PlanService.Arbre Arbre, List<Deliberations.Registre.Acte> Deliberations, List<int> Exercices, Budget.BudgetSynthese.Annee? Budget);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var vue = await lectures.GetAsync($"plan?annee={Annee}", (services, c) => LireAsync(services, Annee, c), ct);
        if (vue is null)
        {
            return NotFound();
        }
        (Arbre, Deliberations, Exercices, Budget) = (vue.Arbre, vue.Deliberations, vue.Exercices, vue.Budget);
        Actions = Arbre.Axes.SelectMany(a => a.Enfants).ToList();
        Titres = Arbre.Tous.ToDictionary(n => n.Element.Code, n => n.Element.Titre);
        return Page();
    }

    private static async Task<Vue?> LireAsync(IServiceProvider services, int? demandee, CancellationToken ct)
    {
        var arbre = await services.GetRequiredService<PlanService>().LoadAsync(ct: ct);
        if (arbre is null)
        {
            return null;
        }
        var deliberations = (await services.GetRequiredService<Deliberations.Registre>().ActesLiesAsync(PlanLinkTarget.TypeLien, PlanService.PlanPrincipal, ct))
            .OrderBy(d => d.Seance.Date).ToList();
        var synthese = services.GetRequiredService<Budget.BudgetSynthese>();
        var exercices = await synthese.ExercicesAsync(ct);
        // An unknown year shows the latest one rather than nothing.
        var annee = demandee is not null && exercices.Contains(demandee.Value) ? demandee.Value : exercices.LastOrDefault();
        return new Vue(arbre, deliberations, exercices, exercices.Count == 0 ? null : await synthese.LoadAsync(annee, ct));
    }
}
