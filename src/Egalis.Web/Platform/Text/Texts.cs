using System.Text;
using System.Text.RegularExpressions;

namespace Egalis.Web.Platform.Text;

/// <summary>Normalising what people type: one place for « trim or null », lines and paragraphs.</summary>
public static partial class Texts
{
    /// <summary>
    /// A paragraph as HTML: text encoded, line breaks kept, and the superscripts of transcribed texts
    /// (« 3^{ème} ») set as superscripts.
    /// </summary>
    public static string ParagraphHtml(string paragraphe)
    {
        var encode = Ui.Html.Encoder.Encode(paragraphe);
        return Exposant().Replace(encode, "<sup>$1</sup>").Replace("\n", "<br>", StringComparison.Ordinal);
    }

    /// <summary>The same text for a PDF or a data file: « 3^{ème} » becomes « 3ème ».</summary>
    public static string WithoutMarkup(string texte) => Exposant().Replace(texte, "$1");

    // Bounded: at most 12 characters inside the braces.
    [GeneratedRegex(@"\^\{([^{}]{1,12})\}")]
    private static partial Regex Exposant();

    /// <summary>
    /// Why a text is refused for its length (« La description ne doit pas dépasser 8 000 caractères (8 214 saisis). »),
    /// or null when it fits: the services' own check behind the form's maxlength.
    /// </summary>
    public static string? TropLong(string? texte, int maximum, string quoi) =>
        texte is not null && texte.Length > maximum
            ? $"{quoi} ne doit pas dépasser {Nombre(maximum)} caractères ({Nombre(texte.Length)} saisis)."
            : null;

    private static string Nombre(int n) => n.ToString("N0", French.Culture).Replace('\u202F', ' ');

    /// <summary>The text trimmed, or null when nothing but spaces was typed.</summary>
    public static string? Clean(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();

    /// <summary>One entry per non-empty line (considérants, articles…), each trimmed.</summary>
    public static List<string> Lines(string? texte) =>
        (texte ?? "").Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>
    /// Paragraphs of a text as typed or pasted: a blank line separates paragraphs; a single line
    /// break inside a paragraph is kept as a line break.
    /// </summary>
    public static List<string> Paragraphs(string? texte)
    {
        var propre = (texte ?? "").Replace("\r", "", StringComparison.Ordinal);
        var resultat = new List<string>();
        var courant = new StringBuilder();
        foreach (var ligne in propre.Split('\n'))
        {
            if (ligne.Trim().Length == 0)
            {
                if (courant.Length > 0)
                {
                    resultat.Add(courant.ToString());
                    courant.Clear();
                }
                continue;
            }
            if (courant.Length > 0)
            {
                courant.Append('\n');
            }
            courant.Append(ligne.Trim());
        }
        if (courant.Length > 0)
        {
            resultat.Add(courant.ToString());
        }
        return resultat;
    }
}
