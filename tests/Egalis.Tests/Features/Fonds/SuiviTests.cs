using Egalis.Web.Features.Fonds;

namespace Egalis.Tests.Features.Fonds;

/// <summary>What follows a grant, as rules: the schedule, the report's due date, overdue reports, the gaps to explain, when a payment may be made.</summary>
public class SuiviTests
{
    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_grant_paid_in_one_go_is_one_payment_at_signature()
    {
        Assert.Equal([new Suivi.Tranche(1, 12_000m, false)], Suivi.Echeancier(12_000m, null));
    }

    [Theory]
    [InlineData("12000", 80, "9600", "2400")]
    // Rounded down to the cent: the balance takes the rest, and the two add up to the grant.
    [InlineData("12345.67", 80, "9876.53", "2469.14")]
    [InlineData("0.05", 50, "0.02", "0.03")]
    [InlineData("1000", 1, "10", "990")]
    [InlineData("1000", 99, "990", "10")]
    public void A_grant_paid_in_two_goes_splits_to_the_cent(string montant, int part, string premiere, string solde)
    {
        Assert.Equal([new Suivi.Tranche(1, D(premiere), false), new Suivi.Tranche(2, D(solde), true)], Suivi.Echeancier(D(montant), part));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(99, true)]
    [InlineData(0, false)]
    [InlineData(100, false)]
    [InlineData(-5, false)]
    public void The_share_at_signature_is_between_1_and_99_percent(int? part, bool valable)
    {
        var message = Suivi.VerifierPart(part);
        Assert.Equal(valable, message is null);
        if (!valable)
        {
            Assert.Equal("La part versée à la signature est un pourcentage entre 1 et 99 (le solde est versé après le compte rendu financier).", message);
        }
    }

    [Theory]
    [InlineData("2027-06-30", "2027-12-30")]
    // Six months after 31 August is the last day of February.
    [InlineData("2026-08-31", "2027-02-28")]
    [InlineData("2027-08-31", "2028-02-29")]
    public void The_report_is_due_six_months_after_the_project_ends(string fin, string echeance)
    {
        Assert.Equal(DateOnly.Parse(echeance, System.Globalization.CultureInfo.InvariantCulture), Suivi.EcheanceCompteRendu(DateOnly.Parse(fin, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_report_is_overdue_the_day_after_its_due_date_unless_submitted()
    {
        var fin = new DateOnly(2027, 6, 30);
        Assert.False(Suivi.EnRetard(fin, false, new DateOnly(2027, 12, 30)));
        Assert.True(Suivi.EnRetard(fin, false, new DateOnly(2027, 12, 31)));
        Assert.False(Suivi.EnRetard(fin, true, new DateOnly(2028, 6, 1)));
        Assert.False(Suivi.EnRetard(null, false, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Members_are_reminded_from_thirty_days_before_the_due_date()
    {
        var fin = new DateOnly(2027, 6, 30);
        Assert.False(Suivi.ARappeler(fin, false, new DateOnly(2027, 11, 29)));
        Assert.True(Suivi.ARappeler(fin, false, new DateOnly(2027, 11, 30)));
        Assert.True(Suivi.ARappeler(fin, false, new DateOnly(2028, 1, 15)));
        Assert.False(Suivi.ARappeler(fin, true, new DateOnly(2027, 12, 1)));
        Assert.False(Suivi.ARappeler(null, false, new DateOnly(2030, 1, 1)));
    }

    [Theory]
    [InlineData("1000", "1000", "100")]
    [InlineData("1000", "800", "80")]
    [InlineData("3000", "1000", "33")]
    [InlineData("200", "1", "1")]
    [InlineData("1000", "1235", "124")]
    public void Actual_is_a_percentage_of_forecast_to_the_unit(string prevu, string realise, string pourcent)
    {
        Assert.Equal(D(pourcent), Suivi.Pourcentage(D(prevu), D(realise)));
    }

    [Fact]
    public void Nothing_forecast_has_no_percentage()
    {
        Assert.Null(Suivi.Pourcentage(0m, 500m));
    }

    [Theory]
    [InlineData("1000", "1000", false)]
    [InlineData("1000", "1200", false)]
    [InlineData("1000", "800", false)]
    [InlineData("1000", "1200.01", true)]
    [InlineData("1000", "799.99", true)]
    [InlineData("0", "0", false)]
    [InlineData("0", "10", true)]
    public void A_gap_of_more_than_20_percent_either_way_is_to_be_explained(string prevu, string realise, bool significatif)
    {
        Assert.Equal(significatif, Suivi.Significatif(D(prevu), D(realise)));
    }

    [Fact]
    public void The_first_payment_waits_for_the_signature_and_the_balance_for_the_report()
    {
        var premiere = new Suivi.Tranche(1, 9_600m, false);
        var solde = new Suivi.Tranche(2, 2_400m, true);
        Assert.Equal("Le versement attend la convention signée (ou, sans convention, la notification des conditions).", Suivi.PeutVerser(premiere, false, true, true));
        Assert.Equal("Le versement attend la vérification de l'organisation et de son RIB par l'équipe du fonds.", Suivi.PeutVerser(premiere, true, true, false));
        Assert.Null(Suivi.PeutVerser(premiere, true, false, true));
        Assert.Equal("Le solde se verse après le dépôt du compte rendu financier.", Suivi.PeutVerser(solde, true, false, true));
        Assert.Equal("Le versement attend la convention signée (ou, sans convention, la notification des conditions).", Suivi.PeutVerser(solde, false, true, true));
        Assert.Equal("Le versement attend la vérification de l'organisation et de son RIB par l'équipe du fonds.", Suivi.PeutVerser(solde, true, false, false));
        Assert.Null(Suivi.PeutVerser(solde, true, true, true));
    }

    [Fact]
    public void The_open_data_says_unique_or_staged()
    {
        Assert.Equal("unique", Suivi.ConditionsScdl(null));
        Assert.Equal("échelonné", Suivi.ConditionsScdl(80));
    }

    [Fact]
    public void The_schedule_is_told_in_words()
    {
        Assert.Equal("en une fois, 12\u202F000,00 € à la signature de la convention", Suivi.Decrire(Suivi.Echeancier(12_000m, null), true));
        Assert.Equal("en une fois, 12\u202F000,00 € à la notification", Suivi.Decrire(Suivi.Echeancier(12_000m, null), false));
        Assert.Equal("en deux fois : 9\u202F600,00 € à la notification, puis le solde de 2\u202F400,00 € après le dépôt du compte rendu financier",
            Suivi.Decrire(Suivi.Echeancier(12_000m, 80), false));
    }

    [Fact]
    public void The_gaps_to_explain_are_named_with_their_share_of_the_forecast()
    {
        Assert.Equal(["64 – Charges de personnel : 73 % du prévu", "70 – Ventes : rien n'était prévu"],
            Suivi.LignesEnEcart([("64 – Charges de personnel", 15_000m, 11_000m), ("60 – Achats", 1_000m, 1_200m), ("70 – Ventes", 0m, 50m)]));
        Assert.Empty(Suivi.LignesEnEcart([("60 – Achats", 1_000m, 800m)]));
    }
}
