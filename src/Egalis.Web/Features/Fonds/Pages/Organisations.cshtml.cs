using System.Globalization;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds.Pages;

/// <summary>« Mes organisations »: the associations and communes a person acts for, and the form to add one.</summary>
[Authorize(Policy = FondsModule.DeposerUnDossier)]
public class OrganisationsModel(OrganisationsService organisations, EgalisDbContext db) : PageModel
{
    [BindProperty(Name = nameof(Input))] public OrganisationInput Input { get; set; } = new();

    public List<Organisation> Miennes { get; private set; } = [];
    public List<SelectListItem> Communes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.KeepForm(nameof(Input));
        if (ModelState.IsValid)
        {
            var resultat = await organisations.CreerAsync(Input.VersService(), User, ct);
            if (resultat.Ok)
            {
                TempData["Message"] = "Organisation enregistrée : vous en êtes l'administrateur. Ajoutez ses pièces, désignez son représentant légal, invitez les autres membres.";
                return Redirect($"/fonds/organisation/{resultat.Id}");
            }
            ModelState.AddErrors(resultat, nameof(Input));
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Miennes = await organisations.MesOrganisationsAsync(User, ct);
        Communes = await CommunesAsync(db, ct);
    }

    public static async Task<List<SelectListItem>> CommunesAsync(EgalisDbContext db, CancellationToken ct) =>
        (await db.Set<Territoires.Commune>().AsNoTracking().OrderBy(c => c.Nom).Select(c => new { c.CodeInsee, c.Nom }).ToListAsync(ct))
        .Select(c => new SelectListItem(c.Nom, c.CodeInsee)).ToList();
}
