using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Egalis.Web.Platform.Ui;

/// <summary>
/// The list of a form's errors at its top, each a link to its field. It takes the focus when the
/// page comes back with errors (wwwroot/js/site.js), so a screen reader announces it first.
/// </summary>
[HtmlTargetElement("egalis-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        var errors = state
            .Where(kv => kv.Value?.Errors.Count > 0)
            .SelectMany(kv => kv.Value!.Errors.Select(e => (Key: kv.Key, Message: e.ErrorMessage)))
            .Where(e => !string.IsNullOrEmpty(e.Message))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }
        var enc = Html.Encoder;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "resume-erreurs");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "resume-erreurs-titre");
        output.Attributes.SetAttribute("data-resume-erreurs", "");
        var html = new StringBuilder();
        html.Append("<h2 id=\"resume-erreurs-titre\" class=\"h5\">")
            .Append(errors.Count == 1 ? "Le formulaire contient une erreur" : $"Le formulaire contient {errors.Count} erreurs")
            .Append("</h2><ul>");
        foreach (var (key, message) in errors)
        {
            // Errors that belong to no field (key "") point to the form itself.
            var target = key.Length == 0 ? "formulaire" : TagBuilder.CreateSanitizedId(key, "_");
            html.Append($"<li><a href=\"#{target}\">{enc.Encode(message)}</a></li>");
        }
        html.Append("</ul>");
        output.Content.SetHtmlContent(html.ToString());
    }
}

/// <summary>A message box. Kinds: info, succes, attention, erreur.</summary>
[HtmlTargetElement("egalis-alert")]
public sealed class AlertTagHelper : TagHelper
{
    [HtmlAttributeName("kind")] public string Kind { get; set; } = "info";
    [HtmlAttributeName("title")] public string? Title { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var (css, role, prefix) = Kind switch
        {
            "succes" => ("alert-success", "status", "Succès"),
            "attention" => ("alert-warning", "status", "Attention"),
            "erreur" => ("alert-danger", "alert", "Erreur"),
            _ => ("alert-info", "status", "Information"),
        };
        output.TagName = "div";
        output.Attributes.SetAttribute("class", $"alert {css}");
        output.Attributes.SetAttribute("role", role);
        var content = (await output.GetChildContentAsync()).GetContent();
        var title = Title is null ? $"<span class=\"visually-hidden\">{prefix} : </span>" : $"<p class=\"fw-bold mb-1\">{Html.Encoder.Encode(Title)}</p>";
        output.Content.SetHtmlContent(title + content);
    }
}

/// <summary>A data table that always has a caption, scrolling sideways on narrow screens.</summary>
[HtmlTargetElement("egalis-table")]
public sealed class TableTagHelper : TagHelper
{
    [HtmlAttributeName("caption")] public required string Caption { get; set; }
    [HtmlAttributeName("caption-visible")] public bool CaptionVisible { get; set; } = true;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = (await output.GetChildContentAsync()).GetContent();
        output.TagName = "div";
        output.Attributes.SetAttribute("class", "table-responsive");
        // The wrapper scrolls: it must be reachable by keyboard and named.
        output.Attributes.SetAttribute("tabindex", "0");
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("aria-label", Caption);
        var caption = $"<caption{(CaptionVisible ? "" : " class=\"visually-hidden\"")}>{Html.Encoder.Encode(Caption)}</caption>";
        output.Content.SetHtmlContent($"<table class=\"table table-striped align-middle\">{caption}{content}</table>");
    }
}

