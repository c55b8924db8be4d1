using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Egalis.Web.Features.Compte.Pages;

/// <summary>Second step of the login for accounts with an authenticator app.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Login)]
public class DeuxFacteursModel(SignInManager<Utilisateur> signIn) : PageModel
{
    [BindProperty]
    [Display(Name = "Code à 6 chiffres")]
    [Required(ErrorMessage = CodeAuthentification.MessageObligatoire)]
    [RegularExpression(CodeAuthentification.Motif, ErrorMessage = CodeAuthentification.MessageFormat)]
    public string Code { get; set; } = "";

    /// <summary>A recovery code (« XXXXX-XXXXX »), for a person without their phone.</summary>
    [BindProperty]
    [Display(Name = "Code de secours")]
    public string? CodeSecours { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool SeSouvenir { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Compte/Pages/Connexion") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Remove(nameof(CodeSecours));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Compte/Pages/Connexion");
        }
        return Conclure(await signIn.TwoFactorAuthenticatorSignInAsync(CodeAuthentification.Normaliser(Code), SeSouvenir, rememberClient: false),
            nameof(Code), "Ce code n'est pas valable. Vérifiez l'heure de votre téléphone et saisissez le code affiché maintenant.");
    }

    /// <summary>Signs in with one of the ten recovery codes; it cannot be used again.</summary>
    public async Task<IActionResult> OnPostSecoursAsync()
    {
        ModelState.Remove(nameof(Code));
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Compte/Pages/Connexion");
        }
        var code = (CodeSecours ?? "").Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (code.Length == 10 && !code.Contains('-', StringComparison.Ordinal))
        {
            code = code[..5] + "-" + code[5..];
        }
        if (code.Length is 0 or > 20)
        {
            ModelState.AddModelError(nameof(CodeSecours), "Saisissez l'un de vos codes de secours, par exemple 7KX2B-9MWQT.");
            return Page();
        }
        return Conclure(await signIn.TwoFactorRecoveryCodeSignInAsync(code), nameof(CodeSecours), "Ce code de secours n'est pas valable ou a déjà servi.");
    }

    /// <summary>Signed in: where the person was going, or « Mon espace ». Refused: why, next to the field used.</summary>
    private IActionResult Conclure(Microsoft.AspNetCore.Identity.SignInResult result, string champ, string invalide)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : ConnexionModel.Arrivee);
        }
        ModelState.AddModelError(champ, result.IsLockedOut ? "Ce compte est verrouillé pendant 15 minutes après 5 essais infructueux." : invalide);
        return Page();
    }
}
