using System.Text;
using Egalis.Web.Platform.Exports;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Egalis.Tests.Platform;

/// <summary>
/// Exports are written as the rows come: the first bytes leave before the last row is read, and nothing is written
/// synchronously (the server refuses it). Memory staying flat over a million rows is measured by the benchmark
/// (bench/Egalis.Benchmarks exports), not here.
/// </summary>
public class ExportsTests
{
    /// <summary>A response body as Kestrel gives it: refuses synchronous writes; counts what it received.</summary>
    private sealed class CorpsDeReponse : Stream
    {
        public MemoryStream Recu { get; } = new();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Recu.WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Recu.WriteAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Écriture synchrone refusée.");

        public override void Flush() => throw new InvalidOperationException("Écriture synchrone refusée.");

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

    private const int Lignes = 20_000;

    private static readonly IReadOnlyList<Spreadsheet.Colonne<int>> Colonnes =
    [
        new("numero", i => i),
        new("libelle", i => i == 7 ? "=SOMME(A1)" : $"Ligne {i} – été"),
        new("date", i => new DateOnly(2026, 1, 1).AddDays(i % 365)),
        new("montant", i => i * 1.5m),
        new("vide", _ => null),
    ];

    private static async IAsyncEnumerable<int> RangeesAsync(CorpsDeReponse corps, Action<long> avantLaDerniere)
    {
        for (var i = 1; i <= Lignes; i++)
        {
            if (i == Lignes)
            {
                avantLaDerniere(corps.Recu.Length);
            }
            await Task.Yield();
            yield return i;
        }
    }

    [Fact]
    public async Task An_xlsx_export_is_sent_as_it_is_written_and_reads_back_whole()
    {
        var corps = new CorpsDeReponse();
        long envoyeAvantLaFin = 0;
        await Spreadsheet.XlsxAsync(corps, "Essai", Colonnes, RangeesAsync(corps, n => envoyeAvantLaFin = n));

        Assert.True(envoyeAvantLaFin > 100_000, $"{envoyeAvantLaFin} octets envoyés avant la dernière ligne.");
        var lues = (await MiniExcel.QueryAsync(new MemoryStream(corps.Recu.ToArray()), useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Lignes, lues.Count);
        Assert.Equal(7d, Convert.ToDouble(lues[6]["numero"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("=SOMME(A1)", lues[6]["libelle"]);
        Assert.Equal("Ligne 20000 – été", lues[^1]["libelle"]);
        Assert.Equal(new DateTime(2026, 1, 8), lues[6]["date"]);
        Assert.Equal(10.5d, Convert.ToDouble(lues[6]["montant"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(lues[6]["vide"]);
    }

    [Fact]
    public async Task A_csv_export_is_sent_as_it_is_written()
    {
        var corps = new CorpsDeReponse();
        long envoyeAvantLaFin = 0;
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Response.Body = corps;
        await Spreadsheet.Csv("essai.csv", Colonnes, RangeesAsync(corps, n => envoyeAvantLaFin = n)).ExecuteAsync(http);

        Assert.True(envoyeAvantLaFin > 100_000, $"{envoyeAvantLaFin} octets envoyés avant la dernière ligne.");
        var lignes = Encoding.UTF8.GetString(corps.Recu.ToArray()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("numero;libelle;date;montant;vide", lignes[0]);
        Assert.Equal("7;'=SOMME(A1);08/01/2026;10,5;", lignes[7]);
        Assert.Equal(Lignes + 2, lignes.Length);
        Assert.Equal("text/csv; charset=utf-8", http.Response.ContentType);
        Assert.Equal("attachment; filename=essai.csv; filename*=UTF-8''essai.csv", http.Response.Headers.ContentDisposition.ToString());
    }
}
