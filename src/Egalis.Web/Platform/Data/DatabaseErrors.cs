using Microsoft.Data.Sqlite;

namespace Egalis.Web.Platform.Data;

/// <summary>What a database error means for the person who caused it.</summary>
public static class DatabaseErrors
{
    /// <summary>A unique constraint refused the row: someone else recorded the same thing first (a double click, two people at once).</summary>
    public static bool IsUniqueViolation(Exception erreur)
    {
        for (var e = erreur; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "23505" } or SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 })
            {
                return true;
            }
        }
        return false;
    }
}
