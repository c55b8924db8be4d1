using System.IO.Compression;
using System.Text;

namespace Egalis.Web.Platform.Files;

/// <summary>A kind of file the platform accepts, recognised by its content (its signature), not by its name.</summary>
public sealed record FileFormat(string Nom, string TypeMime, string[] Extensions, Func<byte[], bool> Recognises)
{
    private static bool CommencePar(byte[] octets, params byte[] signature) => octets.AsSpan().StartsWith(signature);

    /// <summary>A zip (Office Open XML, OpenDocument) whose entries say which document it is; only the tiny « mimetype » entry is read.</summary>
    private static bool Archive(byte[] octets, Func<ZipArchive, bool> test)
    {
        if (!CommencePar(octets, 0x50, 0x4B, 0x03, 0x04))
        {
            return false;
        }
        try
        {
            using var zip = new ZipArchive(new MemoryStream(octets, writable: false), ZipArchiveMode.Read);
            return test(zip);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static string? TypeOpenDocument(ZipArchive zip)
    {
        var entree = zip.GetEntry("mimetype");
        if (entree is null || entree.Length > 100)
        {
            return null;
        }
        using var lecteur = new StreamReader(entree.Open(), Encoding.ASCII);
        return lecteur.ReadToEnd();
    }

    public static readonly FileFormat Pdf = new("PDF", "application/pdf", [".pdf"], o => CommencePar(o, "%PDF-"u8.ToArray()));
    public static readonly FileFormat Png = new("PNG", "image/png", [".png"], o => CommencePar(o, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A));
    public static readonly FileFormat Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg"], o => CommencePar(o, 0xFF, 0xD8, 0xFF));
    public static readonly FileFormat Docx = new("Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"],
        o => Archive(o, z => z.GetEntry("[Content_Types].xml") is not null && z.GetEntry("word/document.xml") is not null && z.GetEntry("word/vbaProject.bin") is null));
    public static readonly FileFormat Xlsx = new("Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"],
        o => Archive(o, z => z.GetEntry("[Content_Types].xml") is not null && z.GetEntry("xl/workbook.xml") is not null && z.GetEntry("xl/vbaProject.bin") is null));
    public static readonly FileFormat Odt = new("OpenDocument texte (ODT)", "application/vnd.oasis.opendocument.text", [".odt"],
        o => Archive(o, z => TypeOpenDocument(z) == "application/vnd.oasis.opendocument.text"));
    public static readonly FileFormat Ods = new("OpenDocument tableur (ODS)", "application/vnd.oasis.opendocument.spreadsheet", [".ods"],
        o => Archive(o, z => TypeOpenDocument(z) == "application/vnd.oasis.opendocument.spreadsheet"));

    /// <summary>Documents a person typically sends: PDF, word processing, spreadsheets, photos.</summary>
    public static readonly IReadOnlyList<FileFormat> Documents = [Pdf, Docx, Odt, Xlsx, Ods, Png, Jpeg];

    /// <summary>The accepted format this content is, or null.</summary>
    public static FileFormat? Recognise(byte[] octets, IEnumerable<FileFormat> acceptes) => acceptes.FirstOrDefault(f => f.Recognises(octets));
}
