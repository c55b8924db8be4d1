using System.Globalization;
using System.Text.RegularExpressions;

namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// Identifier of an act transmitted to the prefecture (@CTES): DDD-SIREN-YYYYMMDD-NUMERO-NN,
/// for example 013-200054807-20191212-2019_CT2_587-DE.
/// </summary>
public sealed partial record ActesId(string Departement, string Siren, DateOnly Date, string Numero, string Nature)
{
    public static readonly IReadOnlyDictionary<string, string> Natures = new Dictionary<string, string>
    {
        ["DE"] = "Délibérations",
        ["AR"] = "Actes réglementaires",
        ["AI"] = "Actes individuels",
        ["CC"] = "Contrats, conventions et avenants",
        ["BF"] = "Documents budgétaires et financiers",
        ["AU"] = "Autres",
    };

    public override string ToString() =>
        $"{Departement}-{Siren}-{Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Numero}-{Nature}";

    /// <summary>Builds an identifier, or says in French what is wrong with its parts.</summary>
    public static (ActesId? Id, IReadOnlyList<string> Erreurs) Creer(string departement, string siren, DateOnly date, string numero, string nature)
    {
        var erreurs = new List<string>();
        if (!DepartementValable().IsMatch(departement ?? ""))
        {
            erreurs.Add($"Le département « {departement} » doit tenir sur 3 caractères, par exemple 013, 02A ou 974.");
        }
        if (!SirenValable(siren))
        {
            erreurs.Add($"Le SIREN « {siren} » doit comporter 9 chiffres et une clé valable.");
        }
        if (!NumeroValable().IsMatch(numero ?? ""))
        {
            erreurs.Add($"Le numéro interne « {numero} » doit faire au plus 15 caractères, majuscules, chiffres ou « _ », sans « _ » au début ni à la fin.");
        }
        if (nature is null || !Natures.ContainsKey(nature))
        {
            erreurs.Add($"La nature « {nature} » doit être l'une de : {string.Join(", ", Natures.Keys)}.");
        }
        return erreurs.Count == 0 ? (new ActesId(departement!, siren, date, numero!, nature!), erreurs) : (null, erreurs);
    }

    /// <summary>Reads an identifier; null with the reasons when it is not valid.</summary>
    public static (ActesId? Id, IReadOnlyList<string> Erreurs) Lire(string? texte)
    {
        var m = Forme().Match(texte?.Trim() ?? "");
        if (!m.Success)
        {
            return (null, ["L'identifiant ACTES doit avoir la forme DDD-SIREN-AAAAMMJJ-NUMERO-NN, par exemple 013-200054807-20191212-2019_CT2_587-DE."]);
        }
        if (!DateOnly.TryParseExact(m.Groups["date"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, [$"La date « {m.Groups["date"].Value} » de l'identifiant n'existe pas."]);
        }
        return Creer(m.Groups["dep"].Value, m.Groups["siren"].Value, date, m.Groups["numero"].Value, m.Groups["nature"].Value);
    }

    /// <summary>9 digits whose Luhn checksum holds (INSEE's rule for SIREN).</summary>
    public static bool SirenValable(string? siren)
    {
        if (siren is not { Length: 9 } || !siren.All(char.IsAsciiDigit))
        {
            return false;
        }
        var somme = 0;
        for (var i = 0; i < 9; i++)
        {
            var chiffre = siren[i] - '0';
            if (i % 2 == 1)
            {
                chiffre *= 2;
                if (chiffre > 9) chiffre -= 9;
            }
            somme += chiffre;
        }
        return somme % 10 == 0;
    }

    [GeneratedRegex("^(0[0-9][0-9AB]|[0-9]{3})$")]
    private static partial Regex DepartementValable();

    [GeneratedRegex("^([A-Z0-9][A-Z0-9_]{0,13})?[A-Z0-9]$")]
    private static partial Regex NumeroValable();

    [GeneratedRegex(@"^(?<dep>[0-9A-Z]{3})-(?<siren>\d{9})-(?<date>\d{8})-(?<numero>[A-Z0-9_]{1,15})-(?<nature>[A-Z]{2})$")]
    private static partial Regex Forme();
}
