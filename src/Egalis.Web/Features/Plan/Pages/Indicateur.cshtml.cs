using Egalis.Web.Platform.Text;
using Egalis.Web.Platform.Extensions;
using System.ComponentModel.DataAnnotations;
using Egalis.Web.Features.Plan.Indicateurs;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan.Pages;

/// <summary>Create an indicator, or edit its definition, targets and values.</summary>
[Authorize(Policy = PlanModule.PiloterLePlan)]
public class IndicateurModel(EgalisDbContext db, IndicateursService indicateurs, PlanService plans) : PageModel
{
    public sealed class DefinitionInput
    {
        [Display(Name = "Code")]
        [RegularExpression("^[A-Z0-9][A-Z0-9-]{1,29}$", ErrorMessage = "Le code est fait de 2 à 30 majuscules, chiffres ou tirets, par exemple FORM-AGENTS.")]
        public string? Code { get; set; }

        [Display(Name = "Intitulé")]
        [Required(ErrorMessage = "Indiquez l'intitulé de l'indicateur.")]
        [StringLength(300, ErrorMessage = "L'intitulé ne doit pas dépasser 300 caractères.")]
        public string Libelle { get; set; } = "";

        [Display(Name = "Unité")]
        [Required(ErrorMessage = "Indiquez l'unité.")]
        [StringLength(50, ErrorMessage = "L'unité ne doit pas dépasser 50 caractères.")]
        public string Unite { get; set; } = "";

        [Display(Name = "Sens")]
        public SensIndicateur Sens { get; set; }

        [Display(Name = "Action mesurée")]
        public string? ActionCode { get; set; }

        [Display(Name = "Description et mode de calcul")]
        [StringLength(2000, ErrorMessage = "La description ne doit pas dépasser 2 000 caractères.")]
        public string? Description { get; set; }

        public int Version { get; set; }
    }

    public sealed class CibleInput
    {
        [Display(Name = "Année de la cible")]
        [Required(ErrorMessage = "Indiquez l'année.")]
        [Range(Years.First, Years.Last, ErrorMessage = Years.Message)]
        public int? Annee { get; set; }

        [Display(Name = "Valeur cible")]
        [Required(ErrorMessage = "Indiquez la valeur cible.")]
        public decimal? Valeur { get; set; }
    }

    public sealed class ValeurInput
    {
        [Display(Name = "Année")]
        [Required(ErrorMessage = "Indiquez l'année.")]
        [Range(Years.First, Years.Last, ErrorMessage = Years.Message)]
        public int? Annee { get; set; }

        [Display(Name = "Période")]
        [RegularExpression("^([Tt][1-4]|[Ss][12])?$", ErrorMessage = "La période est vide (année entière), T1 à T4 ou S1, S2.")]
        public string? Periode { get; set; }

        [Display(Name = "Valeur mesurée")]
        [Required(ErrorMessage = "Indiquez la valeur.")]
        public decimal? Valeur { get; set; }

        [Display(Name = "Commentaire")]
        [StringLength(500, ErrorMessage = "Le commentaire ne doit pas dépasser 500 caractères.")]
        public string? Commentaire { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(Name = nameof(Definition))] public DefinitionInput Definition { get; set; } = new();
    [BindProperty(Name = nameof(Cible))] public CibleInput Cible { get; set; } = new();
    [BindProperty(Name = nameof(Valeur))] public ValeurInput Valeur { get; set; } = new();

