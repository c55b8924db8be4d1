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

    /// <summary>
    /// Two writers met: a row changed since it was read (concurrency token), SQLite busy or locked, PostgreSQL
    /// serialization failure or deadlock. Nothing was saved; the person is told to try again.
    /// </summary>
    public static bool IsConflict(Exception erreur) => erreur switch
    {
        Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => true,
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.DeadlockDetected } => true,
        { InnerException: { } inner } => IsConflict(inner),
        _ => false,
    };
}
