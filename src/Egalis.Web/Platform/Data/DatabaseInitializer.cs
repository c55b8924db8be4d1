using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Platform.Data;

/// <summary>A module's start-up seeding step, run after migrations (idempotent: it runs at every start).</summary>
public interface ISeeder
{
    Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct);
}

/// <summary>A seeding step, its name and the steps it needs before it (by name, not by number).</summary>
public sealed record SeederRegistration(string Name, Type Type, IReadOnlyList<string> After);

public static class DatabaseInitializer
{
    /// <summary>Applies the migrations (never EnsureCreated), then runs every module's seeder after those it depends on.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        await db.Database.MigrateAsync(ct);
        foreach (var step in Order(scope.ServiceProvider.GetServices<SeederRegistration>()))
        {
            var seeder = (ISeeder)scope.ServiceProvider.GetRequiredService(step.Type);
            await seeder.SeedAsync(db, scope.ServiceProvider, ct);
        }
    }

    /// <summary>
    /// The steps in an order where each comes after those it names; among steps free to go, registration order.
    /// An unknown name or a cycle is a programming error, said at start-up.
    /// </summary>
    public static IReadOnlyList<SeederRegistration> Order(IEnumerable<SeederRegistration> registrations)
    {
        var steps = registrations.ToList();
        var names = steps.Select(s => s.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new InvalidOperationException("Deux étapes d'initialisation portent le même nom : " + string.Join(", ", names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key)));
        }
        foreach (var step in steps)
        {
            var unknown = step.After.Where(a => !names.Contains(a)).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException($"L'étape d'initialisation « {step.Name} » dépend d'étapes inconnues : {string.Join(", ", unknown)}.");
            }
        }
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<SeederRegistration>();
        while (ordered.Count < steps.Count)
        {
            var next = steps.FirstOrDefault(s => !done.Contains(s.Name) && s.After.All(done.Contains))
                ?? throw new InvalidOperationException("Les étapes d'initialisation dépendent les unes des autres en cercle : "
                    + string.Join(", ", steps.Where(s => !done.Contains(s.Name)).Select(s => s.Name)) + ".");
            ordered.Add(next);
            done.Add(next.Name);
        }
        return ordered;
    }
}
