using Egalis.Web.Platform.Text;
using Egalis.Web.Features.Territoires;
using System.ComponentModel.DataAnnotations;
using Egalis.Web.Features.Compte;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Administration.Pages;

/// <summary>Invite a person, or change an account's name, roles and territorial scope.</summary>
[Authorize(Policy = AdministrationModule.Administrer)]
public class UtilisateurModel(EgalisDbContext db, UserManager<Utilisateur> users, LienMotDePasse liens, TimeProvider time) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Nom complet")]
        [Required(ErrorMessage = "Indiquez le nom de la personne.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        public string NomComplet { get; set; } = "";

        [Display(Name = "Adresse électronique")]
        [Required(ErrorMessage = "Indiquez l'adresse électronique de la personne.")]
        [EmailAddress(ErrorMessage = "Indiquez une adresse électronique valide, par exemple camille.martin@exemple.fr.")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        public List<string> Roles { get; set; } = [];

        [Display(Name = "Conseil de territoire")]
        public string? ConseilTerritoireCode { get; set; }

        [Display(Name = "Commune")]
        public string? CommuneCodeInsee { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Id { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    [BindProperty, Display(Name = "Je confirme : cette personne ne pourra plus se connecter ; son historique est conservé")] public bool Confirmation { get; set; }
    [BindProperty, Display(Name = "Motif de la réinitialisation")]
    [StringLength(TwoFactorReset.MotifMax, ErrorMessage = "Le motif ne doit pas dépasser 500 caractères.")]
    public string? Motif { get; set; }
    /// <summary>Whether the account has its second factor on (an administrator may then reset it).</summary>
    public bool DoubleAuthentification { get; private set; }
    /// <summary>True while the person has not chosen a password yet: the invitation can be sent again.</summary>
    public bool InvitationEnAttente { get; private set; }
    /// <summary>When the account was deactivated, if it is.</summary>
    public DateTimeOffset? DesactiveLe { get; private set; }
    public bool EstSoiMeme => Id is not null && Id == users.GetUserId(User);

    public List<SelectListItem> ConseilsTerritoire { get; private set; } = [];
    public List<SelectListItem> Communes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null)
        {
            var user = await users.FindByIdAsync(Id);
            if (user is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                NomComplet = user.NomComplet, Email = user.Email ?? "", Roles = [.. await users.GetRolesAsync(user)],
                ConseilTerritoireCode = user.ConseilTerritoireCode, CommuneCodeInsee = user.CommuneCodeInsee,
            };
            DesactiveLe = user.DesactiveLe;
            InvitationEnAttente = user.PasswordHash is null;
            DoubleAuthentification = user.TwoFactorEnabled;
        }
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadListsAsync(ct);
        Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var creating = Id is null;
        Utilisateur? user = creating ? new Utilisateur { CreeLe = time.GetUtcNow() } : await users.FindByIdAsync(Id!);
        if (user is null)
        {
            return NotFound();
        }
        if (user.EstAnonymise)
        {
            // Its person is forgotten: a new person gets a new account, never this one.
            ModelState.AddModelError(string.Empty, "Ce compte est anonymisé : il ne se modifie plus. Invitez la personne avec un nouveau compte.");
            return Page();
        }
        var email = Input.Email.Trim();
        var other = await users.FindByEmailAsync(email);
        if (other is not null && other.Id != user.Id)
        {
            ModelState.AddModelError("Input.Email", $"Un compte existe déjà avec l'adresse « {email} ».");
            return Page();
        }
        var portee = (user.Email, user.ConseilTerritoireCode, user.CommuneCodeInsee);
        user.NomComplet = Input.NomComplet.Trim();
        user.Email = email;
        user.UserName = email;
        user.ConseilTerritoireCode = Texts.Clean(Input.ConseilTerritoireCode);
        user.CommuneCodeInsee = Texts.Clean(Input.CommuneCodeInsee);

        // Account, roles and scope change together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = creating ? await users.CreateAsync(user) : await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current.Except(Input.Roles));
            result = removed.Succeeded ? await users.AddToRolesAsync(user, Input.Roles.Except(current)) : removed;
            // New rights or a new scope: the person's open sessions end, and the next sign-in carries them.
            if (result.Succeeded && !creating && (!current.Order().SequenceEqual(Input.Roles.Order()) || portee != (user.Email, user.ConseilTerritoireCode, user.CommuneCodeInsee)))
            {
                result = await users.UpdateSecurityStampAsync(user);
            }
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Email", StringComparison.Ordinal) ? "Input.Email" : string.Empty, error.Description);
            }
            return Page();
        }
        await transaction.CommitAsync(ct);

        if (creating)
        {
            await liens.EnvoyerAsync(user, Request, LienMotDePasse.Motif.Invitation, ct);
            TempData["Message"] = $"{user.NomComplet} est invité·e : un message a été envoyé à {user.Email}.";
        }
        else
        {
            TempData["Message"] = $"Le compte de {user.NomComplet} est enregistré.";
        }
        return RedirectToPage("/Administration/Pages/Utilisateurs");
    }

    /// <summary>
    /// Deactivates an account: it can no longer sign in (locked without end), its open sessions end at once
    /// (new security stamp), and everything it did stays in the register and the audit log.
    /// </summary>
    public async Task<IActionResult> OnPostDesactiverAsync(CancellationToken ct)
    {
        var user = await CompteAsync();
        if (user is null)
        {
            return NotFound();
        }
        await PreparerAsync(user, ct);
        if (EstSoiMeme)
        {
            ModelState.AddModelError(nameof(Confirmation), "Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.");
            return Page();
        }
        if (!Confirmation)
        {
            ModelState.AddModelError(nameof(Confirmation), "Cochez la case pour confirmer la désactivation.");
            return Page();
        }
        user.DesactiveLe = time.GetUtcNow();
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        var resultat = await users.UpdateAsync(user);
        if (resultat.Succeeded)
        {
            resultat = await users.UpdateSecurityStampAsync(user);
        }
        if (!resultat.Succeeded)
        {
            ModelState.AddModelError(nameof(Confirmation), "Le compte vient d'être modifié par quelqu'un d'autre : rechargez la page.");
            return Page();
        }
        TempData["Message"] = $"Le compte {Platform.Text.French.De(user.NomComplet)} est désactivé : ses sessions sont fermées et il ne peut plus se connecter. Son historique est conservé.";
        return RedirectToPage("/Administration/Pages/Utilisateurs");
    }

    public async Task<IActionResult> OnPostReactiverAsync(CancellationToken ct)
    {
        var user = await CompteAsync();
        if (user is null)
        {
            return NotFound();
        }
        if (user.DesactiveLe is null || user.EstAnonymise)
        {
            await PreparerAsync(user, ct);
            ModelState.AddModelError(nameof(Confirmation), user.EstAnonymise
                ? "Ce compte est anonymisé : il ne se réactive pas. Invitez la personne avec un nouveau compte."
                : "Ce compte est actif.");
            return Page();
        }
        user.DesactiveLe = null;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var resultat = await users.UpdateAsync(user);
        if (!resultat.Succeeded)
        {
            await PreparerAsync(user, ct);
            ModelState.AddModelError(nameof(Confirmation), "Le compte vient d'être modifié par quelqu'un d'autre : rechargez la page.");
            return Page();
        }
        TempData["Message"] = $"Le compte {Platform.Text.French.De(user.NomComplet)} est réactivé : la personne peut se connecter de nouveau.";
        return RedirectToPage("/Administration/Pages/Utilisateurs");
    }

    /// <summary>
    /// Turns off someone's second factor (lost phone, no recovery code left), with the reason: a new key, no recovery
    /// code, their sessions closed; they set an authenticator up again at their next sign-in. All or nothing, audited.
    /// </summary>
    public async Task<IActionResult> OnPostReinitialiserDoubleAuthentificationAsync(CancellationToken ct)
    {
        var user = await CompteAsync();
        if (user is null)
        {
            return NotFound();
        }
        // The account form is not posted here: only the reason is this form's.
        ModelState.Clear();
        await PreparerAsync(user, ct);
        if (Motif?.Length > TwoFactorReset.MotifMax)
        {
            ModelState.AddModelError(nameof(Motif), "Le motif ne doit pas dépasser 500 caractères.");
            return Page();
        }
        if (EstSoiMeme)
        {
            ModelState.AddModelError(nameof(Motif), "Vous ne pouvez pas réinitialiser votre propre double authentification : demandez-le à un autre administrateur.");
            return Page();
        }
        if (!user.TwoFactorEnabled)
        {
            ModelState.AddModelError(nameof(Motif), "La double authentification de ce compte n'est pas activée : il n'y a rien à réinitialiser.");
            return Page();
        }
        if (Texts.Clean(Motif) is not { } motif)
        {
            ModelState.AddModelError(nameof(Motif), "Indiquez le motif (par exemple : téléphone perdu, plus aucun code de secours).");
            return Page();
        }
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var resultat = await users.SetTwoFactorEnabledAsync(user, false);
            if (resultat.Succeeded)
            {
                // A new key also changes the security stamp: the person's open sessions end.
                resultat = await users.ResetAuthenticatorKeyAsync(user);
            }
            if (resultat.Succeeded)
            {
                await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
                db.Add(new TwoFactorReset { UtilisateurId = user.Id, Motif = motif, Par = PorteeUtilisateur.NomDe(User), Le = time.GetUtcNow() });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            else
            {
                await transaction.RollbackAsync(ct);
                ModelState.AddModelError(nameof(Motif), "Le compte vient d'être modifié par quelqu'un d'autre : rechargez la page.");
                return Page();
            }
        }
        TempData["Message"] = $"La double authentification {French.De(user.NomComplet)} est réinitialisée : ses sessions sont fermées ; à sa prochaine connexion, la personne configurera de nouveau son application.";
        return RedirectToPage(new { id = user.Id });
    }

    /// <summary>Sends the invitation again (the first link expired, or went to spam) to a person who has no password yet.</summary>
    public async Task<IActionResult> OnPostRenvoyerInvitationAsync(CancellationToken ct)
    {
        var user = await CompteAsync();
        if (user is null)
        {
            return NotFound();
        }
        if (user.PasswordHash is not null || user.DesactiveLe is not null)
        {
            await PreparerAsync(user, ct);
            ModelState.AddModelError(nameof(Confirmation), user.DesactiveLe is not null
                ? "Ce compte est désactivé : réactivez-le avant de renvoyer l'invitation."
                : "Cette personne a déjà choisi son mot de passe : en cas d'oubli, elle utilise « Mot de passe oublié ».");
            return Page();
        }
        await liens.EnvoyerAsync(user, Request, LienMotDePasse.Motif.Invitation, ct);
        TempData["Message"] = $"L'invitation est renvoyée à {user.Email} (nouveau lien valable 48 heures).";
        return RedirectToPage("/Administration/Pages/Utilisateurs");
    }

    /// <summary>The page as shown for this account, after a refused deactivation or reactivation.</summary>
    /// <summary>The account the address names, if any (every handler answers 404 otherwise).</summary>
    private async Task<Utilisateur?> CompteAsync() => Id is null ? null : await users.FindByIdAsync(Id);

    private async Task PreparerAsync(Utilisateur user, CancellationToken ct)
    {
        ModelState.Remove(nameof(Input));
        foreach (var cle in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(cle);
        }
        Input = new InputModel
        {
            NomComplet = user.NomComplet, Email = user.Email ?? "", Roles = [.. await users.GetRolesAsync(user)],
            ConseilTerritoireCode = user.ConseilTerritoireCode, CommuneCodeInsee = user.CommuneCodeInsee,
        };
        DesactiveLe = user.DesactiveLe;
        InvitationEnAttente = user.PasswordHash is null;
        DoubleAuthentification = user.TwoFactorEnabled;
        await LoadListsAsync(ct);
    }

    private void Validate()
    {
        Input.Roles = Input.Roles.Where(r => Roles.All.Contains(r)).Distinct().ToList();
        var territoire = Texts.Clean(Input.ConseilTerritoireCode);
        var commune = Texts.Clean(Input.CommuneCodeInsee);
        if (territoire is not null && ConseilsTerritoire.All(t => t.Value != territoire))
        {
            ModelState.AddModelError("Input.ConseilTerritoireCode", "Choisissez un conseil de territoire de la liste.");
        }
        if (commune is not null && Communes.All(c => c.Value != commune))
        {
            ModelState.AddModelError("Input.CommuneCodeInsee", "Choisissez une commune de la liste.");
        }
        if (territoire is not null && commune is not null)
        {
            ModelState.AddModelError("Input.CommuneCodeInsee", "Un compte a pour périmètre soit un conseil de territoire, soit une commune, pas les deux.");
        }
        // The scope each role needs is stated once, in Roles.PorteeRequise.
        var portees = Input.Roles.Select(Roles.PorteeRequise).ToHashSet();
        if (portees.Contains(Portee.ConseilTerritoire) && territoire is null)
        {
            ModelState.AddModelError("Input.ConseilTerritoireCode", "Un référent de territoire doit avoir un conseil de territoire.");
        }
        if (portees.Contains(Portee.Commune) && commune is null)
        {
            ModelState.AddModelError("Input.CommuneCodeInsee", "Un référent de commune doit avoir une commune.");
        }
        if (portees.Contains(Portee.ConseilTerritoire) && portees.Contains(Portee.Commune))
        {
            ModelState.AddModelError("Input.Roles", "Un compte ne peut pas être à la fois référent de territoire et référent de commune.");
        }
    }

    private async Task LoadListsAsync(CancellationToken ct)
    {
        ConseilsTerritoire = await db.ConseilsTerritoire.AsNoTracking().OrderBy(t => t.Code)
            .Select(t => new SelectListItem($"{t.Code} – {t.Nom}", t.Code)).ToListAsync(ct);
        var communes = await db.Communes.AsNoTracking().Select(c => new { c.CodeInsee, c.Nom }).ToListAsync(ct);
        var french = StringComparer.Create(new System.Globalization.CultureInfo("fr-FR"), ignoreCase: true);
        Communes = communes.OrderBy(c => c.Nom, french).Select(c => new SelectListItem($"{c.Nom} ({c.CodeInsee})", c.CodeInsee)).ToList();
    }

}
