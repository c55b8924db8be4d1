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
public class ReinitialiserMotDePasseModel(UserManager<Utilisateur> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string UserId { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";

    [BindProperty]
    [Display(Name = "Nouveau mot de passe")]
    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    public string MotDePasse { get; set; } = "";

    [BindProperty]
    [Display(Name = "Confirmez le mot de passe")]
    [Required(ErrorMessage = "Saisissez une deuxième fois le mot de passe.")]
    [Compare(nameof(MotDePasse), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string Confirmation { get; set; } = "";

    public bool Termine { get; private set; }

    public IActionResult OnGet() =>
        string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Code) ? RedirectToPage("/Compte/Pages/MotDePasseOublie") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByIdAsync(UserId);
        var token = LienMotDePasse.Decode(Code);
        if (user is null || token is null)
        {
            ModelState.AddModelError(string.Empty, "Ce lien n'est plus valable. Demandez-en un nouveau depuis « Mot de passe oublié ».");
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, MotDePasse);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(MotDePasse) : string.Empty, error.Description);
            }
            return Page();
        }
        // The link came by e-mail: the address is proven (an applicant's own account is activated this way).
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        // A forgotten password must not leave the account locked.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Termine = true;
        return Page();
    }
}
