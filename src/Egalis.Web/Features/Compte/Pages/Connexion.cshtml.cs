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
[EnableRateLimiting(RateLimits.Login)]
public class ConnexionModel(SignInManager<Utilisateur> signIn) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Adresse électronique")]
        [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Indiquez une adresse électronique valide, par exemple prenom.nom@ampmetropole.fr.")]
        public string Email { get; set; } = "";

        [Display(Name = "Mot de passe")]
        [Required(ErrorMessage = "Indiquez votre mot de passe.")]
        public string MotDePasse { get; set; } = "";

        [Display(Name = "Rester connecté sur cet appareil")]
        public bool SeSouvenir { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.MotDePasse, Input.SeSouvenir, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Compte/Pages/DeuxFacteurs", new { ReturnUrl, Input.SeSouvenir });
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, "Ce compte est verrouillé pendant 15 minutes après 5 essais infructueux. Réessayez plus tard ou réinitialisez votre mot de passe.");
            return Page();
        }
        // The same message whether the address exists or not: nothing is revealed about accounts.
        ModelState.AddModelError("Input.MotDePasse", "Adresse électronique ou mot de passe incorrect.");
        return Page();
    }
}
