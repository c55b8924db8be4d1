using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Egalis.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Egalis.Benchmarks -- exports   (memory of a 1 000 000-row export)
// dotnet run -c Release --project bench/Egalis.Benchmarks -- instruction "<PostgreSQL connection string>"   (the fund's list on 20 000 dossiers)
if (args is ["exports"])
{
    return await Egalis.Benchmarks.ExportsMemoire.RunAsync();
}
if (args is ["instruction", var connexion])
{
    return await Egalis.Benchmarks.ListeInstruction.RunAsync(connexion);
}
BenchmarkSwitcher.FromAssembly(typeof(Egalis.Benchmarks.GeoLookupBenchmark).Assembly).Run(args);
return 0;
