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
public class ConnexionModel(SignInManager<Utilisateur> signIn, UserManager<Utilisateur> users) : PageModel
{
    /// <summary>Where a person lands after signing in: « Mon espace ».</summary>
    public const string Arrivee = "/espace";

    public sealed class InputModel
    {
        [Display(Name = "Adresse électronique")]
        [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Indiquez une adresse électronique valide, par exemple camille.martin@exemple.fr.")]
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
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // An unknown address costs the same password check as a known one: the time of the answer tells nothing.
            users.PasswordHasher.VerifyHashedPassword(new Utilisateur(), HachageFactice.Value, Input.MotDePasse);
            return Refus();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.MotDePasse, Input.SeSouvenir, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Arrivee);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Compte/Pages/DeuxFacteurs", new { ReturnUrl, Input.SeSouvenir });
        }
        if (result.IsLockedOut)
        {
            // A locked account answers without checking the password: check one anyway, for the same time.
            users.PasswordHasher.VerifyHashedPassword(user, HachageFactice.Value, Input.MotDePasse);
        }
        // Locked or not, known or not: the same message, which says what a locked person needs to know.
        return Refus();
    }

    private IActionResult Refus()
    {
        ModelState.AddModelError("Input.MotDePasse", "Adresse électronique ou mot de passe incorrect. Après 5 essais manqués, un compte est bloqué 15 minutes : patientez, ou choisissez un nouveau mot de passe.");
        return Page();
    }

    private static readonly Lazy<string> HachageFactice = new(() => new PasswordHasher<Utilisateur>().HashPassword(new Utilisateur(), Guid.NewGuid().ToString()));
}
