namespace Egalis.Web.Platform.Data;

/// <summary>
/// The living demo: in Development only, and only when <c>Egalis:Demo</c> is set (appsettings.Development.json does),
/// each module's demo seeder fills the platform as if it had been in use since 2020. Never in Production, whatever is
/// set, and never in a database that holds a real account (a copy of production opened in Development stays untouched).
/// </summary>
public static class Demo
{
    public static async Task<bool> IsActiveAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct)
    {
        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment() || !services.GetRequiredService<IConfiguration>().GetValue("Egalis:Demo", false))
        {
            return false;
        }
        var demo = ("@" + Identity.RolesSeeder.DomaineDemo).ToUpperInvariant();
        return !await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Users, u => !u.NormalizedEmail!.EndsWith(demo), ct);
    }
}
