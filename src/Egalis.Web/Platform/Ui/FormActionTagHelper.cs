using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.WebUtilities;

namespace Egalis.Web.Platform.Ui;

/// <summary>
/// A POST form written without an action posts to the page's own address. After another form of the page was refused,
/// that address names the other form's handler (« ?handler=AjouterJalon »): the page's main form would then run the
/// wrong handler and lose what was typed. Such a form gets the page's address without « handler ».
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class FormActionTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    // After the framework's form tag helper, which writes the action of forms naming a handler or a page.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.ContainsName("action")
            || !string.Equals(output.Attributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var requete = ViewContext.HttpContext.Request;
        var parametres = QueryHelpers.ParseQuery(requete.QueryString.Value)
            .Where(p => !p.Key.Equals("handler", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        output.Attributes.SetAttribute("action", QueryHelpers.AddQueryString($"{requete.PathBase}{requete.Path}", parametres));
    }
}
