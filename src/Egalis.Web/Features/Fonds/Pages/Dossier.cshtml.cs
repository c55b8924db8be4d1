using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds.Pages;

/// <summary>
/// A dossier as its organisation's members work on it: the CERFA form while it is a draft or « en construction »
/// (saved as they type), what is still missing with a link to each field, the submission; read-only afterwards.
/// </summary>
[Authorize(Policy = FondsModule.DeposerUnDossier)]
public class DossierModel(DossiersService dossiers, SuiviService suivi, EchangesService echanges, EgalisDbContext db, Platform.Workflows.Workflows workflows, IConfiguration configuration) : PageModel
{
    [BindProperty(Name = nameof(Input))] public DossierInput Input { get; set; } = new();

    public DossierLecture Lecture { get; private set; } = null!;
    public Dossier Dossier => Lecture.Dossier;
    public bool Modifiable => DossiersService.Modifiable(Dossier.Etat);
    public List<(string Champ, string Message)> Manques { get; private set; } = [];
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "Une adresse du projet")] public string? Adresse { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "Message à l'équipe du fonds")] public string? Texte { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "Pièce jointe (facultative, 10 Mo au plus)")] public IFormFile? PieceJointe { get; set; }
    /// <summary>The rendered form's token: sent twice, the message is recorded once.</summary>
    [BindProperty] public Guid? Jeton { get; set; }
    /// <summary>The thread with the fund's team, once the dossier is submitted.</summary>
    public List<EchangesService.Message>? Messages { get; private set; }

    /// <summary>For a granted dossier: its terms, payments and report.</summary>
    public SuiviService.Etat? Subvention { get; private set; }
    /// <summary>The terms the organisation can read: once sent (a draft of the terms is the team's).</summary>
    public bool ConventionLisible => Subvention?.Convention is { Statut: not StatutConvention.Projet };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        Input = DossierInput.Depuis(Dossier);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int id, [FromServices] Platform.Collectivite.ProfilCollectivite profil, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? File(DossierPdf.Rendre(Lecture, profil), "application/pdf", $"fonds-dossier-{id}.pdf");

    /// <summary>The convention (or notification) sent to the organisation, as a PDF.</summary>
    public async Task<IActionResult> OnGetConventionAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? (!ConventionLisible ? NotFound()
            : File(await suivi.DocumentAsync(Subvention!, ct), "application/pdf", $"fonds-{(Subvention!.Convention!.AvecConvention ? "convention" : "notification")}-{id}.pdf"));

    /// <summary>« Enregistrer le brouillon »: saves whatever is typed.</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Input));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        var resultat = await dossiers.EnregistrerAsync(id, Input.Version, Input.VersService(), User, ct);
        if (!resultat.Ok)
        {
            ModelState.AddErrors(resultat, nameof(Input));
            return Page();
        }
        TempData["Message"] = "Brouillon enregistré.";
        return Redirect($"/fonds/dossier/{id}#formulaire");
    }

    /// <summary>
    /// « Trouver la commune et le quartier de cette adresse »: the address is located (Base Adresse Nationale), its
    /// commune and priority neighbourhood are ticked, and the draft is saved with everything typed.
    /// </summary>
    public async Task<IActionResult> OnPostAdresseAsync(int id, [FromServices] Territoires.Geocodage.IGeocodeur geocodeur, [FromServices] Territoires.GeoIndex geo, CancellationToken ct)
    {
        var adresse = Platform.Text.Texts.Clean(Adresse);
        ModelState.KeepForm(nameof(Input));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        Adresse = adresse;
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        if (adresse is null || adresse.Length > 200)
        {
            ModelState.AddModelError(nameof(Adresse), adresse is null ? "Saisissez une adresse, par exemple « 12 rue de la République, Marseille »." : "L'adresse fait 200 caractères au plus.");
            return Page();
        }
        var trouvee = await geocodeur.GeocoderAsync(adresse, ct);
        var lieu = trouvee is null ? null : geo.Lookup(trouvee.Latitude, trouvee.Longitude);
        if (lieu?.Commune is null)
        {
            ModelState.AddModelError(nameof(Adresse), trouvee is null
                ? "Cette adresse n'a pas été trouvée (ou le service des adresses ne répond pas) : vérifiez-la, ou cochez la commune dans la liste."
                : $"« {trouvee.Libelle} » n'est pas dans une commune de la Métropole : cochez les communes du projet dans la liste.");
            return Page();
        }
        var ajouts = new List<string>();
        if (!Input.Communes.Contains(lieu.Commune.Code))
        {
            Input.Communes.Add(lieu.Commune.Code);
            ajouts.Add($"la commune {lieu.Commune.Nom}");
        }
        if (lieu.Qpv is { } qpv && !Input.Qpv.Contains(qpv.Code))
        {
            Input.Qpv.Add(qpv.Code);
            ajouts.Add($"le quartier prioritaire {qpv.Nom}");
        }
        var resultat = await dossiers.EnregistrerAsync(id, Input.Version, Input.VersService(), User, ct);
        if (!resultat.Ok)
        {
            ModelState.AddErrors(resultat, nameof(Input));
            return Page();
        }
        TempData["Message"] = $"Adresse trouvée : {trouvee!.Libelle}. " + (ajouts.Count == 0 ? "Sa commune et son quartier étaient déjà cochés." : $"Cochés : {string.Join(" et ", ajouts)}.") + " Brouillon enregistré.";
        return Redirect($"/fonds/dossier/{id}#Input_Communes");
    }

    /// <summary>The same save, asked by the page's script as the person types: answers in JSON.</summary>
    public async Task<IActionResult> OnPostAutoAsync(int id, CancellationToken ct)
    {
        if (await DuMembreAsync(id, ct) is null)
        {
            return NotFound();
        }
        // Errors, not IsValid: the budget's dictionary entries stay « unvalidated » without being wrong.
        if (ModelState.ErrorCount > 0)
        {
            return new JsonResult(new { message = "Brouillon non enregistré : une valeur n'est pas lisible (un nombre, une date). Corrigez-la, ou utilisez le bouton « Enregistrer le brouillon » pour voir laquelle." }) { StatusCode = 400 };
        }
        var resultat = await dossiers.EnregistrerAsync(id, Input.Version, Input.VersService(), User, ct);
        if (!resultat.Ok)
        {
            return new JsonResult(new { message = $"Brouillon non enregistré : {resultat.Error} Utilisez le bouton « Enregistrer le brouillon » pour voir chaque message près de son champ." }) { StatusCode = 409 };
        }
        var version = await db.Set<Dossier>().Where(d => d.Id == id).Select(d => d.Version).SingleAsync(ct);
        return new JsonResult(new { version, message = $"Brouillon enregistré à {Paris.Display(DateTimeOffset.UtcNow)[^5..]}." });
    }

    /// <summary>A message to the fund's team about the submitted dossier, with an optional attachment.</summary>
    public async Task<IActionResult> OnPostMessageAsync(int id, CancellationToken ct)
    {
        var (texte, piece, jeton) = (Texte, PieceJointe, Jeton);
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        Input = DossierInput.Depuis(Dossier);
        var resultat = await echanges.EcrireAsync(id, false, texte, piece, jeton, User, Hosting.LinkBase(configuration, Request), ct);
        if (!resultat.Ok)
        {
            Texte = texte;
            ModelState.AddErrors(resultat, "");
            return Page();
        }
        TempData["Message"] = "Message envoyé à l'équipe du fonds.";
        return Redirect($"/fonds/dossier/{id}#messages");
    }

    /// <summary>Submits (or sends the correction asked for): refused with the list of what is missing.</summary>
    public async Task<IActionResult> OnPostDeposerAsync(int id, int version, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        Input = DossierInput.Depuis(Dossier);
        var resultat = await dossiers.DeposerAsync(id, version, User, Hosting.LinkBase(configuration, Request), ct);
        if (!resultat.Ok)
        {
            if (Manques.Count > 0)
            {
                ModelState.AddModelError("Manques", "Le dossier n'est pas déposé : complétez ce qui manque, listé en bas de la page.");
            }
            else
            {
                ModelState.AddErrors(resultat, "");
            }
            return Page();
        }
        TempData["Message"] = Dossier.Etat == EtatDossier.EnConstruction
            ? "Correction envoyée : le dossier va être de nouveau examiné. Un courriel le confirme aux membres de l'organisation."
            : "Dossier déposé. Un courriel le confirme aux membres de l'organisation. Il reste modifiable tant qu'il n'est pas en instruction.";
        return Redirect($"/fonds/dossier/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await DuMembreAsync(id, ct) is not { } dossier)
        {
            return NotFound();
        }
        Lecture = await DossierLecture.LoadAsync(db, workflows, dossier, ct);
        if (Modifiable)
        {
            Manques = await dossiers.ManquesAsync(dossier, ct);
        }
        if (dossier.Etat == EtatDossier.Accepte)
        {
            Subvention = await suivi.EtatAsync(id, ct);
        }
        if (dossier.Etat != EtatDossier.Brouillon)
        {
            Messages = await echanges.MessagesAsync(id, ct);
        }
        return null;
    }

    /// <summary>The dossier if the person is a member of its organisation: anyone else finds nothing here (instructors have their own page).</summary>
    private async Task<Dossier?> DuMembreAsync(int id, CancellationToken ct) =>
        await dossiers.LisibleAsync(id, User, ct) is { } dossier
        && (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, dossier, new Platform.Identity.OnRecordRequirement(FondsModule.DeposerUnDossier))).Succeeded
            ? dossier : null;

    /// <summary>Where a missing item's link leads: the field, or the organisation's page.</summary>
    public string Ancre((string Champ, string Message) manque) => manque.Champ switch
    {
        "Organisation" => $"/fonds/organisation/{Dossier.OrganisationId}",
        var champ when champ.StartsWith("CompteRendu:", StringComparison.Ordinal) => $"/fonds/dossier/{champ["CompteRendu:".Length..]}/compte-rendu",
        "" => "#etat",
        "Budget" => "#budget",
        var champ when champ.StartsWith("Budget[", StringComparison.Ordinal) => "#budget",
        var champ => $"#Input_{champ}",
    };
}
