using Egalis.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds.Pages;

/// <summary>A published call as applicants read it: its rules, dates, who may apply, how much, how dossiers are scored.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = Platform.Caching.PublicCache.Policy)]
public class AppelModel(EgalisDbContext db, TimeProvider time) : PageModel
{
    public AppelAProjets Appel { get; private set; } = null!;
    public List<string> Territoires { get; private set; } = [];
    public List<string> CommunesAvecPlan { get; private set; } = [];
    public bool Ouvert { get; private set; }
    public bool PasEncoreOuvert { get; private set; }
    /// <summary>Closed by the team before its closing time.</summary>
    public bool ClosParEquipe { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // Two queries: the call with its grid, then the names it needs (territories, communes with a local plan).
        var appel = await db.Set<AppelAProjets>().AsNoTracking().Include(a => a.Criteres)
            .SingleOrDefaultAsync(a => a.Id == id && (a.Statut == StatutAppel.Publie || a.Statut == StatutAppel.Clos), ct);
        if (appel is null)
        {
            return NotFound();
        }
        Appel = appel;
        var maintenant = time.GetUtcNow();
        Ouvert = appel.Statut == StatutAppel.Publie && Calendrier.Ouvert(appel.Ouverture, appel.Cloture, maintenant);
        PasEncoreOuvert = appel.Statut == StatutAppel.Publie && maintenant < appel.Ouverture;
        ClosParEquipe = appel.Statut == StatutAppel.Clos && maintenant < appel.Cloture;
        var noms = await (
                from t in db.Set<Territoires.ConseilTerritoire>().Where(t => appel.Territoires.Contains(t.Code))
                select new { Groupe = 1, t.Nom })
            .Concat(
                from p in db.Set<CommunePlanLocal>()
                join c in db.Set<Territoires.Commune>() on p.CommuneCodeInsee equals c.CodeInsee
                select new { Groupe = 2, c.Nom })
            .ToListAsync(ct);
        Territoires = noms.Where(n => n.Groupe == 1).Select(n => n.Nom).Order(StringComparer.Ordinal).ToList();
        CommunesAvecPlan = noms.Where(n => n.Groupe == 2).Select(n => n.Nom).Order(StringComparer.Ordinal).ToList();
        return Page();
    }
}
