using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egalis.Web.Features.Deliberations;

public enum TypeAssemblee
{
    ConseilMetropole = 0,
    ConseilTerritoire = 1,
    Bureau = 2,
    Commission = 3,
}

/// <summary>A deliberating body of the Métropole: its council, a conseil de territoire, the Bureau, a commission.</summary>
public class Assemblee : Platform.Identity.ITerritorialRecord
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Nom { get; set; }
    public TypeAssemblee Type { get; set; }
    public string? ConseilTerritoireCode { get; set; }
    string? Platform.Identity.ITerritorialRecord.CommuneCodeInsee => null;
}

/// <summary>An elected member, named as registers write it: « NOM Prénom ».</summary>
public class Elu
{
    public int Id { get; set; }
    public required string Nom { get; set; }
}

/// <summary>A member's term in an assembly (in office from, to).</summary>
public class Mandat
{
    public int Id { get; set; }
    public int AssembleeId { get; set; }
    public int EluId { get; set; }
    public Elu? Elu { get; set; }
    public DateOnly Debut { get; set; }
    public DateOnly? Fin { get; set; }
    /// <summary>The imported act that created this term (a name the register gave that was not yet a member); undoing the import removes it if nothing else uses it.</summary>
    public int? CreeParImportPointId { get; set; }

    public bool EnExercice(DateOnly date) => Debut <= date && (Fin is null || date <= Fin);
}

public class Seance
{
    public int Id { get; set; }
    public int AssembleeId { get; set; }
    public Assemblee? Assemblee { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Empty when the register does not give it (acts recorded from an extract).</summary>
    public string? Lieu { get; set; }
    public DateOnly? DateConvocation { get; set; }
    public string? FondementConvocation { get; set; }
    public int? PresidentMandatId { get; set; }
    public int? SecretaireMandatId { get; set; }
    /// <summary>Code of the <see cref="PolitiqueQuorum"/> applied to this session.</summary>
    public required string PolitiqueCode { get; set; }
    /// <summary>Set on a session convened again after quorum failed at this earlier one.</summary>
    public int? SeanceInitialeId { get; set; }
}

public enum GenrePoint
{
    Vote = 0,
    PriseActe = 1,
}

public enum StatutTransmission
{
    ATransmettre = 0,
    Transmis = 1,
    Acquitte = 2,
    Refuse = 3,
}

/// <summary>An agenda item of a session, and the act it becomes.</summary>
public class PointOrdreDuJour
{
    public int Id { get; set; }
    public int SeanceId { get; set; }
    public Seance? Seance { get; set; }
    public int Rang { get; set; }
    public string? NumeroRapport { get; set; }
    public string? Theme { get; set; }
    public required string Objet { get; set; }
    public int? RapporteurMandatId { get; set; }
    public required string MatiereCode { get; set; }
    public string NatureCode { get; set; } = "DE";
    public GenrePoint Genre { get; set; }
    public string? Rapport { get; set; }
    public List<string> Visas { get; set; } = [];
    public List<string> Considerants { get; set; } = [];
    public List<string> Articles { get; set; } = [];
    /// <summary>For a « prise d'acte », the sentence recorded instead of articles.</summary>
    public string? TextePriseActe { get; set; }
    /// <summary>The authority's internal act number, unique per authority (ACTES).</summary>
    public string? NumeroActe { get; set; }
    public bool ScrutinSecret { get; set; }
    public int? Pour { get; set; }
    public int? Contre { get; set; }
    public int? Abstention { get; set; }
    public int? NePrendPasPart { get; set; }
    public bool? VoixPresidentPour { get; set; }
    /// <summary>Set when the result is known but the register does not give the counts (acts recorded from an extract).</summary>
    public ResultatDeliberation? ResultatSansDecompte { get; set; }
    public StatutTransmission Transmission { get; set; }
    public DateOnly? DateSignature { get; set; }
    public DateOnly? DateTransmission { get; set; }
    public DateOnly? DateAccuse { get; set; }
    public string? MotifRefus { get; set; }
    /// <summary>
    /// Set once the assembly has decided: the vote or the taking note is recorded after the session,
    /// or the act was recorded from its extract. Until then the item is a draft that only the secretariat sees.
    /// </summary>
    public bool Delibere { get; set; }
    /// <summary>When the act was recorded from the text of its extract (an import can be undone for a few days).</summary>
    public DateTimeOffset? ImporteLe { get; set; }
    public int Version { get; set; }

