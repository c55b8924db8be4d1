using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;

namespace Egalis.Web.Platform.Taches;

/// <summary>Every night: each module forgets the personal data past the period it declared (IDonneesPersonnelles).</summary>
public sealed class RetentionDonnees(IServiceScopeFactory scopes, TimeProvider time) : Tache(scopes, time)
{
    public const string Cle = "retention-donnees";

    protected override async Task<string> ExecuterAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<EgalisDbContext>();
        var maintenant = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var comptesRendus = new List<string>();
        foreach (var declaration in services.GetServices<IDonneesPersonnelles>())
        {
            comptesRendus.Add($"{declaration.Donnees} : {await declaration.PurgerAsync(db, maintenant, ct)}");
        }
        return comptesRendus.Count == 0 ? "Aucune donnée personnelle déclarée." : string.Join(" ; ", comptesRendus) + ".";
    }
}
