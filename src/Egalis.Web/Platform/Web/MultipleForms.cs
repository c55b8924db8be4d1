using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Egalis.Web.Platform.Web;

/// <summary>
/// Pages with several forms bind every form's model on each POST. A handler keeps the validation
/// of its own form only, so adding a form to a page never breaks the others.
/// </summary>
public static class MultipleForms
{
    public static void KeepForm(this ModelStateDictionary etat, string prefixe)
    {
        foreach (var cle in etat.Keys.Where(k => k != prefixe && !k.StartsWith(prefixe + ".", StringComparison.Ordinal) && !k.StartsWith(prefixe + "[", StringComparison.Ordinal)).ToList())
        {
            etat.Remove(cle);
        }
    }
}
