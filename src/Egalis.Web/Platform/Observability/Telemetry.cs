using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Egalis.Web.Platform.Observability;

/// <summary>
/// What an operator reads: OpenTelemetry traces and metrics (requests, database commands, jobs, e-mails sent and
/// failed), exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and readable by Prometheus at
/// <c>/metrics</c> with the bearer token <c>Egalis:Metriques:Jeton</c> (without a token, the address does not exist);
/// JSON logs carrying the request id and trace id (appsettings.json); a warning for every request slower than
/// <c>Egalis:Observabilite:SeuilRequeteLenteMs</c> (1 000 ms by default).
/// </summary>
public static class Telemetry
{
    public const string Name = "Egalis";
    public const string MetricsPath = "/metrics";

    public static readonly ActivitySource Source = new(Name);

    public static void Add(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<EgalisMetrics>();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("egalis", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(t =>
            {
                t.AddSource(Name).AddSource("Quartz")
                    .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments(MetricsPath))
                    .AddEntityFrameworkCoreInstrumentation();
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.EntityFrameworkCore", "Npgsql")
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
    }

    /// <summary>Before routing: <c>/metrics</c> answers only with the configured token; otherwise it is not there.</summary>
    public static void UseMetricsGuard(WebApplication app)
    {
        var jeton = app.Configuration["Egalis:Metriques:Jeton"];
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(MetricsPath) && !Autorise(context, jeton))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
    }

    public static void MapMetrics(WebApplication app) => app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();

    private static bool Autorise(HttpContext context, string? jeton)
    {
        if (string.IsNullOrEmpty(jeton) || context.Request.Headers.Authorization.ToString() is not { } entete
            || !entete.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Hashes of equal length: the comparison takes the same time whatever is sent, its length included.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(entete["Bearer ".Length..].Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(jeton)));
    }

    /// <summary>Logs a warning for a request slower than the threshold: what, how it ended, how long.</summary>
    public static void UseSlowRequestLog(WebApplication app)
    {
        var seuil = app.Configuration.GetValue("Egalis:Observabilite:SeuilRequeteLenteMs", 1000);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Egalis.RequetesLentes");
        app.Use(async (context, next) =>
        {
            var debut = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var duree = Stopwatch.GetElapsedTime(debut).TotalMilliseconds;
                if (duree >= seuil)
                {
                    logger.LogWarning("Requête lente : {Methode} {Chemin} → {Statut} en {DureeMs} ms.",
                        context.Request.Method, context.Request.Path.Value, context.Response.StatusCode, Math.Round(duree));
                }
            }
        });
    }
}

/// <summary>The platform's own measures, next to those of ASP.NET Core, EF Core and the runtime.</summary>
public sealed class EgalisMetrics
{
    private readonly Counter<long> _emailsSent;
    private readonly Counter<long> _emailsFailed;
    private readonly Counter<long> _jobRuns;
    private readonly Histogram<double> _jobDuration;

    public EgalisMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Telemetry.Name);
        _emailsSent = meter.CreateCounter<long>("egalis.emails.sent", "{email}", "E-mails remis au serveur SMTP (ou déposés en fichier sans serveur).");
        _emailsFailed = meter.CreateCounter<long>("egalis.emails.failed", "{email}", "E-mails que le serveur SMTP a refusés ou qui n'ont pu lui être remis.");
        _jobRuns = meter.CreateCounter<long>("egalis.jobs.runs", "{run}", "Exécutions des tâches planifiées, par tâche et issue.");
        _jobDuration = meter.CreateHistogram<double>("egalis.jobs.duration", "s", "Durée des exécutions des tâches planifiées.");
    }

    public void EmailSent() => _emailsSent.Add(1);

    public void EmailFailed() => _emailsFailed.Add(1);

    public void JobRun(string cle, bool reussie, TimeSpan duree)
    {
        var tags = new TagList { { "job", cle }, { "result", reussie ? "success" : "failure" } };
        _jobRuns.Add(1, tags);
        _jobDuration.Record(duree.TotalSeconds, tags);
    }
}
