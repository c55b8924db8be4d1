using Egalis.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Egalis.Web.Platform.Identity;

/// <summary>Creates the platform's roles (seeding step « roles »).</summary>
public sealed class RolesSeeder : ISeeder
{
    /// <summary>The domain of the demo accounts: an address there never belongs to a real person.</summary>
    public const string DomaineDemo = "egalis.local";

    public async Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
