using Egalis.Web.Platform.Web;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// A call's dates are typed and read in Paris time and kept as instants: « clôture le 29/03/2026 à 12:00 » is 10:00 UTC
/// (summer time began that night), not 11:00. Submissions are accepted up to the minute before the closing time.
/// </summary>
public static class Calendrier
{
    public sealed record Conversion(DateTimeOffset? Instant, string? Erreur);

    /// <summary>The instant of a Paris date and time. A time that does not exist (the hour skipped in March) is refused; one that happens twice (the hour repeated in October) is its first occurrence.</summary>
    public static Conversion Instant(DateOnly jour, TimeOnly heure)
    {
        var local = jour.ToDateTime(heure);
        if (Paris.Fuseau.IsInvalidTime(local))
        {
            return new(null, $"Le {jour:dd/MM/yyyy} à {heure:HH\\:mm} n'existe pas à Paris : c'est l'heure sautée au passage à l'heure d'été. Choisissez une autre heure.");
        }
        var decalage = Paris.Fuseau.IsAmbiguousTime(local)
            ? Paris.Fuseau.GetAmbiguousTimeOffsets(local).Max()
            : Paris.Fuseau.GetUtcOffset(local);
        return new(new DateTimeOffset(local, decalage).ToUniversalTime(), null);
    }

    /// <summary>The Paris date and time of an instant, as a form shows them.</summary>
    public static (DateOnly Jour, TimeOnly Heure) EnHeureDeParis(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Paris.Fuseau).DateTime;
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    /// <summary>Whether a dossier may be submitted at this instant: from the opening, until before the closing.</summary>
    public static bool Ouvert(DateTimeOffset ouverture, DateTimeOffset cloture, DateTimeOffset maintenant) =>
        ouverture <= maintenant && maintenant < cloture;
}
