using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Platform.Extensions;

/// <summary>
/// An open-data dataset a module publishes, declared with <c>services.AddScoped&lt;IOpenDataset, …&gt;()</c>: the public
/// page « Données ouvertes » lists every one with its schema, licence, size and last update.
/// </summary>
public interface IOpenDataset
{
    string Titre { get; }
    string Description { get; }
    /// <summary>The schema the file follows, in words, and where it is described (null: the columns are those of the file).</summary>
    (string Nom, string? Url)? Schema { get; }
    /// <summary>The downloads: label and address (« CSV », « /api/v1/opendata/deliberations.csv »).</summary>
    Task<IReadOnlyList<(string Libelle, string Url)>> FichiersAsync(EgalisDbContext db, CancellationToken ct);
    /// <summary>How many rows its file has, counted by the database (one or two queries, never the file built).</summary>
    Task<int> LignesAsync(EgalisDbContext db, CancellationToken ct);
    /// <summary>The records it is made of: the last audited change of one of them dates the dataset.</summary>
    IReadOnlyList<Type> Entites { get; }
}

public static class DonneesOuvertes
{
    /// <summary>The licence of every dataset of the platform (Etalab, the public sector's open licence).</summary>
    public const string Licence = "Licence Ouverte / Open Licence 2.0 (Etalab)";
    public const string UrlLicence = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    /// <summary>
    /// The last change of each dataset, as the audit log dates it (every change is written there): two queries for all
    /// of them (the last line of each kind of record, then their dates).
    /// </summary>
    public static async Task<Dictionary<IOpenDataset, DateTimeOffset?>> LastChangesAsync(EgalisDbContext db, IReadOnlyCollection<IOpenDataset> jeux, CancellationToken ct)
    {
        var noms = jeux.SelectMany(j => j.Entites).Select(t => t.Name).Distinct().ToList();
        var derniers = await db.AuditEntries.Where(e => noms.Contains(e.Entite)).GroupBy(e => e.Entite)
            .Select(g => new { Entite = g.Key, Id = g.Max(e => e.Id) }).ToListAsync(ct);
        var ids = derniers.Select(d => d.Id).ToList();
        var dates = await db.AuditEntries.Where(e => ids.Contains(e.Id)).Select(e => new { e.Entite, e.Quand }).ToListAsync(ct);
        return jeux.ToDictionary(j => j, j => dates.Where(d => j.Entites.Any(t => t.Name == d.Entite)).Select(d => (DateTimeOffset?)d.Quand).Max());
    }
}
