using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Egalis.Web.Platform.Exports;

/// <summary>
/// Tables for spreadsheets. CSV is written as French spreadsheet software reads and writes it
/// (semicolons, decimal comma, UTF-8 with a byte-order mark), so an exported file can be edited and
/// imported again. Both formats are written straight to the response, row by row.
/// </summary>
public static class Spreadsheet
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A CSV file's text: UTF-8 (with or without BOM), or else Windows-1252, what Excel writes in France.</summary>
    public static string Decode(byte[] contenu)
    {
        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(contenu).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException)
        {
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            return System.Text.Encoding.GetEncoding(1252).GetString(contenu);
        }
    }

    public static CsvConfiguration ConfigurationCsv => new(French) { Delimiter = ";", HasHeaderRecord = true, DetectDelimiter = true, DetectDelimiterValues = [";", ",", "\t"] };

    public sealed record Colonne<T>(string Nom, Func<T, object?> Valeur);

    public static IResult Csv<T>(string fichier, IReadOnlyList<Colonne<T>> colonnes, IAsyncEnumerable<T> lignes) =>
        Results.Stream(async flux =>
        {
            await using var ecrivain = new StreamWriter(flux, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            await using var csv = new CsvWriter(ecrivain, ConfigurationCsv);
            foreach (var c in colonnes)
            {
                csv.WriteField(c.Nom);
            }
            await csv.NextRecordAsync();
            await foreach (var ligne in lignes)
            {
                foreach (var c in colonnes)
                {
                    csv.WriteField(Texte(c.Valeur(ligne)));
                }
                await csv.NextRecordAsync();
            }
        }, "text/csv; charset=utf-8", fichier);

    public static IResult Xlsx<T>(string fichier, IReadOnlyList<Colonne<T>> colonnes, IAsyncEnumerable<T> lignes) =>
        Results.Stream(async flux =>
        {
            // The xlsx container is a zip whose directory comes last: it is built in memory, then sent.
            var rangees = new List<IDictionary<string, object?>>();
            await foreach (var ligne in lignes)
            {
                rangees.Add(colonnes.ToDictionary(c => c.Nom, c => Cellule(c.Valeur(ligne))));
            }
            using var memoire = new MemoryStream();
            await memoire.SaveAsAsync(rangees, sheetName: Path.GetFileNameWithoutExtension(fichier).Length > 31 ? "Export" : Path.GetFileNameWithoutExtension(fichier));
            memoire.Position = 0;
            await memoire.CopyToAsync(flux);
        }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fichier);

    /// <summary>
    /// A text cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
    /// return) is written with a leading apostrophe, which spreadsheets show as text; imports remove it again.
    /// Numbers are written as numbers.
    /// </summary>
    public static string Neutralise(string texte) =>
        texte.Length > 0 && "=+-@\t\r".Contains(texte[0], StringComparison.Ordinal) ? "'" + texte : texte;

    /// <summary>The reverse of <see cref="Neutralise"/>, for a cell read back from an imported file.</summary>
    public static string Restore(string texte) =>
        texte.Length > 1 && texte[0] == '\'' && "=+-@\t\r".Contains(texte[1], StringComparison.Ordinal) ? texte[1..] : texte;

    private static string Texte(object? valeur) => valeur switch
    {
        null => "",
        string s => Neutralise(s),
        decimal d => d.ToString("0.##", French),
        DateOnly date => date.ToString("dd/MM/yyyy", French),
        IFormattable f => f.ToString(null, French),
        _ => valeur.ToString() ?? "",
    };

    private static object? Cellule(object? valeur) => valeur switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        _ => valeur,
    };

    /// <summary>Turns a synchronous sequence into the asynchronous one the writers take.</summary>
    public static async IAsyncEnumerable<T> AsAsync<T>(IEnumerable<T> lignes)
    {
        foreach (var ligne in lignes)
        {
            yield return ligne;
        }
        await Task.CompletedTask;
    }
}
