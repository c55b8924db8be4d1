using PdfSharp.Fonts;

namespace Egalis.Web.Platform.Pdf;

/// <summary>
/// PDFsharp finds no system fonts on Linux: it is given DejaVu Sans (free licence), restored from
/// npm by the build and embedded in this assembly (see Egalis.Web.csproj), whatever family a document asks for.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Famille = "DejaVu Sans";
    private static readonly object Verrou = new();
    private static bool _installe;
    private readonly Dictionary<string, byte[]> _fichiers = new(StringComparer.Ordinal);

    private PdfFonts()
    {
        foreach (var face in new[] { "DejaVuSans", "DejaVuSans-Bold" })
        {
            using var flux = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Egalis.Fonts.{face}.ttf")
                ?? throw new InvalidOperationException($"Police {face} absente de l'assemblage : reconstruisez src/Egalis.Web.");
            using var copie = new MemoryStream();
            flux.CopyTo(copie);
            _fichiers[face] = copie.ToArray();
        }
    }

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global).</summary>
    public static void Install()
    {
        lock (Verrou)
        {
            if (_installe)
            {
                return;
            }
            GlobalFontSettings.FontResolver = new PdfFonts();
            _installe = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) => _fichiers.GetValueOrDefault(faceName);
}
