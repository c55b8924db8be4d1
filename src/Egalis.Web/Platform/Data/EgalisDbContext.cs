using Egalis.Web.Platform.Audit;
using Egalis.Web.Platform.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Egalis.Web.Platform.Data;

/// <summary>
/// The one database context. Each module contributes its entities through
/// IEntityTypeConfiguration classes kept beside the entities.
/// </summary>
public class EgalisDbContext(DbContextOptions<EgalisDbContext> options, IAuditActor? actor = null, TimeProvider? time = null,
    AuditDescriptions? descriptions = null, Caching.PublicCacheEviction? cacheEviction = null)
    : IdentityDbContext<Utilisateur>(options), IDataProtectionKeyContext
{
    private readonly IReadOnlyDictionary<Type, IAuditDescription> _descriptions = descriptions?.ByType ?? new Dictionary<Type, IAuditDescription>();

    /// <summary>Signal rows saved in the transaction under way (public pages may show its changes): evict when it commits.</summary>
    internal List<Caching.CacheChange> PendingCacheChanges { get; } = [];

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite has no date-time-with-offset type; stored as ticks, instants still compare and sort in SQL.
        if (Database.IsSqlite())
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EgalisDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var written = await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);
        // Saved outside any transaction of ours: committed already (the interceptor handles the others).
        if (PendingCacheChanges.Count > 0 && Database.CurrentTransaction is null && cacheEviction is not null)
        {
            var commises = PendingCacheChanges.ToList();
            PendingCacheChanges.Clear();
            await cacheEviction.EvictLocalAsync(commises);
        }
        return written;
    }

    private async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && Caching.PublicCache.Concerns(e.Metadata.ClrType)))
        {
            // In the same save: the other nodes see the row only once the change itself is committed.
            var signal = new Caching.CacheChange { At = (time ?? TimeProvider.System).GetUtcNow() };
            Add(signal);
            PendingCacheChanges.Add(signal);
        }
        var pending = AuditRecorder.Capture(this, _descriptions);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The audit rows must land in the same transaction as the change they describe.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            AuditEntries.AddRange(AuditRecorder.ToEntries(pending, actor?.Name ?? "système", (time ?? TimeProvider.System).GetUtcNow(), this, _descriptions).ToList());
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }
}
