using Microsoft.Data.Sqlite;

namespace CityHall.Web.Platform.Hosting;

/// <summary>
/// One node at a time migrates and seeds. Nodes started together on an empty database each found
/// the roles, districts and every module's reference data missing and created them, and all but
/// one failed on the unique keys. PostgreSQL: a session advisory lock on the context's connection
/// (released by the server if the node dies). SQLite: nodes sharing a file share a machine, so an
/// exclusive lock on a file beside it.
/// </summary>
public static class InitializationLock
{
    /// <summary>The advisory lock's key: any constant that no other lock of the database uses ("CityInit").</summary>
    private const long AdvisoryKey = 0x43697479_496E6974;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    public static async Task<IAsyncDisposable> AcquireAsync(AppDbContext db, ILogger logger, CancellationToken ct)
    {
        var waited = false;
        if (db.Database.IsNpgsql())
        {
            await db.Database.OpenConnectionAsync(ct);
            // Tried rather than waited on, so no command timeout ends a long wait for another node's seeding.
            while (!await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_lock({0}) AS \"Value\"", AdvisoryKey).SingleAsync(ct))
            {
                if (!waited) logger.LogInformation("Another node is preparing the database; waiting for it");
                waited = true;
                await Task.Delay(Pause, ct);
            }
            return new Release(async () =>
            {
                await db.Database.SqlQueryRaw<bool>("SELECT pg_advisory_unlock({0}) AS \"Value\"", AdvisoryKey).SingleAsync(CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            });
        }
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(file) || file.Contains(":memory:", StringComparison.Ordinal) || file.StartsWith("file:", StringComparison.Ordinal))
            return new Release(() => Task.CompletedTask); // a database no other process can open
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive lock other processes' opens fail on. The file is left in
                // place: deleting it on close would let a third node lock a new file while one still holds the old.
                var held = new FileStream(file + ".init-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new Release(() => { held.Dispose(); return Task.CompletedTask; });
            }
            catch (IOException)
            {
                if (!waited) logger.LogInformation("Another node is preparing the database; waiting for it");
                waited = true;
                await Task.Delay(Pause, ct);
            }
        }
    }

    private sealed class Release(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }
}
