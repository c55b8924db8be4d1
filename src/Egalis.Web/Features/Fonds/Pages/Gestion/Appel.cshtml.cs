using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Egalis.Web.Features.Budget;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Web;
using Egalis.Web.Platform.Workflows;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds.Pages.Gestion;

/// <summary>A call, written by the team: a draft until published; once published, only its title, rules text and closing time change.</summary>
[Authorize(Policy = FondsModule.GererLeFonds)]
public class AppelModel(EgalisDbContext db, AppelsService appels, ComiteService comites, Workflows workflows, TimeProvider time) : PageModel
{
    public const int LignesDeGrille = 6;

    private static readonly HashSet<string> ModifiablesApresPublication =
        [nameof(InputModel.Version), nameof(InputModel.Titre), nameof(InputModel.Reglement), nameof(InputModel.ClotureJour), nameof(InputModel.ClotureHeure)];

    public sealed class CritereInput
    {
        [Display(Name = "Critère")]
        [StringLength(200, ErrorMessage = "L'intitulé d'un critère ne doit pas dépasser 200 caractères.")]
        public string? Libelle { get; set; }

        [Display(Name = "Poids")]
        [Range(1, 100, ErrorMessage = "Le poids est un nombre entier de 1 à 100.")]
        public int? Poids { get; set; }

        [Display(Name = "Note maximale")]
        [Range(1, 20, ErrorMessage = "La note maximale est un nombre entier de 1 à 20.")]
        public int? Echelle { get; set; }
    }

    public sealed class InputModel
    {
        public int Version { get; set; }

        [Display(Name = "Année")]
        [Range(2019, 2100, ErrorMessage = "L'année doit être comprise entre 2019 et 2100.")]
        public int Annee { get; set; }

        [Display(Name = "Titre")]
        [Required(ErrorMessage = "Indiquez le titre de l'appel.")]
        [StringLength(AppelsService.LongueurTitre, ErrorMessage = "Le titre ne doit pas dépasser 200 caractères.")]
        public string? Titre { get; set; }

        [Display(Name = "Règlement")]
        [StringLength(AppelsService.LongueurReglement, ErrorMessage = "Le règlement ne doit pas dépasser 20 000 caractères.")]
        public string? Reglement { get; set; }

        [Display(Name = "Date d'ouverture")] public DateOnly? OuvertureJour { get; set; }
        [Display(Name = "Heure d'ouverture (heure de Paris)")] public TimeOnly? OuvertureHeure { get; set; }
        [Display(Name = "Date de clôture")] public DateOnly? ClotureJour { get; set; }
        [Display(Name = "Heure de clôture (heure de Paris)")] public TimeOnly? ClotureHeure { get; set; }

        [Display(Name = "Enveloppe")] public int? AllocationId { get; set; }
        [Display(Name = "Ouvert aux associations")] public bool OuvertAuxAssociations { get; set; } = true;
        [Display(Name = "Ouvert aux communes")] public bool OuvertAuxCommunes { get; set; } = true;
        public List<string> Territoires { get; set; } = [];
        [Display(Name = "Priorité aux projets des communes sans plan local")] public bool PrioriteSansPlanLocal { get; set; } = true;

        [Display(Name = "Montant maximal par dossier (€)")]
        public decimal? MontantMaximum { get; set; }

        [Display(Name = "Part maximale du coût du projet (%)")]
        [Range(1, 100, ErrorMessage = "La part maximale du coût du projet est un pourcentage entre 1 et 100.")]
        public int? PartMaximale { get; set; }

        [Display(Name = "Notations requises avant le comité")]
        [Range(1, 10, ErrorMessage = "Le nombre de notations requises va de 1 à 10.")]
        public int NotesRequises { get; set; } = 2;

        public List<CritereInput> Criteres { get; set; } = [];
    }

    [BindProperty(Name = nameof(Input))] public InputModel Input { get; set; } = new();
    [BindProperty, Display(Name = "Motif")] public string? Motif { get; set; }
    [BindProperty, Display(Name = "Date du comité")] public DateOnly? DateComite { get; set; }

