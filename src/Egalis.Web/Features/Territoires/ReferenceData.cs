using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Egalis.Web.Features.Territoires;

/// <summary>
/// The reference files shipped in Data/Reference (see its SOURCES.md), read into plain records.
/// </summary>
public sealed class ReferenceData
{
    public required IReadOnlyList<CommuneRef> Communes { get; init; }
    public required IReadOnlyList<QpvRef> Qpvs { get; init; }
    public required IReadOnlyList<CritereRef> Criteres { get; init; }

    public IEnumerable<(string Code, string Nom)> ConseilsTerritoire =>
        Communes.Select(c => (c.ConseilTerritoireCode, c.ConseilTerritoireNom)).Distinct().OrderBy(c => c.ConseilTerritoireCode);

    public sealed record CommuneRef(string CodeInsee, string Nom, string Departement, string ConseilTerritoireCode,
        string ConseilTerritoireNom, int PopulationMunicipale, int PopulationTotale, Geometry Geometrie, string GeometrieGeoJson);

    public sealed record QpvRef(string Code, string Nom, IReadOnlyList<string> Communes, Geometry Geometrie, string GeometrieGeoJson);

    public sealed record CritereRef(string Code, int Ordre, string Libelle);

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Data", "Reference");

    /// <summary>The Métropole's geography, as shipped in Data/Reference (tests and benchmarks use it directly).</summary>
    public static ReferenceData Load() => Load(
        Path.Combine(DefaultFolder, "communes-amp.csv"), Path.Combine(DefaultFolder, "communes-amp.geojson"),
        Path.Combine(DefaultFolder, "qpv-amp-2024.csv"), Path.Combine(DefaultFolder, "qpv-amp-2024.geojson"));

    /// <summary>The geography the collectivité's profile names; the criteria of the law are national.</summary>
    public static ReferenceData Load(Platform.Collectivite.ProfilCollectivite profil) => Load(
        profil.Chemin(profil.Geographie.Communes), profil.Chemin(profil.Geographie.ContoursCommunes),
        profil.Chemin(profil.Geographie.Qpv), profil.Chemin(profil.Geographie.ContoursQpv));

    private static ReferenceData Load(string fichierCommunes, string contoursCommunes, string fichierQpv, string contoursQpv)
    {
        var communeRows = ReadCsv(fichierCommunes);
        var communeShapes = ReadFeatures(contoursCommunes, "code_insee");
        var communes = communeRows.Select(r =>
        {
            var (geometry, json) = communeShapes[r["code_insee"]];
            return new CommuneRef(r["code_insee"], r["nom"], r["departement"], r["conseil_territoire_code"], r["conseil_territoire"],
                int.Parse(r["population_municipale"], CultureInfo.InvariantCulture), int.Parse(r["population_totale"], CultureInfo.InvariantCulture),
                geometry, json);
        }).ToList();

        var qpvShapes = ReadFeatures(contoursQpv, "code_qp");
        var qpvs = ReadCsv(fichierQpv).Select(r =>
        {
            var (geometry, json) = qpvShapes[r["code_qp"]];
            return new QpvRef(r["code_qp"], r["nom_qp"], r["communes_insee"].Split('|'), geometry, json);
        }).ToList();

        var criteres = ReadCsv(Path.Combine(DefaultFolder, "criteres-225-1.csv"))
            .Select(r => new CritereRef(r["code"], int.Parse(r["ordre"], CultureInfo.InvariantCulture), r["libelle"]))
            .ToList();

        return new ReferenceData { Communes = communes, Qpvs = qpvs, Criteres = criteres };
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord ?? throw new InvalidDataException($"{path} : en-tête manquant.");
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? "", StringComparer.Ordinal));
        }
        return rows;
    }

    private static Dictionary<string, (Geometry, string)> ReadFeatures(string path, string keyProperty)
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var collection = JsonSerializer.Deserialize<FeatureCollection>(File.ReadAllText(path), options)
            ?? throw new InvalidDataException($"{path} : GeoJSON illisible.");
        return collection.ToDictionary(
            f => f.Attributes[keyProperty]?.ToString() ?? throw new InvalidDataException($"{path} : {keyProperty} manquant."),
            f => (f.Geometry, JsonSerializer.Serialize(f.Geometry, options)));
    }
}
