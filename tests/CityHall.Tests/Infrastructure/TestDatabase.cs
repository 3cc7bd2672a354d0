using Microsoft.Data.Sqlite;
using Npgsql;

namespace CityHall.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one app instance. SQLite by default; PostgreSQL when
/// CITYHALL_TEST_POSTGRES holds a server connection string (./test.sh starts a throwaway
/// cluster and runs the whole suite again with it).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "CITYHALL_TEST_POSTGRES";

    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly string? sqliteFile;
    private readonly string? postgresName;
    private readonly string? postgresServer;

    public static bool UsePostgres => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    public TestDatabase()
    {
        if (UsePostgres)
        {
            Provider = "Postgres";
            postgresServer = Environment.GetEnvironmentVariable(PostgresVariable)!;
            postgresName = "t_" + Guid.NewGuid().ToString("N");
            using (var admin = new NpgsqlConnection(postgresServer))
            {
                admin.Open();
                using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{postgresName}\"", admin);
                cmd.ExecuteNonQuery();
            }
            ConnectionString = new NpgsqlConnectionStringBuilder(postgresServer) { Database = postgresName }.ConnectionString;
        }
        else
        {
            Provider = "Sqlite";
            var folder = Path.Combine(Path.GetTempPath(), "cityhall-tests");
            Directory.CreateDirectory(folder);
            sqliteFile = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db");
            ConnectionString = $"Data Source={sqliteFile}";
        }
    }

    public void Dispose()
    {
        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm", sqliteFile + ".init-lock" })
                try { File.Delete(f); } catch (IOException) { }
        }
        if (postgresName is not null)
        {
            using var admin = new NpgsqlConnection(postgresServer);
            admin.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", admin);
            cmd.ExecuteNonQuery();
        }
    }
}
