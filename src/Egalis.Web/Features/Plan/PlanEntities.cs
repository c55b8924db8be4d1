using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egalis.Web.Features.Plan;

/// <summary>A plan adopted by deliberation (the PMLCD of 2019 is the first).</summary>
public class PlanAction
{
    public required string Code { get; set; }
    public required string Titre { get; set; }
    public string? Description { get; set; }
    public DateOnly? AdopteLe { get; set; }
    public List<ElementPlan> Elements { get; set; } = [];
}

public enum NiveauElement
{
    Axe = 0,
    Action = 1,
    SousAction = 2,
}

/// <summary>
/// A node of the plan's tree: an axis, an action or a sub-action (any depth). Progress is set
/// on leaves; a parent's progress is computed from its children (<see cref="PlanProgression"/>).
/// </summary>
public class ElementPlan
{
    public int Id { get; set; }
    public required string PlanCode { get; set; }
    public int? ParentId { get; set; }
    public ElementPlan? Parent { get; set; }
    public List<ElementPlan> Enfants { get; set; } = [];
    public NiveauElement Niveau { get; set; }
    public required string Code { get; set; }
    public required string Titre { get; set; }
    public string? Description { get; set; }
    public string? ServicePilote { get; set; }
    public string? Partenaires { get; set; }
    /// <summary>Codes of the territories concerned: « METROPOLE », CT1–CT6 or INSEE codes.</summary>
    public List<string> Territoires { get; set; } = [];
    public DateOnly? DateDebut { get; set; }
    public DateOnly? DateFin { get; set; }
    public required string StatutCode { get; set; }
    public StatutAction? Statut { get; set; }
    /// <summary>0–100, entered on leaves only; empty means the status's default.</summary>
    public int? Progression { get; set; }
    /// <summary>Weight in the parent's mean; empty means 1.</summary>
    public decimal? Poids { get; set; }
    public int Ordre { get; set; }
    /// <summary>Optimistic concurrency: two people editing at once cannot overwrite each other.</summary>
    public int Version { get; set; }
    public List<Jalon> Jalons { get; set; } = [];
}

/// <summary>A status of the configurable list; each carries the progress it implies by default.</summary>
public class StatutAction
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    /// <summary>Default progress; empty for a status that takes the element out of the roll-up (abandonné).</summary>
    public int? ProgressionParDefaut { get; set; }
    public int Ordre { get; set; }
}

/// <summary>A dated milestone of a plan element.</summary>
public class Jalon
{
    public int Id { get; set; }
    public int ElementPlanId { get; set; }
    public DateOnly Date { get; set; }
    public required string Titre { get; set; }
    public string? Description { get; set; }
    public DateOnly? AtteintLe { get; set; }
    /// <summary>The day the daily check flagged it late (once), and told the plan's team.</summary>
    public DateOnly? RetardSignaleLe { get; set; }
}

public class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> b)
    {
        b.ToTable("Plans");
        b.HasKey(p => p.Code);
        b.Property(p => p.Code).HasMaxLength(20);
        b.Property(p => p.Titre).HasMaxLength(300);
        b.Property(p => p.Description).HasMaxLength(4000);
    }
}

public class ElementPlanConfiguration : IEntityTypeConfiguration<ElementPlan>
{
    public void Configure(EntityTypeBuilder<ElementPlan> b)
    {
        b.ToTable("ElementsPlan");
        b.HasOne<PlanAction>().WithMany(p => p.Elements).HasForeignKey(e => e.PlanCode).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Parent).WithMany(e => e.Enfants).HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Statut).WithMany().HasForeignKey(e => e.StatutCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.PlanCode, e.Code }).IsUnique();
        b.Property(e => e.PlanCode).HasMaxLength(20);
        b.Property(e => e.Code).HasMaxLength(20);
        b.Property(e => e.Titre).HasMaxLength(300);
        b.Property(e => e.Description).HasMaxLength(4000);
        b.Property(e => e.ServicePilote).HasMaxLength(200);
        b.Property(e => e.Partenaires).HasMaxLength(1000);
        b.Property(e => e.StatutCode).HasMaxLength(30);
        b.Property(e => e.Poids).HasPrecision(9, 3);
        b.Property(e => e.Version).IsConcurrencyToken();
    }
}

public class StatutActionConfiguration : IEntityTypeConfiguration<StatutAction>
{
    public void Configure(EntityTypeBuilder<StatutAction> b)
    {
        b.ToTable("StatutsAction");
        b.HasKey(s => s.Code);
        b.Property(s => s.Code).HasMaxLength(30);
        b.Property(s => s.Libelle).HasMaxLength(100);
    }
}

public class JalonConfiguration : IEntityTypeConfiguration<Jalon>
{
    public void Configure(EntityTypeBuilder<Jalon> b)
    {
        b.ToTable("Jalons");
        b.HasOne<ElementPlan>().WithMany(e => e.Jalons).HasForeignKey(j => j.ElementPlanId).OnDelete(DeleteBehavior.Cascade);
        b.Property(j => j.Titre).HasMaxLength(300);
        b.Property(j => j.Description).HasMaxLength(2000);
        b.HasIndex(j => j.Date);
    }
}
