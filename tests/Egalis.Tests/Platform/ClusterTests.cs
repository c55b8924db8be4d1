using Egalis.Tests.Infrastructure;
using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Egalis.Tests.Platform;

/// <summary>A job that only counts its runs (each run is recorded by the scheduler's base job).</summary>
public sealed class CompteurJob(IServiceScopeFactory scopes, TimeProvider time) : Job(scopes, time)
{
    protected override Task<string> RunAsync(IServiceProvider services, CancellationToken ct) => Task.FromResult("compté");
}

/// <summary>A second web node of the platform, on the first one's database.</summary>
public sealed class SecondNoeud(TestDatabase partagee) : EgalisFactory(partagee);

/// <summary>
/// Two nodes of the platform on one PostgreSQL database form one Quartz cluster: each firing of a job runs on one node
/// only. SQLite is the single-node set-up: its scheduler says it is not clustered, and each firing runs once.
/// </summary>
public class ClusterTests(EgalisFactory premier) : IClassFixture<EgalisFactory>
{
    private const int Declenchements = 10;

    [Fact]
    public async Task Each_firing_of_a_job_runs_once_whatever_the_number_of_nodes()
    {
        var planificateurA = await premier.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var cluster = premier.Database.Provider == DatabaseProvider.Postgres;
        Assert.Equal(cluster, (await planificateurA.GetMetadata()).JobStoreClustered);
        using var second = cluster ? new SecondNoeud(premier.Database) : null;
        var planificateurB = second is null ? null : await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        if (planificateurB is not null)
        {
            Assert.Equal(planificateurA.SchedulerName, planificateurB.SchedulerName);
            Assert.NotEqual(planificateurA.SchedulerInstanceId, planificateurB.SchedulerInstanceId);
        }

        // Ten firings half a second apart, stored once in the shared job store, which both nodes poll.
        var tache = JobBuilder.Create<CompteurJob>().WithIdentity("test-compteur").StoreDurably().Build();
        var declencheur = TriggerBuilder.Create().WithIdentity("test-compteur").ForJob(tache.Key)
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(1))
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(500)).WithRepeatCount(Declenchements - 1))
            .Build();
        await planificateurA.ScheduleJob(tache, declencheur);

        // Done when the trigger has fired its last time (a finished trigger leaves the store) and every run is written.
        var limite = DateTime.UtcNow.AddSeconds(90);
        List<JobRun> executions;
        while (true)
        {
            using (var scope = premier.Services.CreateScope())
            {
                executions = await scope.ServiceProvider.GetRequiredService<EgalisDbContext>().Set<JobRun>().AsNoTracking()
                    .Where(e => e.Cle == "test-compteur").ToListAsync();
            }
            var fini = await planificateurA.GetTrigger(declencheur.Key) is null;
            if (fini && executions.Count >= Declenchements && (await planificateurA.GetMetadata()).LocalExecutingJobs == 0
                && (planificateurB is null || (await planificateurB.GetMetadata()).LocalExecutingJobs == 0))
            {
                break;
            }
            Assert.True(DateTime.UtcNow < limite, $"{executions.Count} exécutions sur {Declenchements} au bout d'une minute et demie.");
            await Task.Delay(200);
        }
        Assert.Equal(Declenchements, executions.Count);
        Assert.Equal(Declenchements, executions.Select(e => e.PrevueLe).Distinct().Count());
        Assert.All(executions, e => Assert.True(e.Reussie));
    }
}
