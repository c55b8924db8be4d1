using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan;

/// <summary>
/// Demo (Development only): the plan in progress since 2020 — statuses and progress, milestones reached, late and to
/// come, sub-actions, two indicators with their targets and yearly values.
/// </summary>
public sealed class PlanDemo : ISeeder
{
    public const string IndicateurAgents = "DEMO-AGENTS-FORMES";
    public const string IndicateurSignalements = "DEMO-SIGNALEMENTS";

    private static readonly (string Code, string Statut, int? Progression, DateOnly? Debut, DateOnly? Fin)[] Etats =
    [
        ("1.1", "realise", null, new(2020, 3, 1), new(2021, 12, 31)),
        ("1.2", "en-cours", 60, new(2020, 9, 1), new(2026, 12, 31)),
        ("1.3", "en-cours", null, new(2021, 1, 15), new(2026, 6, 30)),
        ("1.4", "en-cours", 35, new(2022, 3, 1), new(2026, 12, 31)),
        ("1.5", "realise", null, new(2020, 6, 1), new(2022, 6, 30)),
        ("1.6", "en-cours", 20, new(2024, 1, 1), new(2027, 12, 31)),
        ("2.1", "en-cours", 70, new(2020, 10, 1), new(2026, 12, 31)),
        ("2.2", "en-cours", 45, new(2021, 5, 1), new(2026, 12, 31)),
        ("2.3", "realise", null, new(2020, 11, 1), new(2023, 3, 31)),
        ("2.4", "en-cours", 50, new(2023, 1, 1), new(2026, 12, 31)),
    ];

    public async Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (!await Demo.IsActiveAsync(db, services, ct) || await db.Set<Indicateur>().AnyAsync(i => i.Code == IndicateurAgents, ct))
        {
            return;
        }
        var elements = await db.Set<ElementPlan>().Where(e => e.PlanCode == PlanService.PlanPrincipal).ToDictionaryAsync(e => e.Code, ct);
        foreach (var (code, statut, progression, debut, fin) in Etats.Where(e => elements.ContainsKey(e.Code)))
        {
            var e = elements[code];
            (e.StatutCode, e.Progression, e.DateDebut, e.DateFin) = (statut, progression, debut, fin);
        }
        if (elements.TryGetValue("1.3", out var formation))
        {
            // Action 1.3 carries its progress through two sub-actions.
            db.AddRange(
                new ElementPlan { PlanCode = PlanService.PlanPrincipal, ParentId = formation.Id, Niveau = NiveauElement.SousAction, Code = "1.3.1", Titre = "Former les encadrants des directions opérationnelles", StatutCode = "realise", Ordre = 1, Territoires = ["METROPOLE"] },
                new ElementPlan { PlanCode = PlanService.PlanPrincipal, ParentId = formation.Id, Niveau = NiveauElement.SousAction, Code = "1.3.2", Titre = "Former les agents d'accueil des six territoires", StatutCode = "en-cours", Progression = 40, Ordre = 2, Territoires = ["CT1", "CT2", "CT3", "CT4", "CT5", "CT6"] });
        }
        Jalon? J(string code, DateOnly date, string titre, DateOnly? atteint = null) =>
            elements.TryGetValue(code, out var e) ? new Jalon { ElementPlanId = e.Id, Date = date, Titre = titre, AtteintLe = atteint } : null;
        db.AddRange(new[]
        {
            J("1.1", new(2020, 6, 30), "Comité de pilotage installé", new(2020, 6, 25)),
            J("1.2", new(2021, 3, 31), "Diagnostic des pratiques de recrutement remis", new(2021, 4, 12)),
            J("1.2", new(2025, 10, 15), "Grille d'entretien non discriminante diffusée à toutes les directions"),
            J("1.3", new(2026, 3, 31), "Deux cents agents formés"),
            J("2.1", new(2025, 11, 30), "Guide des bonnes pratiques publié pour les communes"),
            J("2.1", new(2027, 6, 30), "Troisième rencontre du réseau des communes"),
            J("2.4", new(2024, 12, 31), "Premier bilan du fonds d'initiative", new(2025, 1, 20)),
        }.OfType<Jalon>());

        if (!await db.Set<Indicateur>().AnyAsync(i => i.Code == IndicateurSignalements, ct))
        {
            db.Add(new Indicateur { Code = IndicateurAgents, Libelle = "Agents formés à la prévention des discriminations", Unite = "agents", Sens = SensIndicateur.Hausse, ActionCode = "1.3" });
            db.Add(new Indicateur { Code = IndicateurSignalements, Libelle = "Délai moyen de réponse aux signalements", Unite = "jours", Sens = SensIndicateur.Baisse, ActionCode = "2.2" });
            foreach (var (annee, cible, valeur) in new[] { (2020, 40m, 32m), (2021, 80m, 85m), (2022, 120m, 131m), (2023, 160m, 150m), (2024, 200m, 204m), (2025, 240m, 228m) })
            {
                db.Add(new CibleIndicateur { IndicateurCode = IndicateurAgents, Annee = annee, Valeur = cible });
                db.Add(new ValeurIndicateur { IndicateurCode = IndicateurAgents, Annee = annee, Valeur = valeur });
            }
            foreach (var (annee, cible, valeur) in new[] { (2021, 30m, 41m), (2022, 25m, 28m), (2023, 20m, 19m), (2024, 15m, 17m), (2025, 15m, 14m) })
            {
                db.Add(new CibleIndicateur { IndicateurCode = IndicateurSignalements, Annee = annee, Valeur = cible });
                db.Add(new ValeurIndicateur { IndicateurCode = IndicateurSignalements, Annee = annee, Valeur = valeur });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
