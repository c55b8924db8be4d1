using Egalis.Web.Platform.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using System.Data.Common;

namespace Egalis.Web.Platform.Caching;

/// <summary>
/// Public pages and APIs are rendered once and served from each node's output cache to every visitor who is not
/// signed in. Any saved change to a module's data (or to a file) writes a row in <see cref="CacheChange"/> in the same
/// transaction; the node that saved evicts at once after the commit, and every node polls the table (one small
/// query a second) and evicts when it changed. A page is therefore never older than the last commit on its own node,
/// and never older than one polling interval on another node (ADR 0011).
/// </summary>
public static class PublicCache
{
    /// <summary>The output-cache policy of public pages (<c>[OutputCache(PolicyName = PublicCache.Policy)]</c>) and routes (<c>.CacheOutput(PublicCache.Policy)</c>).</summary>
    public const string Policy = "public";
    public const string Tag = "public";

    /// <summary>How long a page stays cached when nothing changes: bounds what depends on the day alone (late milestones).</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(5);

    /// <summary>Whether saving this kind of record can change what a public page shows.</summary>
    public static bool Concerns(Type entity) =>
        (entity.Namespace?.StartsWith("Egalis.Web.Features.", StringComparison.Ordinal) == true && !typeof(INotShownPublicly).IsAssignableFrom(entity))
        || entity == typeof(Files.StoredFile);

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutputCache(o => o.AddPolicy(Policy, new PublicCachePolicy()));
        // A page rendered from data read before an eviction must not be stored after it: the store checks.
        var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(store);
        services.AddSingleton<IOutputCacheStore>(sp => new GuardedOutputCacheStore(
            (IOutputCacheStore)(store.ImplementationInstance ?? store.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, store.ImplementationType!)),
            sp.GetRequiredService<PublicCacheEviction>(), sp.GetRequiredService<IHttpContextAccessor>()));
        services.AddHttpContextAccessor();
        services.AddSingleton<PublicCacheEviction>();
        services.AddSingleton<PublicReadModels>();
        services.AddSingleton<IInterceptor, CacheCommitInterceptor>();
        services.Configure<PublicCacheOptions>(configuration.GetSection("Egalis:Cache"));
        services.AddHostedService<PublicCachePoller>();
    }
}

public sealed class PublicCacheOptions
{
    /// <summary>How often each node looks for changes saved by another node.</summary>
    public int IntervalleMillisecondes { get; set; } = 1000;
}

/// <summary>A change saved to data that public pages show: the other nodes see a new row and evict their cache.</summary>
public class CacheChange
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
}

public class CacheChangeConfiguration : IEntityTypeConfiguration<CacheChange>
{
    public void Configure(EntityTypeBuilder<CacheChange> b) => b.ToTable("CacheChanges");
}

/// <summary>
/// Cached only for visitors who are not signed in (a signed-in person's page carries their name and menu), for GET
/// and HEAD, per address and query string, and only a 200 that sets no cookie.
/// </summary>
internal sealed class PublicCachePolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = http.User.Identity?.IsAuthenticated != true
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && !http.Request.Headers.ContainsKey("Authorization");
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.ResponseExpirationTimeSpan = PublicCache.Duration;
        context.Tags.Add(PublicCache.Tag);
        http.Items[GuardedOutputCacheStore.GenerationKey] = http.RequestServices.GetRequiredService<PublicCacheEviction>().Generation;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey("Set-Cookie"))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>Evicts this node's public pages and read models, and counts the evictions (see <see cref="GuardedOutputCacheStore"/>).</summary>
public sealed class PublicCacheEviction(IServiceProvider services)
{
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _locaux = new();

    public ValueTask EvictAsync(CancellationToken ct = default)
    {
        // Read models first: a page started after the new generation must not be built from an old read model.
        services.GetRequiredService<PublicReadModels>().Evict();
        Interlocked.Increment(ref _generation);
        return services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PublicCache.Tag, ct);
    }

    /// <summary>After a commit on this node: its signal rows, which the poller then does not evict for again.</summary>
    public ValueTask EvictLocalAsync(IEnumerable<CacheChange> commises)
    {
        if (_locaux.Count > 10_000)
        {
            _locaux.Clear();
        }
        foreach (var c in commises)
        {
            _locaux.TryAdd(c.Id, 0);
        }
        return EvictAsync(CancellationToken.None);
    }

    /// <summary>Whether this signal row was written by this node (and forgets it).</summary>
    public bool TakeLocal(long id) => _locaux.TryRemove(id, out _);
}

