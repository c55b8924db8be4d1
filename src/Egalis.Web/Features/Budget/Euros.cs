using System.Globalization;

namespace Egalis.Web.Features.Budget;

/// <summary>Amounts in euros as French readers write them: « 60 000,00 € ».</summary>
public static class Euros
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public const decimal Maximum = 1_000_000_000m;

    public static string Format(decimal montant) => montant.ToString("N2", French) + " €";

    /// <summary>Null when the amount is acceptable, else the French reason.</summary>
    public static string? Verifier(decimal montant, bool zeroAccepte)
    {
        if (montant < 0)
        {
            return "Le montant ne peut pas être négatif.";
        }
        if (montant == 0 && !zeroAccepte)
        {
            return "Le montant doit être supérieur à zéro.";
        }
        if (montant > Maximum)
        {
            return "Le montant ne peut pas dépasser 1 000 000 000 €.";
        }
        if (decimal.Round(montant, 2) != montant)
        {
            return "Le montant a au plus deux chiffres après la virgule (les centimes).";
        }
        return null;
    }
}
