namespace Egalis.Web.Platform.Text;

/// <summary>
/// The years the platform's records are dated in: from the plan's adoption (December 2019) to 2100. A year or a date
/// outside is a typing error (« 2062 » for « 2026 »), refused with the same words everywhere.
/// </summary>
public static class Years
{
    public const int First = 2019;
    public const int Last = 2100;
    public const string Message = "L'année doit être comprise entre 2019 et 2100.";

    public static bool IsValid(int annee) => annee is >= First and <= Last;

    /// <summary>A date within those years, or the sentence that says so (<paramref name="quelle"/>: « La date du jalon »…).</summary>
    public static string? CheckDate(DateOnly? date, string quelle = "La date") =>
        date is { } d && !IsValid(d.Year)
            ? $"{quelle} doit être comprise entre le 01/01/{First} et le 31/12/{Last}."
            : null;
}
