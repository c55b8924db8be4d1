using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Text;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations.Pages;

[Authorize(Policy = DeliberationsModule.TenirLeSecretariat)]
[RequestSizeLimit(1_100_000)]
public class AssembleeModel(PorteeSecretariat portee, EgalisDbContext db, SecretariatService secretariat) : PageModel
{
    public sealed class MembreInput
    {
        [Display(Name = "Nom")]
        [Required(ErrorMessage = "Indiquez le nom du membre.")]
        public string Nom { get; set; } = "";

        [Display(Name = "Début du mandat")]
        [Required(ErrorMessage = "Indiquez le début du mandat.")]
        public DateOnly? Debut { get; set; }

        [Display(Name = "Fin du mandat")]
        public DateOnly? Fin { get; set; }
    }

    [BindProperty(Name = nameof(Input))] public MembreInput Input { get; set; } = new();
    public Assemblee Assemblee { get; private set; } = null!;
    public List<Mandat> Mandats { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Input));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var resultat = await secretariat.AjouterMembreAsync(id, Input.Nom, Input.Debut!.Value, Input.Fin, ct);
        if (!resultat.Ok)
        {
            foreach (var (champ, message) in resultat.Errors)
            {
                ModelState.AddModelError($"Input.{champ}", message);
            }
            return Page();
        }
        TempData["Message"] = $"Mandat de {Input.Nom.Trim()} ajouté à l'assemblée.";
        return RedirectToPage(new { id });
    }

    /// <summary>Corrects a term's start or end (a member who leaves: set the end).</summary>
    public async Task<IActionResult> OnPostMandatAsync(int id, int mandat, DateOnly? debut, DateOnly? fin, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        MandatEnErreur = mandat;
        if (debut is null)
        {
            ModelState.AddModelError($"mandat-{mandat}", "Indiquez la date de début du mandat.");
            return Page();
        }
        var resultat = await secretariat.ModifierMandatAsync(id, mandat, debut.Value, fin, ct);
        if (!resultat.Ok)
        {
            foreach (var (_, message) in resultat.Errors)
            {
                ModelState.AddModelError($"mandat-{mandat}", message);
            }
            return Page();
        }
        var nom = Mandats.FirstOrDefault(m => m.Id == mandat)?.Elu!.Nom;
        TempData["Message"] = fin is null ? $"Mandat {French.De(nom ?? "")} modifié : en cours depuis le {debut:dd/MM/yyyy}." : $"Mandat {French.De(nom ?? "")} modifié : du {debut:dd/MM/yyyy} au {fin:dd/MM/yyyy}.";
        return RedirectToPage(new { id });
    }

    public const int TailleFichier = 200_000;

    [BindProperty] public IFormFile? Fichier { get; set; }
    /// <summary>The checked file, carried to the confirmation; checked again before anything is written.</summary>
    [BindProperty] public string? Contenu { get; set; }
    public SecretariatService.AnalyseMembres? Analyse { get; private set; }

    public async Task<IActionResult> OnPostVerifierMembresAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (Fichier is null || Fichier.Length == 0)
        {
            ModelState.AddModelError(nameof(Fichier), "Choisissez un fichier CSV.");
            return Page();
        }
        if (Fichier.Length > TailleFichier)
        {
            ModelState.AddModelError(nameof(Fichier), "Le fichier dépasse 200 Ko : découpez-le en plusieurs fichiers.");
            return Page();
        }
        using var memoire = new MemoryStream();
        await Fichier.CopyToAsync(memoire, ct);
        var texte = Platform.Exports.Spreadsheet.Decode(memoire.ToArray());
        Analyse = await secretariat.AnalyserMembresAsync(id, texte, ct);
        Contenu = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(texte));
        return Page();
    }

    public async Task<IActionResult> OnPostImporterMembresAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        string texte;
        try
        {
            texte = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Contenu ?? ""));
        }
        catch (FormatException)
        {
            ModelState.AddModelError(nameof(Fichier), "Le fichier vérifié n'a pas été transmis : choisissez-le de nouveau.");
            return Page();
        }
        if (texte.Length > TailleFichier)
        {
            ModelState.AddModelError(nameof(Fichier), "Le fichier dépasse 200 Ko : découpez-le en plusieurs fichiers.");
            return Page();
        }
        Analyse = await secretariat.ImporterMembresAsync(id, texte, ct);
        if (!Analyse.Applicable)
        {
            // Something changed since the preview: the new result is shown, nothing was written.
            Contenu = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(texte));
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Message"] = $"Import terminé : {French.Nombre(Analyse.Membres.Count, "mandat enregistré", "mandats enregistrés")}, dont {French.Nombre(Analyse.Membres.Count(m => m.NouveauMembre), "nouveau membre", "nouveaux membres")}.";
        return RedirectToPage(new { id });
    }

    /// <summary>The term whose correction was refused: its row shows the message and keeps the dates typed.</summary>
    public int? MandatEnErreur { get; private set; }

    /// <summary>Loads the assembly; a 404 or a refusal when it is missing or out of the user's scope.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var assemblee = await db.Set<Assemblee>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assemblee is null)
        {
            return NotFound();
        }
        if (!await portee.PeutGererAsync(User, assemblee))
        {
            return Forbid();
        }
        Assemblee = assemblee;
        Mandats = await db.Set<Mandat>().AsNoTracking().Include(m => m.Elu).Where(m => m.AssembleeId == id).OrderBy(m => m.Elu!.Nom).ThenBy(m => m.Debut).ToListAsync(ct);
        return null;
    }
}
