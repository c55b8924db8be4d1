using CsvHelper;

namespace Egalis.Web.Platform.Exports;

/// <summary>
/// Reading an imported CSV file: a header of known column names (case ignored), then one record per
/// line, empty lines skipped. Every problem is reported with its line number; nothing is guessed.
/// </summary>
public static class CsvInput
{
    public sealed record Ligne(int Numero, Dictionary<string, string> Cellules)
    {
        /// <summary>A cell's value trimmed, or null when empty.</summary>
        public string? this[string colonne] => Cellules.TryGetValue(colonne, out var v) && !string.IsNullOrWhiteSpace(v) ? Spreadsheet.Restore(v.Trim()) : null;
    }

    /// <param name="connues">The columns understood; the first is required.</param>
    /// <param name="ignorees">Columns accepted and not read (those an export adds).</param>
    public static List<Ligne> Read(string contenu, Action<int, string> erreur, string[] connues, string[] ignorees)
    {
        try
        {
            return LireSansGarde(contenu, erreur, connues, ignorees);
        }
        catch (CsvHelperException e)
        {
            // A quote out of place, a field never closed: the file is not read at all, the line is named.
            var ligne = e.Context?.Parser?.Row ?? 1;
            erreur(ligne, $"Le fichier n'est pas un CSV lisible vers la ligne {ligne} : vérifiez les guillemets (un champ qui en contient s'écrit entre guillemets, ses guillemets doublés).");
            return [];
        }
    }

    private static List<Ligne> LireSansGarde(string contenu, Action<int, string> erreur, string[] connues, string[] ignorees)
    {
        var lignes = new List<Ligne>();
        using var lecteur = new StringReader(contenu);
        using var csv = new CsvReader(lecteur, Spreadsheet.ConfigurationCsv);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } entetes)
        {
            erreur(1, "Le fichier est vide : la première ligne doit donner les noms des colonnes.");
            return lignes;
        }
        var noms = entetes.Select(e => e.Trim().ToLowerInvariant()).ToArray();
        var problemes = 0;
        foreach (var inconnue in noms.Where(n => !connues.Contains(n) && !ignorees.Contains(n)))
        {
            erreur(1, $"Colonne « {inconnue} » inconnue. Colonnes possibles : {string.Join(", ", connues)}.");
            problemes++;
        }
        if (!noms.Contains(connues[0]))
        {
            erreur(1, $"La colonne « {connues[0]} » est obligatoire.");
            problemes++;
        }
        foreach (var doublon in noms.GroupBy(n => n).Where(g => g.Count() > 1))
        {
            erreur(1, $"La colonne « {doublon.Key} » apparaît deux fois.");
            problemes++;
        }
        if (problemes > 0)
        {
            return lignes;
        }
        while (csv.Read())
        {
            var cellules = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < noms.Length; i++)
            {
                cellules[noms[i]] = csv.TryGetField<string>(i, out var valeur) ? valeur ?? "" : "";
            }
            if (cellules.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            lignes.Add(new Ligne(csv.Parser.Row, cellules));
        }
        if (lignes.Count == 0)
        {
            erreur(2, "Le fichier ne contient aucune ligne de données.");
        }
        return lignes;
    }
}