    public bool Creation => Code is null;
    public bool EstCalcule => Ligne?.EstCalcule == true;
    public IndicateursService.Ligne? Ligne { get; private set; }
    public List<CibleIndicateur> Cibles { get; private set; } = [];
    public List<SelectListItem> Actions { get; private set; } = [];
    public List<SelectListItem> Sens { get; } =
    [
        new("Plus haut est mieux", nameof(SensIndicateur.Hausse)),
        new("Plus bas est mieux", nameof(SensIndicateur.Baisse)),
    ];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Ligne is not null)
        {
            var i = Ligne.Indicateur;
            Definition = new DefinitionInput { Code = i.Code, Libelle = i.Libelle, Unite = i.Unite, Sens = i.Sens, ActionCode = i.ActionCode, Description = i.Description, Version = i.Version };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Definition));
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Creation && string.IsNullOrWhiteSpace(Definition.Code))
        {
            ModelState.AddModelError("Definition.Code", "Indiquez le code de l'indicateur.");
        }
        if (Definition.ActionCode is not null && Actions.All(a => a.Value != Definition.ActionCode))
        {
            ModelState.AddModelError("Definition.ActionCode", "Choisissez une action de la liste.");
        }
        if (Creation && ModelState.IsValid && await db.Set<Indicateur>().AnyAsync(i => i.Code == Definition.Code, ct))
        {
            ModelState.AddModelError("Definition.Code", $"Le code {Definition.Code} est déjà utilisé.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Indicateur indicateur;
        if (Creation)
        {
            indicateur = new Indicateur { Code = Definition.Code!, Libelle = "", Unite = "" };
            db.Add(indicateur);
        }
        else
        {
            indicateur = await db.Set<Indicateur>().SingleAsync(i => i.Code == Code, ct);
            db.Entry(indicateur).Property(i => i.Version).OriginalValue = Definition.Version;
            indicateur.Version = Definition.Version + 1;
        }
        indicateur.Libelle = Definition.Libelle.Trim();
        indicateur.Unite = Definition.Unite.Trim();
        indicateur.Sens = Definition.Sens;
        indicateur.ActionCode = Definition.ActionCode;
        indicateur.Description = Texts.Clean(Definition.Description);
        var entreTemps = await db.SaveAsync(async () =>
        {
            var actuel = await db.Set<Indicateur>().AsNoTracking().SingleAsync(i => i.Code == Code, ct);
            // Saving again from here replaces those values on purpose.
            Definition.Version = actuel.Version;
            ModelState.Remove("Definition.Version");
            return $"libellé « {actuel.Libelle} », unité « {actuel.Unite} ».";
        }, ct);
        if (entreTemps is not null)
        {
            ModelState.AddModelError(string.Empty, $"{Concurrency.Message} Enregistré entre-temps : {entreTemps} Vos saisies sont conservées ci-dessous.");
            return Page();
        }
        TempData["Message"] = Creation ? $"Indicateur {indicateur.Code} créé." : "Indicateur enregistré.";
        return RedirectToPage(new { code = indicateur.Code });
    }

    public async Task<IActionResult> OnPostCibleAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Cible));
        if (Creation || !await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Cible.Valeur is { } v && IndicateursService.VerifierValeur(v) is { } horsLimite)
        {
            ModelState.AddModelError("Cible.Valeur", horsLimite);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var cible = await db.Set<CibleIndicateur>().SingleOrDefaultAsync(c => c.IndicateurCode == Code && c.Annee == Cible.Annee, ct);
        if (cible is null)
        {
            db.Add(new CibleIndicateur { IndicateurCode = Code!, Annee = Cible.Annee!.Value, Valeur = Cible.Valeur!.Value });
        }
        else
        {
            cible.Valeur = Cible.Valeur!.Value;
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Cible {Cible.Annee} fixée à {IndicateursService.Format(Cible.Valeur)}.";
        return RedirectToPage(new { code = Code });
    }

    public async Task<IActionResult> OnPostValeurAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Valeur));
        if (Creation || !await LoadAsync(ct))
        {
            return NotFound();
        }
        if (EstCalcule)
        {
            ModelState.AddModelError("Valeur.Valeur", "Cet indicateur est calculé automatiquement : ses valeurs ne se saisissent pas.");
        }
        else if (Valeur.Valeur is { } v && IndicateursService.VerifierValeur(v) is { } horsLimite)
        {
            ModelState.AddModelError("Valeur.Valeur", horsLimite);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var periode = Valeur.Periode?.Trim().ToUpperInvariant() ?? "";
        var existante = await db.Set<ValeurIndicateur>().SingleOrDefaultAsync(v => v.IndicateurCode == Code && v.Annee == Valeur.Annee && v.Periode == periode, ct);
        if (existante is null)
        {
            db.Add(new ValeurIndicateur { IndicateurCode = Code!, Annee = Valeur.Annee!.Value, Periode = periode, Valeur = Valeur.Valeur!.Value, Commentaire = Valeur.Commentaire?.Trim() });
        }
        else
        {
            existante.Valeur = Valeur.Valeur!.Value;
            existante.Commentaire = Valeur.Commentaire?.Trim();
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Valeur {Valeur.Annee}{(periode == "" ? "" : " " + periode)} enregistrée.";
        return RedirectToPage(new { code = Code });
    }


    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // Codes are upper case; the URLs the site writes are lower case (routing option), and people type either.
        Code = Code?.Trim().ToUpperInvariant();
        Actions = (await plans.ActionsAsync(ct)).Select(a => new SelectListItem($"{a.Code} – {a.Titre}", a.Code)).ToList();
        if (Creation)
        {
            return true;
        }
        Ligne = (await indicateurs.LoadAsync([], Code, ct)).SingleOrDefault();
        Cibles = await db.Set<CibleIndicateur>().AsNoTracking().Where(c => c.IndicateurCode == Code).OrderBy(c => c.Annee).ToListAsync(ct);
        return Ligne is not null;
    }
}
