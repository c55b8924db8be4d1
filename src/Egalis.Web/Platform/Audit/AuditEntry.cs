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
    public required string Resume { get; set; }
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
        b.HasIndex(e => e.Quand);
        b.HasIndex(e => new { e.Entite, e.EntiteId });
    }
}
