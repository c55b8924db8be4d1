namespace Egalis.Web.Features.Fonds;

/// <summary>
/// The identifiers an applicant types: SIRET, RNA, IBAN, BIC. Each rule takes what was typed (spaces allowed, any case),
/// and gives the identifier as it is stored, or the message that says what is wrong with it.
/// </summary>
public static class Identifiants
{
    public sealed record Verification(string? Valeur, string? Erreur)
    {
        public bool Ok => Erreur is null;
    }

    private static Verification Valide(string valeur) => new(valeur, null);

    private static Verification Refus(string erreur) => new(null, erreur);

    /// <summary>La Poste's establishments do not follow the Luhn key: the sum of their SIRET's digits is a multiple of 5.</summary>
    public const string SirenLaPoste = "356000000";

    /// <summary>La Poste's head office, whose SIRET does follow the Luhn key.</summary>
    public const string SiretSiegeLaPoste = "35600000000048";

    /// <summary>What was typed, without the spaces, dots and dashes people put in it, upper case; limited in length first.</summary>
    public static string Compacter(string? saisie, int longueurMaximale = 64)
    {
        var texte = saisie ?? "";
        return string.Concat(texte[..Math.Min(texte.Length, longueurMaximale)].Where(c => c is not (' ' or '\u00A0' or '\u202F' or '.' or '-'))).ToUpperInvariant();
    }

    private static bool QueDesChiffres(string s) => s.All(char.IsAsciiDigit);

    /// <summary>The Luhn key: from the right, every second digit doubled (its digits added), the total a multiple of 10.</summary>
    public static bool Luhn(string chiffres)
    {
        var somme = 0;
        for (var i = 0; i < chiffres.Length; i++)
        {
            var chiffre = chiffres[chiffres.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                // Doubled, its two digits added: 5 → 10 → 1, 9 → 18 → 9.
                chiffre = chiffre * 2 - (chiffre >= 5 ? 9 : 0);
            }
            // Stryker disable once Assignment : subtracting gives the same multiples of 10 (an equivalent mutant).
            somme += chiffre;
        }
        return somme % 10 == 0;
    }

    public static Verification Siren(string? saisie)
    {
        var siren = Compacter(saisie);
        if (siren.Length != 9 || !QueDesChiffres(siren))
        {
            return Refus("Le SIREN compte 9 chiffres.");
        }
        return Luhn(siren) ? Valide(siren) : Refus("Ce SIREN n'existe pas : vérifiez ses chiffres (sa clé de contrôle ne correspond pas).");
    }

    public static Verification Siret(string? saisie)
    {
        var siret = Compacter(saisie);
        if (siret.Length != 14 || !QueDesChiffres(siret))
        {
            return Refus("Le SIRET compte 14 chiffres : les 9 du SIREN, puis les 5 de l'établissement.");
        }
        if (!Siren(siret[..9]).Ok)
        {
            return Refus("Ce SIRET n'existe pas : ses 9 premiers chiffres ne forment pas un SIREN valide.");
        }
        var cle = siret.StartsWith(SirenLaPoste, StringComparison.Ordinal) && siret != SiretSiegeLaPoste
            ? siret.Sum(c => c - '0') % 5 == 0
            : Luhn(siret);
        return cle ? Valide(siret) : Refus("Ce SIRET n'existe pas : vérifiez ses chiffres (sa clé de contrôle ne correspond pas).");
    }

    /// <summary>The national register of associations: W and 9 digits (W133001234).</summary>
    public static Verification Rna(string? saisie)
    {
        var rna = Compacter(saisie);
        return rna.Length == 10 && rna[0] == 'W' && QueDesChiffres(rna[1..])
            ? Valide(rna)
            : Refus("Le numéro RNA commence par W, suivi de 9 chiffres (par exemple W133001234).");
    }

    /// <summary>The length of an IBAN in the countries of the SEPA area (ISO 13616 registry).</summary>
    public static readonly IReadOnlyDictionary<string, int> LongueursIban = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18,
        ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23, ["GR"] = 27, ["HR"] = 21, ["HU"] = 28,
        ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MT"] = 31,
        ["NL"] = 18, ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27,
        ["VA"] = 22,
    };

    /// <summary>ISO 13616: the country's length, then the key: the first four characters moved to the end, letters as 10–35, the number mod 97 is 1.</summary>
    public static Verification Iban(string? saisie)
    {
        var iban = Compacter(saisie);
        if (iban.Length < 4 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1]))
        {
            return Refus("L'IBAN commence par le code du pays (FR pour la France), suivi de sa clé à 2 chiffres.");
        }
        if (!LongueursIban.TryGetValue(iban[..2], out var longueur))
        {
            return Refus($"Les IBAN du pays « {iban[..2]} » ne sont pas acceptés : seuls ceux de la zone SEPA le sont.");
        }
        if (iban.Length != longueur || !iban.All(char.IsAsciiLetterOrDigit) || !QueDesChiffres(iban[2..4]))
        {
            return Refus($"Un IBAN {(iban[..2] == "FR" ? "français" : $"de ce pays ({iban[..2]})")} compte {longueur} caractères, lettres et chiffres.");
        }
        var reste = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            var valeur = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            reste = valeur > 9 ? (reste * 100 + valeur) % 97 : (reste * 10 + valeur) % 97;
        }
        return reste == 1 ? Valide(iban) : Refus("Cet IBAN n'existe pas : vérifiez ses caractères (sa clé de contrôle ne correspond pas).");
    }

    /// <summary>ISO 9362: bank (4 letters), country (2 letters), place (2 letters or digits), branch (3, optional).</summary>
    public static Verification Bic(string? saisie)
    {
        var bic = Compacter(saisie);
        var forme = bic.Length is 8 or 11
            && bic[..6].All(char.IsAsciiLetterUpper)
            && bic[6..].All(char.IsAsciiLetterOrDigit);
        return forme ? Valide(bic) : Refus("Le BIC compte 8 ou 11 caractères : 4 lettres pour la banque, 2 pour le pays, puis 2 (ou 5) lettres ou chiffres.");
    }

    /// <summary>An IBAN shown without its middle (on lists, in e-mails): FR76*******************0189.</summary>
    public static string Masquer(string iban) =>
        // Stryker disable once Equality : at 8 characters both branches give the IBAN itself (an equivalent mutant).
        iban.Length <= 8 ? iban : string.Concat(iban[..4], new string('*', iban.Length - 8), iban[^4..]);
}
