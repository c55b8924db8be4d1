using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Egalis.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Egalis.Benchmarks -- exports   (memory of a 1 000 000-row export)
if (args is ["exports"])
{
    return await Egalis.Benchmarks.ExportsMemoire.RunAsync();
}
BenchmarkSwitcher.FromAssembly(typeof(Egalis.Benchmarks.GeoLookupBenchmark).Assembly).Run(args);
return 0;
