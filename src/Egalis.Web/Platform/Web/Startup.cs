using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Egalis.Web.Platform.Web;

/// <summary>
/// What stops the site from starting, said in one line with what to fix: a missing setting, a database
/// folder that cannot be created, a read-only SQLite file, an unreachable PostgreSQL.
/// </summary>
public static class Startup
{
    public static string? Explain(Exception erreur)
    {
        for (var e = erreur; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Hosting.InvalidConfigurationException c:
                    return c.Message;
                case SqliteException { SqliteErrorCode: 8 }:
                    return "la base SQLite est en lecture seule : donnez le droit d'écriture sur le fichier et son dossier au compte qui lance le site.";
                case SqliteException { SqliteErrorCode: 14 }:
                    return "la base SQLite ne peut être ni ouverte ni créée : vérifiez ConnectionStrings:Egalis, que le dossier existe et que le compte qui lance le site peut y écrire.";
                case UnauthorizedAccessException or DirectoryNotFoundException or IOException when e.StackTrace?.Contains("PrepareSqliteFolder", StringComparison.Ordinal) == true:
                    return $"le dossier de la base SQLite ne peut pas être créé ({e.Message}) : choisissez un dossier où le compte qui lance le site peut écrire.";
                case Npgsql.PostgresException { SqlState: "28P01" or "28000" }:
                    return "PostgreSQL refuse l'identification : vérifiez l'utilisateur et le mot de passe de ConnectionStrings:Egalis.";
                case Npgsql.PostgresException { SqlState: "3D000" }:
                    return "la base PostgreSQL indiquée n'existe pas : créez-la ou corrigez ConnectionStrings:Egalis.";
                case Npgsql.NpgsqlException when e.InnerException is SocketException or TimeoutException or null:
                    return "PostgreSQL est injoignable : vérifiez que le serveur est démarré et l'hôte et le port de ConnectionStrings:Egalis.";
            }
        }
        return null;
    }
}
