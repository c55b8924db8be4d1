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
public class ActionModel(PlanService plans, EgalisDbContext db, IAuthorizationService authorization, TimeProvider time, Deliberations.Registre registre, Platform.Collectivite.ProfilCollectivite profil) : PageModel
{
    public PlanService.Noeud Noeud { get; private set; } = null!;
    public List<Jalon> Jalons { get; private set; } = [];
    public List<Deliberations.Registre.Acte> Deliberations { get; private set; } = [];
    public List<string> Territoires { get; private set; } = [];
    public bool PeutModifier { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var noeud = (await plans.LoadAsync(ct: ct))?.Tous.FirstOrDefault(n => n.Element.Code == code);
        if (noeud is null)
        {
            return NotFound();
        }
        Noeud = noeud;
        Jalons = await db.Set<Jalon>().AsNoTracking().Where(j => j.ElementPlanId == noeud.Element.Id).OrderBy(j => j.Date).ToListAsync(ct);
        Deliberations = await registre.ActesLiesAsync(ActionPlanLinkTarget.TypeLien, noeud.Element.Code, ct);
        Territoires = await NiveauLibelle.NommerTerritoiresAsync(db, noeud.Element.Territoires, profil.ToutLeTerritoire, ct);
        PeutModifier = (await authorization.AuthorizeAsync(User, PlanModule.PiloterLePlan)).Succeeded;
        Today = Paris.Today(time);
        return Page();
    }
}
