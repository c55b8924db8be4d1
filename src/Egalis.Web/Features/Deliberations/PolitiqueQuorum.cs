namespace Egalis.Web.Features.Deliberations;

/// <summary>
/// The rules of quorum and proxies that apply to a session: a named, versioned policy chosen per
/// session, so that a temporary regime can be applied for the sessions it covers.
/// </summary>
public sealed record PolitiqueQuorum(
    string Code,
    string Libelle,
    int Version,
    string Fondement,
    /// <summary>Quorum as a fraction of the members in office.</summary>
    int Numerateur,
    int Denominateur,
    /// <summary>True: strictly more than the fraction (« la majorité »); false: at least the fraction (« le tiers »).</summary>
    bool StrictementSuperieur,
    /// <summary>Whether represented members count toward quorum.</summary>
    bool PouvoirsComptes,
    int PouvoirsParMandataire,
    int SeancesParPouvoir,
    int DelaiReconvocationJours)
{
    /// <summary>CGCT L2121-17 and L2121-20, applied to EPCI by L5211-1.</summary>
    public static readonly PolitiqueQuorum DroitCommun = new(
        "CGCT", "Droit commun (CGCT L2121-17 et L2121-20)", 1,
        "Articles L2121-17 et L2121-20 du CGCT, applicables aux EPCI par l'article L5211-1",
        1, 2, StrictementSuperieur: true, PouvoirsComptes: false, PouvoirsParMandataire: 1, SeancesParPouvoir: 3, DelaiReconvocationJours: 3);

    /// <summary>Temporary regime of the health emergency (2020–2022): a third, counting proxies; two proxies per holder.</summary>
    public static readonly PolitiqueQuorum RegimeTemporaire2020 = new(
        "TEMP-2020", "Régime temporaire 2020-2022 (quorum du tiers, deux pouvoirs)", 1,
        "Loi n° 2020-290 du 23 mars 2020 et textes de prorogation, jusqu'au 31 juillet 2022",
        1, 3, StrictementSuperieur: false, PouvoirsComptes: true, PouvoirsParMandataire: 2, SeancesParPouvoir: 3, DelaiReconvocationJours: 3);

    public static readonly IReadOnlyList<PolitiqueQuorum> Toutes = [DroitCommun, RegimeTemporaire2020];

    public static PolitiqueQuorum? Find(string? code) => Toutes.FirstOrDefault(p => p.Code == code);

    /// <summary>The smallest number of members (counted as the policy says) that makes quorum.</summary>
    public int Seuil(int membresEnExercice)
    {
        // n × num / den, exclusive or inclusive, in whole members.
        var produit = membresEnExercice * Numerateur;
        return StrictementSuperieur ? produit / Denominateur + 1 : (produit + Denominateur - 1) / Denominateur;
    }

    public ResultatQuorum Evaluer(int membresEnExercice, int presents, int representes)
    {
        var comptes = presents + (PouvoirsComptes ? representes : 0);
        var seuil = Seuil(membresEnExercice);
        return new ResultatQuorum(comptes >= seuil, comptes, seuil);
    }
}

public sealed record ResultatQuorum(bool Atteint, int Comptes, int Seuil)
{
    public string Explication(PolitiqueQuorum politique, int membresEnExercice) => Atteint
        ? $"Quorum atteint : {Comptes} membres {(politique.PouvoirsComptes ? "présents ou représentés" : "présents")} pour {Seuil} requis ({membresEnExercice} en exercice)."
        : $"Quorum non atteint : {Comptes} membres {(politique.PouvoirsComptes ? "présents ou représentés" : "présents")} pour {Seuil} requis ({membresEnExercice} en exercice). "
          + $"Le point ne peut être délibéré qu'à une nouvelle séance, convoquée au moins {politique.DelaiReconvocationJours} jours plus tard, qui délibérera sans condition de quorum.";
}
