using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Platform.Extensions;

/// <summary>
/// An open-data dataset a module publishes, declared with <c>services.AddScoped&lt;IOpenDataset, …&gt;()</c>: the public
/// page « Données ouvertes » lists every one with its schema, licence, size and last update.
/// </summary>
public interface IOpenDataset
{
    string Title { get; }
    string Description { get; }
    /// <summary>The schema the file follows, in words, and where it is described (null: the columns are those of the file).</summary>
    (string Nom, string? Url)? Schema { get; }
    /// <summary>The downloads: label and address (« CSV », « /api/v1/opendata/deliberations.csv »).</summary>
    Task<IReadOnlyList<(string Libelle, string Url)>> FilesAsync(EgalisDbContext db, CancellationToken ct);
    /// <summary>How many rows its file has, counted by the database (one or two queries, never the file built).</summary>
    Task<int> RowCountAsync(EgalisDbContext db, CancellationToken ct);
    /// <summary>The records it is made of: the last audited change of one of them dates the dataset.</summary>
    IReadOnlyList<Type> Entities { get; }
}

public static class OpenDatasets
{
    /// <summary>The licence of every dataset of the platform (Etalab, the public sector's open licence).</summary>
    public const string Licence = "Licence Ouverte / Open Licence 2.0 (Etalab)";
    public const string UrlLicence = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    /// <summary>
    /// The last change of each dataset, as the audit log dates it (every change is written there): one query for all of
    /// them, the last line of each kind of record, each found by the index on (kind, id) whatever the log's size.
    /// </summary>
    public static async Task<Dictionary<IOpenDataset, DateTimeOffset?>> LastChangesAsync(EgalisDbContext db, IReadOnlyCollection<IOpenDataset> jeux, CancellationToken ct)
    {
        var noms = jeux.SelectMany(j => j.Entities).Select(t => t.Name).Distinct().ToList();
        var dates = noms.Count == 0 ? [] : await noms
            .Select(nom => db.AuditEntries.Where(e => e.Entite == nom).OrderByDescending(e => e.Id).Take(1).Select(e => new { e.Entite, e.Quand }))
            .Aggregate((a, b) => a.Concat(b))
            .ToListAsync(ct);
        return jeux.ToDictionary(j => j, j => dates.Where(d => j.Entities.Any(t => t.Name == d.Entite)).Select(d => (DateTimeOffset?)d.Quand).Max());
    }
}
