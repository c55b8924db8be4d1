using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Web.Features.Compte.Pages;

/// <summary>
/// Turns on TOTP two-factor authentication for the signed-in user, and gives ten single-use recovery codes
/// (shown once; new ones can be asked for, which voids the old ones).
/// </summary>
[Authorize]
public class SecuriteModel(UserManager<Utilisateur> users, SignInManager<Utilisateur> signIn) : PageModel
{
    [BindProperty]
    [Display(Name = "Code à 6 chiffres")]
    [Required(ErrorMessage = CodeAuthentification.MessageObligatoire)]
    [RegularExpression(CodeAuthentification.Motif, ErrorMessage = CodeAuthentification.MessageFormat)]
    public string Code { get; set; } = "";

    public const int NombreCodesSecours = 10;

    public bool Active { get; private set; }
    /// <summary>The recovery codes just generated: shown on this response only.</summary>
    public IReadOnlyList<string>? CodesSecours { get; private set; }
    public int CodesSecoursRestants { get; private set; }
    public bool Obligatoire { get; private set; }
    public string CleFormatee { get; private set; } = "";
    public string UriAuthentificateur { get; private set; } = "";

    /// <summary>The otpauth address as a QR code (PNG in a data URI, which the security policy allows for images).</summary>
    public string CodeQr => "data:image/png;base64," + Convert.ToBase64String(
        new QRCoder.PngByteQRCode(new QRCoder.QRCodeGenerator().CreateQrCode(UriAuthentificateur, QRCoder.QRCodeGenerator.ECCLevel.M)).GetGraphic(5));

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = (await users.GetUserAsync(User))!;
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider,
            CodeAuthentification.Normaliser(Code));
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), "Ce code n'est pas valable. Vérifiez la clé saisie et l'heure de votre téléphone.");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        CodesSecours = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, NombreCodesSecours))?.ToList();
        await signIn.RefreshSignInAsync(user);
        Active = true;
        return Page();
    }

    /// <summary>
    /// New recovery codes (the old ones are void): after using some, or when the paper is lost. The current code of the
    /// application is asked first: an open session alone does not get codes that bypass the second factor.
    /// </summary>
    public async Task<IActionResult> OnPostCodesSecoursAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        if (!Active)
        {
            ModelState.AddModelError(nameof(Code), "Activez d'abord la double authentification : les codes de secours viennent avec elle.");
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = (await users.GetUserAsync(User))!;
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, CodeAuthentification.Normaliser(Code)))
        {
            ModelState.AddModelError(nameof(Code), "Ce code n'est pas valable. Saisissez le code que votre application affiche maintenant.");
            return Page();
        }
        CodesSecours = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, NombreCodesSecours))?.ToList();
        CodesSecoursRestants = NombreCodesSecours;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }
        // The key and the recovery codes are secrets: no cache keeps this page.
        Response.Headers.CacheControl = "no-store";
        Active = await users.GetTwoFactorEnabledAsync(user);
        CodesSecoursRestants = Active ? await users.CountRecoveryCodesAsync(user) : 0;
        Obligatoire = Roles.RequireTwoFactor.Any(User.IsInRole);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp: this session is renewed, the others end.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        CleFormatee = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        UriAuthentificateur = $"otpauth://totp/Egalis:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Egalis&digits=6";
        return true;
    }
}
