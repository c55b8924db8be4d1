using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Budget.Pages;

[Authorize(Policy = BudgetModule.GererLeBudget)]
public class EngagementsModel(EgalisDbContext db, BudgetService budget, BudgetSynthese synthese) : PageModel
{
    public sealed record Ligne(int Id, DateOnly Date, string Action, string Beneficiaire, string Objet, decimal Montant, decimal Mandate, bool Annule);

    public sealed class EngagementInput
    {
        [Display(Name = "Action (allocation)")]
        [Required(ErrorMessage = "Choisissez l'action sur laquelle engager.")]
        public int? AllocationId { get; set; }

        [Display(Name = "Montant (€)")]
        [Required(ErrorMessage = "Indiquez le montant.")]
        public decimal? Montant { get; set; }

        [Display(Name = "Bénéficiaire")]
        [Required(ErrorMessage = "Indiquez le bénéficiaire.")]
        [StringLength(200, ErrorMessage = "Le bénéficiaire ne doit pas dépasser 200 caractères.")]
        public string Beneficiaire { get; set; } = "";

        [Display(Name = "Objet")]
        [Required(ErrorMessage = "Indiquez l'objet de la dépense.")]
        [StringLength(500, ErrorMessage = "L'objet ne doit pas dépasser 500 caractères.")]
        public string Objet { get; set; } = "";

        [Display(Name = "Date d'engagement")]
        [Required(ErrorMessage = "Indiquez la date d'engagement.")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Référence")]
        [StringLength(100, ErrorMessage = "La référence ne doit pas dépasser 100 caractères.")]
        public string? Reference { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int Annee { get; set; } = BudgetSeeder.PremiereAnnee;
    [BindProperty(SupportsGet = true, Name = "p")] public int? NumeroPage { get; set; }
    [BindProperty(Name = nameof(Input))] public EngagementInput Input { get; set; } = new();

    public List<Ligne> Lignes { get; private set; } = [];
    public List<SelectListItem> Allocations { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCourante { get; private set; }
    public int Pages { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await synthese.LoadAsync(Annee, ct) is null)
        {
            return NotFound();
        }
        Input.Date = budget.Today;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Input.AllocationId is not null && Allocations.All(a => a.Value != Input.AllocationId.Value.ToString(CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("Input.AllocationId", "Choisissez une action de la liste.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await budget.EngagerAsync(Input.AllocationId!.Value, Input.Montant!.Value, Input.Beneficiaire, Input.Objet, Input.Date!.Value, Input.Reference, ct: ct);
        if (!resultat.Ok)
        {
            ModelState.AddErrors(resultat, "Input", champParDefaut: "Montant");
            return Page();
        }
        TempData["Message"] = $"{Euros.Format(Input.Montant.Value)} engagés pour {Input.Beneficiaire.Trim()}.";
        return RedirectToPage(new { Annee });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = db.Set<Engagement>().AsNoTracking().Where(e => e.Allocation!.Credit!.Annee == Annee);
        var pagination = Pager.Paginate(await query.CountAsync(ct), NumeroPage);
        (PageCourante, Pages, Total) = (pagination.Number, pagination.Pages, pagination.Total);
        var page = await pagination.Apply(query.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id))
            .Select(e => new { e.Id, e.Date, e.Allocation!.ActionCode, e.Beneficiaire, e.Objet, e.Montant, Annule = e.Statut == StatutEngagement.Annule })
            .ToListAsync(ct);
        var ids = page.Select(e => e.Id).ToList();
        // Payments of the page's commitments in one query, added up here (same on both databases).
        var mandats = (await db.Set<Mandatement>().AsNoTracking().Where(m => ids.Contains(m.EngagementId)).Select(m => new { m.EngagementId, m.Montant }).ToListAsync(ct))
            .GroupBy(m => m.EngagementId).ToDictionary(g => g.Key, g => g.Sum(m => m.Montant));
        Lignes = page.Select(e => new Ligne(e.Id, e.Date, e.ActionCode, e.Beneficiaire, e.Objet, e.Montant, mandats.GetValueOrDefault(e.Id), e.Annule)).ToList();
        var annee = await synthese.LoadAsync(Annee, ct);
        Allocations = annee?.Actions.Select(a => new SelectListItem($"{a.Code} – disponible {Euros.Format(a.Disponible)}", a.AllocationId.ToString(CultureInfo.InvariantCulture))).ToList() ?? [];
    }
}
