using Egalis.Web.Platform.Audit;
using Microsoft.AspNetCore.Identity;

namespace Egalis.Web.Platform.Identity;

/// <summary>Accounts and roles in the audit log: whose account, which role, never a hash or a stamp.</summary>
public static class IdentityAudit
{
    private const string Module = "Comptes";

    private static string NomCompte(Microsoft.EntityFrameworkCore.DbContext db, string id) =>
        AuditReader.Read<Utilisateur, string>(db, u => u.Id == id, u => u.Id == id, u => u.NomComplet + " (" + u.Email + ")") is { } nom ? nom : "un compte supprimé";

    private static string Role(Microsoft.EntityFrameworkCore.DbContext db, string id) =>
        Roles.Libelle(AuditReader.Read<IdentityRole, string>(db, r => r.Id == id, r => r.Id == id, r => r.Name!) ?? "?");

    public static void Register(IServiceCollection services)
    {
        services.AddAuditDescription(new AuditDescription<Utilisateur>
        {
            Module = Module,
            Nom = (u, _) => $"le compte {Text.French.De(u.NomComplet)} ({u.Email})",
            Lien = u => $"/administration/utilisateur?id={u.Id}",
            Champs = new Dictionary<string, string>
            {
                ["NomComplet"] = "nom", ["Email"] = "adresse", ["ConseilTerritoireCode"] = "conseil de territoire", ["CommuneCodeInsee"] = "commune",
            },
            Phrase = (e, etat, _) =>
            {
                if (etat != AuditState.Modification)
                {
                    return null;
                }
                var u = e.Entity;
                // Anonymised at the end of its retention period: the line names no one (the log keeps 5 years).
                if (u.EstAnonymise && e.Property(x => x.Email).IsModified)
                {
                    return "Compte anonymisé au terme de sa durée de conservation (un an après sa désactivation) : nom, adresse, périmètre et rôles effacés.";
                }
                if (e.Property(x => x.DesactiveLe).IsModified && e.Property(x => x.DesactiveLe).OriginalValue != u.DesactiveLe)
                {
                    return $"Compte {Text.French.De(u.NomComplet)} ({u.Email}) {(u.DesactiveLe is null ? "réactivé" : "désactivé : plus de connexion possible, historique conservé")}.";
                }
                if (e.Property(x => x.PasswordHash).IsModified && e.Property(x => x.PasswordHash).OriginalValue != u.PasswordHash)
                {
                    return $"Mot de passe défini pour le compte {Text.French.De(u.NomComplet)} ({u.Email}).";
                }
                if (e.Property(x => x.TwoFactorEnabled).IsModified && e.Property(x => x.TwoFactorEnabled).OriginalValue != u.TwoFactorEnabled)
                {
                    return $"Double authentification {(u.TwoFactorEnabled ? "activée" : "désactivée")} pour le compte {Text.French.De(u.NomComplet)} ({u.Email}).";
                }
                if (e.Property(x => x.LockoutEnd).IsModified && u.LockoutEnd is { } fin && fin > DateTimeOffset.UtcNow)
                {
                    return $"Compte {Text.French.De(u.NomComplet)} ({u.Email}) verrouillé jusqu'au {Web.Paris.Display(fin)} après plusieurs échecs de connexion.";
                }
                // Failed-attempt counters, stamps and other plumbing: no line of their own.
                return e.Properties.Any(p => p.IsModified && p.Metadata.Name is "NomComplet" or "Email" or "ConseilTerritoireCode" or "CommuneCodeInsee") ? null : "";
            },
        });
        services.AddAuditDescription(new AuditDescription<TwoFactorReset>
        {
            Module = Module,
            Nom = (r, db) => $"la réinitialisation de la double authentification {Text.French.De(NomCompte(db, r.UtilisateurId))}",
            Lien = r => $"/administration/utilisateur?id={r.UtilisateurId}",
            Phrase = (e, etat, db) => etat == AuditState.Creation
                ? $"Double authentification {Text.French.De(NomCompte(db, e.Entity.UtilisateurId))} réinitialisée par {e.Entity.Par}, motif : « {e.Entity.Motif} »."
                : null,
        });
        services.AddAuditDescription(new AuditDescription<IdentityRole>
        {
            Module = Module,
            Nom = (r, _) => $"le rôle « {Roles.Libelle(r.Name ?? "")} »",
        });
        services.AddAuditDescription(new AuditDescription<IdentityUserRole<string>>
        {
            Module = Module,
            Nom = (ur, db) => $"le rôle « {Role(db, ur.RoleId)} » {Text.French.De(NomCompte(db, ur.UserId))}",
            Lien = ur => $"/administration/utilisateur?id={ur.UserId}",
            Phrase = (e, etat, db) => etat switch
            {
                AuditState.Creation => $"Rôle « {Role(db, e.Entity.RoleId)} » attribué à {NomCompte(db, e.Entity.UserId)}.",
                AuditState.Suppression => $"Rôle « {Role(db, e.Entity.RoleId)} » retiré à {NomCompte(db, e.Entity.UserId)}.",
                _ => null,
            },
        });
    }
}
