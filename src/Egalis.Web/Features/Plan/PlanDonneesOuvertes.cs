using Egalis.Web.Features.Plan.Echanges;
using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;

namespace Egalis.Web.Features.Plan;

/// <summary>The plan's axes, actions and sub-actions, with their status and progress.</summary>
public sealed class ActionsDataset(PlanService plans) : IOpenDataset
{
    public string Titre => "Actions du plan";
    public string Description => "Les axes, actions et sous-actions du plan de lutte contre les discriminations : intitulé, statut, avancement, service pilote, dates.";
    public (string Nom, string? Url)? Schema => null;

    public Task<IReadOnlyList<(string Libelle, string Url)>> FichiersAsync(EgalisDbContext db, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([("CSV", "/exports/plan-actions.csv"), ("XLSX", "/exports/plan-actions.xlsx")]);

    public async Task<int> LignesAsync(EgalisDbContext db, CancellationToken ct) => (await plans.LoadAsync(ct: ct))?.Tous.Count() ?? 0;

    public Task<DateTimeOffset?> MisAJourAsync(EgalisDbContext db, CancellationToken ct) =>
        DonneesOuvertes.LastChangeAsync(db, ct, typeof(ElementPlan), typeof(StatutAction));
}

/// <summary>The plan's indicators: each year's value and target, and the values of shorter periods.</summary>
public sealed class IndicateursDataset(IndicateursService indicateurs, TimeProvider time) : IOpenDataset
{
    public string Titre => "Indicateurs du plan";
    public string Description => "Pour chaque indicateur du plan et chaque année : la valeur mesurée et la cible, et les valeurs par période saisies en cours d'année.";
    public (string Nom, string? Url)? Schema => null;

    public Task<IReadOnlyList<(string Libelle, string Url)>> FichiersAsync(EgalisDbContext db, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<(string, string)>>([("CSV", "/exports/plan-indicateurs.csv"), ("XLSX", "/exports/plan-indicateurs.xlsx")]);

    public async Task<int> LignesAsync(EgalisDbContext db, CancellationToken ct) => (await PlanExports.LignesIndicateursAsync(indicateurs, time, ct)).Count;

    public Task<DateTimeOffset?> MisAJourAsync(EgalisDbContext db, CancellationToken ct) =>
        DonneesOuvertes.LastChangeAsync(db, ct, typeof(Indicateur), typeof(ValeurIndicateur), typeof(CibleIndicateur));
}
