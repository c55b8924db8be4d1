using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using System.IO.Compression;
using System.Xml;

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
        new Telechargement(fichier, "text/csv; charset=utf-8", (flux, ct) => CsvAsync(flux, colonnes, lignes, ct));

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IResult Xlsx<T>(string fichier, IReadOnlyList<Colonne<T>> colonnes, IAsyncEnumerable<T> lignes) =>
        new Telechargement(fichier, XlsxType, (flux, ct) => XlsxAsync(flux, Path.GetFileNameWithoutExtension(fichier), colonnes, lignes, ct));

    /// <summary>A file written into the response as it is produced; a person who leaves stops its writing.</summary>
    private sealed class Telechargement(string fichier, string type, Func<Stream, CancellationToken, Task> ecrire) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = type;
            var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fichier);
            httpContext.Response.Headers.ContentDisposition = disposition.ToString();
            return ecrire(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }

    public static async Task CsvAsync<T>(Stream flux, IReadOnlyList<Colonne<T>> colonnes, IAsyncEnumerable<T> lignes, CancellationToken ct = default)
    {
        await using var ecrivain = new StreamWriter(flux, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(ecrivain, ConfigurationCsv);
        foreach (var c in colonnes)
        {
            csv.WriteField(c.Nom);
        }
        await csv.NextRecordAsync();
        await foreach (var ligne in lignes.WithCancellation(ct))
        {
            foreach (var c in colonnes)
            {
                csv.WriteField(Texte(c.Valeur(ligne)));
            }
            await csv.NextRecordAsync();
        }
    }

    /// <summary>
    /// Writes an xlsx workbook of one sheet row by row: a zip written forward (its directory comes last, which a zip
    /// allows), the sheet's rows as they come, strings inline (no shared-string table to hold in memory). Memory stays
    /// flat whatever the number of rows, and the first bytes leave before the last row is read.
    /// </summary>
    public static async Task XlsxAsync<T>(Stream flux, string feuille, IReadOnlyList<Colonne<T>> colonnes, IAsyncEnumerable<T> lignes,
        CancellationToken ct = default)
    {
        // The zip library writes synchronously (closing an entry flushes its compressor), which the server refuses:
        // it writes into a small buffer that is sent asynchronously after each part and every thousand rows.
        await using var sortie = new TamponEnvoi(flux);
        var zip = new ZipArchive(sortie, ZipArchiveMode.Create, leaveOpen: true);
        await EcrireAsync(zip, sortie, feuille, colonnes, lignes, ct);
        zip.Dispose();
        await sortie.EnvoyerAsync(ct);
    }

    private static async Task EcrireAsync<T>(ZipArchive zip, TamponEnvoi sortie, string feuille, IReadOnlyList<Colonne<T>> colonnes, IAsyncEnumerable<T> lignes,
        CancellationToken ct)
    {
        await PartieAsync(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""", ct);
        await PartieAsync(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""", ct);
        var nom = System.Security.SecurityElement.Escape(feuille.Length is > 0 and <= 31 ? feuille : "Export");
        await PartieAsync(zip, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{nom}" sheetId="1" r:id="rId1"/></sheets></workbook>""", ct);
        await PartieAsync(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""", ct);
        // Style 1: a date (built-in format 14, shown as the reader's short date).
        await PartieAsync(zip, "xl/styles.xml", """<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>""", ct);

        await sortie.EnvoyerAsync(ct);
        var entree = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        await using var partie = entree.Open();
        await using var xml = XmlWriter.Create(partie, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
        const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "worksheet", Ns);
        await xml.WriteStartElementAsync(null, "sheetData", Ns);
        await RangeeAsync(xml, colonnes.Select(c => (object?)c.Nom));
        var n = 0;
        await foreach (var ligne in lignes.WithCancellation(ct))
        {
            await RangeeAsync(xml, colonnes.Select(c => c.Valeur(ligne)));
            // Sent as it comes: the person sees the download start, and nothing accumulates.
            if (++n % 1000 == 0)
            {
                await xml.FlushAsync();
                await partie.FlushAsync(ct);
                await sortie.EnvoyerAsync(ct);
            }
        }
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    private static async Task PartieAsync(ZipArchive zip, string nom, string contenu, CancellationToken ct)
    {
        await using var flux = zip.CreateEntry(nom, CompressionLevel.Fastest).Open();
        await flux.WriteAsync(Encoding.UTF8.GetBytes(contenu), ct);
    }

    /// <summary>Takes synchronous writes into memory; <see cref="EnvoyerAsync"/> sends what it holds, asynchronously.</summary>
    private sealed class TamponEnvoi(Stream destination) : Stream
    {
        private readonly MemoryStream _tampon = new();
        private long _ecrits;

        public async Task EnvoyerAsync(CancellationToken ct)
        {
            if (_tampon.Length > 0)
            {
                await destination.WriteAsync(_tampon.GetBuffer().AsMemory(0, (int)_tampon.Length), ct);
                _tampon.SetLength(0);
            }
            await destination.FlushAsync(ct);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _tampon.Write(buffer, offset, count);
            _ecrits += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _tampon.Write(buffer);
            _ecrits += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _ecrits; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static readonly DateTime OrigineExcel = new(1899, 12, 30);

    private static async Task DateAsync(XmlWriter xml, DateTime date)
    {
        await xml.WriteAttributeStringAsync(null, "s", null, "1");
        await xml.WriteElementStringAsync(null, "v", null, (date - OrigineExcel).TotalDays.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task RangeeAsync(XmlWriter xml, IEnumerable<object?> valeurs)
    {
        await xml.WriteStartElementAsync(null, "row", null);
        foreach (var valeur in valeurs)
        {
            await xml.WriteStartElementAsync(null, "c", null);
            switch (valeur)
            {
                case null:
                    break;
                case DateOnly date:
                    await DateAsync(xml, date.ToDateTime(TimeOnly.MinValue));
                    break;
                case DateTime instant:
                    await DateAsync(xml, instant);
                    break;
                case DateTimeOffset instant:
                    // The time of day in Paris, as the site shows it.
                    await DateAsync(xml, TimeZoneInfo.ConvertTime(instant, Web.Paris.Fuseau).DateTime);
                    break;
                case double d when !double.IsFinite(d):
                case float f when !float.IsFinite(f):
                    break;
                case bool b:
                    await xml.WriteAttributeStringAsync(null, "t", null, "b");
                    await xml.WriteElementStringAsync(null, "v", null, b ? "1" : "0");
                    break;
                case int or long or short or decimal or double or float or byte or sbyte or ushort or uint or ulong:
                    await xml.WriteElementStringAsync(null, "v", null, ((IFormattable)valeur).ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    await xml.WriteAttributeStringAsync(null, "t", null, "inlineStr");
                    await xml.WriteStartElementAsync(null, "is", null);
                    await xml.WriteStartElementAsync(null, "t", null);
                    await xml.WriteAttributeStringAsync("xml", "space", null, "preserve");
                    await xml.WriteStringAsync(XmlPropre(valeur.ToString() ?? ""));
                    await xml.WriteEndElementAsync();
                    await xml.WriteEndElementAsync();
                    break;
            }
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();
    }

    /// <summary>XML cannot carry some control characters: they are left out rather than fail the whole file.</summary>
    private static string XmlPropre(string texte)
    {
        try
        {
            XmlConvert.VerifyXmlChars(texte);
            return texte;
        }
        catch (XmlException)
        {
            var propre = new StringBuilder(texte.Length);
            for (var i = 0; i < texte.Length; i++)
            {
                if (XmlConvert.IsXmlChar(texte[i]))
                {
                    propre.Append(texte[i]);
                }
                else if (i + 1 < texte.Length && XmlConvert.IsXmlSurrogatePair(texte[i + 1], texte[i]))
                {
                    propre.Append(texte, i++, 2);
                }
            }
            return propre.ToString();
        }
    }

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
        // An instant as people read it here: Paris time, to the minute.
        DateTimeOffset instant => TimeZoneInfo.ConvertTime(instant, Web.Paris.Fuseau).ToString("dd/MM/yyyy HH:mm", French),
        IFormattable f => f.ToString(null, French),
        _ => valeur.ToString() ?? "",
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
