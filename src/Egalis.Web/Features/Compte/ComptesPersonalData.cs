using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Compte;

/// <summary>
/// Accounts: kept while active, then one year after their deactivation; then anonymised (name, address, scope, roles,
/// second factor), so that what the person did stays in the register without naming them.
/// </summary>
public sealed class ComptesPersonalData : IPersonalDataDeclaration
{
    public string Donnees => "Nom, adresse électronique, rôle et périmètre des comptes";
    public string Finalite => "Accès sécurisé à la plateforme";
    public string Conservation => "Durée d'activité du compte, puis 1 an ; 7 jours pour un compte créé en ligne et jamais confirmé";

    /// <summary>How long a self-created account waits for its address to be confirmed.</summary>
    public static readonly TimeSpan DelaiConfirmation = TimeSpan.FromDays(7);

    public async Task<string> PurgeAsync(EgalisDbContext db, DateTimeOffset maintenant, CancellationToken ct)
    {
        var limite = maintenant.AddYears(-1);
        var suffixe = "@" + Utilisateur.DomaineAnonyme.ToUpperInvariant();
        var comptes = await db.Users.Where(u => u.DesactiveLe != null && u.DesactiveLe < limite && !u.NormalizedEmail!.EndsWith(suffixe)).ToListAsync(ct);
        foreach (var u in comptes)
        {
            var adresse = $"anonyme-{u.Id}@{Utilisateur.DomaineAnonyme}";
            u.NomComplet = Utilisateur.NomAnonyme;
            u.Email = u.UserName = adresse;
            u.NormalizedEmail = u.NormalizedUserName = adresse.ToUpperInvariant();
            u.PhoneNumber = null;
            u.PasswordHash = null;
            u.ConseilTerritoireCode = null;
            u.CommuneCodeInsee = null;
            u.TwoFactorEnabled = false;
            u.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        var ids = comptes.Select(c => c.Id).ToList();
        db.UserRoles.RemoveRange(await db.UserRoles.Where(r => ids.Contains(r.UserId)).ToListAsync(ct));
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => ids.Contains(t.UserId)).ToListAsync(ct));
        // Accounts created online whose address was never confirmed: nothing was done with them, they go.
        var creeAvant = maintenant - DelaiConfirmation;
        var jamaisConfirmes = await db.Users.Where(u => u.CreeEnLigne && !u.EmailConfirmed && u.PasswordHash == null && u.CreeLe < creeAvant).ToListAsync(ct);
        db.Users.RemoveRange(jamaisConfirmes);
        await db.SaveChangesAsync(ct);
        var anonymises = Platform.Text.French.Nombre(comptes.Count, "compte désactivé depuis plus d'un an anonymisé", "comptes désactivés depuis plus d'un an anonymisés");
        return jamaisConfirmes.Count == 0 ? anonymises
            : $"{anonymises} ; {Platform.Text.French.Nombre(jamaisConfirmes.Count, "compte jamais confirmé supprimé", "comptes jamais confirmés supprimés")}";
    }
}
