using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Budget.Pages;

[Authorize(Policy = BudgetModule.GererLeBudget)]
public class EngagementModel(EgalisDbContext db, BudgetService budget) : PageModel
{
    public sealed class MandatInput
    {
        [Display(Name = "Montant mandaté (€)")]
        [Required(ErrorMessage = "Indiquez le montant.")]
        public decimal? Montant { get; set; }

        [Display(Name = "Date du mandat")]
        [Required(ErrorMessage = "Indiquez la date du mandat.")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Référence")]
        [StringLength(100, ErrorMessage = "La référence ne doit pas dépasser 100 caractères.")]
        public string? Reference { get; set; }
    }

    public sealed class AnnulationInput
    {
        [Display(Name = "Motif de l'annulation")]
        [Required(ErrorMessage = "Indiquez le motif de l'annulation.")]
        [StringLength(500, ErrorMessage = "Le motif ne doit pas dépasser 500 caractères.")]
        public string Motif { get; set; } = "";
    }

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(Name = nameof(Mandat))] public MandatInput Mandat { get; set; } = new();
    [BindProperty(Name = nameof(Annulation))] public AnnulationInput Annulation { get; set; } = new();

    public Engagement Engagement { get; private set; } = null!;
    public string ActionCode { get; private set; } = "";
    public int Annee { get; private set; }
    public decimal Mandate { get; private set; }
    public List<Mandatement> Mandats { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Mandat.Date = budget.Today;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostMandaterAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Mandat));
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await budget.MandaterAsync(Id, Mandat.Montant!.Value, Mandat.Date!.Value, Mandat.Reference, ct);
        if (!resultat.Ok)
        {
            ModelState.AddErrors(resultat, "Mandat", champParDefaut: "Montant");
            return Page();
        }
        TempData["Message"] = $"Mandatement de {Euros.Format(Mandat.Montant.Value)} enregistré.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostAnnulerAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Annulation));
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await budget.AnnulerEngagementAsync(Id, Annulation.Motif, ct);
        if (!resultat.Ok)
        {
            ModelState.AddErrors(resultat, "Annulation", champParDefaut: "Motif");
            return Page();
        }
        TempData["Message"] = "Engagement annulé : son montant est de nouveau disponible.";
        return RedirectToPage(new { Id });
    }


    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var trouve = await db.Set<Engagement>().AsNoTracking().Where(e => e.Id == Id)
            .Select(e => new { Engagement = e, e.Allocation!.ActionCode, e.Allocation.Credit!.Annee }).SingleOrDefaultAsync(ct);
        if (trouve is null)
        {
            return false;
        }
        (Engagement, ActionCode, Annee) = (trouve.Engagement, trouve.ActionCode, trouve.Annee);
        Mandats = await db.Set<Mandatement>().AsNoTracking().Where(m => m.EngagementId == Id).OrderBy(m => m.Date).ThenBy(m => m.Id).ToListAsync(ct);
        Mandate = Mandats.Sum(m => m.Montant);
        return true;
    }
}