/// <summary>
/// Stores a public page only when no eviction happened since its request began: a page rendered while a change was
/// being committed would otherwise be kept with the data from before the change.
/// </summary>
internal sealed class GuardedOutputCacheStore(IOutputCacheStore inner, PublicCacheEviction eviction, IHttpContextAccessor http) : IOutputCacheStore
{
    public const string GenerationKey = "egalis-cache-generation";

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => inner.EvictByTagAsync(tag, cancellationToken);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (tags is not null && tags.Contains(PublicCache.Tag)
            && (http.HttpContext?.Items[GenerationKey] is not long started || started != eviction.Generation))
        {
            return ValueTask.CompletedTask;
        }
        return inner.SetAsync(key, value, tags, validFor, cancellationToken);
    }
}

/// <summary>After a commit that carried a <see cref="CacheChange"/>, this node evicts at once (the others poll).</summary>
public sealed class CacheCommitInterceptor(PublicCacheEviction eviction) : DbTransactionInterceptor
{
    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Not the request's token: the change is committed, its eviction must happen whatever the client does.
        if (eventData.Context is EgalisDbContext { PendingCacheChanges.Count: > 0 } db)
        {
            var commises = db.PendingCacheChanges.ToList();
            db.PendingCacheChanges.Clear();
            await eviction.EvictLocalAsync(commises);
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is EgalisDbContext db)
        {
            // Nothing was committed: the signal rows are gone with the rest, and a retry writes its own.
            foreach (var c in db.PendingCacheChanges)
            {
                db.Entry(c).State = EntityState.Detached;
            }
            db.PendingCacheChanges.Clear();
        }
    }
}

/// <summary>Each node looks for changes saved by the others and evicts its public pages when there are some.</summary>
internal sealed class PublicCachePoller(IServiceScopeFactory scopes, PublicCacheEviction eviction,
    Microsoft.Extensions.Options.IOptions<PublicCacheOptions> options, ILogger<PublicCachePoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        (int Count, long Max)? seen = null;
        var echecs = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(50, options.Value.IntervalleMillisecondes)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
                var changes = db.Set<CacheChange>().AsNoTracking();
                var count = await changes.CountAsync(stoppingToken);
                if (seen is not { } before)
                {
                    seen = (count, await changes.MaxAsync(c => (long?)c.Id, stoppingToken) ?? 0);
                }
                else
                {
                    var nouveaux = await changes.Where(c => c.Id > before.Max).Select(c => c.Id).ToListAsync(stoppingToken);
                    // This node's own saves were evicted at their commit; anything else (another node's save, a save
                    // committed out of id order, a pruning) evicts.
                    var locaux = nouveaux.Count(eviction.TakeLocal);
                    if (count != before.Count + nouveaux.Count || locaux != nouveaux.Count)
                    {
                        await eviction.EvictAsync(CancellationToken.None);
                    }
                    seen = (count, nouveaux.Count == 0 ? before.Max : Math.Max(before.Max, nouveaux.Max()));
                }
                if (count > 2000)
                {
                    // Only the count and the last ids matter: older rows go (every node then evicts once).
                    await db.Set<CacheChange>().Where(c => c.Id <= seen.Value.Max - 1000).ExecuteDeleteAsync(stoppingToken);
                }
                echecs = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is away: nothing can be written either, so what is cached stays right; served as is.
                // Failing for long (a minute at the default interval) is something else: the operator is told.
                if (++echecs == 60)
                {
                    logger.LogWarning(e, "Les changements enregistrés par les autres serveurs ne peuvent plus être lus : les pages publiques de ce serveur peuvent être anciennes.");
                }
                else
                {
                    logger.LogDebug(e, "Lecture des changements pour le cache impossible.");
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>
/// A module's record that no public page or API shows (an applicant's draft, a score): saving it does not evict the
/// public cache, so that work saved as one types does not empty every node's cache.
/// </summary>
public interface INotShownPublicly;
