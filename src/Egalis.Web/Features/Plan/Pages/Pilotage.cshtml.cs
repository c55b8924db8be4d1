using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan.Pages;

/// <summary>The team's dashboard: where each axis stands, what is late.</summary>
[Authorize(Policy = PlanModule.PiloterLePlan)]
public class PilotageModel(PlanService plans, EgalisDbContext db, TimeProvider time, Budget.BudgetSynthese synthese) : PageModel
{
    public sealed record JalonEnRetard(DateOnly Date, string Titre, string Code, string Action, int Jours);

    public PlanService.Arbre Arbre { get; private set; } = null!;
    public List<(string Statut, int Nombre)> ParStatut { get; private set; } = [];
    public List<JalonEnRetard> JalonsEnRetard { get; private set; } = [];
    public List<Budget.BudgetSynthese.Annee> Budgets { get; private set; } = [];
    public Dictionary<string, string> Titres { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var arbre = await plans.ChargerAsync(ct: ct);
        if (arbre is null)
        {
            return NotFound();
        }
        Arbre = arbre;
        ParStatut = arbre.Tous.Where(n => n.Element.Niveau == NiveauElement.Action)
            .GroupBy(n => (n.Statut.Ordre, n.Statut.Libelle)).OrderBy(g => g.Key.Ordre)
            .Select(g => (g.Key.Libelle, g.Count())).ToList();
        Titres = arbre.Tous.ToDictionary(n => n.Element.Code, n => n.Element.Titre);
        // Most recent year first; a handful of years at most, four queries each.
        foreach (var annee in (await synthese.ExercicesAsync(ct)).OrderDescending())
        {
            Budgets.Add((await synthese.ChargerAsync(annee, ct))!);
        }
        var aujourdhui = Paris.Aujourdhui(time);
        var retards = await db.Set<Jalon>().AsNoTracking()
            .Where(j => j.AtteintLe == null && j.Date < aujourdhui)
            .Join(db.Set<ElementPlan>().Where(e => e.PlanCode == PlanService.PlanPrincipal), j => j.ElementPlanId, e => e.Id, (j, e) => new { j.Date, j.Titre, e.Code, Action = e.Titre })
            .OrderBy(j => j.Date)
            .ToListAsync(ct);
        JalonsEnRetard = retards.Select(r => new JalonEnRetard(r.Date, r.Titre, r.Code, r.Action, aujourdhui.DayNumber - r.Date.DayNumber)).ToList();
        return Page();
    }
}
