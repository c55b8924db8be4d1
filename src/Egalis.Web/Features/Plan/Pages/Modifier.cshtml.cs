using Egalis.Web.Platform.Text;
using Egalis.Web.Features.Territoires;
using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Plan.Pages;

/// <summary>The team edits an axis, action or sub-action, its milestones and sub-actions.</summary>
[Authorize(Policy = PlanModule.PiloterLePlan)]
public class ModifierModel(EgalisDbContext db, TimeProvider time, Platform.Collectivite.ProfilCollectivite profil) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Intitulé")]
        [Required(ErrorMessage = "Indiquez l'intitulé.")]
        [StringLength(300, ErrorMessage = "L'intitulé ne doit pas dépasser 300 caractères.")]
        public string Titre { get; set; } = "";

        [Display(Name = "Description")]
        [StringLength(4000, ErrorMessage = "La description ne doit pas dépasser 4 000 caractères.")]
        public string? Description { get; set; }

        [Display(Name = "Statut")]
        [Required(ErrorMessage = "Choisissez un statut.")]
        public string StatutCode { get; set; } = "";

        [Display(Name = "Avancement (%)")]
        [Range(0, 100, ErrorMessage = "L'avancement est un nombre entre 0 et 100.")]
        public int? Progression { get; set; }

        [Display(Name = "Poids")]
        [Range(typeof(decimal), "0.001", "1000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Le poids est un nombre supérieur à 0 et au plus 1 000.")]
        public decimal? Poids { get; set; }

        [Display(Name = "Service pilote")]
        [StringLength(200, ErrorMessage = "Le service pilote ne doit pas dépasser 200 caractères.")]
        public string? ServicePilote { get; set; }

        [Display(Name = "Partenaires")]
        [StringLength(1000, ErrorMessage = "La liste des partenaires ne doit pas dépasser 1 000 caractères.")]
        public string? Partenaires { get; set; }

        public List<string> Territoires { get; set; } = [];

        [Display(Name = "Date de début")]
        public DateOnly? DateDebut { get; set; }

        [Display(Name = "Date de fin")]
        public DateOnly? DateFin { get; set; }

        public int Version { get; set; }
    }

    public sealed class JalonInput
    {
        [Display(Name = "Date du jalon")]
        [Required(ErrorMessage = "Indiquez la date du jalon.")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Jalon")]
        [Required(ErrorMessage = "Indiquez l'intitulé du jalon.")]
        [StringLength(300, ErrorMessage = "L'intitulé ne doit pas dépasser 300 caractères.")]
        public string Titre { get; set; } = "";

        [Display(Name = "Précisions")]
        [StringLength(2000, ErrorMessage = "Les précisions ne doivent pas dépasser 2 000 caractères.")]
        public string? Description { get; set; }
    }

    public sealed class SousActionInput
    {
        [Display(Name = "Code")]
        [Required(ErrorMessage = "Indiquez le code de la sous-action.")]
        [RegularExpression(@"^\d+(\.\d+)*$", ErrorMessage = "Le code est fait de nombres séparés par des points, par exemple 1.3.1.")]
        [StringLength(20, ErrorMessage = "Le code ne doit pas dépasser 20 caractères.")]
        public string Code { get; set; } = "";

        [Display(Name = "Intitulé de la sous-action")]
        [Required(ErrorMessage = "Indiquez l'intitulé de la sous-action.")]
        [StringLength(300, ErrorMessage = "L'intitulé ne doit pas dépasser 300 caractères.")]
        public string Titre { get; set; } = "";

        [Display(Name = "Je confirme : l'avancement saisi sera remplacé par la moyenne des sous-actions")]
        public bool RemplacerAvancement { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    // Explicit names: without them, a form that posts none of a property's fields would bind it
    // from unprefixed fields of another form (the binder's empty-prefix fallback).
    [BindProperty(Name = nameof(Input))] public InputModel Input { get; set; } = new();
    [BindProperty(Name = nameof(NouveauJalon))] public JalonInput NouveauJalon { get; set; } = new();
    [BindProperty(Name = nameof(NouvelleSousAction))] public SousActionInput NouvelleSousAction { get; set; } = new();

    public NiveauElement Niveau { get; private set; }
    public bool EstFeuille { get; private set; }
    /// <summary>The progress entered on a leaf, that a first sub-action would replace by the mean of its sub-actions.</summary>
    public int? AvancementRemplace { get; private set; }
    public string? Conflit { get; private set; }
    public List<SelectListItem> Statuts { get; private set; } = [];
    private List<StatutAction> _statuts = [];

    public string DefautsStatuts => string.Join(", ", _statuts.Where(s => s.ProgressionParDefaut is not null).Select(s => $"{s.Libelle} {s.ProgressionParDefaut} %"));
    public List<SelectListItem> TerritoiresPossibles { get; private set; } = [];
    public List<Jalon> Jalons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var element = await TrouverAsync(ct);
        if (element is null)
        {
            return NotFound();
        }
        Input = VersInput(element);
        await LoadAsync(element, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Input));
        var element = await TrouverAsync(ct);
        if (element is null)
        {
            return NotFound();
        }
        await LoadAsync(element, ct);
        Valider(element);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The version the user started from: if someone saved since, EF Core refuses the update.
        db.Entry(element).Property(e => e.Version).OriginalValue = Input.Version;
        element.Titre = Input.Titre.Trim();
        element.Description = Texts.Clean(Input.Description);
        element.StatutCode = Input.StatutCode;
        element.Progression = EstFeuille ? Input.Progression : null;
        element.Poids = Input.Poids;
        element.ServicePilote = Texts.Clean(Input.ServicePilote);
        element.Partenaires = Texts.Clean(Input.Partenaires);
        element.Territoires = Input.Territoires;
        element.DateDebut = Input.DateDebut;
        element.DateFin = Input.DateFin;
        element.Version = Input.Version + 1;
        Conflit = await db.SaveAsync(async () =>
        {
            var actuel = await db.Set<ElementPlan>().AsNoTracking().Include(e => e.Statut).SingleAsync(e => e.Id == element.Id, ct);
            // Saving again from here replaces those values on purpose.
            Input.Version = actuel.Version;
            ModelState.Remove("Input.Version");
            return $"intitulé « {actuel.Titre} », statut « {actuel.Statut!.Libelle} », avancement {(actuel.Progression is null ? "celui du statut" : $"{actuel.Progression} %")}.";
        }, ct);
        if (Conflit is not null)
        {
            ModelState.AddModelError(string.Empty, Concurrency.Message);
            return Page();
        }
        TempData["Message"] = "Modifications enregistrées.";
        return RedirectToPage("/Plan/Pages/Action", new { code = element.Code });
    }

    public async Task<IActionResult> OnPostAjouterJalonAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(NouveauJalon));
        var element = await TrouverAsync(ct);
        if (element is null)
        {
            return NotFound();
        }
        if (PlanRegles.VerifierDate(NouveauJalon.Date, "La date du jalon") is { } horsPlan)
        {
            ModelState.AddModelError("NouveauJalon.Date", horsPlan);
        }
        if (!ModelState.IsValid)
        {
            Input = VersInput(element);
            await LoadAsync(element, ct);
            return Page();
        }
        db.Add(new Jalon { ElementPlanId = element.Id, Date = NouveauJalon.Date!.Value, Titre = NouveauJalon.Titre.Trim(), Description = Texts.Clean(NouveauJalon.Description) });
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Jalon « {NouveauJalon.Titre.Trim()} » ajouté.";
        return RedirectToPage(new { code = element.Code });
    }

    public Task<IActionResult> OnPostJalonAtteintAsync(int jalon, CancellationToken ct) =>
        SurJalonAsync(jalon, j => { j.AtteintLe = Paris.Today(time); return "Jalon marqué atteint."; }, ct);

    public Task<IActionResult> OnPostSupprimerJalonAsync(int jalon, CancellationToken ct) =>
        SurJalonAsync(jalon, j => { db.Remove(j); return "Jalon supprimé."; }, ct);

    public async Task<IActionResult> OnPostAjouterSousActionAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(NouvelleSousAction));
        var element = await TrouverAsync(ct);
        if (element is null)
        {
            return NotFound();
        }
        var code = (NouvelleSousAction.Code ?? "").Trim();
        if (ModelState.IsValid && !code.StartsWith(element.Code + ".", StringComparison.Ordinal))
        {
            ModelState.AddModelError("NouvelleSousAction.Code", $"Le code d'une sous-action de {element.Code} commence par « {element.Code}. », par exemple {element.Code}.1.");
        }
        if (ModelState.IsValid && await db.Set<ElementPlan>().AnyAsync(e => e.PlanCode == element.PlanCode && e.Code == code, ct))
        {
            ModelState.AddModelError("NouvelleSousAction.Code", $"Le code {code} est déjà utilisé dans ce plan.");
        }
        var premiere = !await db.Set<ElementPlan>().AnyAsync(e => e.ParentId == element.Id, ct);
        var avancementSaisi = premiere ? element.Progression : null;
        if (ModelState.IsValid && avancementSaisi is not null && !NouvelleSousAction.RemplacerAvancement)
        {
            ModelState.AddModelError("NouvelleSousAction.RemplacerAvancement",
                $"{element.Code} a un avancement saisi de {avancementSaisi} %. Avec une première sous-action, son avancement devient la moyenne de ses sous-actions (0 % pour une sous-action à lancer) : cochez la case pour confirmer.");
        }
        if (!ModelState.IsValid)
        {
            Input = VersInput(element);
            await LoadAsync(element, ct);
            return Page();
        }
        var ordre = await db.Set<ElementPlan>().Where(e => e.ParentId == element.Id).Select(e => (int?)e.Ordre).MaxAsync(ct) ?? 0;
        // From now on the element's progress is computed from its sub-actions.
        element.Progression = null;
        db.Add(new ElementPlan
        {
            PlanCode = element.PlanCode, ParentId = element.Id, Niveau = element.Niveau == NiveauElement.Axe ? NiveauElement.Action : NiveauElement.SousAction,
            Code = code, Titre = (NouvelleSousAction.Titre ?? "").Trim(), StatutCode = (await PlanRegles.StatutInitialAsync(db, ct)).Code, Ordre = ordre + 1,
            ServicePilote = element.ServicePilote, Territoires = [.. element.Territoires],
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // A double click, or a colleague at the same moment: the unique index on the plan's codes said no.
            db.ChangeTracker.Clear();
            element = (await TrouverAsync(ct))!;
            ModelState.AddModelError("NouvelleSousAction.Code", $"Le code {code} vient d'être utilisé dans ce plan.");
            Input = VersInput(element);
            await LoadAsync(element, ct);
            return Page();
        }
        TempData["Message"] = avancementSaisi is null
            ? $"{(element.Niveau == NiveauElement.Axe ? "Action" : "Sous-action")} {code} ajoutée."
            : $"Sous-action {code} ajoutée. L'avancement de {element.Code} n'est plus saisi ({avancementSaisi} %) : il est maintenant la moyenne de ses sous-actions.";
        return RedirectToPage("/Plan/Pages/Action", new { code = element.Code });
    }

    private async Task<IActionResult> SurJalonAsync(int jalonId, Func<Jalon, string> action, CancellationToken ct)
    {
        var element = await TrouverAsync(ct);
        // The milestone must belong to this element: an id in a URL is never trusted on its own.
        var jalon = element is null ? null : await db.Set<Jalon>().SingleOrDefaultAsync(j => j.Id == jalonId && j.ElementPlanId == element.Id, ct);
        if (jalon is null)
        {
            return NotFound();
        }
        TempData["Message"] = action(jalon);
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { code = Code });
    }

    private void Valider(ElementPlan element)
    {
        var statut = _statuts.FirstOrDefault(s => s.Code == Input.StatutCode);
        if (statut is null && !string.IsNullOrEmpty(Input.StatutCode))
        {
            ModelState.AddModelError("Input.StatutCode", "Choisissez un statut de la liste.");
        }
        if (EstFeuille && statut is not null && PlanRegles.VerifierAvancement(statut, Input.Progression) is { } incoherent)
        {
            ModelState.AddModelError("Input.Progression", incoherent);
        }
        if (PlanRegles.VerifierDate(Input.DateDebut, "La date de début") is { } debut)
        {
            ModelState.AddModelError("Input.DateDebut", debut);
        }
        if (PlanRegles.VerifierDate(Input.DateFin, "La date de fin") is { } fin)
        {
            ModelState.AddModelError("Input.DateFin", fin);
        }
        if (Input.DateDebut is not null && Input.DateFin is not null && Input.DateFin < Input.DateDebut)
        {
            ModelState.AddModelError("Input.DateFin", "La date de fin doit être postérieure à la date de début.");
        }
        var inconnus = Input.Territoires.Except(TerritoiresPossibles.Select(t => t.Value)).ToList();
        if (inconnus.Count > 0)
        {
            ModelState.AddModelError("Input.Territoires", "Choisissez les territoires dans la liste.");
        }
        Input.Territoires = Input.Territoires.Distinct().ToList();
    }


    private Task<ElementPlan?> TrouverAsync(CancellationToken ct) =>
        db.Set<ElementPlan>().SingleOrDefaultAsync(e => e.PlanCode == PlanService.PlanPrincipal && e.Code == Code, ct);

    private async Task LoadAsync(ElementPlan element, CancellationToken ct)
    {
        Niveau = element.Niveau;
        EstFeuille = !await db.Set<ElementPlan>().AnyAsync(e => e.ParentId == element.Id, ct);
        AvancementRemplace = EstFeuille ? element.Progression : null;
        _statuts = await db.Set<StatutAction>().AsNoTracking().OrderBy(s => s.Ordre).ToListAsync(ct);
        Statuts = _statuts.Select(s => new SelectListItem(s.Libelle, s.Code)).ToList();
        TerritoiresPossibles = [new SelectListItem(Platform.Text.French.Majuscule(profil.ToutLeTerritoire), NiveauLibelle.Metropole), .. await db.ConseilsTerritoire.AsNoTracking().OrderBy(t => t.Code)
            .Select(t => new SelectListItem($"{t.Code} – {t.Nom}", t.Code)).ToListAsync(ct)];
        Jalons = await db.Set<Jalon>().AsNoTracking().Where(j => j.ElementPlanId == element.Id).OrderBy(j => j.Date).ToListAsync(ct);
    }

    private static InputModel VersInput(ElementPlan e) => new()
    {
        Titre = e.Titre, Description = e.Description, StatutCode = e.StatutCode, Progression = e.Progression, Poids = e.Poids,
        ServicePilote = e.ServicePilote, Partenaires = e.Partenaires, Territoires = [.. e.Territoires], DateDebut = e.DateDebut, DateFin = e.DateFin,
        Version = e.Version,
    };

}
