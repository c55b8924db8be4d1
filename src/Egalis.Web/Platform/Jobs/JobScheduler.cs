using Egalis.Web.Platform.Data;
using Quartz;

namespace Egalis.Web.Platform.Jobs;

/// <summary>
/// Quartz.NET with its persistent store in the application's database (its tables are created when missing, next to
/// ours). On PostgreSQL the nodes form a cluster: a job runs on one node only, and another takes over if a node stops.
/// SQLite is the embedded, single-node set-up: Quartz does not cluster on it (docs/adr/0009).
/// </summary>
public static class JobScheduler
{
    public const string Nom = "Egalis";

    public static void Add(IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string connectionString)
    {
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = Nom;
                o.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                if (provider == DatabaseProvider.Postgres)
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(configuration.GetValue("Egalis:Taches:IntervallePresenceSecondes", 15));
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(configuration.GetValue("Egalis:Taches:DelaiRepriseSecondes", 60));
                    });
                }
                else
                {
                    store.UseSqlite(connectionString);
                }
                store.ProvisionSchema();
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    /// <summary>A module's job, run at the times of <paramref name="cron"/> (Paris time).</summary>
    public static void Declare<TJob>(IServiceCollection services, string cle, string libelle, string quand, string cron) where TJob : Job
    {
        services.AddSingleton(new DeclaredJob(cle, libelle, quand, cron, typeof(TJob)));
        services.AddQuartz(q => q.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(cle).WithCronSchedule(cron, c => c.InTimeZone(Web.Paris.Fuseau)),
            job => job.WithIdentity(cle).WithDescription(libelle)));
    }
}
