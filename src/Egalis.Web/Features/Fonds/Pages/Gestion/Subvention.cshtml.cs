using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Fonds.Pages.Gestion;

/// <summary>
/// What follows a grant, for the fund's team: the terms (with or without a convention, the schedule), the convention
/// previewed, sent and recorded as signed, each payment made on the grant's commitment, and the financial report.
/// </summary>
[Authorize(Policy = FondsModule.GererLeFonds)]
public class SubventionModel(SuiviService suivi, EgalisDbContext db, IConfiguration configuration, TimeProvider time) : PageModel
{
    [BindProperty, Display(Name = "Avec une convention")] public bool AvecConvention { get; set; }
    [BindProperty, Display(Name = "Versement")] public string? Modalite { get; set; }
    [BindProperty, Display(Name = "Part versée à la signature ou à la notification (%)")] public int? PremierePart { get; set; }
    [BindProperty, Display(Name = "Date de signature")] public DateOnly? SigneeLe { get; set; }
    [BindProperty, Display(Name = "Convention signée (PDF, 10 Mo au plus)")] public IFormFile? Copie { get; set; }
    [BindProperty, Display(Name = "J'ai vérifié le SIRET de l'organisation, son représentant légal, et que le RIB copié au dépôt est à son nom")]
    public bool Verification { get; set; }
    [BindProperty(Name = "Date")] public Dictionary<int, DateOnly?> Dates { get; set; } = [];
    [BindProperty(Name = "Reference")] public Dictionary<int, string?> References { get; set; } = [];

    public SuiviService.Etat Etat { get; private set; } = null!;
    public string? Representant { get; private set; }
    public decimal Seuil => Conventions.Seuil(configuration);
    public DateOnly Aujourdhui => Paris.Today(time);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        AvecConvention = Etat.Convention?.AvecConvention ?? Etat.ConventionRequise;
        Modalite = Etat.Convention?.PremierePart is null ? "unique" : "tranches";
        PremierePart = Etat.Convention?.PremierePart ?? 80;
        return Page();
    }

    /// <summary>The convention (or notification) as a PDF: marked « projet » until it is sent.</summary>
    public async Task<IActionResult> OnGetConventionAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? (Etat.Convention is null ? NotFound()
            : File(await suivi.DocumentAsync(Etat, ct), "application/pdf", $"fonds-{(Etat.Convention.AvecConvention ? "convention" : "notification")}-{id}.pdf"));

    public async Task<IActionResult> OnPostPreparerAsync(int id, int version, CancellationToken ct)
    {
        var (avec, modalite, part) = (AvecConvention, Modalite, PremierePart);
        var illisible = ModelState.TryGetValue(nameof(PremierePart), out var saisie) && saisie.Errors.Count > 0 ? saisie.AttemptedValue : null;
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        (AvecConvention, Modalite, PremierePart) = (avec, modalite, part);
        if (illisible is not null)
        {
            // The value typed stays in the field, with why it is refused.
            ModelState.SetModelValue(nameof(PremierePart), illisible, illisible);
            ModelState.AddModelError(nameof(PremierePart), "La part versée à la signature est un nombre entier de 1 à 99, sans le signe %.");
            return Page();
        }
        if (modalite is not ("unique" or "tranches"))
        {
            ModelState.AddModelError(nameof(Modalite), "Choisissez un versement en une fois ou en deux fois.");
            return Page();
        }
        var resultat = await suivi.PreparerAsync(id, version, avec, modalite == "tranches" ? part ?? 0 : null, ct);
        return await ApresAsync(id, resultat, "Les conditions sont enregistrées. Relisez le document, puis envoyez-le.", ct);
    }

    public async Task<IActionResult> OnPostEnvoyerAsync(int id, int version, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        var resultat = await suivi.EnvoyerAsync(id, version, User, Hosting.LinkBase(configuration, Request), ct);
        return await ApresAsync(id, resultat, Etat.ConventionRequise || Etat.Convention?.AvecConvention == true || Etat.Convention?.Statut == StatutConvention.Notifiee
            ? "La convention est envoyée : les membres de l'organisation la trouvent dans leur dossier et en sont informés par courriel."
            : "Les conditions sont notifiées aux membres de l'organisation par courriel : le premier versement peut être fait.", ct);
    }

    public async Task<IActionResult> OnPostSignerAsync(int id, int version, CancellationToken ct)
    {
        var (signee, copie) = (SigneeLe, Copie);
        var illisible = ModelState.TryGetValue(nameof(SigneeLe), out var e) && e.Errors.Count > 0;
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        SigneeLe = signee;
        if (illisible)
        {
            ModelState.AddModelError(nameof(SigneeLe), "La date de signature n'est pas une date : saisissez-la au format jj/mm/aaaa.");
            return Page();
        }
        var resultat = await suivi.SignerAsync(id, version, signee, copie, User, ct);
        return await ApresAsync(id, resultat, "La signature de la convention est enregistrée, avec sa copie signée.", ct);
    }

    public async Task<IActionResult> OnPostVerifierAsync(int id, CancellationToken ct)
    {
        var confirme = Verification;
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        return await ApresAsync(id, await suivi.VerifierAsync(id, confirme, User, ct), "La vérification de l'organisation est enregistrée.", ct);
    }

    public async Task<IActionResult> OnPostVerserAsync(int id, int versement, CancellationToken ct)
    {
        var (dates, references) = (Dates, References);
        var illisible = ModelState.Any(m => m.Key.StartsWith("Date[", StringComparison.Ordinal) && m.Value?.Errors.Count > 0);
        ModelState.Clear();
        if (await LoadAsync(id, ct) is { } refus)
        {
            return refus;
        }
        (Dates, References) = (dates, references);
        if (illisible)
        {
            ModelState.AddModelError($"Date[{versement}]", "La date du mandatement n'est pas une date : saisissez-la au format jj/mm/aaaa.");
            return Page();
        }
        var resultat = await suivi.VerserAsync(id, versement, dates.GetValueOrDefault(versement), references.GetValueOrDefault(versement), User, Hosting.LinkBase(configuration, Request), ct);
        return await ApresAsync(id, resultat, "Le versement est mandaté sur l'engagement de la subvention. Les membres de l'organisation en sont informés.", ct);
    }

    private async Task<IActionResult> ApresAsync(int id, Result resultat, string message, CancellationToken ct)
    {
        if (!resultat.Ok)
        {
            foreach (var (champ, texte) in resultat.Errors)
            {
                ModelState.AddModelError(champ, texte);
            }
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Message"] = message;
        return Redirect($"/fonds/gestion/subvention/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await suivi.EtatAsync(id, ct) is not { } etat)
        {
            return NotFound();
        }
        Etat = etat;
        Representant = await OrganisationsService.RepresentantAsync(db, etat.Dossier.OrganisationId, ct);
        return null;
    }
}
