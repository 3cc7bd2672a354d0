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
}
