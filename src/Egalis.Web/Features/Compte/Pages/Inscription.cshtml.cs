using System.ComponentModel.DataAnnotations;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Egalis.Web.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Egalis.Web.Features.Compte.Pages;

/// <summary>
/// An applicant (an association's or a commune's member) creates their own account. The account gets its password
/// through the link e-mailed to the address, which proves it; never activated, it is deleted after 7 days. The answer
/// is the same whether the address already has an account or not (its owner is told by e-mail).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicPost)]
public class InscriptionModel(UserManager<Utilisateur> users, LienMotDePasse liens, TimeProvider time) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Prénom et nom")]
        [Required(ErrorMessage = "Indiquez votre prénom et votre nom.")]
        [StringLength(200, ErrorMessage = "Le prénom et le nom ne doivent pas dépasser 200 caractères.")]
        public string? NomComplet { get; set; }

        [Display(Name = "Adresse électronique")]
        [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
        [StringLength(254, ErrorMessage = "L'adresse électronique ne doit pas dépasser 254 caractères.")]
        [EmailAddress(ErrorMessage = "Indiquez une adresse électronique valide, par exemple prenom.nom@exemple.fr.")]
        public string? Email { get; set; }

        [Display(Name = "J'ai lu comment mes données personnelles sont utilisées et conservées")]
        [Range(typeof(bool), "true", "true", ErrorMessage = "Cochez la case : votre compte ne peut pas exister sans que vous sachiez ce qu'il garde de vous.")]
        public bool Consentement { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

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
        var email = Input.Email!.Trim();
        var existant = await users.FindByEmailAsync(email);
        if (existant is not null)
        {
            await liens.EnvoyerAsync(existant, Request, LienMotDePasse.Motif.DejaInscrit, ct);
        }
        else
        {
            var compte = new Utilisateur { UserName = email, Email = email, NomComplet = Input.NomComplet!.Trim(), CreeLe = time.GetUtcNow(), CreeEnLigne = true };
            var cree = await users.CreateAsync(compte);
            if (!cree.Succeeded)
            {
                // Two forms sent at once for one address: the first created the account, the second says the same as it.
                if (cree.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail"))
                {
                    Envoye = true;
                    return Page();
                }
                foreach (var erreur in cree.Errors)
                {
                    ModelState.AddModelError("Input.Email", erreur.Description);
                }
                return Page();
            }
            await users.AddToRoleAsync(compte, Roles.Porteur);
            await liens.EnvoyerAsync(compte, Request, LienMotDePasse.Motif.Inscription, ct);
        }
        Envoye = true;
        return Page();
    }
}
