using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Egalis.Web.Platform.Web;

/// <summary>
/// Pages with several forms bind every form's model on each POST; the forms that were not sent
/// must not report errors.
/// </summary>
public static class FormulairesMultiples
{
    public static void IgnorerFormulaires(this ModelStateDictionary etat, params string[] prefixes)
    {
        foreach (var cle in etat.Keys.Where(k => prefixes.Any(p => k == p || k.StartsWith(p + ".", StringComparison.Ordinal))).ToList())
        {
            etat.Remove(cle);
        }
    }
}