    public List<Comite> Comites { get; private set; } = [];

    public AppelAProjets? Appel { get; private set; }
    public bool Fige => Appel?.PublieLe is not null;
    public List<SelectListItem> Enveloppes { get; private set; } = [];
    public List<SelectListItem> TerritoiresPossibles { get; private set; } = [];
    public List<(WorkflowStep Etape, string De, string Vers)> Historique { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        Input = Appel is null ? Nouveau() : DepuisAppel(Appel);
        Completer();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Input));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        Completer();
        if (Fige)
        {
            // The published call's form holds only what still changes: the rules it does not show are not checked.
            foreach (var cle in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal) && !ModifiablesApresPublication.Contains(k[6..])).ToList())
            {
                ModelState.Remove(cle);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var saisie = new AppelsService.Saisie(Input.Annee, Input.Titre, Input.Reglement, Input.OuvertureJour, Input.OuvertureHeure,
            Input.ClotureJour, Input.ClotureHeure, Input.AllocationId, Input.OuvertAuxAssociations, Input.OuvertAuxCommunes,
            Input.Territoires, Input.PrioriteSansPlanLocal, Input.MontantMaximum, Input.PartMaximale, Input.NotesRequises,
            Input.Criteres.Select(c => new AppelsService.Critere(c.Libelle, c.Poids, c.Echelle)).ToList());
        var resultat = id is null ? await appels.CreerAsync(saisie, ct) : await appels.ModifierAsync(id.Value, Input.Version, saisie, ct);
        if (!resultat.Ok)
        {
            ModelState.AddErrors(resultat, nameof(Input));
            if (id is not null && await db.Set<AppelAProjets>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } actuel)
            {
                // After a concurrent change, the next save is checked against what is recorded now.
                Input.Version = actuel.Version;
                ModelState.Remove("Input.Version");
            }
            return Page();
        }
        TempData["Message"] = id is null ? "Appel à projets enregistré en brouillon : il n'est pas public tant qu'il n'est pas publié." : "Appel à projets enregistré.";
        return Redirect($"/fonds/gestion/appel/{resultat.Id}");
    }

    public async Task<IActionResult> OnPostStatutAsync(int id, string vers, int version, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        Input = DepuisAppel(Appel!);
        Completer();
        if (!Enum.TryParse<StatutAppel>(vers, ignoreCase: false, out var statut) || !Enum.IsDefined(statut) || int.TryParse(vers, out _))
        {
            ModelState.AddModelError("", "Cette étape n'existe pas : choisissez l'un des boutons de la page.");
            return Page();
        }
        // The version the page showed: a call changed since is not published or closed unseen.
        var resultat = await appels.ChangerStatutAsync(id, version, statut, User, Motif, ct);
        if (!resultat.Ok)
        {
            foreach (var (champ, message) in resultat.Errors)
            {
                ModelState.AddModelError(champ == "Motif" ? "Motif" : "", message);
            }
            return Page();
        }
        TempData["Message"] = statut switch
        {
            StatutAppel.Publie => "Appel publié : il est en ligne sur la page du fonds d'initiative.",
            StatutAppel.Clos => "Appel clos : il ne reçoit plus de dossier.",
            _ => "Appel dépublié : il n'est plus en ligne.",
        };
        return Redirect($"/fonds/gestion/appel/{id}");
    }

    public async Task<IActionResult> OnPostComiteAsync(int id, CancellationToken ct)
    {
        var date = DateComite;
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        Input = DepuisAppel(Appel!);
        Completer();
        DateComite = date;
        var resultat = await comites.CreerComiteAsync(id, date, ct);
        if (!resultat.Ok)
        {
            foreach (var (champ, message) in resultat.Errors)
            {
                ModelState.AddModelError(champ == "Date" ? nameof(DateComite) : "", message);
            }
            return Page();
        }
        TempData["Message"] = "Comité créé : il liste les dossiers prêts.";
        return Redirect($"/fonds/gestion/comite/{resultat.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int? id, CancellationToken ct)
    {
        if (id is not null)
        {
            Appel = await db.Set<AppelAProjets>().AsNoTracking().Include(a => a.Criteres).SingleOrDefaultAsync(a => a.Id == id, ct);
            if (Appel is null)
            {
                return NotFound();
            }
            Historique = await workflows.HistoryAsync(AppelsService.Workflow, id.Value.ToString(CultureInfo.InvariantCulture), ct);
            Comites = await db.Set<Comite>().AsNoTracking().Where(c => c.AppelId == id).OrderByDescending(c => c.Date).ToListAsync(ct);
        }
        var enveloppes = await db.Set<Allocation>().AsNoTracking().Where(a => a.ActionCode == AppelsService.ActionDuFonds)
            .OrderByDescending(a => a.Credit!.Annee)
            .Select(a => new { a.Id, a.Credit!.Annee, a.Credit.Ligne!.Nature, a.Montant }).ToListAsync(ct);
        Enveloppes = enveloppes.Select(e => new SelectListItem($"Crédits {e.Annee} ({e.Nature}) – {Euros.Format(e.Montant)} alloués à l'action {AppelsService.ActionDuFonds}", e.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        TerritoiresPossibles = await db.Set<Territoires.ConseilTerritoire>().AsNoTracking().OrderBy(t => t.Code)
            .Select(t => new SelectListItem(t.Nom, t.Code)).ToListAsync(ct);
        return null;
    }

    private InputModel Nouveau()
    {
        var annee = Paris.Today(time).Year;
        return new InputModel
        {
            Annee = annee,
            OuvertureHeure = new TimeOnly(9, 0),
            ClotureHeure = new TimeOnly(12, 0),
            Criteres =
            [
                new() { Libelle = "Pertinence au regard des discriminations visées", Poids = 3, Echelle = 5 },
                new() { Libelle = "Public touché, notamment dans les quartiers prioritaires", Poids = 2, Echelle = 5 },
                new() { Libelle = "Caractère innovant", Poids = 2, Echelle = 5 },
                new() { Libelle = "Solidité du budget et des partenariats", Poids = 1, Echelle = 5 },
            ],
        };
    }

    private static InputModel DepuisAppel(AppelAProjets a)
    {
        var (ouvertureJour, ouvertureHeure) = Calendrier.EnHeureDeParis(a.Ouverture);
        var (clotureJour, clotureHeure) = Calendrier.EnHeureDeParis(a.Cloture);
        return new InputModel
        {
            Version = a.Version, Annee = a.Annee, Titre = a.Titre, Reglement = a.Reglement,
            OuvertureJour = ouvertureJour, OuvertureHeure = ouvertureHeure, ClotureJour = clotureJour, ClotureHeure = clotureHeure,
            AllocationId = a.AllocationId, OuvertAuxAssociations = a.OuvertAuxAssociations, OuvertAuxCommunes = a.OuvertAuxCommunes,
            Territoires = a.Territoires, PrioriteSansPlanLocal = a.PrioriteSansPlanLocal, MontantMaximum = a.MontantMaximum,
            PartMaximale = a.PartMaximale, NotesRequises = a.NotesRequises,
            Criteres = a.Criteres.OrderBy(c => c.Rang).Select(c => new CritereInput { Libelle = c.Libelle, Poids = c.Poids, Echelle = c.Echelle }).ToList(),
        };
    }

    /// <summary>The grid shows a few empty lines to add criteria.</summary>
    private void Completer()
    {
        while (Input.Criteres.Count < Math.Max(LignesDeGrille, Input.Criteres.Count(c => c.Libelle is not null) + 2) && Input.Criteres.Count < AppelsService.CriteresMaximum)
        {
            Input.Criteres.Add(new CritereInput());
        }
    }
}
