namespace Egalis.Web.Features.Budget.Pages;

/// <summary>Model of the partial that shows a year's credits and their use per action.</summary>
public sealed record EmploiDesCredits(BudgetSynthese.Annee Budget, IReadOnlyDictionary<string, string> Titres)
{
    public string Titre(string code) => Titres.GetValueOrDefault(code, "");
}
