using Egalis.Web.Platform.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Espace.Pages;

/// <summary>« Mon espace »: after signing in, what every module has for this person to do or follow.</summary>
public class IndexModel(IEnumerable<IContributionEspace> contributions) : PageModel
{
    public List<BlocEspace> Blocs { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var contribution in contributions)
        {
            if (await contribution.ChargerAsync(User, ct) is { } bloc)
            {
                Blocs.Add(bloc);
            }
        }
    }
}
