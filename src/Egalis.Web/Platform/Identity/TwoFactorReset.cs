using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egalis.Web.Platform.Identity;

/// <summary>
/// An administrator turned off someone's second factor (lost phone, no recovery code left): who, when and why, kept
/// with the account. The person then sets a new authenticator up at their next sign-in.
/// </summary>
public class TwoFactorReset
{
    public const int MotifMax = 500;

    public int Id { get; set; }
    public required string UtilisateurId { get; set; }
    public required string Motif { get; set; }
    public required string Par { get; set; }
    public DateTimeOffset Le { get; set; }
}

public class TwoFactorResetConfiguration : IEntityTypeConfiguration<TwoFactorReset>
{
    public void Configure(EntityTypeBuilder<TwoFactorReset> b)
    {
        b.ToTable("ReinitialisationsDoubleAuthentification");
        b.Property(r => r.Motif).HasMaxLength(TwoFactorReset.MotifMax);
        b.Property(r => r.Par).HasMaxLength(460);
        b.HasOne<Utilisateur>().WithMany().HasForeignKey(r => r.UtilisateurId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.UtilisateurId, r.Le });
    }
}
