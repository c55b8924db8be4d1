using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egalis.Web.Features.Budget;

/// <summary>A fiscal year (exercice budgétaire).</summary>
public class Exercice
{
    public int Annee { get; set; }
}

/// <summary>A line of the budget nomenclature: sous-politique, nature, fonction.</summary>
public class LigneBudgetaire
{
    public int Id { get; set; }
    public required string SousPolitique { get; set; }
    public required string Nature { get; set; }
    public required string Fonction { get; set; }
    public required string Libelle { get; set; }
}

/// <summary>The yearly appropriation voted on a budget line (crédits).</summary>
public class Credit
{
    public int Id { get; set; }
    public int Annee { get; set; }
    public int LigneBudgetaireId { get; set; }
    public LigneBudgetaire? Ligne { get; set; }
    public decimal Montant { get; set; }
    /// <summary>Bumped by every movement under this credit: concurrent movements conflict and retry.</summary>
    public int Version { get; set; }
}

/// <summary>The part of a credit given to a plan action (by the action's code).</summary>
public class Allocation
{
    public int Id { get; set; }
    public int CreditId { get; set; }
    public Credit? Credit { get; set; }
    public required string ActionCode { get; set; }
    public decimal Montant { get; set; }
    public int Version { get; set; }
}

public enum StatutEngagement
{
    Engage = 0,
    Annule = 1,
}

/// <summary>A commitment (engagement) against an allocation: money promised to a beneficiary.</summary>
public class Engagement
{
    public int Id { get; set; }
    public int AllocationId { get; set; }
    public Allocation? Allocation { get; set; }
    public decimal Montant { get; set; }
    public required string Beneficiaire { get; set; }
    public required string Objet { get; set; }
    public DateOnly Date { get; set; }
    public string? Reference { get; set; }
    public StatutEngagement Statut { get; set; }
    public string? MotifAnnulation { get; set; }
    /// <summary>Where the commitment comes from when another module asked for it (« fonds:dossier:42 »).</summary>
    public string? Origine { get; set; }
    public int Version { get; set; }
}

/// <summary>A payment (mandatement) against a commitment.</summary>
public class Mandatement
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public decimal Montant { get; set; }
    public DateOnly Date { get; set; }
    public string? Reference { get; set; }
}

public class ExerciceConfiguration : IEntityTypeConfiguration<Exercice>
{
    public void Configure(EntityTypeBuilder<Exercice> b)
    {
        b.ToTable("Exercices");
        b.HasKey(e => e.Annee);
        b.Property(e => e.Annee).ValueGeneratedNever();
    }
}

public class LigneBudgetaireConfiguration : IEntityTypeConfiguration<LigneBudgetaire>
{
    public void Configure(EntityTypeBuilder<LigneBudgetaire> b)
    {
        b.ToTable("LignesBudgetaires");
        b.Property(l => l.SousPolitique).HasMaxLength(10);
        b.Property(l => l.Nature).HasMaxLength(10);
        b.Property(l => l.Fonction).HasMaxLength(10);
        b.Property(l => l.Libelle).HasMaxLength(200);
        b.HasIndex(l => new { l.SousPolitique, l.Nature, l.Fonction }).IsUnique();
    }
}

public class CreditConfiguration : IEntityTypeConfiguration<Credit>
{
    public void Configure(EntityTypeBuilder<Credit> b)
    {
        b.ToTable("Credits");
        b.HasOne<Exercice>().WithMany().HasForeignKey(c => c.Annee).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Ligne).WithMany().HasForeignKey(c => c.LigneBudgetaireId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.Annee, c.LigneBudgetaireId }).IsUnique();
        b.Property(c => c.Montant).HasPrecision(14, 2);
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}

public class AllocationConfiguration : IEntityTypeConfiguration<Allocation>
{
    public void Configure(EntityTypeBuilder<Allocation> b)
    {
        b.ToTable("Allocations");
        b.HasOne(a => a.Credit).WithMany().HasForeignKey(a => a.CreditId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.ActionCode).HasMaxLength(20);
        b.HasIndex(a => new { a.CreditId, a.ActionCode }).IsUnique();
        b.Property(a => a.Montant).HasPrecision(14, 2);
        b.Property(a => a.Version).IsConcurrencyToken();
    }
}

public class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> b)
    {
        b.ToTable("Engagements");
        b.HasOne(e => e.Allocation).WithMany().HasForeignKey(e => e.AllocationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.Montant).HasPrecision(14, 2);
        b.Property(e => e.Beneficiaire).HasMaxLength(200);
        b.Property(e => e.Objet).HasMaxLength(500);
        b.Property(e => e.Reference).HasMaxLength(100);
        b.Property(e => e.MotifAnnulation).HasMaxLength(500);
        b.Property(e => e.Origine).HasMaxLength(100);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => e.AllocationId);
    }
}

public class MandatementConfiguration : IEntityTypeConfiguration<Mandatement>
{
    public void Configure(EntityTypeBuilder<Mandatement> b)
    {
        b.ToTable("Mandatements");
        b.HasOne<Engagement>().WithMany().HasForeignKey(m => m.EngagementId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Montant).HasPrecision(14, 2);
        b.Property(m => m.Reference).HasMaxLength(100);
        b.HasIndex(m => m.EngagementId);
    }
}
