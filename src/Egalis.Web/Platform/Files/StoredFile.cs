using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Egalis.Web.Platform.Files;

/// <summary>
/// A file a person deposited, stored in the database with the record it belongs to (so that it is saved with it or
/// not at all, every node sees it, and backups hold it). Its bytes are in <see cref="FileContent"/>, read only to
/// send it.
/// </summary>
public class StoredFile
{
    public Guid Id { get; set; }
    /// <summary>The kind of record it belongs to (« acte »), declared by its module (<see cref="IFileOwner"/>).</summary>
    public required string ProprietaireType { get; set; }
    public required string ProprietaireId { get; set; }
    /// <summary>The name it had on the person's computer, cleaned (no folder, no control character).</summary>
    public required string Nom { get; set; }
    /// <summary>The type its content was recognised as (never the one the browser claimed).</summary>
    public required string TypeMime { get; set; }
    public long Taille { get; set; }
    /// <summary>SHA-256 of the content, in hexadecimal: what was deposited is what is sent.</summary>
    public required string Sha256 { get; set; }
    public required string DeposePar { get; set; }
    public DateTimeOffset DeposeLe { get; set; }
}

public class FileContent
{
    public Guid FichierId { get; set; }
    public required byte[] Octets { get; set; }
}

public class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("Fichiers");
        b.Property(f => f.ProprietaireType).HasMaxLength(40);
        b.Property(f => f.ProprietaireId).HasMaxLength(60);
        b.Property(f => f.Nom).HasMaxLength(200);
        b.Property(f => f.TypeMime).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.Property(f => f.DeposePar).HasMaxLength(460);
        b.HasIndex(f => new { f.ProprietaireType, f.ProprietaireId });
    }
}

public class FileContentConfiguration : IEntityTypeConfiguration<FileContent>
{
    public void Configure(EntityTypeBuilder<FileContent> b)
    {
        b.ToTable("ContenusFichiers");
        b.HasKey(c => c.FichierId);
        b.HasOne<StoredFile>().WithOne().HasForeignKey<FileContent>(c => c.FichierId).OnDelete(DeleteBehavior.Cascade);
    }
}
