using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egalis.Web.Features.Territoires;

/// <summary>The Métropole itself: the authority whose plan this platform runs.</summary>
public class Metropole
{
    public required string Siren { get; set; }
    public required string Nom { get; set; }
    /// <summary>Département code on 3 characters, as in ACTES identifiers (« 013 »).</summary>
    public required string CodeDepartement { get; set; }
}

/// <summary>One of the 6 conseils de territoire (CT1–CT6).</summary>
public class ConseilTerritoire
{
    public required string Code { get; set; }
    public required string Nom { get; set; }
    public List<Commune> Communes { get; set; } = [];
}

public class Commune
{
    public required string CodeInsee { get; set; }
    public required string Nom { get; set; }
    public required string Departement { get; set; }
    public required string ConseilTerritoireCode { get; set; }
    public ConseilTerritoire? ConseilTerritoire { get; set; }
    public int PopulationMunicipale { get; set; }
    public int PopulationTotale { get; set; }
    /// <summary>Boundary as GeoJSON (WGS84); the in-memory index serves lookups.</summary>
    public required string GeometrieGeoJson { get; set; }
    public List<QpvCommune> Qpvs { get; set; } = [];
}

/// <summary>Quartier prioritaire de la politique de la ville (2024 geography).</summary>
public class Qpv
{
    public required string Code { get; set; }
    public required string Nom { get; set; }
    public required string GeometrieGeoJson { get; set; }
    public List<QpvCommune> Communes { get; set; } = [];
}

/// <summary>A QPV may straddle two communes (QN01341I « Les Escourtines »).</summary>
public class QpvCommune
{
    public required string QpvCode { get; set; }
    public Qpv? Qpv { get; set; }
    public required string CommuneCodeInsee { get; set; }
    public Commune? Commune { get; set; }
}

public class MetropoleConfiguration : IEntityTypeConfiguration<Metropole>
{
    public void Configure(EntityTypeBuilder<Metropole> b)
    {
        b.HasKey(e => e.Siren);
        b.Property(e => e.Siren).HasMaxLength(9);
        b.Property(e => e.Nom).HasMaxLength(200);
        b.Property(e => e.CodeDepartement).HasMaxLength(3);
    }
}

public class ConseilTerritoireConfiguration : IEntityTypeConfiguration<ConseilTerritoire>
{
    public void Configure(EntityTypeBuilder<ConseilTerritoire> b)
    {
        b.ToTable("ConseilsTerritoire");
        b.HasKey(e => e.Code);
        b.Property(e => e.Code).HasMaxLength(3);
        b.Property(e => e.Nom).HasMaxLength(100);
    }
}

public class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> b)
    {
        b.ToTable("Communes");
        b.HasKey(e => e.CodeInsee);
        b.Property(e => e.CodeInsee).HasMaxLength(5);
        b.Property(e => e.Nom).HasMaxLength(100);
        b.Property(e => e.Departement).HasMaxLength(3);
        b.Property(e => e.ConseilTerritoireCode).HasMaxLength(3);
        b.HasOne(e => e.ConseilTerritoire).WithMany(c => c.Communes).HasForeignKey(e => e.ConseilTerritoireCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.Nom);
    }
}

public class QpvConfiguration : IEntityTypeConfiguration<Qpv>
{
    public void Configure(EntityTypeBuilder<Qpv> b)
    {
        b.ToTable("Qpvs");
        b.HasKey(e => e.Code);
        b.Property(e => e.Code).HasMaxLength(10);
        b.Property(e => e.Nom).HasMaxLength(200);
    }
}

public class QpvCommuneConfiguration : IEntityTypeConfiguration<QpvCommune>
{
    public void Configure(EntityTypeBuilder<QpvCommune> b)
    {
        b.ToTable("QpvCommunes");
        b.HasKey(e => new { e.QpvCode, e.CommuneCodeInsee });
        b.HasOne(e => e.Qpv).WithMany(q => q.Communes).HasForeignKey(e => e.QpvCode).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Commune).WithMany(c => c.Qpvs).HasForeignKey(e => e.CommuneCodeInsee).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A criterion of discrimination of article 225-1 of the Code pénal.</summary>
public class CritereDiscrimination
{
    public required string Code { get; set; }
    public int Ordre { get; set; }
    public required string Libelle { get; set; }
}

public class CritereDiscriminationConfiguration : IEntityTypeConfiguration<CritereDiscrimination>
{
    public void Configure(EntityTypeBuilder<CritereDiscrimination> b)
    {
        b.ToTable("CriteresDiscrimination");
        b.HasKey(e => e.Code);
        b.Property(e => e.Code).HasMaxLength(64);
        b.Property(e => e.Libelle).HasMaxLength(300);
    }
}

/// <summary>A person's territorial scope points to a real conseil de territoire or commune.</summary>
public class PorteeUtilisateurConfiguration : IEntityTypeConfiguration<Platform.Identity.Utilisateur>
{
    public void Configure(EntityTypeBuilder<Platform.Identity.Utilisateur> b)
    {
        b.HasOne<ConseilTerritoire>().WithMany().HasForeignKey(u => u.ConseilTerritoireCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Commune>().WithMany().HasForeignKey(u => u.CommuneCodeInsee).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The module's tables, read as <c>db.Communes</c>.</summary>
public static class TerritoiresTables
{
    extension(EgalisDbContext db)
    {
        public DbSet<ConseilTerritoire> ConseilsTerritoire => db.Set<ConseilTerritoire>();
        public DbSet<Commune> Communes => db.Set<Commune>();
        public DbSet<Qpv> Qpvs => db.Set<Qpv>();
        public DbSet<CritereDiscrimination> CriteresDiscrimination => db.Set<CritereDiscrimination>();
    }
}
