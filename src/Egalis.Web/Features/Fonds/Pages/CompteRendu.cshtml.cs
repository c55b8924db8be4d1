using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds.Pages;

/// <summary>
/// The financial report of a granted project (CERFA 15059), as its organisation's members write it: saved as a draft
/// by any member, certified and submitted by the legal representative; read-only once submitted.
/// </summary>
[Authorize(Policy = FondsModule.DeposerUnDossier)]
public class CompteRenduModel(SuiviService suivi, DossiersService dossiers, EgalisDbContext db, IConfiguration configuration, TimeProvider time) : PageModel
{
    public sealed class Saisie
    {
        public int Version { get; set; }
        [Display(Name = "Actions réalisées")] public string? Realisation { get; set; }
        [Display(Name = "Nombre de personnes touchées")] public int? PersonnesTouchees { get; set; }
        [Display(Name = "Résultats au regard des indicateurs d'évaluation")] public string? ResultatsEvaluation { get; set; }
        [Display(Name = "Subvention de la Métropole utilisée (€)")] public decimal? SubventionRealisee { get; set; }
        public Dictionary<string, decimal?> Realise { get; set; } = [];
        [Display(Name = "Explication des écarts entre le prévu et le réalisé")] public string? ExplicationEcarts { get; set; }
        [Display(Name = "Observations")] public string? Observations { get; set; }
    }

    [BindProperty(Name = nameof(Input))] public Saisie Input { get; set; } = new();
    [BindProperty, Display(Name = "Je certifie, en tant que représentant légal, l'exactitude des informations de ce compte rendu et que la subvention a été employée au projet")]
    public bool Certification { get; set; }

    public SuiviService.Etat Etat { get; private set; } = null!;
    public bool Depose => Etat.CompteRenduDepose;
    public bool EstRepresentant { get; private set; }
    public List<(string Champ, string Message)> Manques { get; private set; } = [];
    public DateOnly Aujourdhui => Paris.Today(time);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        Input = Depuis(Etat.CompteRendu);
        return Page();
    }

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
        var resultat = await suivi.EnregistrerCompteRenduAsync(id, Input.Version, VersService(), User, ct);
        if (!resultat.Ok)
        {
            ModelState.AddErrors(resultat, nameof(Input));
            return Page();
        }
        TempData["Message"] = "Compte rendu enregistré.";
        return Redirect($"/fonds/dossier/{id}/compte-rendu");
    }

    /// <summary>
    /// « Certifier et déposer », from the same form: what is typed is saved first (nothing typed is lost), then the
    /// report is certified and submitted, or the page says what is still missing.
    /// </summary>
    public async Task<IActionResult> OnPostDeposerAsync(int id, CancellationToken ct)
    {
        var certification = Certification;
        ModelState.KeepForm(nameof(Input));
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        Certification = certification;
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        var enregistre = await suivi.EnregistrerCompteRenduAsync(id, Input.Version, VersService(), User, ct);
        if (!enregistre.Ok)
        {
            ModelState.AddErrors(enregistre, nameof(Input));
            return Page();
        }
        var version = await db.Set<CompteRenduFinancier>().Where(c => c.DossierId == id).Select(c => c.Version).SingleAsync(ct);
        var resultat = await suivi.DeposerCompteRenduAsync(id, version, certification, User, Hosting.LinkBase(configuration, Request), ct);
        if (!resultat.Ok)
        {
            // The report is saved as typed; the page shows what the deposit still needs.
            await LoadAsync(id, ct);
            Input.Version = version;
            foreach (var (champ, message) in resultat.Errors)
            {
                ModelState.AddModelError(champ == nameof(Certification) ? champ : champ == "" ? "" : $"{nameof(Input)}.{champ}", message);
            }
            return Page();
        }
        TempData["Message"] = "Compte rendu déposé. Un courriel le confirme aux membres de l'organisation.";
        return Redirect($"/fonds/dossier/{id}/compte-rendu");
    }

    private SuiviService.SaisieCompteRendu VersService() => new(Input.Realisation, Input.PersonnesTouchees, Input.ResultatsEvaluation, Input.ExplicationEcarts,
        Input.Observations, Input.SubventionRealisee, Input.Realise);

    private static Saisie Depuis(CompteRenduFinancier? c) => c is null ? new() : new()
    {
        Version = c.Version, Realisation = c.Realisation, PersonnesTouchees = c.PersonnesTouchees, ResultatsEvaluation = c.ResultatsEvaluation,
        SubventionRealisee = c.SubventionRealisee, Realise = c.Lignes.ToDictionary(l => l.Code, l => (decimal?)l.Realise),
        ExplicationEcarts = c.ExplicationEcarts, Observations = c.Observations,
    };

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        // The members of the dossier's organisation only; anyone else finds nothing here.
        if (await dossiers.LisibleAsync(id, User, ct) is not { } dossier
            || !(await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, dossier, new Platform.Identity.OnRecordRequirement(FondsModule.DeposerUnDossier))).Succeeded
            || await suivi.EtatAsync(id, ct) is not { } etat)
        {
            return NotFound();
        }
        Etat = etat;
        var utilisateur = OrganisationsService.Id(User);
        EstRepresentant = await db.Set<MembreOrganisation>().AnyAsync(m => m.OrganisationId == dossier.OrganisationId && m.UtilisateurId == utilisateur && m.RepresentantLegal, ct);
        if (!Depose)
        {
            Manques = SuiviService.Manques(etat);
        }
        return null;
    }
}
