using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds.Pages.Instruction;

/// <summary>A submitted dossier as the instructors review it, with the steps they may take (and the administrators' reopening).</summary>
[Authorize(Policy = FondsModule.InstruireLesDossiers)]
public class DossierModel(DossiersService dossiers, ComiteService comites, EchangesService echanges, AvisService avisService, EgalisDbContext db, Platform.Workflows.Workflows workflows, IAuthorizationService autorisation, IConfiguration configuration) : PageModel
{
    [BindProperty] public string? Motif { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "Pour refuser ou classer sans suite : je confirme, la décision est envoyée au porteur et seul un administrateur peut la rouvrir")]
    public bool Confirmation { get; set; }
    /// <summary>This instructor's scores, by criterion id.</summary>
    [BindProperty(Name = "Notes")] public Dictionary<int, int?> MesNotes { get; set; } = [];

    public List<CritereNotation> Grille { get; private set; } = [];
    public Fonds.Notes.Synthese Synthese { get; private set; } = null!;
    public bool PeutNoter => Dossier.Etat == EtatDossier.EnInstruction;

    public DossierLecture Lecture { get; private set; } = null!;
    public Dossier Dossier => Lecture.Dossier;
    public List<Platform.Workflows.Transition<EtatDossier>> Etapes { get; private set; } = [];
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "Message au porteur")] public string? Texte { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "Pièce jointe (facultative, 10 Mo au plus)")] public IFormFile? PieceJointe { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "Annotation privée")] public string? Annotation { get; set; }
    /// <summary>The rendered form's token (message, annotation, opinion): sent twice, it is recorded once.</summary>
    [BindProperty] public Guid? Jeton { get; set; }

    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "Adresse électronique de l'expert")] public string? AvisEmail { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "Question posée")] public string? AvisQuestion { get; set; }
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "Avis confidentiel (lu seulement par vous et l'équipe du fonds)")] public bool AvisConfidentiel { get; set; }
    /// <summary>The opinions asked on the dossier, each with whether this person reads its answer.</summary>
    public List<(AvisExpert Avis, bool Lisible)> Avis { get; private set; } = [];

    public List<EchangesService.Message> Messages { get; private set; } = [];
    public List<AnnotationDossier> Annotations { get; private set; } = [];
    public List<string> Etiquettes { get; private set; } = [];
    public bool SuiviParMoi => Dossier.SuiviParId == OrganisationsService.Id(User);

    /// <summary>The organisation's record with the fund: its other dossiers, what it was granted each year, its overdue reports.</summary>
    public DossiersService.HistoriqueOrganisation Organisation { get; private set; } = null!;
    /// <summary>The fund's team follows a grant (terms, payments, report) from here.</summary>
    public bool SuiviAccessible { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnGetPdfAsync(int id, [FromServices] Platform.Collectivite.ProfilCollectivite profil, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? File(DossierPdf.Rendre(Lecture, profil), "application/pdf", $"fonds-dossier-{id}.pdf");

    public async Task<IActionResult> OnPostEtapeAsync(int id, string vers, int version, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        if (!Enum.TryParse<EtatDossier>(vers, ignoreCase: false, out var etat) || !Enum.IsDefined(etat) || int.TryParse(vers, out _))
        {
            ModelState.AddModelError("", "Cette étape n'existe pas : choisissez l'un des boutons de la page.");
            return Page();
        }
        // A final step is confirmed: one reason box serves the correction request and the decisions.
        if (etat is EtatDossier.Refuse or EtatDossier.SansSuite && !Confirmation)
        {
            ModelState.AddModelError(nameof(Confirmation), "Cochez la case pour confirmer : un refus ou un classement sans suite est envoyé au porteur, et seul un administrateur peut le rouvrir.");
            return Page();
        }
        var resultat = await dossiers.InstruireAsync(id, version, etat, Motif, User, Hosting.LinkBase(configuration, Request), ct);
        if (!resultat.Ok)
        {
            foreach (var (champ, message) in resultat.Errors)
            {
                ModelState.AddModelError(champ == "Motif" ? "Motif" : "", message);
            }
            return Page();
        }
        TempData["Message"] = $"Le dossier est maintenant {DossiersService.Libelle(etat)}. Les membres de l'organisation en sont informés par courriel.";
        return Redirect($"/fonds/instruction/dossier/{id}");
    }

    public async Task<IActionResult> OnPostNoterAsync(int id, CancellationToken ct)
    {
        var saisies = MesNotes;
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var resultat = await comites.NoterAsync(id, saisies, User, ct);
        if (!resultat.Ok)
        {
            MesNotes = saisies;
            foreach (var (champ, message) in resultat.Errors)
            {
                ModelState.AddModelError(champ, message);
            }
            return Page();
        }
        TempData["Message"] = "Vos notes sont enregistrées.";
        return Redirect($"/fonds/instruction/dossier/{id}#notation");
    }

    /// <summary>A message to the applicant organisation, with an optional attachment: its members are e-mailed.</summary>
    public async Task<IActionResult> OnPostMessageAsync(int id, CancellationToken ct)
    {
        var (texte, piece, jeton) = (Texte, PieceJointe, Jeton);
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var resultat = await echanges.EcrireAsync(id, true, texte, piece, jeton, User, Hosting.LinkBase(configuration, Request), ct);
        if (!resultat.Ok)
        {
            Texte = texte;
            ModelState.AddErrors(resultat, "");
            return Page();
        }
        TempData["Message"] = "Message envoyé : les membres de l'organisation en sont informés par courriel.";
        return Redirect($"/fonds/instruction/dossier/{id}#messages");
    }

    /// <summary>Asks an expert's opinion: they are e-mailed a link to the dossier and the question.</summary>
    public async Task<IActionResult> OnPostAvisAsync(int id, CancellationToken ct)
    {
        var (email, question, confidentiel, jeton) = (AvisEmail, AvisQuestion, AvisConfidentiel, Jeton);
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var resultat = await avisService.DemanderAsync(id, email, question, confidentiel, jeton, User, Hosting.LinkBase(configuration, Request), ct);
        if (!resultat.Ok)
        {
            (AvisEmail, AvisQuestion, AvisConfidentiel) = (email, question, confidentiel);
            ModelState.AddErrors(resultat, "");
            return Page();
        }
        TempData["Message"] = $"L'avis est demandé : {Platform.Text.Texts.Clean(email)} reçoit la question et le lien vers le dossier.";
        return Redirect($"/fonds/instruction/dossier/{id}#avis");
    }

    public Task<IActionResult> OnPostAvisRelancerAsync(int id, int avis, CancellationToken ct) => RelancerOuRevoquerAsync(id, avis, false, ct);

    public Task<IActionResult> OnPostAvisRevoquerAsync(int id, int avis, CancellationToken ct) => RelancerOuRevoquerAsync(id, avis, true, ct);

    private async Task<IActionResult> RelancerOuRevoquerAsync(int id, int avis, bool revoquer, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var resultat = await avisService.RelancerOuRevoquerAsync(id, avis, revoquer, User, Hosting.LinkBase(configuration, Request), ct);
        if (!resultat.Ok)
        {
            ModelState.AddErrors(resultat, "");
            return Page();
        }
        TempData["Message"] = revoquer ? "La demande d'avis est révoquée : son lien ne mène plus au dossier." : "L'expert est relancé par courriel.";
        return Redirect($"/fonds/instruction/dossier/{id}#avis");
    }

    /// <summary>A private note: only instructors read it.</summary>
    public async Task<IActionResult> OnPostAnnoterAsync(int id, CancellationToken ct)
    {
        var (texte, jeton) = (Annotation, Jeton);
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var resultat = await echanges.AnnoterAsync(id, texte, jeton, User, ct);
        if (!resultat.Ok)
        {
            Annotation = texte;
            ModelState.AddErrors(resultat, "");
            return Page();
        }
        TempData["Message"] = "Annotation enregistrée.";
        return Redirect($"/fonds/instruction/dossier/{id}#annotations");
    }

    /// <summary>Follows the dossier (it shows in « à moi »), or stops following it.</summary>
    public async Task<IActionResult> OnPostSuivreAsync(int id, bool suivre, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var (_, erreurs) = await echanges.AppliquerAsync([id], suivre ? EchangesService.ActionGroupee.Suivre : EchangesService.ActionGroupee.NePlusSuivre, null, User, dossiers, "", ct);
        TempData["Message"] = erreurs.Count > 0 ? string.Join(" ", erreurs) : suivre ? "Vous suivez ce dossier : il figure dans vos dossiers « à moi »." : "Vous ne suivez plus ce dossier.";
        return Redirect($"/fonds/instruction/dossier/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var dossier = await dossiers.LisibleAsync(id, User, ct);
        if (dossier is null || dossier.Etat == EtatDossier.Brouillon
            || !(await autorisation.AuthorizeAsync(User, dossier, new Platform.Identity.OnRecordRequirement(FondsModule.InstruireLesDossiers))).Succeeded)
        {
            return NotFound();
        }
        Lecture = await DossierLecture.LoadAsync(db, workflows, dossier, ct);
        Grille = await db.Set<CritereNotation>().AsNoTracking().Where(c => c.AppelId == dossier.AppelId).OrderBy(c => c.Rang).ToListAsync(ct);
        Synthese = await comites.SyntheseAsync(dossier, ct);
        MesNotes = (await comites.MesNotesAsync(id, User, ct)).ToDictionary(n => n.Key, n => (int?)n.Value);
        Organisation = await dossiers.HistoriqueAsync(dossier, HttpContext.RequestServices.GetRequiredService<Platform.Identity.CapabilityCatalog>().ScopeOf(User, FondsModule.InstruireLesDossiers), ct);
        Messages = await echanges.MessagesAsync(id, ct);
        Avis = await avisService.DuDossierAsync(id, User, ct);
        Annotations = await echanges.AnnotationsAsync(id, ct);
        Etiquettes = await echanges.EtiquettesDuDossierAsync(id, ct);
        SuiviAccessible = dossier.Etat == EtatDossier.Accepte && (await autorisation.AuthorizeAsync(User, FondsModule.GererLeFonds)).Succeeded;
        var terminal = dossier.Etat is EtatDossier.Accepte or EtatDossier.Refuse or EtatDossier.SansSuite;
        var workflow = terminal ? DossiersService.Reouverture : DossiersService.Instruction;
        Etapes = (await autorisation.AuthorizeAsync(User, dossier, new Platform.Identity.OnRecordRequirement(workflow.Capability))).Succeeded
            ? workflow.From(dossier.Etat).ToList() : [];
        return null;
    }
}
