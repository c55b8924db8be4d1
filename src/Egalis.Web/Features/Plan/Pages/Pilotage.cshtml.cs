using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan.Pages;

/// <summary>The team's dashboard: where each axis stands, what is late.</summary>
[Authorize(Policy = PlanModule.PiloterLePlan)]
public class PilotageModel(PlanService plans, EgalisDbContext db, TimeProvider time, Budget.BudgetSynthese synthese, Platform.Collectivite.ProfilCollectivite profil) : PageModel
{
    public sealed class AxeInput
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "Numéro de l'axe")]
        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Indiquez le numéro de l'axe, par exemple 3.")]
        [System.ComponentModel.DataAnnotations.RegularExpression("^[1-9][0-9]?$", ErrorMessage = "Le numéro d'un axe est un nombre de 1 à 99.")]
        public string? Code { get; set; }

        [System.ComponentModel.DataAnnotations.Display(Name = "Intitulé de l'axe")]
        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Indiquez l'intitulé de l'axe.")]
        [System.ComponentModel.DataAnnotations.StringLength(300, ErrorMessage = "L'intitulé ne doit pas dépasser 300 caractères.")]
        public string? Titre { get; set; }
    }

    [BindProperty(Name = nameof(Axe))] public AxeInput Axe { get; set; } = new();

    /// <summary>Adds an axis to the plan (a plan started without a founding deliberation is built this way); its actions are added from its page.</summary>
    public async Task<IActionResult> OnPostAxeAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Axe));
        var code = Axe.Code?.Trim();
        if (ModelState.IsValid && await db.Set<ElementPlan>().AnyAsync(e => e.PlanCode == PlanService.PlanPrincipal && e.Code == code, ct))
        {
            ModelState.AddModelError("Axe.Code", $"Le numéro {code} est déjà utilisé dans le plan.");
        }
        if (!ModelState.IsValid)
        {
            return await OnGetAsync(ct);
        }
        var ordre = await db.Set<ElementPlan>().Where(e => e.PlanCode == PlanService.PlanPrincipal && e.ParentId == null).Select(e => (int?)e.Ordre).MaxAsync(ct) ?? 0;
        db.Add(new ElementPlan
        {
            PlanCode = PlanService.PlanPrincipal, Niveau = NiveauElement.Axe, Code = code!, Titre = Axe.Titre!.Trim(), Ordre = ordre + 1,
            StatutCode = (await PlanRegles.StatutInitialAsync(db, ct)).Code, ServicePilote = profil.Service, Territoires = [NiveauLibelle.Metropole],
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // A double click, or a colleague at the same moment: the unique index on the plan's codes said no.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Axe.Code", $"Le numéro {code} vient d'être utilisé dans le plan.");
            return await OnGetAsync(ct);
        }
        TempData["Message"] = $"Axe {code} ajouté : ajoutez-lui ses actions ci-dessous.";
        return RedirectToPage("/Plan/Pages/Modifier", new { code });
    }

    public sealed record JalonEnRetard(DateOnly Date, string Titre, string Code, string Action, int Jours);

    public PlanService.Arbre Arbre { get; private set; } = null!;
    public List<(string Statut, int Nombre)> ParStatut { get; private set; } = [];
    public List<JalonEnRetard> JalonsEnRetard { get; private set; } = [];
    public List<Budget.BudgetSynthese.Annee> Budgets { get; private set; } = [];
    public Dictionary<string, string> Titres { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var arbre = await plans.LoadAsync(ct: ct);
        if (arbre is null)
        {
            return NotFound();
        }
        Arbre = arbre;
        ParStatut = arbre.Tous.Where(n => n.Element.Niveau == NiveauElement.Action)
            .GroupBy(n => (n.Statut.Ordre, n.Statut.Libelle)).OrderBy(g => g.Key.Ordre)
            .Select(g => (g.Key.Libelle, g.Count())).ToList();
        Titres = arbre.Tous.ToDictionary(n => n.Element.Code, n => n.Element.Titre);
        // Most recent year first; a handful of years at most, four queries each.
        foreach (var annee in (await synthese.ExercicesAsync(ct)).OrderDescending())
        {
            Budgets.Add((await synthese.LoadAsync(annee, ct))!);
        }
        var aujourdhui = Paris.Today(time);
        var retards = await db.Set<Jalon>().AsNoTracking()
            .Where(j => j.AtteintLe == null && j.Date < aujourdhui)
            .Join(db.Set<ElementPlan>().Where(e => e.PlanCode == PlanService.PlanPrincipal), j => j.ElementPlanId, e => e.Id, (j, e) => new { j.Date, j.Titre, e.Code, Action = e.Titre })
            .OrderBy(j => j.Date)
            .ToListAsync(ct);
        JalonsEnRetard = retards.Select(r => new JalonEnRetard(r.Date, r.Titre, r.Code, r.Action, aujourdhui.DayNumber - r.Date.DayNumber)).ToList();
        return Page();
    }
}
