using Egalis.Web.Platform.Data;
using Npgsql;

namespace Egalis.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test host. EGALIS_TEST_DB chooses the provider (Sqlite by
/// default, or Postgres); EGALIS_TEST_PG is the PostgreSQL server (test.sh starts a throwaway one).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _sqliteFile;
    private readonly string? _postgresName;
    private readonly string? _postgresServer;

    public static DatabaseProvider SelectedProvider =>
        string.Equals(Environment.GetEnvironmentVariable("EGALIS_TEST_DB"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("EGALIS_TEST_PG")
        ?? throw new InvalidOperationException("EGALIS_TEST_PG n'est pas défini : lancez les tests PostgreSQL par ./test.sh.");

    public TestDatabase()
    {
        Provider = SelectedProvider;
        if (Provider == DatabaseProvider.Sqlite)
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"egalis-test-{Guid.NewGuid():N}.db");
            ConnectionString = $"Data Source={_sqliteFile};Pooling=False";
        }
        else
        {
            _postgresName = $"egalis_test_{Guid.NewGuid():N}";
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _postgresName }.ConnectionString;
        }
    }

    /// <summary>A database of its own on another PostgreSQL server than the tests' one (a server a test stops and restarts).</summary>
    public TestDatabase(string postgresServer)
    {
        Provider = DatabaseProvider.Postgres;
        _postgresServer = postgresServer;
        _postgresName = $"egalis_test_{Guid.NewGuid():N}";
        ConnectionString = new NpgsqlConnectionStringBuilder(postgresServer) { Database = _postgresName }.ConnectionString;
    }

    public void Dispose()
    {
        if (_sqliteFile is not null)
        {
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                try { File.Delete(file); } catch (IOException) { }
            }
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_postgresServer ?? PostgresServer) { Database = "postgres" }.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
    }
}
