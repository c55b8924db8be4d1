using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;

namespace Egalis.Tests.Features.Deliberations;

/// <summary>
/// The open-data CSV checked against the SCDL délibérations schema file itself: its fields in order,
/// types, patterns and required cells, and its custom checks (SIRET, cohesive columns, comparisons,
/// sums, ACTES nomenclature).
/// </summary>
public class OpenDataTests(EgalisFactory factory) : IClassFixture<EgalisFactory>
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "scdl-deliberations-schema.json"))).RootElement;

    [Fact]
    public async Task The_csv_conforms_to_scdl_deliberations_2_1_5()
    {
        var response = await factory.Client().GetAsync("/api/v1/opendata/deliberations.csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lignes = Lire(await response.Content.ReadAsStringAsync());
        Assert.Equal("2.1.5", Schema.GetProperty("version").GetString());
        var champs = Schema.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(champs.Select(f => f.GetProperty("name").GetString()), lignes[0]);
        Assert.Equal(3, lignes.Count);

        var erreurs = new List<string>();
        foreach (var (ligne, numero) in lignes.Skip(1).Select((l, i) => (l, i + 2)))
        {
            var cellules = lignes[0].Zip(ligne).ToDictionary(x => x.First, x => x.Second);
            foreach (var champ in champs)
            {
                var nom = champ.GetProperty("name").GetString()!;
                var valeur = cellules[nom];
                var contraintes = champ.TryGetProperty("constraints", out var c) ? c : default;
                if (valeur.Length == 0)
                {
                    if (contraintes.ValueKind == JsonValueKind.Object && contraintes.TryGetProperty("required", out var req) && req.GetBoolean())
                    {
                        erreurs.Add($"ligne {numero} : {nom} est obligatoire");
                    }
                    continue;
                }
                switch (champ.GetProperty("type").GetString())
                {
                    case "date" when !DateOnly.TryParseExact(valeur, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                    case "integer" when !int.TryParse(valeur, NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
                        erreurs.Add($"ligne {numero} : {nom} « {valeur} » n'est pas du type attendu");
                        break;
                    case "string" when champ.TryGetProperty("format", out var f) && f.GetString() == "uri" && !Uri.TryCreate(valeur, UriKind.Absolute, out _):
                        erreurs.Add($"ligne {numero} : {nom} n'est pas une URI");
                        break;
                }
                if (contraintes.ValueKind == JsonValueKind.Object && contraintes.TryGetProperty("pattern", out var motif) && !Regex.IsMatch(valeur, "^(?:" + motif.GetString() + ")$"))
                {
                    erreurs.Add($"ligne {numero} : {nom} « {valeur} » ne respecte pas {motif.GetString()}");
                }
            }
            foreach (var check in Schema.GetProperty("custom_checks").EnumerateArray())
            {
                var p = check.GetProperty("params");
                var colonne = p.GetProperty("column").GetString()!;
                var v = cellules[colonne];
                switch (check.GetProperty("name").GetString())
                {
                    case "french-siret-value" when !Luhn(v) || v.Length != 14:
                        erreurs.Add($"ligne {numero} : SIRET {v} invalide");
                        break;
                    case "cohesive-columns-value":
                        var groupe = p.GetProperty("othercolumns").EnumerateArray().Select(x => cellules[x.GetString()!]).Prepend(v).ToList();
                        if (groupe.Any(x => x.Length == 0) && groupe.Any(x => x.Length > 0))
                        {
                            erreurs.Add($"ligne {numero} : {colonne} et ses colonnes liées doivent être toutes remplies ou toutes vides");
                        }
                        break;
                    case "compare-columns-value":
                        var autre = cellules[p.GetProperty("column2").GetString()!];
                        if (v.Length > 0 && autre.Length > 0 && string.CompareOrdinal(v.PadLeft(10, '0'), autre.PadLeft(10, '0')) < 0)
                        {
                            erreurs.Add($"ligne {numero} : {colonne} ({v}) doit être ≥ {p.GetProperty("column2").GetString()} ({autre})");
                        }
                        break;
                    case "sum-columns-value":
                        var termes = p.GetProperty("columns").EnumerateArray().Select(x => cellules[x.GetString()!]).ToList();
                        if (v.Length > 0 && int.Parse(v, CultureInfo.InvariantCulture) != termes.Sum(x => int.Parse(x, CultureInfo.InvariantCulture)))
                        {
                            erreurs.Add($"ligne {numero} : {colonne} n'est pas la somme de ses colonnes");
                        }
                        break;
                    case "nomenclature-actes-value" when v.Length > 0:
                        string[] autorises = ["commande publique", "urbanisme", "domaine et patrimoine", "fonction publique", "institutions et vie politique", "libertes publiques et pouvoirs de police", "finances locales", "domaines de competences par themes", "autres domaines de competences"];
                        var barre = v.IndexOf('/', StringComparison.Ordinal);
                        if (barre < 0 || v.Contains("/ ", StringComparison.Ordinal) || !autorises.Contains(SansAccents(v[..barre]).ToLowerInvariant()))
                        {
                            erreurs.Add($"ligne {numero} : matière « {v} » hors nomenclature ACTES");
                        }
                        break;
                }
            }
        }
        Assert.True(erreurs.Count == 0, string.Join("\n", erreurs));

        var fondateur = lignes.Single(l => l[2] == "2019_CT2_587");
        Assert.Equal(["2019-12-12", "8.5", "Domaines de compétences par thèmes/Politique de la ville-habitat-logement"], fondateur[3..6]);
        Assert.Equal(["PREF013", "2020-01-09", "", "", "", "", ""], fondateur[9..16]);
    }

    private static List<string[]> Lire(string csv)
    {
        using var lecteur = new CsvHelper.CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var lignes = new List<string[]>();
        while (lecteur.Read())
        {
            lignes.Add(Enumerable.Range(0, lecteur.Parser.Count).Select(i => lecteur.GetField(i) ?? "").ToArray());
        }
        return lignes;
    }

    private static bool Luhn(string nombre)
    {
        var somme = 0;
        for (var i = 0; i < nombre.Length; i++)
        {
            var d = nombre[nombre.Length - 1 - i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            somme += d;
        }
        return nombre.All(char.IsAsciiDigit) && somme % 10 == 0;
    }

    private static string SansAccents(string texte) =>
        new(texte.Normalize(System.Text.NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
}
