using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Egalis.Migrations.Postgres;

/// <summary>Lets dotnet-ef build the context for PostgreSQL without a server (no connection is opened).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EgalisDbContext>
{
    public EgalisDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EgalisDbContext>();
        options.UseNpgsql("Host=localhost;Database=egalis_design", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly));
        return new EgalisDbContext(options.Options);
    }
}
