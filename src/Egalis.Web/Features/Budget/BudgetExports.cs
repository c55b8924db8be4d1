using Egalis.Web.Platform.Exports;

namespace Egalis.Web.Features.Budget;

/// <summary>Public export of a year's credits and their use per action.</summary>
public static class BudgetExports
{
    private sealed record Ligne(int Annee, string Action, decimal Alloue, decimal Engage, decimal Mandate);

    private static readonly IReadOnlyList<Spreadsheet.Colonne<Ligne>> Colonnes =
    [
        new("annee", l => l.Annee),
        new("action", l => l.Action),
        new("alloue", l => l.Alloue),
        new("engage", l => l.Engage),
        new("mandate", l => l.Mandate),
        new("disponible", l => l.Alloue - l.Engage),
    ];

    public static void Map(WebApplication app)
    {
        app.MapGet("/exports/budget-{annee:int}.{format:regex(^(csv|xlsx)$)}", async (int annee, string format, BudgetSynthese synthese, CancellationToken ct) =>
            {
                var budget = await synthese.LoadAsync(annee, ct);
                if (budget is null)
                {
                    return Results.NotFound();
                }
                var lignes = Spreadsheet.AsAsync(budget.Actions.Select(a => new Ligne(annee, a.Code, a.Alloue, a.Engage, a.Mandate)));
                return format == "csv" ? Spreadsheet.Csv($"pmlcd-budget-{annee}.csv", Colonnes, lignes) : Spreadsheet.Xlsx($"pmlcd-budget-{annee}.xlsx", Colonnes, lignes);
            })
            .AllowAnonymous()
            .WithTags("Exports")
            .WithSummary("Emploi des crédits d'une année par action (CSV ou XLSX)");
    }
}
