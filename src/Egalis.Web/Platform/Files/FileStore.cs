using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Platform.Files;

/// <summary>
/// Who may read the files of one kind of record, declared by the module that owns the records
/// (<c>services.AddScoped&lt;IFileOwner, …&gt;()</c>): the download checks it on every request.
/// </summary>
public interface IFileOwner
{
    string Type { get; }
    Task<bool> CanReadAsync(ClaimsPrincipal qui, string proprietaireId, CancellationToken ct);
}

/// <summary>
/// The one way to receive a file: its type checked by its content, its size bounded, its SHA-256 computed, and stored
/// with the record it belongs to in the caller's unit of work. Refusals are French sentences for the field.
/// </summary>
public sealed class FileStore(EgalisDbContext db, TimeProvider time, IEnumerable<IFileOwner> proprietaires)
{
    public const long DefaultMaxSize = 10 * 1024 * 1024;

    /// <summary>
    /// Checks the file and adds it (not saved: the caller saves it with its record). A refusal is for the field the
    /// form names <paramref name="champ"/>, and nothing is added.
    /// </summary>
    public async Task<(StoredFile? Fichier, Result Resultat)> AddAsync(IFormFile? depot, string champ, string proprietaireType, string proprietaireId,
        IReadOnlyList<FileFormat> formats, ClaimsPrincipal par, long tailleMax = DefaultMaxSize, CancellationToken ct = default)
    {
        var noms = string.Join(", ", formats.Select(f => f.Nom));
        if (depot is null || depot.Length == 0)
        {
            return (null, Result.Failure(champ, $"Choisissez un fichier ({noms})."));
        }
        if (depot.Length > tailleMax)
        {
            return (null, Result.Failure(champ, $"Le fichier fait {FormatSize(depot.Length)} : {FormatSize(tailleMax)} au plus."));
        }
        byte[] octets;
        using (var memoire = new MemoryStream((int)depot.Length))
        {
            await depot.CopyToAsync(memoire, ct);
            octets = memoire.ToArray();
        }
        if (FileFormat.Recognise(octets, formats) is not { } format)
        {
            return (null, Result.Failure(champ, $"Ce fichier n'est pas d'un type accepté ({noms}) : son contenu ne correspond à aucun d'eux, quel que soit son nom."));
        }
        var fichier = new StoredFile
        {
            Id = Guid.NewGuid(), ProprietaireType = proprietaireType, ProprietaireId = proprietaireId, Nom = CleanName(depot.FileName, format),
            TypeMime = format.TypeMime, Taille = octets.LongLength, Sha256 = Convert.ToHexStringLower(SHA256.HashData(octets)),
            DeposePar = PorteeUtilisateur.NomDe(par), DeposeLe = time.GetUtcNow(),
        };
        db.Add(fichier);
        db.Add(new FileContent { FichierId = fichier.Id, Octets = octets });
        return (fichier, Result.Success());
    }

    public Task<List<StoredFile>> ListAsync(string proprietaireType, string proprietaireId, CancellationToken ct) =>
        db.Set<StoredFile>().AsNoTracking().Where(f => f.ProprietaireType == proprietaireType && f.ProprietaireId == proprietaireId).OrderBy(f => f.DeposeLe).ToListAsync(ct);

    /// <summary>The file and its bytes, if this person may read them; null otherwise (the download then answers 404).</summary>
    public async Task<(StoredFile Fichier, byte[] Octets)?> ReadAsync(Guid id, ClaimsPrincipal qui, CancellationToken ct)
    {
        var fichier = await db.Set<StoredFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (fichier is null || proprietaires.FirstOrDefault(p => p.Type == fichier.ProprietaireType) is not { } proprietaire
            || !await proprietaire.CanReadAsync(qui, fichier.ProprietaireId, ct))
        {
            return null;
        }
        var contenu = await db.Set<FileContent>().AsNoTracking().SingleAsync(c => c.FichierId == id, ct);
        return (fichier, contenu.Octets);
    }

    // Rounded up to the tenth: a file just over the limit never reads as the limit itself.
    public static string FormatSize(long octets) => octets >= 1024 * 1024
        ? $"{(Math.Ceiling(octets * 10m / (1024m * 1024)) / 10).ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"))} Mo"
        : $"{Math.Max(1, octets / 1024).ToString(CultureInfo.GetCultureInfo("fr-FR"))} Ko";

    /// <summary>The name without folders or control characters, at most 200 characters, ending with the recognised format's extension.</summary>
    public static string CleanName(string? nom, FileFormat format)
    {
        // No control or format character (a right-to-left override would disguise the extension), no character a file system refuses.
        var propre = new string(Path.GetFileName((nom ?? "").Replace('\\', '/'))
            .Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format && !char.IsSurrogate(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|'))
            .ToArray()).Trim();
        if (propre.Length == 0 || propre.StartsWith('.'))
        {
            propre = "document" + propre;
        }
        if (!format.Extensions.Any(e => propre.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            propre += format.Extensions[0];
        }
        return propre.Length <= 200 ? propre : propre[..(200 - format.Extensions[0].Length)] + format.Extensions[0];
    }
}

public static class FileEndpoints
{
    /// <summary>GET /fichiers/{id}: the file, to those its record's module lets read it (404 to anyone else, whether it exists or not).</summary>
    public static void Map(WebApplication app) =>
        app.MapGet("/fichiers/{id:guid}", async (Guid id, FileStore fichiers, HttpContext http, CancellationToken ct) =>
            {
                if (await fichiers.ReadAsync(id, http.User, ct) is not { } lu)
                {
                    return Results.NotFound();
                }
                // A file never changes (its id and fingerprint are its own); who may read it can: no shared cache keeps it.
                http.Response.Headers.CacheControl = "private, no-store";
                return Results.File(lu.Octets, lu.Fichier.TypeMime, lu.Fichier.Nom, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{lu.Fichier.Sha256}\""));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
