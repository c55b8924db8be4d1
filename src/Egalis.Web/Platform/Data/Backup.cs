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
        await SqliteAsync(configuration.GetConnectionString("Egalis")!, destination);
        Console.WriteLine($"Sauvegarde écrite : {destination} ({new FileInfo(destination).Length / 1024} Ko).");
        return 0;
    }

    /// <summary>Copies the database page by page into <paramref name="destination"/>, a new file.</summary>
    public static async Task SqliteAsync(string connectionString, string destination)
    {
        await using var source = new SqliteConnection(connectionString);
        await source.OpenAsync();
        await using var copie = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ConnectionString);
        await copie.OpenAsync();
        source.BackupDatabase(copie);
    }
}
