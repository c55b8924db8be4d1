using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Egalis.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Egalis.Benchmarks.GeoLookupBenchmark).Assembly).Run(args);
