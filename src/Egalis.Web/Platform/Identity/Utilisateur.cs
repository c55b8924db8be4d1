using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egalis.Web.Platform.Identity;

/// <summary>
/// A person who signs in. The territorial scope (a conseil de territoire or a commune) limits
/// what the referent roles may see; it is empty for roles that are not territorial.
/// </summary>
public class Utilisateur : IdentityUser
{
    [PersonalData]
    public string NomComplet { get; set; } = "";
    public string? ConseilTerritoireCode { get; set; }
    public string? CommuneCodeInsee { get; set; }
    public DateTimeOffset CreeLe { get; set; }
    /// <summary>Set when an administrator deactivates the account: it can no longer sign in; its history stays.</summary>
    public DateTimeOffset? DesactiveLe { get; set; }
    /// <summary>Created by the person themself (an applicant), not by an administrator: deleted if never confirmed.</summary>
    public bool CreeEnLigne { get; set; }

    /// <summary>The name an account keeps once anonymised at the end of its retention period.</summary>
    public const string NomAnonyme = "Compte anonymisé";
    /// <summary>The domain of an anonymised account's address (reserved: it reaches no one).</summary>
    public const string DomaineAnonyme = "anonyme.invalid";

    public bool EstAnonymise => Email?.EndsWith("@" + DomaineAnonyme, StringComparison.OrdinalIgnoreCase) == true;
}

public class UtilisateurConfiguration : IEntityTypeConfiguration<Utilisateur>
{
    public void Configure(EntityTypeBuilder<Utilisateur> b)
    {
        b.Property(u => u.NomComplet).HasMaxLength(200);
        b.Property(u => u.ConseilTerritoireCode).HasMaxLength(3);
        b.Property(u => u.CommuneCodeInsee).HasMaxLength(5);
    }
}
