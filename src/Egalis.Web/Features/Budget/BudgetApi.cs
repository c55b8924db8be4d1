namespace Egalis.Web.Features.Budget;

/// <summary>GET /api/v1/budget/{annee}: a year's credits and their use per plan action.</summary>
public static class BudgetApi
{
    public sealed record LigneDto(string SousPolitique, string Nature, string Fonction, string Libelle, decimal Credits);
    public sealed record ActionDto(string Code, decimal Alloue, decimal Engage, decimal Mandate);
    public sealed record BudgetDto(int Annee, decimal Credits, decimal Alloue, decimal Engage, decimal Mandate, IReadOnlyList<LigneDto> Lignes, IReadOnlyList<ActionDto> Actions);

    /// <summary>Two decimals in the JSON number (60000.00), whatever the database returned.</summary>
    private static decimal Deux(decimal montant) => decimal.Round(montant, 2) + 0.00m;

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v1/budget/{annee:int}", async (int annee, BudgetSynthese synthese, CancellationToken ct) =>
            {
                var budget = await synthese.LoadAsync(annee, ct);
                if (budget is null)
                {
                    return Results.Problem(title: "Aucun budget pour cette année", detail: $"Aucun budget n'est enregistré pour {annee}.", statusCode: StatusCodes.Status404NotFound);
                }
                return Results.Ok(new BudgetDto(annee, Deux(budget.Credits), Deux(budget.Alloue), Deux(budget.Engage), Deux(budget.Mandate),
                    budget.Lignes.Select(l => new LigneDto(l.SousPolitique, l.Nature, l.Fonction, l.Libelle, Deux(l.Credits))).ToList(),
                    budget.Actions.Select(a => new ActionDto(a.Code, Deux(a.Alloue), Deux(a.Engage), Deux(a.Mandate))).ToList()));
            })
            .AllowAnonymous()
            .CacheOutput(Platform.Caching.PublicCache.Policy)
            .WithTags("Budget")
            .WithSummary("Crédits d'une année et leur emploi par action du plan (montants en euros)")
            .Produces<BudgetDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
