using Microsoft.EntityFrameworkCore;
using Egalis.Web.Platform.Web;
using Egalis.Web.Features.Plan.Echanges;
using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;

namespace Egalis.Web.Features.Plan;

/// <summary>The plan's axes, actions and sub-actions, with their status and progress.</summary>
public sealed class ActionsDataset : IOpenDataset
{
    public string Title => "Actions du plan";
    public string Description => "Les axes, actions et sous-actions du plan de lutte contre les discriminations : intitulé, statut, avancement, service pilote, dates.";
    public (string Nom, string? Url)? Schema => null;

    public Task<IReadOnlyList<(string Libelle, string Url)>> FilesAsync(EgalisDbContext db, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([("CSV", "/exports/plan-actions.csv"), ("XLSX", "/exports/plan-actions.xlsx")]);

    /// <summary>Every element of the main plan, as the export writes them.</summary>
    public Task<int> RowCountAsync(EgalisDbContext db, CancellationToken ct) =>
        db.Set<ElementPlan>().CountAsync(e => e.PlanCode == PlanService.PlanPrincipal, ct);

    public IReadOnlyList<Type> Entities => [typeof(ElementPlan), typeof(StatutAction)];
}

/// <summary>The plan's indicators: each year's value and target, and the values of shorter periods.</summary>
public sealed class IndicateursDataset(TimeProvider time) : IOpenDataset
{
    public string Title => "Indicateurs du plan";
    public string Description => "Pour chaque indicateur du plan et chaque année : la valeur mesurée et la cible, et les valeurs par période saisies en cours d'année.";
    public (string Nom, string? Url)? Schema => null;

    public Task<IReadOnlyList<(string Libelle, string Url)>> FilesAsync(EgalisDbContext db, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([("CSV", "/exports/plan-indicateurs.csv"), ("XLSX", "/exports/plan-indicateurs.xlsx")]);

    /// <summary>As the export writes them (<see cref="PlanExports.LignesIndicateursAsync"/>): a row per indicator and year of the plan, and one per value of a shorter period.</summary>
    public async Task<int> RowCountAsync(EgalisDbContext db, CancellationToken ct) =>
        await db.Set<Indicateur>().CountAsync(ct) * IndicateursService.AnneesDuPlan(Paris.Today(time)).Count
        + await db.Set<ValeurIndicateur>().CountAsync(v => v.Periode != "", ct);

    public IReadOnlyList<Type> Entities => [typeof(Indicateur), typeof(ValeurIndicateur), typeof(CibleIndicateur)];
}
