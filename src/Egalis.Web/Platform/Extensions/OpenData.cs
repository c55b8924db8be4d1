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
    Task<int> LignesAsync(EgalisDbContext db, CancellationToken ct);
    /// <summary>When its data last changed (<see cref="DonneesOuvertes.LastChangeAsync"/>), null when unknown.</summary>
    Task<DateTimeOffset?> MisAJourAsync(EgalisDbContext db, CancellationToken ct);
}

public static class DonneesOuvertes
{
    /// <summary>The licence of every dataset of the platform (Etalab, the public sector's open licence).</summary>
    public const string Licence = "Licence Ouverte / Open Licence 2.0 (Etalab)";
    public const string UrlLicence = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    /// <summary>The last change of records of these types, as the audit log dates it (every change is written there).</summary>
    public static async Task<DateTimeOffset?> LastChangeAsync(EgalisDbContext db, CancellationToken ct, params Type[] types)
    {
        var noms = types.Select(t => t.Name).ToList();
        return await db.AuditEntries.Where(e => noms.Contains(e.Entite)).OrderByDescending(e => e.Id).Select(e => (DateTimeOffset?)e.Quand).FirstOrDefaultAsync(ct);
    }
}
