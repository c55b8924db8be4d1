using Egalis.Web.Platform.Data;

namespace Egalis.Web.Platform.Extensions;

/// <summary>
/// A kind of record an act (a deliberation) can be linked to — a plan action, a year's credits, later a fund's
/// decision — declared by the module that owns it with <c>services.AddSingleton&lt;ILinkTarget, …&gt;()</c>.
/// The secretariat's page offers every kind; the record's page lists the acts linked to it.
/// </summary>
public interface ILinkTarget
{
    /// <summary>The link's type, stored with it (« plan-action »).</summary>
    string Type { get; }
    /// <summary>The heading its choices appear under (« Plan », « Budget »).</summary>
    string Group { get; }
    /// <summary>A linked record in words (« Action 1.3 du plan »), from its reference alone.</summary>
    string Label(string reference);
    /// <summary>The record's page, if it has one.</summary>
    string? Url(string reference);
    /// <summary>The records one may link to, in the order to offer them: reference and label of the choice.</summary>
    Task<IReadOnlyList<(string Reference, string Libelle)>> ChoicesAsync(EgalisDbContext db, CancellationToken ct);
    Task<bool> ExistsAsync(EgalisDbContext db, string reference, CancellationToken ct);
}

/// <summary>The kinds of records the modules declared, by type.</summary>
public sealed class LinkTargets(IEnumerable<ILinkTarget> cibles)
{
    private readonly Dictionary<string, ILinkTarget> _parType = cibles.ToDictionary(c => c.Type, StringComparer.Ordinal);

    public IReadOnlyCollection<ILinkTarget> All => _parType.Values;

    public ILinkTarget? Find(string type) => _parType.GetValueOrDefault(type);

    public string Label(string type, string reference) => Find(type)?.Label(reference) ?? $"{type} {reference}";
}
