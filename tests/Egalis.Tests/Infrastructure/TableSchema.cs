using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Egalis.Tests.Infrastructure;

/// <summary>
/// A Table Schema file (the SCDL's, as published) read to check a CSV the platform writes: header in order, required
/// cells, types (date, integer, number, boolean with its true and false values, URI), constraints (pattern, enum,
/// length, bounds), and the SCDL's custom checks. Returns every breach, in words.
/// </summary>
public sealed class TableSchema(string fichier)
{
    public JsonElement Racine { get; } = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", fichier))).RootElement;

    public IReadOnlyList<string> Champs => Racine.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();

    public static List<string[]> LireCsv(string csv)
    {
        using var lecteur = new CsvHelper.CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var lignes = new List<string[]>();
        while (lecteur.Read())
        {
            lignes.Add(Enumerable.Range(0, lecteur.Parser.Count).Select(i => lecteur.GetField(i) ?? "").ToArray());
        }
        return lignes;
    }

    public List<string> Verifier(List<string[]> lignes)
    {
        var erreurs = new List<string>();
        if (!lignes[0].SequenceEqual(Champs))
        {
            erreurs.Add($"en-tête « {string.Join(",", lignes[0])} » au lieu de « {string.Join(",", Champs)} »");
            return erreurs;
        }
        var champs = Racine.GetProperty("fields").EnumerateArray().ToList();
        foreach (var (ligne, numero) in lignes.Skip(1).Select((l, i) => (l, i + 2)))
        {
            var cellules = lignes[0].Zip(ligne).ToDictionary(x => x.First, x => x.Second);
            foreach (var champ in champs)
            {
                VerifierCellule(champ, cellules[champ.GetProperty("name").GetString()!], numero, erreurs);
            }
            if (Racine.TryGetProperty("custom_checks", out var checks))
            {
                foreach (var check in checks.EnumerateArray())
                {
                    VerifierRegle(check, cellules, numero, erreurs);
                }
            }
        }
        return erreurs;
    }

    private static void VerifierCellule(JsonElement champ, string valeur, int numero, List<string> erreurs)
    {
        var nom = champ.GetProperty("name").GetString()!;
        var contraintes = champ.TryGetProperty("constraints", out var c) ? c : default;
        bool A(string cle, out JsonElement v)
        {
            v = default;
            return contraintes.ValueKind == JsonValueKind.Object && contraintes.TryGetProperty(cle, out v);
        }
        if (valeur.Length == 0)
        {
            if (A("required", out var requis) && requis.GetBoolean())
            {
                erreurs.Add($"ligne {numero} : {nom} est obligatoire");
            }
            return;
        }
        decimal? nombre = null;
        switch (champ.GetProperty("type").GetString())
        {
            case "date" when !DateOnly.TryParseExact(valeur, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
            case "integer" when !int.TryParse(valeur, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                erreurs.Add($"ligne {numero} : {nom} « {valeur} » n'est pas du type attendu");
                break;
            case "number":
                if (decimal.TryParse(valeur, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
                {
                    nombre = n;
                }
                else
                {
                    erreurs.Add($"ligne {numero} : {nom} « {valeur} » n'est pas un nombre (point décimal)");
                }
                break;
            case "boolean":
                var vrais = champ.TryGetProperty("trueValues", out var tv) ? tv.EnumerateArray().Select(x => x.GetString()).ToList() : ["true", "True", "TRUE", "1"];
                var faux = champ.TryGetProperty("falseValues", out var fv) ? fv.EnumerateArray().Select(x => x.GetString()).ToList() : ["false", "False", "FALSE", "0"];
                if (!vrais.Contains(valeur) && !faux.Contains(valeur))
                {
                    erreurs.Add($"ligne {numero} : {nom} « {valeur} » n'est pas une valeur booléenne admise ({string.Join(", ", vrais.Concat(faux))})");
                }
                break;
            case "string" when champ.TryGetProperty("format", out var f) && f.GetString() == "uri" && !Uri.TryCreate(valeur, UriKind.Absolute, out _):
                erreurs.Add($"ligne {numero} : {nom} n'est pas une URI");
                break;
        }
        if (A("pattern", out var motif) && !Regex.IsMatch(valeur, "^(?:" + motif.GetString() + ")$"))
        {
            erreurs.Add($"ligne {numero} : {nom} « {valeur} » ne respecte pas {motif.GetString()}");
        }
        if (A("enum", out var valeurs) && valeurs.EnumerateArray().All(x => x.GetString() != valeur))
        {
            erreurs.Add($"ligne {numero} : {nom} « {valeur} » hors de la liste admise");
        }
        if (A("maxLength", out var longueur) && valeur.Length > longueur.GetInt32())
        {
            erreurs.Add($"ligne {numero} : {nom} dépasse {longueur.GetInt32()} caractères");
        }
        if (nombre is { } x && A("minimum", out var min) && x < min.GetDecimal())
        {
            erreurs.Add($"ligne {numero} : {nom} ({valeur}) est sous le minimum {min}");
        }
        if (nombre is { } y && A("maximum", out var max) && y > max.GetDecimal())
        {
            erreurs.Add($"ligne {numero} : {nom} ({valeur}) dépasse le maximum {max}");
        }
    }

    private static void VerifierRegle(JsonElement check, Dictionary<string, string> cellules, int numero, List<string> erreurs)
    {
        var p = check.GetProperty("params");
        var colonne = p.TryGetProperty("column", out var col) ? col.GetString()! : p.GetProperty("column1").GetString()!;
        var v = cellules[colonne];
        switch (check.GetProperty("name").GetString())
        {
            case "french-siret-value" when v.Length > 0 && (v.Length != 14 || !Luhn(v)):
                erreurs.Add($"ligne {numero} : SIRET {v} invalide ({colonne})");
                break;
            case "one-of-required" when v.Length == 0 && cellules[p.GetProperty("column2").GetString()!].Length == 0:
                erreurs.Add($"ligne {numero} : {colonne} ou {p.GetProperty("column2").GetString()} doit être rempli");
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
