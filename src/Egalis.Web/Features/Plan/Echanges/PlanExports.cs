using Egalis.Web.Platform.Extensions;
using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Exports;
using Egalis.Web.Platform.Web;
using C = Egalis.Web.Platform.Exports.Spreadsheet.Colonne<Egalis.Web.Features.Plan.PlanService.Noeud>;

namespace Egalis.Web.Features.Plan.Echanges;

/// <summary>
/// Public exports of the plan's actions and indicators. Their columns are those the import reads,
/// so an export edited in a spreadsheet can be imported back.
/// </summary>
public static class PlanExports
{
    public static readonly IReadOnlyList<C> ColonnesActions =
    [
        new("code", n => n.Element.Code),
        new("niveau", n => NiveauLibelle.De(n.Element.Niveau).ToLowerInvariant()),
        new("parent", n => n.CodeParent),
        new("intitule", n => n.Element.Titre),
        new("description", n => n.Element.Description),
        new("statut", n => n.Statut.Code),
        // Entered on leaves only; a parent's figure is computed (next column).
        new("avancement", n => n.EstFeuille ? n.Element.Progression : null),
        new("avancement_calcule", n => n.Progression),
        new("poids", n => n.Element.Poids),
        new("service_pilote", n => n.Element.ServicePilote),
        new("partenaires", n => n.Element.Partenaires),
        new("territoires", n => string.Join('|', n.Element.Territoires)),
        new("date_debut", n => n.Element.DateDebut),
        new("date_fin", n => n.Element.DateFin),
    ];

    public sealed record LigneIndicateur(string Code, string Libelle, string Unite, SensIndicateur Sens, int Annee, string Periode, decimal? Valeur, decimal? Cible, string? Commentaire);

    public static readonly IReadOnlyList<Spreadsheet.Colonne<LigneIndicateur>> ColonnesIndicateurs =
    [
        new("indicateur", l => l.Code),
        new("libelle", l => l.Libelle),
        new("unite", l => l.Unite),
        new("sens", l => l.Sens == SensIndicateur.Hausse ? "hausse" : "baisse"),
        new("annee", l => l.Annee),
        new("periode", l => l.Periode),
        new("valeur", l => l.Valeur),
        new("cible", l => l.Cible),
        new("commentaire", l => l.Commentaire),
    ];

    /// <summary>The indicators' export: a line per indicator and year of the plan, then one per period entered.</summary>
    public static async Task<List<LigneIndicateur>> LignesIndicateursAsync(IndicateursService indicateurs, TimeProvider time, CancellationToken ct)
    {
        var annees = IndicateursService.AnneesDuPlan(Paris.Today(time));
        return (await indicateurs.LoadAsync(annees, ct: ct)).SelectMany(l =>
        {
            var i = l.Indicateur;
            var parAnnee = annees.Select(a => new LigneIndicateur(i.Code, i.Libelle, i.Unite, i.Sens, a, "", l.ParAnnee[a].Valeur, l.ParAnnee[a].Cible,
                l.Periodes.FirstOrDefault(v => v.Annee == a && v.Periode == "")?.Commentaire));
            var periodes = l.Periodes.Where(v => v.Periode != "").Select(v => new LigneIndicateur(i.Code, i.Libelle, i.Unite, i.Sens, v.Annee, v.Periode, v.Valeur, null, v.Commentaire));
            return parAnnee.Concat(periodes).OrderBy(x => x.Annee).ThenBy(x => x.Periode, StringComparer.Ordinal);
        }).ToList();
    }

    public static void Map(WebApplication app)
    {
        var exports = app.MapGroup("/exports").AllowAnonymous().WithTags("Exports");

        exports.MapGet("/plan-actions.{format:regex(^(csv|xlsx)$)}", async (string format, PlanService plans, CancellationToken ct) =>
        {
            var arbre = await plans.LoadAsync(ct: ct);
            if (arbre is null)
            {
                return Results.NotFound();
            }
            var lignes = Spreadsheet.AsAsync(arbre.Tous);
            return format == "csv" ? Spreadsheet.Csv("pmlcd-actions.csv", ColonnesActions, lignes) : Spreadsheet.Xlsx("pmlcd-actions.xlsx", ColonnesActions, lignes);
        }).WithSummary("Actions du plan (CSV ou XLSX)");

        exports.MapGet("/plan-indicateurs.{format:regex(^(csv|xlsx)$)}", async (string format, Platform.Caching.PublicReadModels lectures, TimeProvider time, CancellationToken ct) =>
        {
            // Other modules' computed indicators add their queries: read once per change, like the page.
            var lignes = await lectures.GetAsync("exports/plan-indicateurs", (services, c) => LignesIndicateursAsync(services.GetRequiredService<IndicateursService>(), time, c), ct);
            return format == "csv"
                ? Spreadsheet.Csv("pmlcd-indicateurs.csv", ColonnesIndicateurs, Spreadsheet.AsAsync(lignes))
                : Spreadsheet.Xlsx("pmlcd-indicateurs.xlsx", ColonnesIndicateurs, Spreadsheet.AsAsync(lignes));
        }).WithSummary("Indicateurs du plan, valeurs et cibles par année (CSV ou XLSX)");
    }
}
