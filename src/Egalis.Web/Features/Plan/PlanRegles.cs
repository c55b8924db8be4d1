namespace Egalis.Web.Features.Plan;

/// <summary>Rules on a plan element's figures, shared by the edit form and the import.</summary>
public static class PlanRegles
{
    /// <summary>A status at 0 % or 100 % fixes the figure: « Réalisé » at 30 % would say two things at once.</summary>
    public static string? VerifierAvancement(StatutAction statut, int? progression) =>
        statut.ProgressionParDefaut is 0 or 100 && progression is not null && progression != statut.ProgressionParDefaut
            ? $"Une action « {statut.Libelle} » est à {statut.ProgressionParDefaut} % : laissez l'avancement vide ou indiquez {statut.ProgressionParDefaut}."
            : null;
}
