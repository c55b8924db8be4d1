using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Egalis.Web.Platform.Web;

/// <summary>The model binder's own messages (a date or number that does not parse), in French.</summary>
public static class FrenchBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"« {value} » n'est pas une valeur valide pour {field}.");
        p.SetMissingBindRequiredValueAccessor(field => $"{field} est obligatoire.");
        p.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Le contenu de la demande est vide.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"« {value} » n'est pas une valeur valide.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "La valeur doit être un nombre.");
        p.SetUnknownValueIsInvalidAccessor(field => $"La valeur saisie pour {field} n'est pas valide.");
        p.SetValueIsInvalidAccessor(value => $"« {value} » n'est pas valide.");
        p.SetValueMustBeANumberAccessor(field => $"{field} doit être un nombre.");
        p.SetValueMustNotBeNullAccessor(value => $"Une valeur est obligatoire.");
    }
}
