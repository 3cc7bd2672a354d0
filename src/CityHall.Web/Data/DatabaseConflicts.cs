namespace CityHall.Web.Data;

/// <summary>
/// Whether a failed write was another writer's doing — a key it took first, a serialization failure or a
/// deadlock, a busy SQLite file — so reading again and redoing the work is the answer. Raw ADO.NET
/// commands throw the provider's own exceptions (PostgresException, SqliteException), not EF's
/// DbUpdateException, so catching only the latter let such conflicts fail whole batches.
/// </summary>
public static class DatabaseConflicts
{
    public static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsConflict(inner),
        DbUpdateException => true,
        Npgsql.PostgresException postgres => postgres.SqlState is Npgsql.PostgresErrorCodes.UniqueViolation
            or Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.DeadlockDetected,
        // SQLITE_BUSY (5), SQLITE_LOCKED (6); SQLITE_CONSTRAINT_UNIQUE (2067) and _PRIMARYKEY (1555).
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 || sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };

    /// <summary>
    /// Whether the database could not be used at all — the server restarting or refusing connections, the
    /// network to it gone, its disk full, SQLite's file locked past the timeout or its disk full — as opposed
    /// to a bug. The request is answered 503 with Retry-After (nothing was half-written: the transaction did
    /// not commit), so people and programs try again rather than report a fault.
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException postgres when postgres.SqlState is Npgsql.PostgresErrorCodes.DiskFull
                    or Npgsql.PostgresErrorCodes.InsufficientResources or Npgsql.PostgresErrorCodes.OutOfMemory
                    or Npgsql.PostgresErrorCodes.IoError:
                    return true;
                // A new session the server could not start, e.g. "could not write init file" when its disk is full and
                // the relation cache must be written again (seen in the disk-full drill): the server's fault, for now.
                // Other fatal errors (a wrong password, no such database) are a configuration's and stay errors.
                case Npgsql.PostgresException { InvariantSeverity: "FATAL", SqlState: Npgsql.PostgresErrorCodes.InternalError }:
                    return true;
                case Npgsql.NpgsqlException npgsql when npgsql.IsTransient: // connection failures, shutdowns, too many connections
                    return true;
                // SQLITE_BUSY (5) once its timeout ran out, SQLITE_IOERR (10), SQLITE_FULL (13), SQLITE_CANTOPEN (14).
                case Microsoft.Data.Sqlite.SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 10 or 13 or 14:
                    return true;
                case System.Net.Sockets.SocketException:
                    return true;
            }
        }
        return false;
    }
}
