using System.Globalization;

namespace Egalis.Web.Platform.Text;

/// <summary>French agreement where a count or a name is inserted into a sentence.</summary>
public static class French
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« 0 absent », « 1 absent », « 2 absents »: in French, 0 and 1 take the singular.</summary>
    public static string Nombre(int n, string singulier, string pluriel) =>
        $"{n.ToString("N0", Culture).Replace('\u202F', ' ')} {(n is >= -1 and <= 1 ? singulier : pluriel)}";

    /// <summary>The word alone, agreeing with a count: « absent » or « absents ».</summary>
    public static string Accord(int n, string singulier, string pluriel) => n is >= -1 and <= 1 ? singulier : pluriel;

    /// <summary>« de DUPONT Marie », « d'AMIEL Michel », « d'Hélène » (elision before a vowel or a mute h).</summary>
    public static string De(string nom) => Elide(nom) ? $"d'{nom}" : $"de {nom}";

    /// <summary>« de » before a noun group with its article: « du point 4 », « des crédits 2020 », « de la séance », « de l'action ».</summary>
    public static string DeGroupe(string groupe) =>
        groupe.StartsWith("le ", StringComparison.Ordinal) ? "du " + groupe[3..]
        : groupe.StartsWith("les ", StringComparison.Ordinal) ? "des " + groupe[4..]
        : "de " + groupe;

    /// <summary>The first letter in capitals: « la séance… » → « La séance… ».</summary>
    public static string Majuscule(string texte) => texte.Length == 0 ? texte : char.ToUpper(texte[0], Culture) + texte[1..];

    /// <summary>« à la Maison », « à l'Hôtel de la Métropole ».</summary>
    private static bool Elide(string nom)
    {
        if (string.IsNullOrEmpty(nom))
        {
            return false;
        }
        var premiere = nom.Normalize(System.Text.NormalizationForm.FormD)[0];
        return "AEIOUYHaeiouyh".Contains(premiere, StringComparison.Ordinal);
    }
}
