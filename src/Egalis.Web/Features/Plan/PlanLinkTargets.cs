using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan;

/// <summary>An act about the plan as a whole (its adoption, its yearly report).</summary>
public sealed class PlanLinkTarget : ILinkTarget
{
    public const string TypeLien = "plan";
    public string Type => TypeLien;
    public string Group => "Plan";
    public string Label(string reference) => "Le plan dans son ensemble";
    public string? Url(string reference) => "/plan";

    public Task<IReadOnlyList<(string Reference, string Libelle)>> ChoicesAsync(EgalisDbContext db, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([(PlanService.PlanPrincipal, "Le plan dans son ensemble")]);

    public Task<bool> ExistsAsync(EgalisDbContext db, string reference, CancellationToken ct) => Task.FromResult(reference == PlanService.PlanPrincipal);
}

/// <summary>An act about one action of the plan (or one of its sub-actions).</summary>
public sealed class ActionPlanLinkTarget : ILinkTarget
{
    public const string TypeLien = "plan-action";
    public string Type => TypeLien;
    public string Group => "Actions du plan";
    public string Label(string reference) => $"Action {reference} du plan";
    public string? Url(string reference) => $"/plan/action/{reference}";

    public async Task<IReadOnlyList<(string Reference, string Libelle)>> ChoicesAsync(EgalisDbContext db, CancellationToken ct)
    {
        var actions = await db.Set<ElementPlan>().AsNoTracking()
            .Where(e => e.PlanCode == PlanService.PlanPrincipal && e.Niveau != NiveauElement.Axe)
            .Select(e => new { e.Code, e.Titre }).ToListAsync(ct);
        return actions.OrderBy(a => a.Code, CodeComparer.Instance).Select(a => (a.Code, $"Action {a.Code} – {a.Titre}")).ToList();
    }

    public Task<bool> ExistsAsync(EgalisDbContext db, string reference, CancellationToken ct) =>
        db.Set<ElementPlan>().AnyAsync(e => e.PlanCode == PlanService.PlanPrincipal && e.Code == reference && e.Niveau != NiveauElement.Axe, ct);
}
