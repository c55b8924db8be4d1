using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Egalis.Web.Platform.Ui;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server (no script, no inline style: the
/// CSP allows it). It is an image with a title and a description; pages show the same figures
/// in a table beside it, which is what assistive technologies read.
/// </summary>
public static class SvgBarChart
{
    public sealed record Barre(string Libelle, decimal Valeur, string Texte);

    public static IHtmlContent Render(string id, string titre, string description, IReadOnlyList<Barre> barres, decimal maximum)
    {
        const int largeurLibelle = 330, largeurBarres = 360, hauteurBarre = 22, ecart = 10, marge = 8;
        var hauteur = marge * 2 + barres.Count * (hauteurBarre + ecart);
        var largeur = largeurLibelle + largeurBarres + 90;
        var enc = Html.Encoder;
        var inv = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        svg.Append(inv, $"<svg class=\"graphique\" viewBox=\"0 0 {largeur} {hauteur}\" role=\"img\" aria-labelledby=\"{id}-titre {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append($"<title id=\"{id}-titre\">{enc.Encode(titre)}</title><desc id=\"{id}-desc\">{enc.Encode(description)}</desc>");
        for (var i = 0; i < barres.Count; i++)
        {
            var b = barres[i];
            var y = marge + i * (hauteurBarre + ecart);
            var largeurBarre = maximum <= 0 ? 0 : Math.Clamp(b.Valeur / maximum, 0, 1) * largeurBarres;
            // The label column holds about 36 characters at this size; the full text is in the table.
            var libelle = b.Libelle.Length > 36 ? b.Libelle[..35].TrimEnd() + "…" : b.Libelle;
            svg.Append(inv, $"<text x=\"0\" y=\"{y + 16}\" class=\"graphique__libelle\">{enc.Encode(libelle)}</text>");
            svg.Append(inv, $"<rect x=\"{largeurLibelle}\" y=\"{y}\" width=\"{largeurBarres}\" height=\"{hauteurBarre}\" class=\"graphique__fond\"/>");
            svg.Append(inv, $"<rect x=\"{largeurLibelle}\" y=\"{y}\" width=\"{largeurBarre:0.#}\" height=\"{hauteurBarre}\" class=\"graphique__barre\"/>");
            svg.Append(inv, $"<text x=\"{largeurLibelle + largeurBarres + 8}\" y=\"{y + 16}\" class=\"graphique__valeur\">{enc.Encode(b.Texte)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
