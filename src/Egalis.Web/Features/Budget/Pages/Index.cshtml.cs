using Egalis.Web.Platform.Text;
using System.ComponentModel.DataAnnotations;
using Egalis.Web.Features.Plan;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Budget.Pages;

[Authorize(Policy = BudgetModule.GererLeBudget)]
public class IndexModel(EgalisDbContext db, BudgetService budget, BudgetSynthese synthese, Deliberations.Registre registre, PlanService plans, TimeProvider time) : PageModel
{
    public sealed class AllocationInput
    {
        [Display(Name = "Crédits")]
        [Required(ErrorMessage = "Choisissez les crédits.")]
        public int? CreditId { get; set; }

        [Display(Name = "Action du plan")]
        [Required(ErrorMessage = "Choisissez une action.")]
        public string? ActionCode { get; set; }

        [Display(Name = "Montant alloué (€)")]
        [Required(ErrorMessage = "Indiquez le montant.")]
        public decimal? Montant { get; set; }
    }

    public sealed class CreditsInput
    {
        [Display(Name = "Année")]
        [Required(ErrorMessage = "Indiquez l'année.")]
        [Range(Years.First, Years.Last, ErrorMessage = Years.Message)]
        public int? Annee { get; set; }

        [Display(Name = "Ligne budgétaire")]
        [Required(ErrorMessage = "Choisissez la ligne budgétaire.")]
        public int? LigneId { get; set; }

        [Display(Name = "Crédits votés (€)")]
        [Required(ErrorMessage = "Indiquez le montant.")]
        public decimal? Montant { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Annee { get; set; }
    [BindProperty(Name = nameof(Allocation))] public AllocationInput Allocation { get; set; } = new();
    [BindProperty(Name = nameof(Credits))] public CreditsInput Credits { get; set; } = new();

    public sealed class LigneInput
    {
        [Display(Name = "Sous-politique")] public string? SousPolitique { get; set; }
        [Display(Name = "Nature")] public string? Nature { get; set; }
        [Display(Name = "Fonction")] public string? Fonction { get; set; }
        [Display(Name = "Libellé"), StringLength(200, ErrorMessage = "Le libellé ne doit pas dépasser 200 caractères.")] public string? Libelle { get; set; }
    }

    [BindProperty(Name = nameof(Ligne))] public LigneInput Ligne { get; set; } = new();

    public List<int> Exercices { get; private set; } = [];
    public BudgetSynthese.Annee? Budget { get; private set; }
    public List<SelectListItem> CreditsPossibles { get; private set; } = [];
    public List<SelectListItem> ActionsPossibles { get; private set; } = [];
    public List<SelectListItem> LignesPossibles { get; private set; } = [];
    public List<Deliberations.Registre.Acte> Deliberations { get; private set; } = [];
    private Dictionary<string, string> _titres = [];

    public string Titre(string code) => _titres.GetValueOrDefault(code, "");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAllouerAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Allocation));
        if (ModelState.IsValid)
        {
            var resultat = await budget.AllouerAsync(Allocation.CreditId!.Value, Allocation.ActionCode!, Allocation.Montant!.Value, ct);
            if (resultat.Ok)
            {
                TempData["Message"] = $"{Euros.Format(Allocation.Montant.Value)} alloués à l'action {Allocation.ActionCode}.";
                return RedirectToPage(new { Annee });
            }
            ModelState.AddErrors(resultat, "Allocation", champParDefaut: "Montant");
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Opens a budget line, which the credits of a year then go to.</summary>
    public async Task<IActionResult> OnPostLigneAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Ligne));
        if (ModelState.IsValid)
        {
            var resultat = await budget.CreerLigneAsync(Ligne.SousPolitique, Ligne.Nature, Ligne.Fonction, Ligne.Libelle, ct);
            if (resultat.Ok)
            {
                TempData["Message"] = $"Ligne budgétaire {Ligne.SousPolitique!.Trim().ToUpperInvariant()} / {Ligne.Nature!.Trim().ToUpperInvariant()} / {Ligne.Fonction!.Trim().ToUpperInvariant()} ouverte : ses crédits s'enregistrent ci-dessous.";
                return RedirectToPage(new { Annee });
            }
            ModelState.AddErrors(resultat, nameof(Ligne));
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCrediterAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Credits));
        if (ModelState.IsValid)
        {
            var resultat = await budget.DefinirCreditAsync(Credits.Annee!.Value, Credits.LigneId!.Value, Credits.Montant!.Value, ct);
            if (resultat.Ok)
            {
                TempData["Message"] = $"Crédits {Credits.Annee} enregistrés : {Euros.Format(Credits.Montant.Value)}.";
                return RedirectToPage(new { Annee = Credits.Annee });
            }
            ModelState.AddErrors(resultat, "Credits", champParDefaut: "Montant");
        }
        await LoadAsync(ct);
        return Page();
    }


    private async Task LoadAsync(CancellationToken ct)
    {
        Exercices = await synthese.ExercicesAsync(ct);
        Annee ??= Exercices.Count == 0 ? null : Exercices[^1];
        // Without any budget yet, the current year (the one credits are likely voted for).
        Annee ??= Platform.Web.Paris.Today(time).Year;
        Budget = await synthese.LoadAsync(Annee.Value, ct);
        CreditsPossibles = Budget?.Lignes.Select(l => new SelectListItem($"{Annee} – {l.SousPolitique} / {l.Nature} / {l.Fonction} ({Euros.Format(l.Credits)})", l.CreditId.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList() ?? [];
        var actions = await plans.ActionsAsync(ct);
        _titres = actions.ToDictionary(a => a.Code, a => a.Titre);
        ActionsPossibles = actions.Select(a => new SelectListItem($"{a.Code} – {a.Titre}", a.Code)).ToList();
        LignesPossibles = await db.Set<LigneBudgetaire>().AsNoTracking().OrderBy(l => l.SousPolitique)
            .Select(l => new SelectListItem(l.SousPolitique + " / " + l.Nature + " / " + l.Fonction + " – " + l.Libelle, l.Id.ToString())).ToListAsync(ct);
        Credits.Annee ??= Annee;
        // The acts behind this year's credits and behind its budget lines, in one call.
        Deliberations = await registre.ActesLiesAsync(
            [(CreditLinkTarget.TypeLien, Annee.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             .. (Budget?.Lignes ?? []).Select(l => (LigneBudgetaireLinkTarget.TypeLien, $"{l.SousPolitique}-{l.Nature}-{l.Fonction}"))], ct);
    }
}
