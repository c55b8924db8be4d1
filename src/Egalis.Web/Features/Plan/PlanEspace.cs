using System.Security.Claims;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan;

/// <summary>« Mon espace » of the plan's team: the milestones past their date and not reached, the oldest first.</summary>
public sealed class JalonsEnRetard(EgalisDbContext db, CapabilityCatalog capacites, TimeProvider time) : IEspaceContribution
{
    private const int Affiches = 5;

    public async Task<BlocEspace?> LoadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!capacites.ScopeOf(user, PlanModule.PiloterLePlan).All)
        {
            return null;
        }
        var aujourdhui = Paris.Today(time);
        var enRetard = db.Set<Jalon>().AsNoTracking().Where(j => j.AtteintLe == null && j.Date < aujourdhui);
        var total = await enRetard.CountAsync(ct);
        if (total == 0)
        {
            return null;
        }
        var lignes = await enRetard.OrderBy(j => j.Date).ThenBy(j => j.Id).Take(Affiches)
            .Join(db.Set<ElementPlan>(), j => j.ElementPlanId, e => e.Id, (j, e) => new { j.Titre, j.Date, e.Code, Action = e.Titre })
            .ToListAsync(ct);
        return new BlocEspace("Jalons en retard", lignes.Select(l => new LigneEspace(
                $"{l.Titre} – action {l.Code} « {l.Action} »", $"/plan/modifier/{l.Code}",
                $"Prévu le {l.Date:dd/MM/yyyy}, non atteint", EnRetard: true)).ToList(),
            total, "/plan/pilotage", "Voir le pilotage du plan");
    }
}
