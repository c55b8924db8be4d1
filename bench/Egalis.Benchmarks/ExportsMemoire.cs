using System.Diagnostics;
using Egalis.Web.Platform.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Egalis.Benchmarks;

/// <summary>
/// dotnet run -c Release --project bench/Egalis.Benchmarks -- exports
/// Writes 1 000 000 rows as CSV and as XLSX through the platform's writers into a response body that refuses
/// synchronous writes, and reports when the first byte left, how long it took, and how much memory grew (goal:
/// under 100 MB of growth).
/// </summary>
public static class ExportsMemoire
{
    private const int Lignes = 1_000_000;

    private sealed class Corps : Stream
    {
        public long Recus;
        public long PremierOctetMs = -1;
        public required Stopwatch Chrono { get; init; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (PremierOctetMs < 0)
            {
                PremierOctetMs = Chrono.ElapsedMilliseconds;
            }
            Recus += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Écriture synchrone.");
        public override void Flush() => throw new InvalidOperationException("Écriture synchrone.");
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private sealed record Ligne(int Numero, string Intitule, DateOnly Date, decimal Montant, string Commune);

    private static readonly IReadOnlyList<Spreadsheet.Colonne<Ligne>> Colonnes =
    [
        new("numero", l => l.Numero), new("intitule", l => l.Intitule), new("date", l => l.Date),
        new("montant", l => l.Montant), new("commune", l => l.Commune),
    ];

    private static async IAsyncEnumerable<Ligne> RangeesAsync(Action mesurer)
    {
        for (var i = 1; i <= Lignes; i++)
        {
            if (i % 10_000 == 0)
            {
                mesurer();
                await Task.Yield();
            }
            yield return new Ligne(i, $"Inscription n° {i} à la formation « Prévenir les discriminations »", new DateOnly(2020, 1, 1).AddDays(i % 2000), i * 0.37m, "Marseille 3e arrondissement");
        }
    }

    /// <summary>0 when every export stayed under 100 MB of growth, 1 otherwise (the load scenario fails on it).</summary>
    public static async Task<int> RunAsync()
    {
        var code = 0;
        Console.WriteLine($"{"format",-6} {"1er octet",10} {"durée",8} {"taille",10} {"tas géré +",11} {"mémoire vive +",15}");
        foreach (var format in new[] { "csv", "xlsx" })
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var tasAvant = GC.GetTotalMemory(true);
            var processus = Process.GetCurrentProcess();
            processus.Refresh();
            var ramAvant = processus.WorkingSet64;
            long tasMax = tasAvant, ramMax = ramAvant;
            void Mesurer()
            {
                tasMax = Math.Max(tasMax, GC.GetTotalMemory(false));
                processus.Refresh();
                ramMax = Math.Max(ramMax, processus.WorkingSet64);
            }
            var chrono = Stopwatch.StartNew();
            var corps = new Corps { Chrono = chrono };
            if (format == "csv")
            {
                var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
                http.Response.Body = corps;
                await Spreadsheet.Csv("export.csv", Colonnes, RangeesAsync(Mesurer)).ExecuteAsync(http);
            }
            else
            {
                await Spreadsheet.XlsxAsync(corps, "Export", Colonnes, RangeesAsync(Mesurer));
            }
            chrono.Stop();
            var croissance = Math.Max(tasMax - tasAvant, ramMax - ramAvant) / 1048576.0;
            Console.WriteLine($"{format,-6} {corps.PremierOctetMs,7} ms {chrono.Elapsed.TotalSeconds,6:0.0} s {corps.Recus / 1048576.0,7:0.0} Mo {(tasMax - tasAvant) / 1048576.0,8:0.0} Mo {(ramMax - ramAvant) / 1048576.0,12:0.0} Mo  {(croissance < 100 ? "atteint" : "NON ATTEINT")}");
            if (croissance >= 100)
            {
                code = 1;
            }
        }
        return code;
    }
}
