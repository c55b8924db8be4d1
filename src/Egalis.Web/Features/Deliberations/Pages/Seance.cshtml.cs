using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations.Pages;

[Authorize(Policy = Policies.Secretariat)]
public class SeanceModel(EgalisDbContext db, SecretariatService secretariat, MatieresActes matieres) : PageModel
{
    public sealed class BureauInput
    {
        [Display(Name = "Président de séance")] public int? PresidentMandatId { get; set; }
        [Display(Name = "Secrétaire de séance")] public int? SecretaireMandatId { get; set; }
    }

    public sealed class PointInput
    {
        [Display(Name = "Rang")]
        [Required(ErrorMessage = "Indiquez le rang du point.")]
        public int? Rang { get; set; }

        [Display(Name = "Numéro du rapport")]
        [StringLength(50, ErrorMessage = "Le numéro du rapport ne doit pas dépasser 50 caractères.")]
        public string? NumeroRapport { get; set; }

        [Display(Name = "Numéro d'acte")]
        public string? NumeroActe { get; set; }

        [Display(Name = "Objet")]
        [Required(ErrorMessage = "Indiquez l'objet.")]
        public string Objet { get; set; } = "";

        [Display(Name = "Thème")]
        [StringLength(300, ErrorMessage = "Le thème ne doit pas dépasser 300 caractères.")]
        public string? Theme { get; set; }

        [Display(Name = "Décision attendue")]
        public GenrePoint Genre { get; set; }

        [Display(Name = "Matière (classification ACTES)")]
        [Required(ErrorMessage = "Choisissez la matière.")]
        public string MatiereCode { get; set; } = "8.5";

        [Display(Name = "Nature de l'acte")]
        public string NatureCode { get; set; } = "DE";

        [Display(Name = "Rapporteur")] public int? RapporteurMandatId { get; set; }
        [Display(Name = "Rapport")] public string? Rapport { get; set; }
        [Display(Name = "Considérants")] public string? Considerants { get; set; }
        [Display(Name = "Articles")] public string? Articles { get; set; }
    }

    [BindProperty(Name = nameof(Bureau))] public BureauInput Bureau { get; set; } = new();
    [BindProperty(Name = nameof(Point))] public PointInput Point { get; set; } = new();

    public Seance Seance { get; private set; } = null!;
    public PolitiqueQuorum Politique { get; private set; } = PolitiqueQuorum.DroitCommun;
    public List<Mandat> Membres { get; private set; } = [];
    public List<PointOrdreDuJour> Points { get; private set; } = [];
    public List<SelectListItem> ChoixMembres { get; private set; } = [];
    public List<SelectListItem> Matieres => matieres.Niveau2.Select(m => new SelectListItem($"{m.Code} {m.Libelle}", m.Code)).ToList();
    public List<SelectListItem> Natures { get; } = ActesId.Natures.Select(n => new SelectListItem($"{n.Key} – {n.Value}", n.Key)).ToList();
    public List<SelectListItem> Genres { get; } = [new("Vote", nameof(GenrePoint.Vote)), new("Prise d'acte (information, sans vote)", nameof(GenrePoint.PriseActe))];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await ChargerAsync(id, ct) is { } refus)
        {
            return refus;
        }
        Bureau = new BureauInput { PresidentMandatId = Seance.PresidentMandatId, SecretaireMandatId = Seance.SecretaireMandatId };
        Point.Rang = (Points.Count == 0 ? 0 : Points.Max(p => p.Rang)) + 1;
        return Page();
    }

    public async Task<IActionResult> OnPostBureauAsync(int id, CancellationToken ct)
    {
        ModelState.GarderFormulaire(nameof(Bureau));
        if (await ChargerAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var resultat = await secretariat.DefinirBureauAsync(id, Bureau.PresidentMandatId, Bureau.SecretaireMandatId, ct);
        return Conclure(resultat, "Bureau", "Président et secrétaire enregistrés.", id);
    }

    public async Task<IActionResult> OnPostPointAsync(int id, CancellationToken ct)
    {
        ModelState.GarderFormulaire(nameof(Point));
        if (await ChargerAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        static List<string> Lignes(string? texte) => (texte ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var resultat = await secretariat.AjouterPointAsync(new SecretariatService.NouveauPoint(id, Point.Rang!.Value, Point.NumeroRapport, Point.Theme, Point.Objet,
            Point.RapporteurMandatId, Point.MatiereCode, Point.NatureCode, Point.Genre, Point.Rapport, Lignes(Point.Considerants), Lignes(Point.Articles),
            string.IsNullOrWhiteSpace(Point.NumeroActe) ? null : Point.NumeroActe.Trim().ToUpperInvariant()), matieres, ct);
        return Conclure(resultat, "Point", $"Point {Point.Rang} ajouté.", id);
    }

    private IActionResult Conclure(SecretariatService.Resultat resultat, string prefixe, string message, int id)
    {
        if (!resultat.Ok)
        {
            foreach (var (champ, texte) in resultat.Erreurs)
            {
                ModelState.AddModelError(champ.Length == 0 ? "" : $"{prefixe}.{champ}", texte);
            }
            return Page();
        }
        TempData["Message"] = message;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> ChargerAsync(int id, CancellationToken ct)
    {
        var seance = await db.Set<Seance>().AsNoTracking().Include(s => s.Assemblee).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (seance is null)
        {
            return NotFound();
        }
        if (!PorteeSecretariat.PeutGerer(User, seance.Assemblee!))
        {
            return Forbid();
        }
        Seance = seance;
        Politique = PolitiqueQuorum.Trouver(seance.PolitiqueCode) ?? PolitiqueQuorum.DroitCommun;
        Membres = await secretariat.MembresEnExerciceAsync(seance.AssembleeId, seance.Date, ct);
        ChoixMembres = Membres.Select(m => new SelectListItem(m.Elu!.Nom, m.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        Points = await db.Set<PointOrdreDuJour>().AsNoTracking().Where(p => p.SeanceId == id).OrderBy(p => p.Rang).ToListAsync(ct);
        return null;
    }
}
