using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan;

/// <summary>Reads a plan as a tree with its computed progress.</summary>
public sealed class PlanService(EgalisDbContext db)
{
    public const string PlanPrincipal = "PMLCD";

    public sealed record Noeud(ElementPlan Element, string? CodeParent, StatutAction Statut, int? Progression, IReadOnlyList<Noeud> Enfants)
    {
        public bool EstFeuille => Enfants.Count == 0;
    }

    public sealed record Arbre(PlanAction Plan, IReadOnlyList<Noeud> Axes, int? Progression)
    {
        public IEnumerable<Noeud> Tous => Axes.SelectMany(Parcourir);

        private static IEnumerable<Noeud> Parcourir(Noeud n) => n.Enfants.SelectMany(Parcourir).Prepend(n);
    }

    public sealed record ActionRef(string Code, string Titre);

    /// <summary>The plan's actions and sub-actions (not its axes), in code order: for choice lists and titles.</summary>
    public async Task<List<ActionRef>> ActionsAsync(CancellationToken ct = default) =>
        (await db.Set<ElementPlan>().AsNoTracking().Where(e => e.PlanCode == PlanPrincipal && e.Niveau != NiveauElement.Axe)
            .Select(e => new ActionRef(e.Code, e.Titre)).ToListAsync(ct))
        .OrderBy(a => a.Code, CodeComparer.Instance).ToList();

    /// <summary>The whole tree in one query, whatever its size.</summary>
    public async Task<Arbre?> LoadAsync(string planCode = PlanPrincipal, CancellationToken ct = default)
    {
        // The plan with its elements and their statuses: one query (a join), whatever the tree's size.
        var rangee = await db.Set<PlanAction>().AsNoTracking().Where(p => p.Code == planCode)
            .Select(p => new { Plan = p, Elements = db.Set<ElementPlan>().Where(e => e.PlanCode == p.Code).Select(e => new { Element = e, Statut = e.Statut! }).ToList() })
            .SingleOrDefaultAsync(ct);
        if (rangee is null)
        {
            return null;
        }
        var plan = rangee.Plan;
        var elements = rangee.Elements.Select(r =>
        {
            r.Element.Statut = r.Statut;
            return r.Element;
        }).ToList();
        var progression = PlanProgression.Calculer(elements
            .Select(e => new PlanProgression.Noeud(e.Id, e.ParentId, e.Progression, e.Statut!.ProgressionParDefaut, e.Statut.ProgressionParDefaut is null, e.Poids))
            .ToList());
        var parParent = elements.ToLookup(e => e.ParentId);

        Noeud Construire(ElementPlan e, string? codeParent) => new(e, codeParent, e.Statut!, PlanProgression.Arrondi(progression[e.Id]),
            parParent[e.Id].OrderBy(c => c.Ordre).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => Construire(c, e.Code)).ToList());

        var axes = parParent[null].OrderBy(a => a.Ordre).ThenBy(a => a.Code, StringComparer.Ordinal).Select(a => Construire(a, null)).ToList();
        // The plan's own figure is the mean of its axes, by the same rule.
        var racine = PlanProgression.Calculer(axes
            .Select(a => new PlanProgression.Noeud(a.Element.Id, 0, a.Progression, null, a.Progression is null, a.Element.Poids))
            .Append(new PlanProgression.Noeud(0, null, null, null, false, null))
            .ToList());
        return new Arbre(plan, axes, PlanProgression.Arrondi(racine[0]));
    }
}

/// <summary>Orders plan codes as numbers: 1.2 before 1.10.</summary>
public sealed class CodeComparer : IComparer<string>
{
    public static readonly CodeComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = int.TryParse(a[i], out var na) && int.TryParse(b[i], out var nb) ? na.CompareTo(nb) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }
        return a.Length.CompareTo(b.Length);
    }
}
