using Egalis.Web.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Fonds.Pages;

/// <summary>The invitation link: the invited person, signed in with the invited address, joins the organisation.</summary>
[Authorize(Policy = FondsModule.DeposerUnDossier)]
public class RejoindreModel(OrganisationsService organisations) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Jeton { get; set; }

    public string? Organisation { get; private set; }
    public string? Email { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await organisations.InvitationAsync(Jeton, ct) is var (invitation, organisation))
        {
            (Organisation, Email) = (organisation.Nom, invitation.Email);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var resultat = await organisations.RejoindreAsync(Jeton, User, ct);
        if (!resultat.Ok)
        {
            ModelState.AddErrors(resultat, "");
            await OnGetAsync(ct);
            return Page();
        }
        TempData["Message"] = "Vous êtes membre de l'organisation.";
        return Redirect($"/fonds/organisation/{resultat.Id}");
    }
}
