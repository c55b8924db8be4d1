using System.Collections.Concurrent;

namespace Egalis.Web.Platform.Caching;

/// <summary>
/// What a public page shows, read once per change rather than once per request: the output cache holds a page for
/// one address and for visitors who are not signed in, this holds the page's data for every address (a year chosen
/// in the query string) and for every visitor, signed in or not. Evicted with the output cache (on commit on this
/// node, by polling for the others); a value read before an eviction is never served after it. Concurrent requests
/// for a missing value share one read, done in a scope of its own so that no request's end can cut it short.
/// </summary>
public sealed class PublicReadModels(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>Beyond this many values (one per act page read since the last change, say), all are dropped at once.</summary>
    public const int MaxEntries = 5_000;

    /// <summary>What depends on the day alone (a late milestone, « établi le ») is at most this old, as with the output cache.</summary>
    public static readonly TimeSpan Duration = PublicCache.Duration;

    /// <summary>A read that hangs (a stuck query) gives up, so that the next request reads again.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);

    private sealed record Entry(long Generation, long Created, Lazy<Task<object?>> Value)
    {
        public bool Usable(long generation, long now) =>
            Generation == generation && now - Created < Duration.Ticks && !(Value.IsValueCreated && (Value.Value.IsFaulted || Value.Value.IsCanceled));
    }

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public async Task<T> GetAsync<T>(string key, Func<IServiceProvider, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        var generation = Interlocked.Read(ref _generation);
        var now = time.GetUtcNow().UtcTicks;
        var entry = _entries.AddOrUpdate(key,
            static (_, a) => a.self.Create(a.generation, a.now, a.read),
            static (_, existing, a) => existing.Usable(a.generation, a.now) ? existing : a.self.Create(a.generation, a.now, a.read),
            (self: this, generation, now, read: (Func<IServiceProvider, CancellationToken, Task<object?>>)(async (sp, c) => await read(sp, c))));
        if (_entries.Count > MaxEntries)
        {
            _entries.Clear();
        }
        return (T)(await entry.Value.Value.WaitAsync(ct))!;
    }

    // Lazy: the dictionary may build an entry it then discards; only the one kept starts reading.
    private Entry Create(long generation, long now, Func<IServiceProvider, CancellationToken, Task<object?>> read) =>
        new(generation, now, new Lazy<Task<object?>>(() => ReadAsync(read)));

    private Task<object?> ReadAsync(Func<IServiceProvider, CancellationToken, Task<object?>> read)
    {
        // On its own: not the first visitor's context (their HttpContext, their cancellation), its own scope.
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(async () =>
            {
                using var delai = new CancellationTokenSource(ReadTimeout);
                await using var scope = scopes.CreateAsyncScope();
                return await read(scope.ServiceProvider, delai.Token);
            });
        }
    }

    /// <summary>Called by <see cref="PublicCacheEviction"/>: every value read so far is out of date.</summary>
    internal void Evict()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
