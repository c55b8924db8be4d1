using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Platform.Data;

/// <summary>A module's start-up seeding step, run after migrations in registration order.</summary>
public interface ISeeder
{
    int Ordre { get; }
    Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct);
}

public static class DatabaseInitializer
{
    /// <summary>Applies the migrations (never EnsureCreated), then runs every module's seeder.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EgalisDbContext>();
        await db.Database.MigrateAsync(ct);
        foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder>().OrderBy(s => s.Ordre))
        {
            await seeder.SeedAsync(db, scope.ServiceProvider, ct);
        }
    }
}
