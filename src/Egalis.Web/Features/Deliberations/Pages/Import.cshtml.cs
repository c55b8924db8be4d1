using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Deliberations.Pages;

[Authorize(Policy = DeliberationsModule.TenirLeSecretariat)]
public class ImportModel(PorteeSecretariat portee, EgalisDbContext db, SecretariatService secretariat, MatieresActes matieres) : PageModel
{
    [BindProperty, Display(Name = "Assemblée")]
    [Required(ErrorMessage = "Choisissez l'assemblée.")]
    public int? AssembleeId { get; set; }

    [BindProperty, Display(Name = "Matière (classification ACTES)")]
    public string MatiereCode { get; set; } = "8.5";

    [BindProperty, Display(Name = "Texte de la délibération")]
    [Required(ErrorMessage = "Collez le texte de la délibération.")]
    [StringLength(200_000, ErrorMessage = "Le texte dépasse 200 000 caractères.")]
    public string Texte { get; set; } = "";

    public LecteurDeliberation.Lecture? Lecture { get; private set; }
    public List<string> Erreurs { get; private set; } = [];
    public List<SelectListItem> Assemblees { get; private set; } = [];
    public List<SelectListItem> Matieres => matieres.Niveau2.Select(m => new SelectListItem($"{m.Code} {m.Libelle}", m.Code)).ToList();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostLireAsync(CancellationToken ct)
    {
        var assemblee = await PreparerAsync(ct);
        if (assemblee is not null)
        {
            Erreurs = await secretariat.VerifierImportAsync(Lecture!, assemblee, MatiereCode, matieres, ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostEnregistrerAsync(CancellationToken ct)
    {
        var assemblee = await PreparerAsync(ct);
        if (assemblee is null)
        {
            return Page();
        }
        var resultat = await secretariat.ImporterAsync(Lecture!, assemblee, MatiereCode, matieres, ct);
        if (!resultat.Ok)
        {
            Erreurs = resultat.Errors.Select(e => e.Message).ToList();
            return Page();
        }
        TempData["Message"] = "Délibération enregistrée au registre.";
        return Redirect($"/deliberations/point/{resultat.Id}");
    }

    /// <summary>Reads the text again on every post: what is saved is what was just checked.</summary>
    private async Task<Assemblee?> PreparerAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return null;
        }
        var assemblee = await db.Set<Assemblee>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == AssembleeId, ct);
        if (assemblee is null || !await portee.PeutGererAsync(User, assemblee))
        {
            ModelState.AddModelError(nameof(AssembleeId), "Choisissez une assemblée dont vous tenez le secrétariat.");
            return null;
        }
        Lecture = LecteurDeliberation.Lire(Texte);
        return assemblee;
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Assemblees = await portee.Gerables(db.Set<Assemblee>().AsNoTracking(), User).OrderBy(a => a.Type).ThenBy(a => a.Code)
            .Select(a => new SelectListItem(a.Nom, a.Id.ToString(CultureInfo.InvariantCulture))).ToListAsync(ct);
}
