using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quartz;

namespace Egalis.Web.Platform.Jobs;

/// <summary>A scheduled job a module declared: its key, what it does in words, when it runs (cron, Paris time).</summary>
public sealed record DeclaredJob(string Key, string Label, string When, string Cron, Type Type);

/// <summary>
/// A scheduled job. Quartz runs it on one node of the cluster at a time (never twice at once); each run is recorded
/// (node, start, end, what it did or its error) for the administrators' page of jobs.
/// </summary>
[DisallowConcurrentExecution]
public abstract class Job(IServiceScopeFactory scopes, TimeProvider time) : IJob
{
    /// <summary>Does the work; returns what it did in a sentence (« 3 jalons signalés en retard »).</summary>
    protected abstract Task<string> RunAsync(IServiceProvider services, CancellationToken ct);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var execution = new JobRun
        {
            Cle = context.JobDetail.Key.Name,
            Noeud = Truncate(context.Scheduler.SchedulerInstanceId, 200),
            PrevueLe = context.ScheduledFireTimeUtc,
            Debut = time.GetUtcNow(),
        };
        using var activity = Observability.Telemetry.Source.StartActivity($"job {execution.Cle}");
        await using (var scope = scopes.CreateAsyncScope())
        {
            try
            {
                execution.CompteRendu = Truncate(await RunAsync(scope.ServiceProvider, cancellationToken), 1000);
                execution.Reussie = true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Recorded for the administrators' page, and logged whole for the operators; the next run tries again.
                scope.ServiceProvider.GetRequiredService<ILogger<Job>>().LogError(e, "La tâche {Tache} a échoué.", execution.Cle);
                execution.Erreur = Truncate($"{e.GetType().Name} : {e.Message}", 2000);
            }
        }
        execution.Fin = time.GetUtcNow();
        activity?.SetStatus(execution.Reussie ? System.Diagnostics.ActivityStatusCode.Ok : System.Diagnostics.ActivityStatusCode.Error);
        await using var enregistrement = scopes.CreateAsyncScope();
        enregistrement.ServiceProvider.GetRequiredService<Observability.EgalisMetrics>().JobRun(execution.Cle, execution.Reussie, execution.Fin - execution.Debut);
        var db = enregistrement.ServiceProvider.GetRequiredService<EgalisDbContext>();
        db.Add(execution);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Truncate(string texte, int max) => texte.Length <= max ? texte : texte[..max];
}

/// <summary>One run of a job: where, when, and how it ended.</summary>
public class JobRun
{
    public long Id { get; set; }
    public required string Cle { get; set; }
    public required string Noeud { get; set; }
    /// <summary>The fire time the scheduler planned (a run on demand: when it was asked for).</summary>
    public DateTimeOffset? PrevueLe { get; set; }
    public DateTimeOffset Debut { get; set; }
    public DateTimeOffset Fin { get; set; }
    public bool Reussie { get; set; }
    public string? CompteRendu { get; set; }
    public string? Erreur { get; set; }
}

public class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.ToTable("ExecutionsTaches");
        b.Property(e => e.Cle).HasMaxLength(100);
        b.Property(e => e.Noeud).HasMaxLength(200);
        b.Property(e => e.CompteRendu).HasMaxLength(1000);
        b.Property(e => e.Erreur).HasMaxLength(2000);
        b.HasIndex(e => new { e.Cle, e.Id });
    }
}