/// <summary>Links to the pages of a paged list; the current page is marked aria-current.</summary>
[HtmlTargetElement("egalis-pagination", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PaginationTagHelper : TagHelper
{
    [HtmlAttributeName("page")] public int Page { get; set; }
    [HtmlAttributeName("total-pages")] public int TotalPages { get; set; }
    /// <summary>
    /// URL of a page, with « {page} » where the number goes. Use the query parameter « p »:
    /// « page » is a reserved route value in Razor Pages (the page's own name) and would not bind.
    /// </summary>
    [HtmlAttributeName("url-format")] public required string UrlFormat { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (TotalPages <= 1)
        {
            output.SuppressOutput();
            return;
        }
        var enc = Html.Encoder;
        string Url(int p) => enc.Encode(UrlFormat.Replace("{page}", p.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("aria-label", "Pagination");
        var html = new StringBuilder("<ul class=\"pagination flex-wrap\">");
        if (Page > 1)
        {
            html.Append($"<li class=\"page-item\"><a class=\"page-link\" href=\"{Url(Page - 1)}\">Page précédente</a></li>");
        }
        foreach (var p in Pager.Window(Page, TotalPages))
        {
            if (p == 0)
            {
                html.Append("<li class=\"page-item disabled\"><span class=\"page-link\">…</span></li>");
            }
            else if (p == Page)
            {
                html.Append($"<li class=\"page-item active\"><a class=\"page-link\" href=\"{Url(p)}\" aria-current=\"page\"><span class=\"visually-hidden\">Page </span>{p}</a></li>");
            }
            else
            {
                html.Append($"<li class=\"page-item\"><a class=\"page-link\" href=\"{Url(p)}\"><span class=\"visually-hidden\">Page </span>{p}</a></li>");
            }
        }
        if (Page < TotalPages)
        {
            html.Append($"<li class=\"page-item\"><a class=\"page-link\" href=\"{Url(Page + 1)}\">Page suivante</a></li>");
        }
        html.Append("</ul>");
        output.Content.SetHtmlContent(html.ToString());
    }
}

/// <summary>Paging arithmetic shared by lists and APIs.</summary>
public static class Pager
{
    public const int DefaultSize = 25;

    public static int Clamp(int? page) => page is null or < 1 ? 1 : page.Value;

    public static int TotalPages(int count, int size) => Math.Max(1, (count + size - 1) / size);

    /// <summary>The page to show of <paramref name="total"/> rows: a missing, negative or too large number is clamped.</summary>
    public static Pagination Paginate(int total, int? demandee, int taille = DefaultSize)
    {
        var pages = TotalPages(total, taille);
        return new Pagination(Math.Min(Clamp(demandee), pages), pages, total, taille);
    }

    /// <summary>Page numbers to show around the current one; 0 marks a gap.</summary>
    public static IEnumerable<int> Window(int page, int total)
    {
        var shown = new SortedSet<int> { 1, total };
        for (var p = page - 2; p <= page + 2; p++)
        {
            if (p >= 1 && p <= total) shown.Add(p);
        }
        var previous = 0;
        foreach (var p in shown)
        {
            if (previous != 0 && p > previous + 1) yield return 0;
            yield return p;
            previous = p;
        }
    }
}

/// <summary>Where a list stands: the page shown (1-based, always within 1..Pages), the page count and the row count.</summary>
public sealed record Pagination(int Number, int Pages, int Total, int Size)
{
    /// <summary>The rows of this page, from an ordered query.</summary>
    public IQueryable<T> Apply<T>(IQueryable<T> ordonnee) => ordonnee.Skip((Number - 1) * Size).Take(Size);
}

/// <summary>A progress figure: a native progress bar named for assistive technologies, and the figure in text.</summary>
[HtmlTargetElement("egalis-avancement", TagStructure = TagStructure.WithoutEndTag)]
public sealed class AvancementTagHelper : TagHelper
{
    [HtmlAttributeName("value")] public int? Value { get; set; }
    [HtmlAttributeName("label")] public required string Label { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "text-nowrap");
        if (Value is null)
        {
            output.Content.SetContent("non mesuré");
            return;
        }
        var enc = Html.Encoder;
        output.Content.SetHtmlContent(
            $"<progress class=\"avancement\" max=\"100\" value=\"{Value}\" aria-label=\"{enc.Encode(Label)}\">{Value} %</progress>" +
            $"<span class=\"avancement-texte\">{Value} %</span>");
    }
}
