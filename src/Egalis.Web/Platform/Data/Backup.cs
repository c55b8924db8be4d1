using Microsoft.Data.Sqlite;

namespace Egalis.Web.Platform.Data;

/// <summary>
/// <c>dotnet Egalis.Web.dll sauvegarder &lt;fichier&gt;</c>: an online copy of a SQLite database (SQLite's backup API:
/// consistent while the site runs). PostgreSQL is saved with pg_dump (README, « Sauvegarde et restauration »).
/// </summary>
public static class Backup
{
    public const string Command = "sauvegarder";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Command;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var configuration = app.Configuration;
        if (DatabaseConfiguration.ReadProvider(configuration) != DatabaseProvider.Sqlite)
        {
            Console.Error.WriteLine("Avec PostgreSQL, la sauvegarde se fait avec pg_dump : pg_dump -Fc -f egalis.dump \"<chaîne de connexion>\" (voir le README).");
            return 2;
        }
        if (args.Length != 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            Console.Error.WriteLine("Usage : dotnet Egalis.Web.dll sauvegarder <fichier de sauvegarde>");
            return 2;
        }
        var destination = Path.GetFullPath(args[1]);
        if (File.Exists(destination))
        {
            Console.Error.WriteLine($"{destination} existe déjà : choisissez un autre nom, une sauvegarde n'en écrase jamais une autre.");
            return 2;
        }
        var source = DatabaseConfiguration.ReadConnectionString(configuration, DatabaseProvider.Sqlite);
        if (!File.Exists(new SqliteConnectionStringBuilder(source).DataSource))
        {
            Console.Error.WriteLine($"La base {new SqliteConnectionStringBuilder(source).DataSource} n'existe pas : lancez la commande depuis le dossier du site, avec sa configuration.");
            return 2;
        }
        await SqliteAsync(source, destination);
        Console.WriteLine($"Sauvegarde écrite : {destination} ({new FileInfo(destination).Length / 1024} Ko).");
        return 0;
    }

    /// <summary>
    /// Copies the database page by page into <paramref name="destination"/>, a new file, then checks the copy (SQLite's
    /// integrity check, and the platform's tables are there). The source is opened read-only: never created.
    /// </summary>
    public static async Task SqliteAsync(string connectionString, string destination)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ConnectionString);
        await source.OpenAsync();
        await using var copie = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ConnectionString);
        await copie.OpenAsync();
        source.BackupDatabase(copie);
        await using var verification = copie.CreateCommand();
        verification.CommandText = "PRAGMA integrity_check";
        var integrite = (string?)await verification.ExecuteScalarAsync();
        verification.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory'";
        if (integrite != "ok" || (long)(await verification.ExecuteScalarAsync())! != 1)
        {
            throw new InvalidOperationException($"La copie {destination} n'est pas une base Egalis intègre ({integrite}).");
        }
    }
}
