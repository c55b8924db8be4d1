using System.Globalization;
using Egalis.Web.Platform.Ui;
using Microsoft.AspNetCore.Http.Extensions;

namespace Egalis.Web.Platform.Web;

/// <summary>
/// The headers of a paged API list, as GitHub's and many open-data APIs give them: <c>X-Total-Count</c>, and
/// <c>Link</c> to the next and previous pages with the same filters.
/// </summary>
public static class PagingHeaders
{
    /// <summary>
    /// Writes the headers. Returns false when the page asked for is past the last one: the caller answers an empty list
    /// (a client reading pages until an empty one stops), whose Link leads back to the last page.
    /// </summary>
    public static bool Write(HttpResponse response, Pagination page, int? demandee, IReadOnlyDictionary<string, string?> filtres)
    {
        response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        string Lien(int numero, string rel)
        {
            var requete = filtres.Where(f => f.Value is not null)
                .Append(new("page", numero.ToString(CultureInfo.InvariantCulture)))
                .Append(new("parPage", page.Size.ToString(CultureInfo.InvariantCulture)));
            return $"<{UriHelper.BuildRelative(response.HttpContext.Request.PathBase, response.HttpContext.Request.Path, QueryString.Create(requete))}>; rel=\"{rel}\"";
        }
        if (demandee > page.Pages)
        {
            response.Headers.Link = Lien(page.Pages, "prev");
            return false;
        }
        var liens = new List<string>();
        if (page.Number < page.Pages)
        {
            liens.Add(Lien(page.Number + 1, "next"));
        }
        if (page.Number > 1)
        {
            liens.Add(Lien(page.Number - 1, "prev"));
        }
        if (liens.Count > 0)
        {
            response.Headers.Link = string.Join(", ", liens);
        }
        return true;
    }
}
