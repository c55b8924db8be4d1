using Egalis.Web.Platform.Data;

namespace Egalis.Web.Platform.Extensions;

public enum SensIndicateur
{
    /// <summary>Higher is better: the target is reached when the value is at least the target.</summary>
    Hausse = 0,
    /// <summary>Lower is better: the target is reached when the value is at most the target.</summary>
    Baisse = 1,
}

/// <summary>
/// An indicator that a module computes from its own data (agents trained, interns from a QPV,
/// projects funded…). Each module registers its providers with
/// <c>services.AddSingleton&lt;IIndicateurCalcule, MonIndicateur&gt;()</c>; the plan's registry makes them
/// indicators of the plan (extension point, docs/modules.md).
/// </summary>
public interface IIndicateurCalcule
{
    string Code { get; }
    string Libelle { get; }
    string Unite { get; }
    SensIndicateur Sens { get; }
    string? ActionCode { get; }

    /// <summary>
    /// The value of each year asked for, in one or two queries whatever their number (for a reference measure that does
    /// not change, the same each year).
    /// </summary>
    Task<IReadOnlyDictionary<int, decimal>> CalculerAsync(EgalisDbContext db, IReadOnlyCollection<int> annees, CancellationToken ct);
}
