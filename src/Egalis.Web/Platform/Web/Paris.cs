namespace Egalis.Web.Platform.Web;

/// <summary>The Métropole's legal time: dates people see and enter are Paris dates.</summary>
public static class Paris
{
    public static readonly TimeZoneInfo Fuseau = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Fuseau).DateTime);

    public static DateTimeOffset StartOfDay(DateOnly jour)
    {
        var local = jour.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Fuseau.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>« 27/11/2026 à 18:40 », in Paris time.</summary>
    public static string Display(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Fuseau).ToString("dd/MM/yyyy 'à' HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
