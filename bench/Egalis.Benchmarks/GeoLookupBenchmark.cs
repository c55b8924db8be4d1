using BenchmarkDotNet.Attributes;
using Egalis.Web.Features.Territoires;

namespace Egalis.Benchmarks;

/// <summary>
/// Point → commune, territory and QPV for random points in the Métropole's bounding box.
/// Each invocation runs 1,000 lookups and BenchmarkDotNet reports the mean per lookup
/// (OperationsPerInvoke), so lookups per second = 1e9 / mean in ns.
/// </summary>
[MemoryDiagnoser]
public class GeoLookupBenchmark
{
    private const int Batch = 1_000;
    private GeoIndex _index = null!;
    private (double Lat, double Lon)[] _points = [];

    [GlobalSetup]
    public void Setup()
    {
        _index = GeoIndex.From(ReferenceData.Load());
        var random = new Random(2019);
        // Bounding box of the 92 communes (WGS84).
        _points = Enumerable.Range(0, Batch)
            .Select(_ => (43.16 + random.NextDouble() * (43.92 - 43.16), 4.79 + random.NextDouble() * (5.83 - 4.79)))
            .ToArray();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int Lookup()
    {
        var found = 0;
        foreach (var (lat, lon) in _points)
        {
            if (_index.Lookup(lat, lon).Commune is not null)
            {
                found++;
            }
        }
        return found;
    }
}
