using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan.Pages;

/// <summary>The configurable list of action statuses and their default progress.</summary>
[Authorize(Policy = PlanModule.PiloterLePlan)]
public class StatutsModel(EgalisDbContext db) : PageModel
{
    public sealed record Ligne(StatutAction Statut, int Utilisations);

    public sealed class StatutInput
    {
        [Display(Name = "Code")]
        [Required(ErrorMessage = "Indiquez le code du statut.")]
        [RegularExpression("^[a-z][a-z0-9-]{1,29}$", ErrorMessage = "Le code est fait de 2 à 30 minuscules, chiffres ou tirets, par exemple en-pause.")]
        public string Code { get; set; } = "";

        [Display(Name = "Libellé")]
        [Required(ErrorMessage = "Indiquez le libellé du statut.")]
        [StringLength(100, ErrorMessage = "Le libellé ne doit pas dépasser 100 caractères.")]
        public string Libelle { get; set; } = "";

        [Display(Name = "Avancement par défaut (%)")]
        [Range(0, 100, ErrorMessage = "L'avancement par défaut est un nombre de 0 à 100.")]
        public int? ProgressionParDefaut { get; set; }

        [Display(Name = "Ordre d'affichage")]
        [Required(ErrorMessage = "Indiquez l'ordre d'affichage.")]
        [Range(1, 99, ErrorMessage = "L'ordre est un nombre de 1 à 99.")]
        public int? Ordre { get; set; }
    }

    [BindProperty(Name = nameof(Input))] public StatutInput Input { get; set; } = new();
    public List<Ligne> Liste { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var statut = await db.Set<StatutAction>().SingleOrDefaultAsync(s => s.Code == Input.Code, ct);
        if (statut is null)
        {
            db.Add(new StatutAction { Code = Input.Code, Libelle = Input.Libelle.Trim(), ProgressionParDefaut = Input.ProgressionParDefaut, Ordre = Input.Ordre!.Value });
        }
        else
        {
            statut.Libelle = Input.Libelle.Trim();
            statut.ProgressionParDefaut = Input.ProgressionParDefaut;
            statut.Ordre = Input.Ordre!.Value;
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Statut « {Input.Libelle.Trim()} » enregistré.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSupprimerAsync(string code, CancellationToken ct)
    {
        var statut = await db.Set<StatutAction>().SingleOrDefaultAsync(s => s.Code == code, ct);
        if (statut is null)
        {
            return NotFound();
        }
        if ((await PlanRegles.StatutInitialAsync(db, ct)).Code == code)
        {
            ModelState.AddModelError(string.Empty, $"Le statut « {statut.Libelle} » est celui que prend une action nouvelle : il ne se supprime pas. Pour en désigner un autre, donnez à cet autre un avancement par défaut de 0 % et un ordre plus petit.");
            await LoadAsync(ct);
            return Page();
        }
        if (await db.Set<ElementPlan>().AnyAsync(e => e.StatutCode == code, ct))
        {
            ModelState.AddModelError(string.Empty, $"Le statut « {statut.Libelle} » est utilisé par des actions : changez d'abord leur statut.");
            await LoadAsync(ct);
            return Page();
        }
        db.Remove(statut);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Statut « {statut.Libelle} » supprimé.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var utilisations = await db.Set<ElementPlan>().GroupBy(e => e.StatutCode).Select(g => new { g.Key, Nombre = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Nombre, ct);
        Liste = (await db.Set<StatutAction>().AsNoTracking().OrderBy(s => s.Ordre).ToListAsync(ct))
            .Select(s => new Ligne(s, utilisations.GetValueOrDefault(s.Code))).ToList();
    }
}
