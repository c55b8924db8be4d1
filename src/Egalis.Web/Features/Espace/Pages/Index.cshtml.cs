using Egalis.Web.Platform.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Espace.Pages;

/// <summary>« Mon espace »: after signing in, what every module has for this person to do or follow.</summary>
public class IndexModel(IEnumerable<IEspaceContribution> contributions) : PageModel
{
    public List<BlocEspace> Blocs { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var contribution in contributions)
        {
            if (await contribution.LoadAsync(User, ct) is { } bloc)
            {
                Blocs.Add(bloc);
            }
        }
    }
}
