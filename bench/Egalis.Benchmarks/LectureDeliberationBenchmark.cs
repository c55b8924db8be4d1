using BenchmarkDotNet.Attributes;
using Egalis.Web.Features.Deliberations;

namespace Egalis.Benchmarks;

/// <summary>
/// Reading a pasted deliberation, at the largest size the import accepts (200 000 characters): an ordinary
/// extract repeated, and texts built to make backtracking patterns run for minutes. Goal: under a second each.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LectureDeliberationBenchmark
{
    private string _extraits = "";
    private string _objets = "";
    private string _convocations = "";

    [GlobalSetup]
    public void Preparer()
    {
        static string Repeter(string motif) => string.Concat(Enumerable.Repeat(motif, LecteurDeliberation.TailleMaximale / motif.Length));
        var fondateur = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deliberation-2019_CT2_587.txt"));
        _extraits = Repeter(fondateur);
        _objets = Repeter("OBJET : ");
        _convocations = Repeter("convocation qui lui a été adressée ");
    }

    [Benchmark(Description = "200 000 car. : extrait fondateur répété")]
    public int Extraits() => LecteurDeliberation.Lire(_extraits).Presents.Count;

    [Benchmark(Description = "200 000 car. : « OBJET : » répété")]
    public int Objets() => LecteurDeliberation.Lire(_objets).NonLus.Count;

    [Benchmark(Description = "200 000 car. : « convocation qui lui a été adressée » répété")]
    public int Convocations() => LecteurDeliberation.Lire(_convocations).NonLus.Count;
}
