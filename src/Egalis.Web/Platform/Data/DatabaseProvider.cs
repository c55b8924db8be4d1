using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Web.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Configures EF Core for the chosen provider, with its own migration assembly.</summary>
public static class DatabaseConfiguration
{
    public const string DefaultSqliteConnection = "Data Source=data/egalis.db";

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider « {value} » inconnu : Sqlite ou Postgres.");
    }

    public static string ReadConnectionString(IConfiguration configuration, DatabaseProvider provider) =>
        configuration.GetConnectionString("Egalis")
        ?? (provider == DatabaseProvider.Sqlite
            ? DefaultSqliteConnection
            : throw new InvalidOperationException("ConnectionStrings:Egalis est requis pour PostgreSQL."));

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(LoadMigrations("Egalis.Migrations.Sqlite")));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(LoadMigrations("Egalis.Migrations.Postgres")));
                break;
        }
    }

    /// <summary>
    /// The migration assemblies reference this one, so they are not in its dependency graph;
    /// the build copies them beside it (docs/adr/0002) and they are loaded from there.
    /// </summary>
    private static Assembly LoadMigrations(string name)
    {
        var loaded = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name);
        if (loaded is not null)
        {
            return loaded;
        }
        var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Les migrations « {name} » sont introuvables ({path}) : reconstruisez src/Egalis.Web.");
        }
        return Assembly.LoadFrom(path);
    }

    /// <summary>Makes sure the folder of a SQLite file exists before the first connection.</summary>
    public static void PrepareSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
