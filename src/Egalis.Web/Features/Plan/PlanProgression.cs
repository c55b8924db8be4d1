namespace Egalis.Web.Features.Plan;

/// <summary>
/// Progress roll-up. A leaf's progress is its own figure, or its status's default. A parent's
/// progress is the mean of its children's, weighted when weights are given (1 otherwise);
/// children whose status takes them out (abandonné) do not count. Nothing to count: no figure.
/// </summary>
public static class PlanProgression
{
    public sealed record Noeud(int Id, int? ParentId, int? Progression, int? ProgressionStatut, bool Exclu, decimal? Poids);

    public static Dictionary<int, decimal?> Calculer(IReadOnlyCollection<Noeud> noeuds)
    {
        var enfants = noeuds.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        var resultat = new Dictionary<int, decimal?>();

        decimal? Valeur(Noeud n)
        {
            if (resultat.TryGetValue(n.Id, out var connu))
            {
                return connu;
            }
            decimal? valeur;
            if (n.Exclu)
            {
                valeur = null;
            }
            else if (!enfants[n.Id].Any())
            {
                valeur = n.Progression ?? n.ProgressionStatut;
            }
            else
            {
                var comptes = enfants[n.Id]
                    .Select(e => (Valeur: Valeur(e), Poids: e.Poids ?? 1m))
                    .Where(e => e.Valeur is not null && e.Poids > 0)
                    .ToList();
                var total = comptes.Sum(e => e.Poids);
                valeur = total == 0 ? null : comptes.Sum(e => e.Valeur!.Value * e.Poids) / total;
            }
            resultat[n.Id] = valeur;
            return valeur;
        }

        foreach (var n in noeuds)
        {
            Valeur(n);
        }
        return resultat;
    }

    /// <summary>Progress shown to people: a whole percentage.</summary>
    public static int? Arrondi(decimal? valeur) => valeur is null ? null : (int)Math.Round(valeur.Value, MidpointRounding.AwayFromZero);
}
