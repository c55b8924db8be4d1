using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;

namespace Egalis.Web.Platform.Jobs;

/// <summary>Every night: each module forgets the personal data past the period it declared (IPersonalDataDeclaration).</summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, TimeProvider time) : Job(scopes, time)
{
    public const string Cle = "retention-donnees";

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<EgalisDbContext>();
        var maintenant = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var comptesRendus = new List<string>();
        var echecs = 0;
        foreach (var declaration in services.GetServices<IPersonalDataDeclaration>())
        {
            // One module's failure does not keep the others' data beyond its period: each goes on, and the failure is told.
            try
            {
                comptesRendus.Add($"{declaration.Donnees} : {await declaration.PurgeAsync(db, maintenant, ct)}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                db.ChangeTracker.Clear();
                comptesRendus.Add($"{declaration.Donnees} : échec ({e.GetType().Name} : {e.Message})");
                echecs++;
            }
        }
        if (echecs > 0)
        {
            throw new InvalidOperationException(string.Join(" ; ", comptesRendus) + ".");
        }
        return comptesRendus.Count == 0 ? "Aucune donnée personnelle déclarée." : string.Join(" ; ", comptesRendus) + ".";
    }
}
