using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Egalis.Web.Platform.Ui;

/// <summary>
/// A form field: label, optional hint, the control, and its error, tied together with
/// aria-describedby. The user's attempted value comes back after a failed POST.
/// <code>&lt;egalis-field for="Input.Email" type="email" autocomplete="email" hint="…" /&gt;</code>
/// With <c>items</c>, the control is a select.
/// </summary>
[HtmlTargetElement("egalis-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public required Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }
    [HtmlAttributeName("type")] public string Type { get; set; } = "text";
    [HtmlAttributeName("hint")] public string? Hint { get; set; }
    [HtmlAttributeName("autocomplete")] public string? Autocomplete { get; set; }
    [HtmlAttributeName("items")] public IEnumerable<SelectListItem>? Items { get; set; }
    [HtmlAttributeName("empty-option")] public string? EmptyOption { get; set; }
    [HtmlAttributeName("required")] public bool Required { get; set; }
    [HtmlAttributeName("inputmode")] public string? InputMode { get; set; }
    /// <summary>For <c>type="file"</c>: what the file picker offers (« .pdf,application/pdf »); the server checks the content anyway.</summary>
    [HtmlAttributeName("accept")] public string? Accept { get; set; }

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var label = For.Metadata.DisplayName ?? For.Metadata.PropertyName ?? name;
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList() ?? [];
        var value = state?.AttemptedValue ?? (Type == "date" && For.Model is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : FormatModel(For.Model));
        // A text's size limit is said next to it, from the same rule the server applies.
        if (Type is "text" or "textarea" or "email" && Items is null
            && For.Metadata.ValidatorMetadata.OfType<System.ComponentModel.DataAnnotations.StringLengthAttribute>().FirstOrDefault() is { MaximumLength: > 0 } longueur
            && Hint?.Contains("caractères", StringComparison.Ordinal) != true)
        {
            var limite = $"{longueur.MaximumLength.ToString("N0", CultureInfo.GetCultureInfo("fr-FR")).Replace('\u202F', ' ')} caractères au plus.";
            Hint = Hint is null ? limite : $"{Hint} {limite}";
        }
        var hintId = $"{id}-aide";
        var errorId = $"{id}-erreur";
        var describedBy = string.Join(' ', new[] { Hint is null ? null : hintId, errors.Count > 0 ? errorId : null }.OfType<string>());
        var enc = Html.Encoder;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "mb-3 champ champ--erreur" : "mb-3 champ");

        var html = new System.Text.StringBuilder();
        if (Type == "checkbox")
        {
            // A ticked box posts « true » then its hidden « false »: what came back is « true,false ».
            var isChecked = (value ?? "").Split(',').Contains("true", StringComparer.OrdinalIgnoreCase);
            html.Append("<div class=\"form-check\">");
            html.Append($"<input class=\"form-check-input{(errors.Count > 0 ? " is-invalid" : "")}\" type=\"checkbox\" id=\"{id}\" name=\"{enc.Encode(name)}\" value=\"true\"{(isChecked ? " checked" : "")}{Described(describedBy)}>");
            html.Append($"<label class=\"form-check-label\" for=\"{id}\">{enc.Encode(label)}</label>");
            AppendHintAndErrors(html, hintId, errorId, errors, enc);
            html.Append("</div>");
            // An unchecked box posts nothing; this makes the model binder see « false ».
            html.Append($"<input type=\"hidden\" name=\"{enc.Encode(name)}\" value=\"false\">");
            output.Content.SetHtmlContent(html.ToString());
            return;
        }

        html.Append($"<label class=\"form-label\" for=\"{id}\">{enc.Encode(label)}{(Required ? " <span class=\"obligatoire\">(obligatoire)</span>" : "")}</label>");
        AppendHintAndErrors(html, hintId, errorId, errors, enc);
        var invalid = errors.Count > 0 ? " is-invalid\" aria-invalid=\"true" : "";
        if (Items is not null)
        {
            html.Append($"<select class=\"form-select{invalid}\" id=\"{id}\" name=\"{enc.Encode(name)}\"{Described(describedBy)}{(Required ? " required" : "")}>");
            if (EmptyOption is not null)
            {
                html.Append($"<option value=\"\">{enc.Encode(EmptyOption)}</option>");
            }
            // Items with a group are shown under its heading (optgroup), in the order given.
            SelectListGroup? groupe = null;
            foreach (var item in Items)
            {
                if (item.Group != groupe)
                {
                    if (groupe is not null)
                    {
                        html.Append("</optgroup>");
                    }
                    groupe = item.Group;
                    if (groupe is not null)
                    {
                        html.Append($"<optgroup label=\"{enc.Encode(groupe.Name ?? "")}\">");
                    }
                }
                var selected = string.Equals(item.Value, value, StringComparison.Ordinal);
                html.Append($"<option value=\"{enc.Encode(item.Value ?? "")}\"{(selected ? " selected" : "")}>{enc.Encode(item.Text)}</option>");
            }
            if (groupe is not null)
            {
                html.Append("</optgroup>");
            }
            html.Append("</select>");
        }
        else if (Type == "textarea")
        {
            html.Append($"<textarea class=\"form-control{invalid}\" id=\"{id}\" name=\"{enc.Encode(name)}\" rows=\"5\"{Described(describedBy)}{(Required ? " required" : "")}>{enc.Encode(value ?? "")}</textarea>");
        }
        else
        {
            // A password is never sent back to the browser.
            var shown = Type == "password" ? "" : value ?? "";
            // A file input carries no value: a refused file is chosen again (the rest of the form is kept).
            html.Append($"<input class=\"form-control{invalid}\" type=\"{enc.Encode(Type)}\" id=\"{id}\" name=\"{enc.Encode(name)}\"");
            html.Append(Type == "file" ? (Accept is null ? "" : $" accept=\"{enc.Encode(Accept)}\"") : $" value=\"{enc.Encode(shown)}\"");
            if (Autocomplete is not null) html.Append($" autocomplete=\"{enc.Encode(Autocomplete)}\"");
            if (InputMode is not null) html.Append($" inputmode=\"{enc.Encode(InputMode)}\"");
            if (Required) html.Append(" required");
            html.Append(Described(describedBy)).Append('>');
        }
        output.Content.SetHtmlContent(html.ToString());
    }

    private static string Described(string ids) => ids.Length == 0 ? "" : $" aria-describedby=\"{ids}\"";

    private void AppendHintAndErrors(System.Text.StringBuilder html, string hintId, string errorId, List<string> errors, HtmlEncoder enc)
    {
        if (Hint is not null)
        {
            html.Append($"<div class=\"form-text champ__aide\" id=\"{hintId}\">{enc.Encode(Hint)}</div>");
        }
        if (errors.Count > 0)
        {
            html.Append($"<p class=\"champ__erreur\" id=\"{errorId}\"><span class=\"visually-hidden\">Erreur : </span>{enc.Encode(string.Join(" ", errors))}</p>");
        }
    }

    private static string? FormatModel(object? model) => model switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.GetCultureInfo("fr-FR")),
        _ => model.ToString(),
    };
}
