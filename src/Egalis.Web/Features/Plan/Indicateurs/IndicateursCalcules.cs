using Egalis.Web.Platform.Data;

namespace Egalis.Web.Features.Plan.Indicateurs;

/// <summary>
/// An indicator that a module computes from its own data (agents trained, interns from a QPV,
/// projects funded…). Each module registers its providers with
/// <c>services.AddSingleton&lt;IIndicateurCalcule, MonIndicateur&gt;()</c>; the registry makes them
/// indicators of the plan.
/// </summary>
public interface IIndicateurCalcule
{
    string Code { get; }
    string Libelle { get; }
    string Unite { get; }
    SensIndicateur Sens { get; }
    string? ActionCode { get; }

    /// <summary>The value for a year (for a reference measure that does not change, the same each year).</summary>
    Task<decimal> CalculerAsync(EgalisDbContext db, int annee, CancellationToken ct);
}

/// <summary>The providers registered by the modules, by code.</summary>
public sealed class RegistreIndicateurs(IEnumerable<IIndicateurCalcule> calculs)
{
    private readonly Dictionary<string, IIndicateurCalcule> _parCode = calculs.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public IReadOnlyCollection<IIndicateurCalcule> Tous => _parCode.Values;

    public IIndicateurCalcule? Trouver(string? code) => code is not null && _parCode.TryGetValue(code, out var c) ? c : null;
}
