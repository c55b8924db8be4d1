using Egalis.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egalis.Web.Features.Fonds;

/// <summary>A call for projects' life, as Démarches Simplifiées names a procedure's (brouillon, publiée, close, dépubliée).</summary>
public enum StatutAppel
{
    Brouillon,
    Publie,
    Clos,
    Depublie,
}

/// <summary>
/// A call for projects of the initiative fund: its rules, its dates (instants, entered and shown in Paris time), its
/// envelope (a Budget allocation of the fund's action), who may apply and how dossiers are scored. Once published, the
/// rules a dossier is judged on (eligibility, grid, envelope) are fixed: changing them would change the game for
/// those who already applied.
/// </summary>
public class AppelAProjets : ITerritorialRecord
{
    public int Id { get; set; }
    public int Annee { get; set; }
    public required string Titre { get; set; }
    public string? Reglement { get; set; }
    public DateTimeOffset Ouverture { get; set; }
    public DateTimeOffset Cloture { get; set; }
    /// <summary>The envelope: the allocation of the fund's action (2.5) on a year's credits.</summary>
    public int? AllocationId { get; set; }
    public bool OuvertAuxAssociations { get; set; } = true;
    public bool OuvertAuxCommunes { get; set; } = true;
    /// <summary>Codes of the conseils de territoire where projects may take place; none: the whole Métropole.</summary>
    public List<string> Territoires { get; set; } = [];
    /// <summary>Communes without a local plan come first (the founding text's aim).</summary>
    public bool PrioriteSansPlanLocal { get; set; } = true;
    public decimal? MontantMaximum { get; set; }
    /// <summary>The largest share of the project's cost the fund pays, in percent (80: at most 80 %).</summary>
    public int? PartMaximale { get; set; }
    /// <summary>How many instructors must have scored a dossier before it can go to committee.</summary>
    public int NotesRequises { get; set; } = 2;
    public StatutAppel Statut { get; set; }
    /// <summary>Set at the first publication: from then on the rules are fixed.</summary>
    public DateTimeOffset? PublieLe { get; set; }
    public int Version { get; set; }
    public List<CritereNotation> Criteres { get; set; } = [];

    // A call is the Métropole's: only people whose role has no territorial scope manage it.
    string? ITerritorialRecord.ConseilTerritoireCode => null;
    string? ITerritorialRecord.CommuneCodeInsee => null;
}

/// <summary>One line of a call's scoring grid: a criterion, its weight, and the highest score (scores go from 0 to it).</summary>
public class CritereNotation
{
    public int Id { get; set; }
    public int AppelId { get; set; }
    public int Rang { get; set; }
    public required string Libelle { get; set; }
    public int Poids { get; set; }
    public int Echelle { get; set; }
}

/// <summary>A commune with its own local plan against discrimination (reference data the team keeps up to date).</summary>
public class CommunePlanLocal
{
    public required string CommuneCodeInsee { get; set; }
    /// <summary>Where this is known from (a deliberation, a local plan's adoption).</summary>
    public required string Source { get; set; }
}

public class AppelAProjetsConfiguration : IEntityTypeConfiguration<AppelAProjets>
{
    public void Configure(EntityTypeBuilder<AppelAProjets> b)
    {
        b.ToTable("AppelsAProjets");
        b.Property(a => a.Titre).HasMaxLength(AppelsService.LongueurTitre);
        b.Property(a => a.Reglement).HasMaxLength(AppelsService.LongueurReglement);
        b.Property(a => a.Statut).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.MontantMaximum).HasPrecision(14, 2);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasIndex(a => new { a.Annee, a.Titre }).IsUnique();
        b.HasIndex(a => a.Statut);
        b.HasOne<Budget.Allocation>().WithMany().HasForeignKey(a => a.AllocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Criteres).WithOne().HasForeignKey(c => c.AppelId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class CritereNotationConfiguration : IEntityTypeConfiguration<CritereNotation>
{
    public void Configure(EntityTypeBuilder<CritereNotation> b)
    {
        b.ToTable("CriteresNotation");
        b.Property(c => c.Libelle).HasMaxLength(200);
        b.HasIndex(c => new { c.AppelId, c.Rang }).IsUnique();
    }
}

public class CommunePlanLocalConfiguration : IEntityTypeConfiguration<CommunePlanLocal>
{
    public void Configure(EntityTypeBuilder<CommunePlanLocal> b)
    {
        b.ToTable("CommunesPlanLocal");
        b.HasKey(c => c.CommuneCodeInsee);
        b.Property(c => c.CommuneCodeInsee).HasMaxLength(5);
        b.Property(c => c.Source).HasMaxLength(300);
        b.HasOne<Territoires.Commune>().WithMany().HasForeignKey(c => c.CommuneCodeInsee).OnDelete(DeleteBehavior.Cascade);
    }
}
