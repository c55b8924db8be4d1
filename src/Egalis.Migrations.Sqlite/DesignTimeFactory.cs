using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Egalis.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the context for SQLite without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EgalisDbContext>
{
    public EgalisDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<EgalisDbContext>();
        options.UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly));
        return new EgalisDbContext(options.Options);
    }
}
