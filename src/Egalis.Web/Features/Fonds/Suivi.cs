using Egalis.Web.Features.Budget;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// What follows a grant, as pure functions: its payment schedule (in one go, or a first part at signature and the
/// balance after the financial report), the report's due date (six months after the project's end), when a report is
/// overdue, and the gaps between forecast and actual that the CERFA 15059 asks to explain.
/// </summary>
public static class Suivi
{
    /// <summary>The CERFA 15059 is due within six months of the project's end.</summary>
    public const int MoisPourLeCompteRendu = 6;

    /// <summary>A gap between forecast and actual above this share of the forecast (in percent) must be explained.</summary>
    public const decimal EcartSignificatif = 20m;

    /// <summary>How many days before the due date the members are reminded.</summary>
    public const int JoursAvantRappel = 30;

    public sealed record Tranche(int Rang, decimal Montant, bool ApresCompteRendu);

    /// <summary>
    /// The payments of a grant: all at once when <paramref name="premierePart"/> is null; otherwise that share (in
    /// percent, rounded down to the cent) at signature and the balance after the financial report. The parts add up to
    /// the amount, to the cent.
    /// </summary>
    public static IReadOnlyList<Tranche> Echeancier(decimal montant, int? premierePart)
    {
        if (premierePart is not { } part)
        {
            return [new Tranche(1, montant, false)];
        }
        var premiere = Math.Floor(montant * part) / 100m;
        return [new Tranche(1, premiere, false), new Tranche(2, montant - premiere, true)];
    }

    /// <summary>Why a first share cannot be used, or null: a whole percentage strictly between 0 and 100.</summary>
    public static string? VerifierPart(int? premierePart) =>
        premierePart is null or (> 0 and < 100) ? null : "La part versée à la signature est un pourcentage entre 1 et 99 (le solde est versé après le compte rendu financier).";

    public static DateOnly EcheanceCompteRendu(DateOnly finDuProjet) => finDuProjet.AddMonths(MoisPourLeCompteRendu);

    /// <summary>Overdue: the project has ended more than six months ago and no report was submitted.</summary>
    public static bool EnRetard(DateOnly? finDuProjet, bool depose, DateOnly aujourdhui) =>
        finDuProjet is { } fin && !depose && aujourdhui > EcheanceCompteRendu(fin);

    /// <summary>When the members are reminded: from thirty days before the due date, as long as nothing was submitted.</summary>
    public static bool ARappeler(DateOnly? finDuProjet, bool depose, DateOnly aujourdhui) =>
        finDuProjet is { } fin && !depose && aujourdhui >= EcheanceCompteRendu(fin).AddDays(-JoursAvantRappel);

    /// <summary>Actual as a percentage of forecast (rounded to the unit), or null when nothing was forecast.</summary>
    public static decimal? Pourcentage(decimal prevu, decimal realise) =>
        prevu == 0 ? null : Math.Round(100m * realise / prevu, 0, MidpointRounding.AwayFromZero);

    /// <summary>A gap to explain: more than 20 % of the forecast either way (so anything on a line that had nothing forecast).</summary>
    public static bool Significatif(decimal prevu, decimal realise) =>
        Math.Abs(realise - prevu) * 100m > Math.Abs(prevu) * EcartSignificatif;

    /// <summary>
    /// Whether an instalment can be paid now: the first once the convention is signed (or, without a convention, once
    /// the terms are notified) and the organisation and its bank details checked by the team; the balance once the
    /// financial report is submitted too.
    /// </summary>
    public static string? PeutVerser(Tranche tranche, bool conditionsArretees, bool compteRenduDepose, bool organisationVerifiee) =>
        !conditionsArretees ? "Le versement attend la convention signée (ou, sans convention, la notification des conditions)."
        : !organisationVerifiee ? "Le versement attend la vérification de l'organisation et de son RIB par l'équipe du fonds."
        : tranche.ApresCompteRendu && !compteRenduDepose ? "Le solde se verse après le dépôt du compte rendu financier."
        : null;

    /// <summary>Before the terms are sent, the SCDL's free description (« autre »): the schedule is not known yet.</summary>
    public const string ConditionsAFixer = "fixées par la convention ou la notification à venir";

    /// <summary>The payment conditions in the SCDL's words: « unique » or « échelonné ».</summary>
    public static string ConditionsScdl(int? premierePart) => premierePart is null ? "unique" : "échelonné";

    /// <summary>The schedule in words, as the convention or the notification says it.</summary>
    public static string Decrire(IReadOnlyList<Tranche> tranches, bool avecConvention)
    {
        var quand = avecConvention ? "à la signature de la convention" : "à la notification";
        return tranches.Count == 1
            ? $"en une fois, {Euros.Format(tranches[0].Montant)} {quand}"
            : $"en deux fois : {Euros.Format(tranches[0].Montant)} {quand}, puis le solde de {Euros.Format(tranches[1].Montant)} après le dépôt du compte rendu financier";
    }

    /// <summary>The lines whose actual amount is more than 20 % away from the forecast, with actual as a percentage of it.</summary>
    public static List<string> LignesEnEcart(IEnumerable<(string Libelle, decimal Prevu, decimal Realise)> lignes) =>
        lignes.Where(l => Significatif(l.Prevu, l.Realise))
            .Select(l => Pourcentage(l.Prevu, l.Realise) is { } p ? $"{l.Libelle} : {p:0} % du prévu" : $"{l.Libelle} : rien n'était prévu").ToList();
}
