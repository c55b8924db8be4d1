namespace Egalis.Web.Features.Fonds;

/// <summary>
/// Scores: each instructor scores each criterion of the call's grid from 0 to its highest score; a complete scoring
/// gives a mark out of 20 weighted by the criteria's weights; a dossier's mark is the mean of its complete scorings,
/// and their spread (highest minus lowest) tells the committee where instructors disagree.
/// </summary>
public static class Notes
{
    public sealed record Critere(int Id, int Poids, int Echelle);

    public sealed record Synthese(IReadOnlyDictionary<string, decimal> ParInstructeur, decimal? Moyenne, decimal? Ecart)
    {
        public int Completes => ParInstructeur.Count;
    }

    /// <summary>One complete scoring out of 20, two decimals; null when a criterion is not scored.</summary>
    public static decimal? SurVingt(IReadOnlyCollection<Critere> grille, IReadOnlyDictionary<int, int> notes)
    {
        var poids = grille.Sum(c => c.Poids);
        if (poids <= 0 || grille.Any(c => !notes.ContainsKey(c.Id)))
        {
            return null;
        }
        var total = grille.Sum(c => (decimal)notes[c.Id] / c.Echelle * c.Poids);
        return Math.Round(20m * total / poids, 2);
    }

    /// <summary>The marks of the instructors who scored every criterion, their mean and spread.</summary>
    public static Synthese Synthetiser(IReadOnlyCollection<Critere> grille, IEnumerable<(string Instructeur, int CritereId, int Note)> notations)
    {
        var parInstructeur = notations.GroupBy(n => n.Instructeur)
            .Select(g => (g.Key, Note: SurVingt(grille, g.GroupBy(n => n.CritereId).ToDictionary(c => c.Key, c => c.Last().Note))))
            .Where(x => x.Note is not null)
            .ToDictionary(x => x.Key, x => x.Note!.Value);
        if (parInstructeur.Count == 0)
        {
            return new Synthese(parInstructeur, null, null);
        }
        return new Synthese(parInstructeur, Math.Round(parInstructeur.Values.Average(), 2), parInstructeur.Values.Max() - parInstructeur.Values.Min());
    }

    /// <summary>Ready for the committee: in instruction, with as many complete scorings as the call requires.</summary>
    public static bool Pret(EtatDossier etat, Synthese synthese, int requises) =>
        etat == EtatDossier.EnInstruction && synthese.Completes >= requises;
}