    /// <summary>Signed acts are final: attendance, vote, text and number no longer change, except by a recorded rectification.</summary>
    public bool EstSigne => DateSignature is not null || Transmission != StatutTransmission.ATransmettre;
}

/// <summary>
/// A « rectification d'erreur matérielle » of a signed act: a typing error in its text corrected
/// without changing the decision. The previous wording is kept and shown with the act.
/// </summary>
public class Rectification
{
    public int Id { get; set; }
    public int PointId { get; set; }
    public DateTimeOffset Quand { get; set; }
    public required string Auteur { get; set; }
    /// <summary>One of <see cref="ChampsRectifiables"/>.</summary>
    public required string Champ { get; set; }
    public string? AncienneValeur { get; set; }
    public string? NouvelleValeur { get; set; }
    public required string Motif { get; set; }
}

/// <summary>A member's attendance for one agenda item (members arrive and leave during a session).</summary>
public class Presence
{
    public int PointId { get; set; }
    public int MandatId { get; set; }
    public StatutPresence Statut { get; set; }
    public int? MandataireMandatId { get; set; }
}

/// <summary>
/// What an act concerns in another module, by kind and reference: « plan-action » 1.3,
/// « budget-credit » 2020, and later « fonds-decision » 42. Other modules read these links to show
/// the deliberations behind their records.
/// </summary>
public class LienDeliberation
{
    public int Id { get; set; }
    public int PointId { get; set; }
    public required string Type { get; set; }
    public required string Reference { get; set; }
}

public class AssembleeConfiguration : IEntityTypeConfiguration<Assemblee>
{
    public void Configure(EntityTypeBuilder<Assemblee> b)
    {
        b.ToTable("Assemblees");
        b.Property(a => a.Code).HasMaxLength(30);
        b.Property(a => a.Nom).HasMaxLength(200);
        b.Property(a => a.ConseilTerritoireCode).HasMaxLength(3);
        b.HasIndex(a => a.Code).IsUnique();
    }
}

public class EluConfiguration : IEntityTypeConfiguration<Elu>
{
    public void Configure(EntityTypeBuilder<Elu> b)
    {
        b.ToTable("Elus");
        b.Property(e => e.Nom).HasMaxLength(200);
        // One person per name: two secretaries adding the same new member at once cannot make two.
        b.HasIndex(e => e.Nom).IsUnique();
    }
}

public class MandatConfiguration : IEntityTypeConfiguration<Mandat>
{
    public void Configure(EntityTypeBuilder<Mandat> b)
    {
        b.ToTable("Mandats");
        b.HasOne<Assemblee>().WithMany().HasForeignKey(m => m.AssembleeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Elu).WithMany().HasForeignKey(m => m.EluId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.AssembleeId, m.EluId, m.Debut }).IsUnique();
    }
}

public class SeanceConfiguration : IEntityTypeConfiguration<Seance>
{
    public void Configure(EntityTypeBuilder<Seance> b)
    {
        b.ToTable("Seances");
        b.HasOne(s => s.Assemblee).WithMany().HasForeignKey(s => s.AssembleeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Mandat>().WithMany().HasForeignKey(s => s.PresidentMandatId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Mandat>().WithMany().HasForeignKey(s => s.SecretaireMandatId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Seance>().WithMany().HasForeignKey(s => s.SeanceInitialeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Lieu).HasMaxLength(200);
        b.Property(s => s.FondementConvocation).HasMaxLength(300);
        b.Property(s => s.PolitiqueCode).HasMaxLength(20);
        b.HasIndex(s => new { s.AssembleeId, s.Date });
    }
}

public class PointOrdreDuJourConfiguration : IEntityTypeConfiguration<PointOrdreDuJour>
{
    public void Configure(EntityTypeBuilder<PointOrdreDuJour> b)
    {
        b.ToTable("PointsOrdreDuJour");
        b.HasOne(p => p.Seance).WithMany().HasForeignKey(p => p.SeanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Mandat>().WithMany().HasForeignKey(p => p.RapporteurMandatId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.NumeroRapport).HasMaxLength(50);
        b.Property(p => p.Theme).HasMaxLength(300);
        b.Property(p => p.Objet).HasMaxLength(499);
        b.Property(p => p.MatiereCode).HasMaxLength(5);
        b.Property(p => p.NatureCode).HasMaxLength(2);
        b.Property(p => p.TextePriseActe).HasMaxLength(1000);
        b.Property(p => p.NumeroActe).HasMaxLength(15);
        b.Property(p => p.MotifRefus).HasMaxLength(500);
        b.Property(p => p.Version).IsConcurrencyToken();
        // ACTES: the internal number is unique for the authority (the Métropole, one SIREN).
        b.HasIndex(p => p.NumeroActe).IsUnique();
        b.HasIndex(p => new { p.SeanceId, p.Rang }).IsUnique();
    }
}

public class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.ToTable("Rectifications");
        b.HasOne<PointOrdreDuJour>().WithMany().HasForeignKey(r => r.PointId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Auteur).HasMaxLength(256);
        b.Property(r => r.Champ).HasMaxLength(30);
        b.Property(r => r.AncienneValeur).HasMaxLength(ChampsRectifiables.TailleMax);
        b.Property(r => r.NouvelleValeur).HasMaxLength(ChampsRectifiables.TailleMax);
        b.Property(r => r.Motif).HasMaxLength(1000);
        b.HasIndex(r => r.PointId);
    }
}

public class PresenceConfiguration : IEntityTypeConfiguration<Presence>
{
    public void Configure(EntityTypeBuilder<Presence> b)
    {
        b.ToTable("Presences");
        b.HasKey(p => new { p.PointId, p.MandatId });
        b.HasOne<PointOrdreDuJour>().WithMany().HasForeignKey(p => p.PointId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Mandat>().WithMany().HasForeignKey(p => p.MandatId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Mandat>().WithMany().HasForeignKey(p => p.MandataireMandatId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class LienDeliberationConfiguration : IEntityTypeConfiguration<LienDeliberation>
{
    public void Configure(EntityTypeBuilder<LienDeliberation> b)
    {
        b.ToTable("LiensDeliberation");
        b.HasOne<PointOrdreDuJour>().WithMany().HasForeignKey(l => l.PointId).OnDelete(DeleteBehavior.Cascade);
        b.Property(l => l.Type).HasMaxLength(40);
        b.Property(l => l.Reference).HasMaxLength(100);
        b.HasIndex(l => new { l.Type, l.Reference });
        b.HasIndex(l => new { l.PointId, l.Type, l.Reference }).IsUnique();
    }
}
