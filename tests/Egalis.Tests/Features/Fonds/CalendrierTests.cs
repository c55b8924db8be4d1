using Egalis.Web.Features.Fonds;

namespace Egalis.Tests.Features.Fonds;

/// <summary>A call's dates in Paris time, across the changes of time of 2026 (29 March and 25 October).</summary>
public class CalendrierTests
{
    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // Winter time: UTC+1.
    [InlineData(2026, 3, 28, 12, 0, "2026-03-28T11:00:00Z")]
    // Summer time began that night at 2:00: noon is 10:00 UTC, not 11:00.
    [InlineData(2026, 3, 29, 12, 0, "2026-03-29T10:00:00Z")]
    [InlineData(2026, 3, 29, 1, 59, "2026-03-29T00:59:00Z")]
    [InlineData(2026, 3, 29, 3, 0, "2026-03-29T01:00:00Z")]
    [InlineData(2026, 10, 24, 23, 59, "2026-10-24T21:59:00Z")]
    // Winter time again from 3:00 (summer time) on 25 October: noon is 11:00 UTC.
    [InlineData(2026, 10, 25, 12, 0, "2026-10-25T11:00:00Z")]
    // 2:30 happens twice that night: the first one (summer time) counts.
    [InlineData(2026, 10, 25, 2, 30, "2026-10-25T00:30:00Z")]
    public void A_paris_date_and_time_is_an_instant(int an, int mois, int jour, int heure, int minute, string attendu)
    {
        var conversion = Calendrier.Instant(new DateOnly(an, mois, jour), new TimeOnly(heure, minute));
        Assert.Null(conversion.Erreur);
        Assert.Equal(Utc(attendu), conversion.Instant);
        Assert.Equal((new DateOnly(an, mois, jour), new TimeOnly(heure, minute)), Calendrier.EnHeureDeParis(conversion.Instant!.Value));
    }

    [Fact]
    public void The_hour_skipped_in_march_is_refused()
    {
        var conversion = Calendrier.Instant(new DateOnly(2026, 3, 29), new TimeOnly(2, 30));
        Assert.Null(conversion.Instant);
        Assert.Equal("Le 29/03/2026 à 02:30 n'existe pas à Paris : c'est l'heure sautée au passage à l'heure d'été. Choisissez une autre heure.", conversion.Erreur);
    }

    [Fact]
    public void A_call_closing_at_noon_on_the_day_summer_time_begins_takes_dossiers_until_11_59_paris_time()
    {
        var ouverture = Calendrier.Instant(new DateOnly(2026, 3, 1), new TimeOnly(9, 0)).Instant!.Value;
        var cloture = Calendrier.Instant(new DateOnly(2026, 3, 29), new TimeOnly(12, 0)).Instant!.Value;
        Assert.False(Calendrier.Ouvert(ouverture, cloture, Utc("2026-03-01T07:59:59Z")));
        Assert.True(Calendrier.Ouvert(ouverture, cloture, Utc("2026-03-01T08:00:00Z")));
        Assert.True(Calendrier.Ouvert(ouverture, cloture, Utc("2026-03-29T09:59:00Z")));
        Assert.True(Calendrier.Ouvert(ouverture, cloture, Utc("2026-03-29T09:59:59.999Z")));
        // 10:00 UTC is noon in Paris that day: closed, although it is only 11:00 in winter time.
        Assert.False(Calendrier.Ouvert(ouverture, cloture, Utc("2026-03-29T10:00:00Z")));
        Assert.False(Calendrier.Ouvert(ouverture, cloture, Utc("2026-03-29T10:30:00Z")));
    }

    [Fact]
    public void A_call_closing_at_noon_on_the_day_winter_time_returns_takes_dossiers_until_11_00_utc()
    {
        var ouverture = Calendrier.Instant(new DateOnly(2026, 9, 1), new TimeOnly(9, 0)).Instant!.Value;
        var cloture = Calendrier.Instant(new DateOnly(2026, 10, 25), new TimeOnly(12, 0)).Instant!.Value;
        Assert.True(Calendrier.Ouvert(ouverture, cloture, Utc("2026-10-25T10:59:59Z")));
        Assert.False(Calendrier.Ouvert(ouverture, cloture, Utc("2026-10-25T11:00:00Z")));
    }
}
