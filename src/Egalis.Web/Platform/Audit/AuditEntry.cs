using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egalis.Web.Platform.Audit;

/// <summary>One line of the append-only audit log: who did what to which record, and when.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset Quand { get; set; }
    public required string Qui { get; set; }
    public required string Entite { get; set; }
    public required string EntiteId { get; set; }
    public required string Action { get; set; }
    /// <summary>The sentence an agent reads: what happened to which record.</summary>
    public required string Resume { get; set; }
    /// <summary>The module the record belongs to (« Délibérations », « Plan »…), for filtering.</summary>
    public string Module { get; set; } = "";
    /// <summary>The record's page, when it has one.</summary>
    public string? Lien { get; set; }
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("JournalAudit");
        b.Property(e => e.Qui).HasMaxLength(256);
        b.Property(e => e.Entite).HasMaxLength(128);
        b.Property(e => e.EntiteId).HasMaxLength(128);
        b.Property(e => e.Action).HasMaxLength(32);
        b.Property(e => e.Resume).HasMaxLength(2000);
        b.Property(e => e.Module).HasMaxLength(40);
        b.Property(e => e.Lien).HasMaxLength(300);
        b.HasIndex(e => new { e.Module, e.Quand });
        b.HasIndex(e => e.Qui);
        b.HasIndex(e => e.Quand);
        b.HasIndex(e => new { e.Entite, e.EntiteId });
        // The last change of a kind of record (the open-data page dates its datasets so) is one index seek.
        b.HasIndex(e => new { e.Entite, e.Id });
    }
}
