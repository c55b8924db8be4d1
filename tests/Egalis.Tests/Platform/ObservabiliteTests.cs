using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Egalis.Tests.Platform;

/// <summary>Every log line written, with the scopes it was written in (the request id, the trace id).</summary>
public sealed class JournalCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(string Categorie, LogLevel Niveau, string Message, Dictionary<string, object?> Portee)> Lignes { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Journal(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Journal(JournalCapture capture, string categorie) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var portee = new Dictionary<string, object?>();
            capture._scopes.ForEachScope((s, p) =>
            {
                if (s is IEnumerable<KeyValuePair<string, object?>> paires)
                {
                    foreach (var (k, v) in paires)
                    {
                        p[k] = v;
                    }
                }
            }, portee);
            capture.Lignes.Enqueue((categorie, logLevel, formatter(state, exception), portee));
        }
    }
}

/// <summary>An OTLP/HTTP collector on loopback: it only records which signals it received, and how many bytes.</summary>
public sealed class RecepteurOtlp : IDisposable
{
    private readonly System.Net.HttpListener _ecoute = new();

    public int Port { get; } = TestSmtpServer.FreePort();

    public ConcurrentQueue<(string Chemin, long Octets, string? Type)> Recus { get; } = new();

    public RecepteurOtlp()
    {
        _ecoute.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _ecoute.Start();
        _ = Task.Run(async () =>
        {
            while (_ecoute.IsListening)
            {
                try
                {
                    var contexte = await _ecoute.GetContextAsync();
                    var corps = new MemoryStream();
                    await contexte.Request.InputStream.CopyToAsync(corps);
                    Recus.Enqueue((contexte.Request.Url!.AbsolutePath, corps.Length, contexte.Request.ContentType));
                    contexte.Response.StatusCode = 200;
                    contexte.Response.Close();
                }
                catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        });
    }

    public void Dispose() => _ecoute.Close();
}

/// <summary>
/// A node whose operator set a metrics token, an OTLP collector and a slow-request threshold of zero (every request is
/// logged).
/// </summary>
public sealed class ObservabiliteFactory : EgalisFactory
{
    public const string Jeton = "jeton-de-supervision-7f3a9c2e";

    public JournalCapture Journal { get; } = new();

    public RecepteurOtlp Collecteur { get; } = new();

    protected override Dictionary<string, string?> ExtraSettings => new()
    {
        ["Egalis:Metriques:Jeton"] = Jeton,
        ["Egalis:Observabilite:SeuilRequeteLenteMs"] = "0",
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{Collecteur.Port}",
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
    };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Collecteur.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(l => l.AddProvider(Journal));
    }
}

public class ObservabiliteTests(ObservabiliteFactory factory) : IClassFixture<ObservabiliteFactory>
{
    private async Task<HttpResponseMessage> MetriquesAsync(string? jeton)
    {
        var requete = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (jeton is not null)
        {
            requete.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jeton);
        }
        return await factory.Client().SendAsync(requete);
    }

    private static double Valeur(string texte, string serie) =>
        Regex.Matches(texte, $@"^{Regex.Escape(serie)}(?:\{{[^}}]*\}})? (\S+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Metrics_are_only_for_the_operator_holding_the_token()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await MetriquesAsync(null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MetriquesAsync("pas-le-bon-jeton")).StatusCode);
        var admin = await factory.SignedInAsAsync(Egalis.Web.Platform.Identity.Roles.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/metrics")).StatusCode);
        var reponse = await MetriquesAsync(ObservabiliteFactory.Jeton);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("text/plain", reponse.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Requests_database_commands_jobs_and_emails_are_counted()
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().GetAsync("/plan")).StatusCode);
        await EgalisFactory.PostFormAsync(factory.Client(), "/compte/motdepasseoublie", new() { ["Email"] = "porteur@egalis.local" });
        await factory.Smtp.WaitForAsync("porteur@egalis.local");

        long avant;
        using (var scope = factory.Services.CreateScope())
        {
            avant = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<JobRun>().MaxAsync(e => (long?)e.Id) ?? 0;
        }
        var planificateur = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await planificateur.TriggerJob(new JobKey(RetentionJob.Cle));
        var limite = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var scope = factory.Services.CreateScope();
            if (await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<JobRun>().AnyAsync(e => e.Id > avant && e.Cle == RetentionJob.Cle))
            {
                break;
            }
            Assert.True(DateTime.UtcNow < limite, "La tâche n'a pas tourné en une minute.");
            await Task.Delay(100);
        }

        // The metrics are read after the run is saved; the counter is added just before: read until it shows.
        string texte;
        while (true)
        {
            texte = await (await MetriquesAsync(ObservabiliteFactory.Jeton)).Content.ReadAsStringAsync();
            if (Valeur(texte, "egalis_jobs_runs_total") >= 1)
            {
                break;
            }
            Assert.True(DateTime.UtcNow < limite, "L'exécution de la tâche n'apparaît pas dans les métriques.");
            await Task.Delay(100);
        }

        Assert.True(Valeur(texte, "http_server_request_duration_seconds_count") >= 2, "requêtes");
        Assert.True(Valeur(texte, "egalis_emails_sent_total") >= 1, "e-mails envoyés");
        Assert.Matches(@"egalis_jobs_runs_total\{[^}]*job=""retention-donnees""[^}]*result=""success""", texte);
        Assert.Contains("egalis_jobs_duration_seconds_bucket", texte);
        Assert.True(Valeur(texte, "microsoft_entityframeworkcore_queries_total") >= 1, "requêtes en base");
        Assert.True(Valeur(texte, "microsoft_entityframeworkcore_savechanges_total") >= 1, "enregistrements en base");
    }

    [Fact]
    public async Task Traces_and_metrics_are_sent_to_the_configured_otlp_collector()
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().GetAsync("/deliberations")).StatusCode);
        var limite = DateTime.UtcNow.AddSeconds(30);
        while (!(factory.Collecteur.Recus.Any(r => r.Chemin == "/v1/traces" && r.Octets > 0) && factory.Collecteur.Recus.Any(r => r.Chemin == "/v1/metrics" && r.Octets > 0)))
        {
            Assert.True(DateTime.UtcNow < limite, "Reçu par le collecteur : " + string.Join(", ", factory.Collecteur.Recus.Select(r => r.Chemin)));
            await Task.Delay(100);
        }
        Assert.Contains(factory.Collecteur.Recus, r => r.Chemin == "/v1/traces" && r.Type == "application/x-protobuf");
    }

    [Fact]
    public async Task A_slow_request_is_logged_with_its_request_id_and_trace_id()
    {
        var reponse = await factory.Client().GetAsync("/territoires");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var ligne = factory.Journal.Lignes.First(l => l.Categorie == "Egalis.RequetesLentes" && l.Message.Contains("GET /territoires → 200", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, ligne.Niveau);
        Assert.Matches(@"^Requête lente : GET /territoires → 200 en \d+ ms\.$", ligne.Message);
        Assert.True(ligne.Portee.ContainsKey("RequestId"), "sans identifiant de requête");
        Assert.True(ligne.Portee.ContainsKey("TraceId"), "sans identifiant de trace");
    }
}
