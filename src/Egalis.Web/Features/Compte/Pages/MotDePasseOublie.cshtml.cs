using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Egalis.Web.Features.Compte.Pages;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicPost)]
public class MotDePasseOublieModel(UserManager<Utilisateur> users, LienMotDePasse liens) : PageModel
{
    [BindProperty]
    [Display(Name = "Adresse électronique")]
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Indiquez une adresse électronique valide, par exemple prenom.nom@exemple.fr.")]
    public string Email { get; set; } = "";

    public bool Envoye { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null)
        {
            await liens.EnvoyerAsync(user, Request, LienMotDePasse.Motif.Oubli, ct);
        }
        // Same answer either way, so the form tells no one which addresses have an account.
        Envoye = true;
        return Page();
    }
}
