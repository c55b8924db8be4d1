using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Egalis.Web.Platform.Pdf;

/// <summary>
/// Writes a simple flowing document (titles, paragraphs, lists, tables) on A4 pages, wrapping
/// lines and breaking pages by itself. Text is embedded with a Unicode map, so it can be selected,
/// searched and extracted.
/// </summary>
public sealed class PdfDocumentWriter : IDisposable
{
    private const double Marge = 50, Interligne = 1.35;
    private readonly PdfDocument _document = new();
    private readonly string _pied;
    private XGraphics _gfx = null!;
    private PdfPage _page = null!;
    private double _y;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static XFont Police(double taille, bool gras = false) =>
        new(PdfFonts.Famille, taille, gras ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    public PdfDocumentWriter(string titre, string auteur, string pied)
    {
        PdfFonts.Install();
        _document.Info.Title = titre;
        _document.Info.Author = auteur;
        _document.Info.Subject = titre;
        _document.Info.Creator = "Egalis";
        _pied = pied;
        NewPage();
    }

    private double Largeur => _page.Width.Point - 2 * Marge;
    private double Bas => _page.Height.Point - Marge - 20;

    public void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Marge;
    }

    public void Title(string texte) => Bloc(texte, Police(22, gras: true), avant: 0, apres: 12);
    public void Subtitle(string texte) => Bloc(texte, Police(14), avant: 0, apres: 8);
    public void Titre1(string texte) => Bloc(texte, Police(16, gras: true), avant: 14, apres: 6, garderAvecSuite: 60);
    public void Titre2(string texte) => Bloc(texte, Police(12.5, gras: true), avant: 10, apres: 4, garderAvecSuite: 40);
    public void Paragraph(string texte) => Bloc(texte, Police(10.5), avant: 0, apres: 6);

    public void List(IEnumerable<string> elements)
    {
        var police = Police(10.5);
        foreach (var element in elements)
        {
            var lignes = Couper(element, police, Largeur - 14);
            for (var i = 0; i < lignes.Count; i++)
            {
                Place(Hauteur(police));
                if (i == 0)
                {
                    _gfx.DrawString("•", police, XBrushes.Black, Marge + 2, _y, XStringFormats.TopLeft);
                }
                _gfx.DrawString(lignes[i], police, XBrushes.Black, Marge + 14, _y, XStringFormats.TopLeft);
                _y += Hauteur(police);
            }
        }
        _y += 4;
    }

    /// <summary>A table whose columns share the width in the given proportions; the header repeats on each page.</summary>
    public void Table(IReadOnlyList<string> entetes, IEnumerable<IReadOnlyList<string>> lignes, IReadOnlyList<double> proportions, IReadOnlySet<int>? aDroite = null)
    {
        var total = proportions.Sum();
        var largeurs = proportions.Select(p => p / total * Largeur).ToArray();
        var normal = Police(9.5);
        var gras = Police(9.5, gras: true);
        void Ligne(IReadOnlyList<string> cellules, XFont police, bool entete)
        {
            var coupees = cellules.Select((c, i) => Couper(c, police, largeurs[i] - 8)).ToList();
            var hauteur = coupees.Max(c => c.Count) * Hauteur(police) + 6;
            if (_y + hauteur > Bas && !entete)
            {
                NewPage();
                Ligne(entetes, gras, entete: true);
            }
            var x = Marge;
            if (entete)
            {
                _gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(227, 235, 238)), Marge, _y, Largeur, hauteur);
            }
            for (var i = 0; i < coupees.Count; i++)
            {
                var yCellule = _y + 3;
                foreach (var texte in coupees[i])
                {
                    if (aDroite?.Contains(i) == true)
                    {
                        _gfx.DrawString(texte, police, XBrushes.Black, new XRect(x + 4, yCellule, largeurs[i] - 8, Hauteur(police)), XStringFormats.TopRight);
                    }
                    else
                    {
                        _gfx.DrawString(texte, police, XBrushes.Black, x + 4, yCellule, XStringFormats.TopLeft);
                    }
                    yCellule += Hauteur(police);
                }
                x += largeurs[i];
            }
            _y += hauteur;
            _gfx.DrawLine(new XPen(XColors.LightGray, 0.5), Marge, _y, Marge + Largeur, _y);
        }
        Place(40);
        Ligne(entetes, gras, entete: true);
        foreach (var ligne in lignes)
        {
            Ligne(ligne, normal, entete: false);
        }
        _y += 8;
    }

    public byte[] Save()
    {
        _gfx.Dispose();
        var police = Police(8.5);
        for (var i = 0; i < _document.PageCount; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var page = _document.Pages[i];
            gfx.DrawString($"{_pied} – page {i + 1} sur {_document.PageCount}", police, XBrushes.DimGray,
                new XRect(Marge, page.Height.Point - Marge + 5, page.Width.Point - 2 * Marge, 12), XStringFormats.TopCenter);
        }
        using var flux = new MemoryStream();
        _document.Save(flux, closeStream: false);
        return flux.ToArray();
    }

    public void Dispose() => _document.Dispose();

    private void Bloc(string texte, XFont police, double avant, double apres, double garderAvecSuite = 0)
    {
        _y += _y > Marge ? avant : 0;
        var lignes = Couper(texte, police, Largeur);
        Place(lignes.Count * Hauteur(police) + garderAvecSuite);
        foreach (var ligne in lignes)
        {
            Place(Hauteur(police));
            _gfx.DrawString(ligne, police, XBrushes.Black, Marge, _y, XStringFormats.TopLeft);
            _y += Hauteur(police);
        }
        _y += apres;
    }

    /// <summary>Starts a new page when the next block would not fit.</summary>
    private void Place(double hauteur)
    {
        if (_y + hauteur > Bas && _y > Marge)
        {
            NewPage();
        }
    }

    private static double Hauteur(XFont police) => police.Size * Interligne;

    private List<string> Couper(string texte, XFont police, double largeur)
    {
        var lignes = new List<string>();
        foreach (var paragraphe in (texte ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var courante = "";
            foreach (var mot in paragraphe.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var essai = courante.Length == 0 ? mot : courante + " " + mot;
                if (_gfx.MeasureString(essai, police).Width <= largeur || courante.Length == 0)
                {
                    courante = essai;
                }
                else
                {
                    lignes.Add(courante);
                    courante = mot;
                }
            }
            lignes.Add(courante);
        }
        return lignes;
    }
}
