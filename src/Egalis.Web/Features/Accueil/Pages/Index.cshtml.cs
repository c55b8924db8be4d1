using Egalis.Web.Features.Territoires;
using Egalis.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Accueil.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class IndexModel(EgalisDbContext db) : PageModel
{
    public int Communes { get; private set; }
    public int Territoires { get; private set; }
    public int Qpv { get; private set; }
    public List<string> Criteres { get; private set; } = [];
    /// <summary>The plan's orientations (its axes), as adopted.</summary>
    public List<string> Axes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The three counts in one query (scalar subqueries on one row of the plan's table, which the platform always has).
        var comptes = await db.Set<Plan.PlanAction>()
            .Select(_ => new { Communes = db.Set<Commune>().Count(), Territoires = db.Set<ConseilTerritoire>().Count(), Qpv = db.Set<Qpv>().Count() })
            .FirstOrDefaultAsync(ct);
        (Communes, Territoires, Qpv) = comptes is null ? (0, 0, 0) : (comptes.Communes, comptes.Territoires, comptes.Qpv);
        Criteres = await db.CriteresDiscrimination.OrderBy(c => c.Ordre).Select(c => c.Libelle).ToListAsync(ct);
        Axes = await db.Set<Plan.ElementPlan>().Where(e => e.PlanCode == Plan.PlanService.PlanPrincipal && e.Niveau == Plan.NiveauElement.Axe)
            .OrderBy(e => e.Ordre).Select(e => e.Titre).ToListAsync(ct);
    }
}
