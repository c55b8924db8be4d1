using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Ui;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds.Pages.Gestion;

/// <summary>The team's view of the fund: every call, drafts included, and the communes that have a local plan.</summary>
[Authorize(Policy = FondsModule.GererLeFonds)]
public class IndexModel(EgalisDbContext db) : PageModel
{
    public sealed record Ligne(int Id, int Annee, string Titre, DateTimeOffset Ouverture, DateTimeOffset Cloture, StatutAppel Statut);
    public sealed record CommuneAvecPlan(string Code, string Nom, string Source);

    public List<Ligne> Appels { get; private set; } = [];
    public List<CommuneAvecPlan> Communes { get; private set; } = [];
    public List<SelectListItem> CommunesSansPlan { get; private set; } = [];
    public List<FondsChiffres.Annee> Chiffres { get; private set; } = [];
    public Dictionary<string, string> NomsTerritoires { get; private set; } = [];

    [BindProperty(Name = "p", SupportsGet = true)] public int NumeroPage { get; set; } = 1;
    public int PageCourante { get; private set; }
    public int Pages { get; private set; }

    public sealed class PlanLocalInput
    {
        [Display(Name = "Commune")]
        [Required(ErrorMessage = "Choisissez la commune.")]
        public string? CommuneCodeInsee { get; set; }

        [Display(Name = "Source")]
        [Required(ErrorMessage = "Indiquez d'où vient l'information (la délibération qui adopte le plan local, par exemple).")]
        [StringLength(300, ErrorMessage = "La source ne doit pas dépasser 300 caractères.")]
        public string? Source { get; set; }
    }

    [BindProperty(Name = nameof(PlanLocal))] public PlanLocalInput PlanLocal { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPlanLocalAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(PlanLocal));
        if (ModelState.IsValid)
        {
            var code = PlanLocal.CommuneCodeInsee!;
            if (!await db.Set<Territoires.Commune>().AnyAsync(c => c.CodeInsee == code, ct))
            {
                ModelState.AddModelError("PlanLocal.CommuneCodeInsee", "Choisissez la commune dans la liste.");
            }
            else
            {
                db.Add(new CommunePlanLocal { CommuneCodeInsee = code, Source = PlanLocal.Source!.Trim() });
                try
                {
                    await db.SaveChangesAsync(ct);
                    TempData["Message"] = "Commune ajoutée à la liste des communes qui ont un plan local.";
                    return RedirectToPage();
                }
                catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
                {
                    db.ChangeTracker.Clear();
                    ModelState.AddModelError("PlanLocal.CommuneCodeInsee", "Cette commune est déjà dans la liste.");
                }
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRetirerAsync(string code, CancellationToken ct)
    {
        var ligne = await db.Set<CommunePlanLocal>().SingleOrDefaultAsync(c => c.CommuneCodeInsee == code, ct);
        if (ligne is not null)
        {
            db.Remove(ligne);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
        }
        // Removed by someone else at the same time: the list says the same thing either way.
        TempData["Message"] = "Commune retirée de la liste des communes qui ont un plan local.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = db.Set<AppelAProjets>().AsNoTracking();
        var pagination = Pager.Paginate(await query.CountAsync(ct), NumeroPage);
        (PageCourante, Pages) = (pagination.Number, pagination.Pages);
        Appels = await pagination.Apply(query.OrderByDescending(a => a.Annee).ThenByDescending(a => a.Id))
            .Select(a => new Ligne(a.Id, a.Annee, a.Titre, a.Ouverture, a.Cloture, a.Statut)).ToListAsync(ct);
        var communes = await (
                from c in db.Set<Territoires.Commune>().AsNoTracking()
                join p in db.Set<CommunePlanLocal>() on c.CodeInsee equals p.CommuneCodeInsee into plans
                from p in plans.DefaultIfEmpty()
                orderby c.Nom
                select new { c.CodeInsee, c.Nom, Source = p == null ? null : p.Source })
            .ToListAsync(ct);
        Chiffres = await FondsChiffres.CalculerAsync(db, ct);
        NomsTerritoires = await db.Set<Territoires.ConseilTerritoire>().AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Nom, ct);
        Communes = communes.Where(c => c.Source is not null).Select(c => new CommuneAvecPlan(c.CodeInsee, c.Nom, c.Source!)).ToList();
        CommunesSansPlan = communes.Where(c => c.Source is null).Select(c => new SelectListItem(c.Nom, c.CodeInsee)).ToList();
    }
}
