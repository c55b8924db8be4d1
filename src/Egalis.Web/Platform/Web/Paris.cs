namespace Egalis.Web.Platform.Web;

/// <summary>The Métropole's legal time: dates people see and enter are Paris dates.</summary>
public static class Paris
{
    public static readonly TimeZoneInfo Fuseau = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateOnly Aujourdhui(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Fuseau).DateTime);

    public static DateTimeOffset DebutDuJour(DateOnly jour)
    {
        var local = jour.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Fuseau.GetUtcOffset(local)).ToUniversalTime();
    }
}
