using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds.Pages;

/// <summary>Starting a dossier on a call: for which of one's organisations (a draft is created, then filled in).</summary>
[Authorize(Policy = FondsModule.DeposerUnDossier)]
public class DepotModel(DossiersService dossiers, OrganisationsService organisations, EgalisDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Appel { get; set; }

    [BindProperty, Display(Name = "Organisation")] public int? OrganisationId { get; set; }

    public AppelAProjets? AppelAProjets { get; private set; }
    public List<SelectListItem> Organisations { get; private set; } = [];
    public List<(int Id, string Intitule, string Organisation, EtatDossier Etat)> Existants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refus)
        {
            return refus;
        }
        var resultat = await dossiers.CreerAsync(Appel, OrganisationId ?? 0, User, ct);
        if (!resultat.Ok)
        {
            ModelState.AddErrors(resultat, "");
            return Page();
        }
        TempData["Message"] = "Brouillon créé : remplissez-le à votre rythme, il s'enregistre au fil de la saisie.";
        return Redirect($"/fonds/dossier/{resultat.Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        AppelAProjets = await db.Set<AppelAProjets>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == Appel && (a.Statut == StatutAppel.Publie || a.Statut == StatutAppel.Clos), ct);
        if (AppelAProjets is null)
        {
            return NotFound();
        }
        var miennes = await organisations.MesOrganisationsAsync(User, ct);
        Organisations = miennes.Select(o => new SelectListItem(o.Nom, o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var ids = miennes.Select(o => o.Id).ToList();
        Existants = (await db.Set<Dossier>().AsNoTracking().Where(d => d.AppelId == Appel && ids.Contains(d.OrganisationId))
                .Select(d => new { d.Id, d.Intitule, d.OrganisationId, d.Etat }).ToListAsync(ct))
            .Select(d => (d.Id, d.Intitule ?? $"Dossier n° {d.Id}", miennes.Single(o => o.Id == d.OrganisationId).Nom, d.Etat)).ToList();
        return null;
    }
}
