using System.Globalization;
using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Territoires;

/// <summary>The public reference API: communes, conseils de territoire, QPV and point lookup.</summary>
public static class TerritoiresApi
{
    public sealed record TerritoireRef(string Code, string Nom);
    public sealed record CommuneRefDto(string CodeInsee, string Nom);
    public sealed record CommuneDto(string CodeInsee, string Nom, string Departement, int Population, TerritoireRef ConseilTerritoire, IReadOnlyList<string> Qpv);
    public sealed record ConseilTerritoireDto(string Code, string Nom, IReadOnlyList<string> Communes);
    public sealed record QpvDto(string Code, string Nom, IReadOnlyList<string> Communes);
    public sealed record LookupDto(CommuneRefDto? Commune, TerritoireRef? ConseilTerritoire, TerritoireRef? Qpv);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Territoires").AllowAnonymous();
        api.MapGet("/communes", async (EgalisDbContext db, CancellationToken ct) =>
            {
                var rows = await db.Communes.AsNoTracking()
                    .OrderBy(c => c.CodeInsee)
                    .Select(c => new
                    {
                        c.CodeInsee, c.Nom, c.Departement, c.PopulationMunicipale,
                        TerritoireCode = c.ConseilTerritoire!.Code, TerritoireNom = c.ConseilTerritoire.Nom,
                        Qpv = c.Qpvs.OrderBy(q => q.QpvCode).Select(q => q.QpvCode).ToList(),
                    })
                    .ToListAsync(ct);
                return rows.Select(c => new CommuneDto(c.CodeInsee, c.Nom, c.Departement, c.PopulationMunicipale,
                    new TerritoireRef(c.TerritoireCode, c.TerritoireNom), c.Qpv)).ToList();
            })
            .CacheOutput(Platform.Caching.PublicCache.Policy)
            .WithSummary("Les communes de la collectivité");

        api.MapGet("/conseils-territoire", async (EgalisDbContext db, CancellationToken ct) =>
                await db.ConseilsTerritoire.AsNoTracking()
                    .OrderBy(t => t.Code)
                    .Select(t => new ConseilTerritoireDto(t.Code, t.Nom, t.Communes.OrderBy(c => c.CodeInsee).Select(c => c.CodeInsee).ToList()))
                    .ToListAsync(ct))
            .CacheOutput(Platform.Caching.PublicCache.Policy)
            .WithSummary("Les 6 conseils de territoire et leurs communes");

        api.MapGet("/qpv", async (EgalisDbContext db, CancellationToken ct) =>
                await db.Qpvs.AsNoTracking()
                    .OrderBy(q => q.Code)
                    .Select(q => new QpvDto(q.Code, q.Nom, q.Communes.OrderBy(c => c.CommuneCodeInsee).Select(c => c.CommuneCodeInsee).ToList()))
                    .ToListAsync(ct))
            .CacheOutput(Platform.Caching.PublicCache.Policy)
            .WithSummary("Les 66 quartiers prioritaires (géographie 2024)");

        api.MapGet("/geo/lookup", (string? lat, string? lon, GeoIndex index) =>
            {
                var errors = new Dictionary<string, string[]>();
                var latitude = ParseCoordinate(lat, "lat", "latitude", 90, errors);
                var longitude = ParseCoordinate(lon, "lon", "longitude", 180, errors);
                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors, title: "Coordonnées invalides",
                        detail: "Indiquez lat et lon en degrés décimaux (WGS84), avec un point comme séparateur décimal.");
                }
                var found = index.Lookup(latitude, longitude);
                return Results.Ok(new LookupDto(
                    found.Commune is null ? null : new CommuneRefDto(found.Commune.Code, found.Commune.Nom),
                    found.ConseilTerritoire is null ? null : new TerritoireRef(found.ConseilTerritoire.Code, found.ConseilTerritoire.Nom),
                    found.Qpv is null ? null : new TerritoireRef(found.Qpv.Code, found.Qpv.Nom)));
            })
            .WithSummary("Commune, conseil de territoire et QPV d'un point (WGS84)")
            .Produces<LookupDto>()
            .ProducesValidationProblem();
    }

    internal static double ParseCoordinate(string? raw, string key, string name, double limit, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            errors[key] = [$"La {name} ({key}) est obligatoire."];
            return 0;
        }
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors[key] = [$"La {name} ({key}) doit être un nombre, par exemple 43.2965."];
            return 0;
        }
        if (value < -limit || value > limit)
        {
            errors[key] = [$"La {name} ({key}) doit être comprise entre -{limit} et {limit}."];
            return 0;
        }
        return value;
    }
}
