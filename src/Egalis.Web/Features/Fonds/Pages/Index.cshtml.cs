using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds.Pages;

/// <summary>« Fonds d'initiative »: the calls for projects an association or a commune can answer, and the past ones.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = Platform.Caching.PublicCache.Policy)]
public class IndexModel(EgalisDbContext db, TimeProvider time) : PageModel
{
    public sealed record Ligne(int Id, int Annee, string Titre, DateTimeOffset Ouverture, DateTimeOffset Cloture, StatutAppel Statut);

    public List<Ligne> Appels { get; private set; } = [];
    public DateTimeOffset Maintenant { get; private set; }

    [BindProperty(Name = "p", SupportsGet = true)] public int NumeroPage { get; set; } = 1;
    public int PageCourante { get; private set; }
    public int Pages { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Maintenant = time.GetUtcNow();
        // Drafts and withdrawn calls are not public.
        var query = db.Set<AppelAProjets>().AsNoTracking().Where(a => a.Statut == StatutAppel.Publie || a.Statut == StatutAppel.Clos);
        var pagination = Pager.Paginate(await query.CountAsync(ct), NumeroPage);
        (PageCourante, Pages) = (pagination.Number, pagination.Pages);
        Appels = await pagination.Apply(query.OrderByDescending(a => a.Annee).ThenByDescending(a => a.Id))
            .Select(a => new Ligne(a.Id, a.Annee, a.Titre, a.Ouverture, a.Cloture, a.Statut)).ToListAsync(ct);
    }

    /// <summary>Open now, not yet open, or closed (by the team or by its closing time).</summary>
    public string Etat(Ligne a) =>
        Maintenant >= a.Cloture ? $"clos depuis le {Platform.Web.Paris.Display(a.Cloture)}"
        : a.Statut == StatutAppel.Clos ? "clos par l'équipe du fonds"
        : Maintenant < a.Ouverture ? $"ouvrira le {Platform.Web.Paris.Display(a.Ouverture)}"
        : $"ouvert jusqu'au {Platform.Web.Paris.Display(a.Cloture)}";
}
