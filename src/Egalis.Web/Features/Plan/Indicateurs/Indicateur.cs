using Egalis.Web.Platform.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egalis.Web.Features.Plan.Indicateurs;


/// <summary>A measure of the plan's effect: entered by the team, or computed by a module's provider.</summary>
public class Indicateur
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string Unite { get; set; }
    public SensIndicateur Sens { get; set; }
    public string? Description { get; set; }
    /// <summary>The plan action it measures, if any.</summary>
    public string? ActionCode { get; set; }
    /// <summary>Set when a registered provider computes the values (its key); null for values entered by hand.</summary>
    public string? Calcul { get; set; }
    public int Version { get; set; }
    public List<CibleIndicateur> Cibles { get; set; } = [];
}

/// <summary>The target of an indicator for a year.</summary>
public class CibleIndicateur
{
    public required string IndicateurCode { get; set; }
    public int Annee { get; set; }
    public decimal Valeur { get; set; }
}

/// <summary>A value entered for a year, or for a period of it (« T1 », « S2 »…).</summary>
public class ValeurIndicateur
{
    public int Id { get; set; }
    public required string IndicateurCode { get; set; }
    public int Annee { get; set; }
    /// <summary>Empty for the whole year.</summary>
    public string Periode { get; set; } = "";
    public decimal Valeur { get; set; }
    public string? Commentaire { get; set; }
}

public class IndicateurConfiguration : IEntityTypeConfiguration<Indicateur>
{
    public void Configure(EntityTypeBuilder<Indicateur> b)
    {
        b.ToTable("Indicateurs");
        b.HasKey(i => i.Code);
        b.Property(i => i.Code).HasMaxLength(30);
        b.Property(i => i.Libelle).HasMaxLength(300);
        b.Property(i => i.Unite).HasMaxLength(50);
        b.Property(i => i.Description).HasMaxLength(2000);
        b.Property(i => i.ActionCode).HasMaxLength(20);
        b.Property(i => i.Calcul).HasMaxLength(60);
        b.Property(i => i.Version).IsConcurrencyToken();
    }
}

public class CibleIndicateurConfiguration : IEntityTypeConfiguration<CibleIndicateur>
{
    public void Configure(EntityTypeBuilder<CibleIndicateur> b)
    {
        b.ToTable("CiblesIndicateur");
        b.HasKey(c => new { c.IndicateurCode, c.Annee });
        b.HasOne<Indicateur>().WithMany(i => i.Cibles).HasForeignKey(c => c.IndicateurCode).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.Valeur).HasPrecision(18, 4);
    }
}

public class ValeurIndicateurConfiguration : IEntityTypeConfiguration<ValeurIndicateur>
{
    public void Configure(EntityTypeBuilder<ValeurIndicateur> b)
    {
        b.ToTable("ValeursIndicateur");
        b.HasOne<Indicateur>().WithMany().HasForeignKey(v => v.IndicateurCode).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.IndicateurCode, v.Annee, v.Periode }).IsUnique();
        b.Property(v => v.Periode).HasMaxLength(10);
        b.Property(v => v.Valeur).HasPrecision(18, 4);
        b.Property(v => v.Commentaire).HasMaxLength(500);
    }
}
