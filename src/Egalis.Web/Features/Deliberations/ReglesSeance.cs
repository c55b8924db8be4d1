using Egalis.Web.Platform.Text;

namespace Egalis.Web.Features.Deliberations;

public enum StatutPresence
{
    Present = 0,
    Represente = 1,
    Excuse = 2,
    Absent = 3,
}

/// <summary>A member's attendance for an agenda item, as entered.</summary>
public sealed record LignePresence(int MandatId, string Nom, StatutPresence Statut, int? MandataireId);

/// <summary>Attendance rules (CGCT L2121-20 and the session's policy), checked before anything is saved.</summary>
public static class ReglesPresence
{
    /// <param name="seancesDejaCouvertes">For each represented member, how many consecutive earlier sessions the same proxy already covered.</param>
    public static List<(int MandatId, string Message)> Verifier(IReadOnlyList<LignePresence> lignes, PolitiqueQuorum politique,
        IReadOnlyDictionary<int, int>? seancesDejaCouvertes = null)
    {
        var erreurs = new List<(int, string)>();
        var parId = lignes.ToDictionary(l => l.MandatId);
        foreach (var l in lignes)
        {
            if (l.Statut == StatutPresence.Represente)
            {
                if (l.MandataireId is null)
                {
                    erreurs.Add((l.MandatId, $"Indiquez qui porte le pouvoir {French.De(l.Nom)}, marqué « représenté »."));
                }
                else if (l.MandataireId == l.MandatId)
                {
                    erreurs.Add((l.MandatId, $"Un membre ne porte pas son propre pouvoir : choisissez un autre membre pour {l.Nom}."));
                }
                else if (!parId.TryGetValue(l.MandataireId.Value, out var mandataire))
                {
                    erreurs.Add((l.MandatId, $"Le porteur du pouvoir {French.De(l.Nom)} n'est pas membre de l'assemblée."));
                }
                else if (mandataire.Statut != StatutPresence.Present)
                {
                    erreurs.Add((l.MandatId, $"Le pouvoir {French.De(l.Nom)} ne peut être porté que par un membre présent : {mandataire.Nom} n'est pas marqué « présent »."));
                }
                if (seancesDejaCouvertes?.GetValueOrDefault(l.MandatId) is int deja && deja >= politique.SeancesParPouvoir)
                {
                    erreurs.Add((l.MandatId, $"Le pouvoir {French.De(l.Nom)} a déjà servi pour {deja} séances consécutives : il en couvre {politique.SeancesParPouvoir} au plus, un nouveau pouvoir est nécessaire."));
                }
            }
            else if (l.MandataireId is not null)
            {
                erreurs.Add((l.MandatId, $"Pour {l.Nom}, la présence choisie est « {Libelle(l.Statut)} » mais un pouvoir est indiqué : choisissez « représenté » pour garder le pouvoir, ou retirez-le."));
            }
        }
        foreach (var groupe in lignes.Where(l => l.Statut == StatutPresence.Represente && l.MandataireId is not null).GroupBy(l => l.MandataireId!.Value))
        {
            if (groupe.Count() > politique.PouvoirsParMandataire && parId.TryGetValue(groupe.Key, out var porteur))
            {
                var noms = string.Join(", ", groupe.Select(g => g.Nom));
                erreurs.Add((groupe.Key, politique.PouvoirsParMandataire == 1
                    ? $"Un membre présent porte un seul pouvoir : {porteur.Nom} en porte {groupe.Count()} ({noms})."
                    : $"Un membre présent porte au plus {politique.PouvoirsParMandataire} pouvoirs : {porteur.Nom} en porte {groupe.Count()} ({noms})."));
            }
        }
        return erreurs;
    }

    private static string Libelle(StatutPresence s) => s switch
    {
        StatutPresence.Present => "présent",
        StatutPresence.Excuse => "excusé",
        StatutPresence.Absent => "absent",
        _ => "représenté",
    };
}

public enum ResultatDeliberation
{
    Adoptee,
    Rejetee,
    PrendActe,
}

/// <summary>Vote counts of an item and what they decide (CGCT L2121-20).</summary>
public sealed record Scrutin(int Pour, int Contre, int Abstention, int NePrendPasPart, bool Secret, bool? VoixDuPresidentPour)
{
    /// <summary>Suffrages exprimés: abstentions and members not taking part are not counted.</summary>
    public int Exprimes => Pour + Contre;

    /// <summary>
    /// Adopted by the absolute majority of the votes cast. On a tie, the president's vote decides,
    /// except in a secret ballot, where a tie rejects.
    /// </summary>
    public ResultatDeliberation Resultat()
    {
        if (Pour > Contre)
        {
            return ResultatDeliberation.Adoptee;
        }
        if (Pour == Contre && Pour > 0 && !Secret && VoixDuPresidentPour == true)
        {
            return ResultatDeliberation.Adoptee;
        }
        return ResultatDeliberation.Rejetee;
    }

    /// <summary>Counts checked against who could vote; French messages.</summary>
    public IReadOnlyList<string> Verifier(int presentsEtRepresentes)
    {
        var erreurs = new List<string>();
        if (Pour < 0 || Contre < 0 || Abstention < 0 || NePrendPasPart < 0)
        {
            erreurs.Add("Les décomptes ne peuvent pas être négatifs.");
        }
        if (Pour + Contre + Abstention + NePrendPasPart > presentsEtRepresentes)
        {
            erreurs.Add($"Il y a plus de voix ({Pour + Contre + Abstention + NePrendPasPart}) que de membres présents ou représentés ({presentsEtRepresentes}).");
        }
        if (Pour == Contre && Pour > 0 && !Secret && VoixDuPresidentPour is null)
        {
            erreurs.Add("Égalité des voix : indiquez le vote du président, dont la voix est prépondérante (hors scrutin secret).");
        }
        return erreurs;
    }
}

/// <summary>The SCDL délibérations counts derived from an item.</summary>
public sealed record DecomptesScdl(int Effectif, int Reel, int Pour, int Contre, int Abstention)
{
    /// <summary>Effectif: members able to take part (present or represented); réel: those who voted, abstentions included.</summary>
    public static DecomptesScdl De(int presents, int representes, Scrutin scrutin) =>
        new(presents + representes, scrutin.Pour + scrutin.Contre + scrutin.Abstention, scrutin.Pour, scrutin.Contre, scrutin.Abstention);
}

/// <summary>When quorum fails, the item goes to a new session convened at least N days later, without quorum.</summary>
public static class ReglesReconvocation
{
    public static string? Verifier(DateOnly seanceInitiale, DateOnly nouvelleSeance, PolitiqueQuorum politique) =>
        nouvelleSeance.DayNumber - seanceInitiale.DayNumber < politique.DelaiReconvocationJours
            ? $"La nouvelle séance doit se tenir au moins {politique.DelaiReconvocationJours} jours après celle du {seanceInitiale:dd/MM/yyyy} où le quorum n'était pas atteint (au plus tôt le {seanceInitiale.AddDays(politique.DelaiReconvocationJours):dd/MM/yyyy})."
            : null;
}
