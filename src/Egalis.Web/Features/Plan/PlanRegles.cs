using Egalis.Web.Platform.Text;
namespace Egalis.Web.Features.Plan;

/// <summary>Rules on a plan element's figures, shared by the edit form and the import.</summary>
public static class PlanRegles
{
    /// <summary>
    /// The status a new element takes: the first (in the team's order) whose default progress is 0 %, else the first.
    /// The team may rename or reorder statuses; this one cannot be deleted while it plays that part.
    /// </summary>
    public static async Task<StatutAction> StatutInitialAsync(Platform.Data.EgalisDbContext db, CancellationToken ct) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Set<StatutAction>().OrderBy(s => s.ProgressionParDefaut == 0 ? 0 : 1).ThenBy(s => s.Ordre).ThenBy(s => s.Code), ct);

    /// <summary>A date of the plan (an action's start or end, a milestone) within the platform's years.</summary>
    /// <param name="quelle">« La date de début », « La date du jalon »…: the error summary then says which date is wrong.</param>
    public static string? VerifierDate(DateOnly? date, string quelle = "La date") => Years.CheckDate(date, quelle);

    /// <summary>A status at 0 % or 100 % fixes the figure: « Réalisé » at 30 % would say two things at once.</summary>
    public static string? VerifierAvancement(StatutAction statut, int? progression) =>
        statut.ProgressionParDefaut is 0 or 100 && progression is not null && progression != statut.ProgressionParDefaut
            ? $"Une action « {statut.Libelle} » est à {statut.ProgressionParDefaut} % : laissez l'avancement vide ou indiquez {statut.ProgressionParDefaut}."
            : null;
}
