using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = Egalis.Web.Platform.Caching.PublicCache.Policy)]
public class ActionModel(Platform.Caching.PublicReadModels lectures, IAuthorizationService authorization, TimeProvider time) : PageModel
{
    public PlanService.Noeud Noeud { get; private set; } = null!;
    public List<Jalon> Jalons { get; private set; } = [];
    public List<Deliberations.Registre.Acte> Deliberations { get; private set; } = [];
    public List<string> Territoires { get; private set; } = [];
    public bool PeutModifier { get; private set; }
    public DateOnly Today { get; private set; }

    private sealed record Vue(PlanService.Noeud Noeud, List<Jalon> Jalons, List<Deliberations.Registre.Acte> Deliberations, List<string> Territoires);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var vue = await lectures.GetAsync($"plan/action/{code}", (services, c) => LireAsync(services, code, c), ct);
        if (vue is null)
        {
            return NotFound();
        }
        (Noeud, Jalons, Deliberations, Territoires) = (vue.Noeud, vue.Jalons, vue.Deliberations, vue.Territoires);
        PeutModifier = (await authorization.AuthorizeAsync(User, PlanModule.PiloterLePlan)).Succeeded;
        Today = Paris.Today(time);
        return Page();
    }

    private static async Task<Vue?> LireAsync(IServiceProvider services, string code, CancellationToken ct)
    {
        var noeud = (await services.GetRequiredService<PlanService>().LoadAsync(ct: ct))?.Tous.FirstOrDefault(n => n.Element.Code == code);
        if (noeud is null)
        {
            return null;
        }
        var db = services.GetRequiredService<EgalisDbContext>();
        var jalons = await db.Set<Jalon>().AsNoTracking().Where(j => j.ElementPlanId == noeud.Element.Id).OrderBy(j => j.Date).ToListAsync(ct);
        var deliberations = await services.GetRequiredService<Deliberations.Registre>().ActesLiesAsync(ActionPlanLinkTarget.TypeLien, noeud.Element.Code, ct);
        var territoires = await NiveauLibelle.NommerTerritoiresAsync(db, noeud.Element.Territoires, services.GetRequiredService<Platform.Collectivite.ProfilCollectivite>().ToutLeTerritoire, ct);
        return new Vue(noeud, jalons, deliberations, territoires);
    }
}
