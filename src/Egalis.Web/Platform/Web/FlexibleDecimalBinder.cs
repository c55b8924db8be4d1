using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Egalis.Web.Platform.Web;

/// <summary>
/// Reads a decimal as people type it in France or elsewhere: « 1 234,56 », « 1234.56 », « 60 000 € ».
/// A value with both a comma and a dot is ambiguous and refused with a message.
/// </summary>
public sealed class FlexibleDecimalBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var value = context.ValueProvider.GetValue(context.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        context.ModelState.SetModelValue(context.ModelName, value);
        var raw = value.FirstValue;
        if (string.IsNullOrWhiteSpace(raw))
        {
            if (!context.ModelMetadata.IsReferenceOrNullableType)
            {
                context.ModelState.TryAddModelError(context.ModelName, $"{context.ModelMetadata.DisplayName ?? context.ModelName} est obligatoire.");
            }
            return Task.CompletedTask;
        }
        if (TryParse(raw, out var number))
        {
            context.Result = ModelBindingResult.Success(number);
        }
        else
        {
            context.ModelState.TryAddModelError(context.ModelName,
                $"« {raw} » n'est pas un nombre : écrivez par exemple 1234,56 ou 1 234,56.");
        }
        return Task.CompletedTask;
    }

    public static bool TryParse(string raw, out decimal value)
    {
        var text = new string(raw.Where(c => !char.IsWhiteSpace(c) && c != '€' && c != '\u202F' && c != '\u00A0').ToArray());
        value = 0;
        if (text.Length == 0 || (text.Contains(',') && text.Contains('.')))
        {
            return false;
        }
        return decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}

public sealed class FlexibleDecimalBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(decimal) ? new FlexibleDecimalBinder() : null;
}
