using Egalis.Web.Features.Budget;
using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan.Bilan;

/// <summary>
/// « Bilan annuel du PMLCD » for a year: the plan's state, the year's milestones, indicators
/// against targets and the budget executed per action. One model, shown as HTML and as PDF.
/// </summary>
public sealed record BilanAnnuel(
    int Annee,
    DateOnly EtabliLe,
    PlanService.Arbre Plan,
    IReadOnlyList<(string Statut, int Nombre)> ParStatut,
    IReadOnlyDictionary<int, List<Jalon>> JalonsParElement,
    IReadOnlyList<IndicateursService.Ligne> Indicateurs,
    BudgetSynthese.Annee? Budget)
{
    public string Titre => $"Bilan annuel {Annee} du plan";

    public IEnumerable<PlanService.Noeud> Actions => Plan.Tous.Where(n => n.Element.Niveau != NiveauElement.Axe);

    public string TitreAction(string code) => Plan.Tous.FirstOrDefault(n => n.Element.Code == code)?.Element.Titre ?? "";

    public static string Avancement(int? valeur) => valeur is null ? "non mesuré" : $"{valeur} %";

    public static string Periode(ElementPlan e) =>
        e.DateDebut is null && e.DateFin is null ? "non fixée" : $"du {e.DateDebut?.ToString("dd/MM/yyyy") ?? "…"} au {e.DateFin?.ToString("dd/MM/yyyy") ?? "…"}";

    public static string EtatJalon(Jalon j, DateOnly aujourdhui) =>
        j.AtteintLe is not null ? $"atteint le {j.AtteintLe:dd/MM/yyyy}" : j.Date < aujourdhui ? "en retard" : "à venir";
}

public sealed class BilanService(PlanService plans, IndicateursService indicateurs, BudgetSynthese budget, EgalisDbContext db, TimeProvider time)
{
    /// <summary>The years a report exists for: from the first year after adoption to the current one.</summary>
    public IReadOnlyList<int> Annees => IndicateursService.AnneesDuPlan(Paris.Today(time));

    public async Task<BilanAnnuel?> EtablirAsync(int annee, CancellationToken ct)
    {
        if (!Annees.Contains(annee) || await plans.LoadAsync(ct: ct) is not { } arbre)
        {
            return null;
        }
        var parStatut = arbre.Tous.Where(n => n.Element.Niveau == NiveauElement.Action)
            .GroupBy(n => (n.Statut.Ordre, n.Statut.Libelle)).OrderBy(g => g.Key.Ordre)
            .Select(g => (g.Key.Libelle, g.Count())).ToList();
        var debut = new DateOnly(annee, 1, 1);
        var fin = new DateOnly(annee, 12, 31);
        var jalons = await db.Set<Jalon>().AsNoTracking().Where(j => j.Date >= debut && j.Date <= fin).OrderBy(j => j.Date).ToListAsync(ct);
        return new BilanAnnuel(annee, Paris.Today(time), arbre, parStatut,
            jalons.GroupBy(j => j.ElementPlanId).ToDictionary(g => g.Key, g => g.ToList()),
            await indicateurs.LoadAsync([annee], ct: ct),
            await budget.LoadAsync(annee, ct));
    }
}
