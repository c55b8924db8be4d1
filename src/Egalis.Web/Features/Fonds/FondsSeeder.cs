using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Features.Fonds;

/// <summary>
/// The communes with a local plan against discrimination when the plan was adopted. Source: the founding deliberation
/// (« Six communes et un conseil de territoire ont élargi leur engagement à travers la mise en place d'un plan de
/// prévention et de lutte contre les discriminations (la Ciotat, Vitrolles, Salon, Miramas, Pays de Martigues) »); the
/// Pays de Martigues' plan covers its three communes. Added once, when the list is empty: the team's later changes stay.
/// </summary>
public sealed class FondsSeeder : ISeeder
{
    public const string SourceFondatrice = "Délibération fondatrice du plan (décembre 2019)";

    public static readonly IReadOnlyList<string> CommunesAvecPlan =
    [
        "13028", // La Ciotat
        "13117", // Vitrolles
        "13103", // Salon-de-Provence
        "13063", // Miramas
        "13056", // Martigues (Pays de Martigues)
        "13077", // Port-de-Bouc (Pays de Martigues)
        "13098", // Saint-Mitre-les-Remparts (Pays de Martigues)
    ];

    public async Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (await db.Set<CommunePlanLocal>().AnyAsync(ct))
        {
            return;
        }
        // Only the communes this collectivité has (another collectivité's territory has none of them).
        var presentes = await db.Set<Territoires.Commune>().Where(c => CommunesAvecPlan.Contains(c.CodeInsee)).Select(c => c.CodeInsee).ToListAsync(ct);
        db.AddRange(presentes.Select(code => new CommunePlanLocal { CommuneCodeInsee = code, Source = SourceFondatrice }));
        await db.SaveChangesAsync(ct);
    }
}
