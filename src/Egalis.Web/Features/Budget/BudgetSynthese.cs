using Egalis.Web.Platform.Data;
using Egalis.Web.Features.Plan;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Budget;

/// <summary>A year's figures: credits per line, and per action what is allocated, committed and paid.</summary>
public sealed class BudgetSynthese(EgalisDbContext db)
{
    public sealed record Ligne(int CreditId, int LigneId, string SousPolitique, string Nature, string Fonction, string Libelle, decimal Credits);
    public sealed record ParAction(string Code, int AllocationId, decimal Alloue, decimal Engage, decimal Mandate)
    {
        public decimal Disponible => Alloue - Engage;
    }
    public sealed record Annee(int Exercice, IReadOnlyList<Ligne> Lignes, IReadOnlyList<ParAction> Actions)
    {
        public decimal Credits => Lignes.Sum(l => l.Credits);
        public decimal Alloue => Actions.Sum(a => a.Alloue);
        public decimal Engage => Actions.Sum(a => a.Engage);
        public decimal Mandate => Actions.Sum(a => a.Mandate);
    }

    public Task<List<int>> ExercicesAsync(CancellationToken ct = default) =>
        db.Set<Exercice>().OrderBy(e => e.Annee).Select(e => e.Annee).ToListAsync(ct);

    /// <summary>Three queries whatever the number of actions; amounts are added up here, identically on both databases.</summary>
    public async Task<Annee?> LoadAsync(int annee, CancellationToken ct = default)
    {
        // The year and its credits together: no row, no such year; one row without credit, an open year not yet credited.
        var rangees = await (
                from e in db.Set<Exercice>().AsNoTracking().Where(e => e.Annee == annee)
                from c in db.Set<Credit>().AsNoTracking().Where(c => c.Annee == e.Annee).DefaultIfEmpty()
                select c == null ? null : new Ligne(c.Id, c.LigneBudgetaireId, c.Ligne!.SousPolitique, c.Ligne.Nature, c.Ligne.Fonction, c.Ligne.Libelle, c.Montant))
            .ToListAsync(ct);
        if (rangees.Count == 0)
        {
            return null;
        }
        var lignes = rangees.OfType<Ligne>().ToList();
        var allocations = await db.Set<Allocation>().AsNoTracking().Where(a => a.Credit!.Annee == annee)
            .Select(a => new { a.Id, a.ActionCode, a.Montant }).ToListAsync(ct);
        // Each commitment of the year with its payments (none: one row without payment).
        var mouvements = await (
                from e in db.Set<Engagement>().AsNoTracking().Where(e => e.Allocation!.Credit!.Annee == annee)
                join m in db.Set<Mandatement>().AsNoTracking() on e.Id equals m.EngagementId into paiements
                from m in paiements.DefaultIfEmpty()
                select new { e.Id, e.AllocationId, e.Statut, e.Montant, Paye = m == null ? (decimal?)null : m.Montant })
            .ToListAsync(ct);
        var engagements = mouvements.DistinctBy(m => m.Id).Where(m => m.Statut == StatutEngagement.Engage).Select(m => new { m.AllocationId, m.Montant }).ToList();
        var mandats = mouvements.Where(m => m.Paye is not null).Select(m => new { m.AllocationId, Montant = m.Paye!.Value }).ToList();

        var actions = allocations
            .GroupBy(a => a.ActionCode)
            .Select(g =>
            {
                var ids = g.Select(a => a.Id).ToHashSet();
                return new ParAction(g.Key, g.First().Id, g.Sum(a => a.Montant),
                    engagements.Where(e => ids.Contains(e.AllocationId)).Sum(e => e.Montant),
                    mandats.Where(m => ids.Contains(m.AllocationId)).Sum(m => m.Montant));
            })
            .OrderBy(a => a.Code, CodeComparer.Instance)
            .ToList();
        return new Annee(annee, lignes.OrderBy(l => l.SousPolitique).ThenBy(l => l.Nature).ThenBy(l => l.Fonction).ToList(), actions);
    }
}
