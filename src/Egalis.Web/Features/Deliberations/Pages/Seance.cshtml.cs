using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations.Pages;

/// <summary>A session: its president and secretary, its agenda; corrected or deleted until the assembly has decided on one of its items.</summary>
[Authorize(Policy = DeliberationsModule.TenirLeSecretariat)]
public class SeanceModel(PorteeSecretariat portee, EgalisDbContext db, SecretariatService secretariat, MatieresActes matieres, TimeProvider time) : PageModel
{
    public sealed class BureauInput
    {
        [Display(Name = "Président de séance")] public int? PresidentMandatId { get; set; }
        [Display(Name = "Secrétaire de séance")] public int? SecretaireMandatId { get; set; }
    }


    [BindProperty(Name = nameof(Bureau))] public BureauInput Bureau { get; set; } = new();
    [BindProperty(Name = nameof(Point))] public PointInput Point { get; set; } = new();
    [BindProperty, Display(Name = "Je confirme : cette séance et tout son ordre du jour sont supprimés")] public bool Confirmation { get; set; }
    [BindProperty(Name = nameof(Modification))] public SeanceInput Modification { get; set; } = new();

    public Seance Seance { get; private set; } = null!;
    public PolitiqueQuorum Politique { get; private set; } = PolitiqueQuorum.DroitCommun;
    public List<Mandat> Membres { get; private set; } = [];
    public List<PointOrdreDuJour> Points { get; private set; } = [];
    public List<SelectListItem> ChoixMembres { get; private set; } = [];
    public List<SelectListItem> Politiques { get; } = PolitiqueQuorum.Toutes.Select(p => new SelectListItem(p.Libelle, p.Code)).ToList();
    /// <summary>Once the assembly has decided on an item, the session stays as it was held.</summary>
    public bool Deliberee => Points.Any(p => p.Delibere);
    public bool AVenir => Seance.Date > Paris.Today(time);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostBureauAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Bureau));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var resultat = await secretariat.DefinirBureauAsync(id, Bureau.PresidentMandatId, Bureau.SecretaireMandatId, ct);
        return Conclure(resultat, nameof(Bureau), "Président et secrétaire enregistrés.", id);
    }

    public async Task<IActionResult> OnPostPointAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Point));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await secretariat.AjouterPointAsync(Point.VersService(id), matieres, ct);
        return Conclure(resultat, nameof(Point), $"Point {Point.Rang} ajouté à l'ordre du jour.", id);
    }

    public async Task<IActionResult> OnPostModifierAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Modification));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await secretariat.ModifierSeanceAsync(id, Modification.Date!.Value, Modification.Lieu, Modification.DateConvocation, Modification.PolitiqueCode, ct);
        return Conclure(resultat, nameof(Modification), "Séance modifiée.", id);
    }

    public async Task<IActionResult> OnPostSupprimerAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!Confirmation)
        {
            ModelState.AddModelError(nameof(Confirmation), "Cochez la case pour confirmer la suppression : elle ne se défait pas.");
            return Page();
        }
        var resultat = await secretariat.SupprimerSeanceAsync(id, ct);
        if (!resultat.Ok)
        {
            return Conclure(resultat, "", "", id);
        }
        TempData["Message"] = $"La séance du {Seance.Date:dd/MM/yyyy} et son ordre du jour sont supprimés.";
        return Redirect("/deliberations/gestion");
    }

    private IActionResult Conclure(Result resultat, string prefixe, string message, int id)
    {
        if (!resultat.Ok)
        {
            foreach (var (champ, texte) in resultat.Errors)
            {
                ModelState.AddModelError(champ.Length == 0 || prefixe.Length == 0 ? "" : $"{prefixe}.{champ}", texte);
            }
            return Page();
        }
        TempData["Message"] = message;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var seance = await db.Set<Seance>().AsNoTracking().Include(s => s.Assemblee).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (seance is null)
        {
            return NotFound();
        }
        if (!await portee.PeutGererAsync(User, seance.Assemblee!))
        {
            return Forbid();
        }
        Seance = seance;
        Politique = PolitiqueQuorum.Find(seance.PolitiqueCode) ?? PolitiqueQuorum.DroitCommun;
        Membres = await secretariat.MembresEnExerciceAsync(seance.AssembleeId, seance.Date, ct);
        var choix = ChoixPoint.Pour(matieres, Membres);
        ChoixMembres = choix.Membres;
        ViewData["ChoixPoint"] = choix;
        Points = await db.Set<PointOrdreDuJour>().AsNoTracking().Where(p => p.SeanceId == id).OrderBy(p => p.Rang).ToListAsync(ct);
        {
            // Every form shows what is recorded — after a refused submission too, except the form that was sent.
            var gestionnaire = Request.Query["handler"].ToString();
            if (!gestionnaire.Equals("Bureau", StringComparison.OrdinalIgnoreCase))
            {
                Bureau = new BureauInput { PresidentMandatId = Seance.PresidentMandatId, SecretaireMandatId = Seance.SecretaireMandatId };
            }
            if (!gestionnaire.Equals("Modifier", StringComparison.OrdinalIgnoreCase))
            {
                Modification = new SeanceInput { Date = Seance.Date, Lieu = Seance.Lieu, DateConvocation = Seance.DateConvocation, PolitiqueCode = Seance.PolitiqueCode };
            }
            if (!gestionnaire.Equals("Point", StringComparison.OrdinalIgnoreCase))
            {
                Point = new PointInput { Rang = (Points.Count == 0 ? 0 : Points.Max(p => p.Rang)) + 1 };
            }
        }
        return null;
    }
}
