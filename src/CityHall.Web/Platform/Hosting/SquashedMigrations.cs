using System.Reflection;
using CityHall.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CityHall.Web.Platform.Hosting;

/// <summary>
/// The migrations of 27 November to 7 December 2026 were squashed into one <c>Baseline</c> per provider before the
/// first release (twice: on 6 December, then that baseline and the 16 migrations after it on 7 December). A database
/// the squashed migrations built up to the last of them has exactly the baseline's schema (compared table by table,
/// index by index when each squash was made), so it is adopted: its history rows for the old migrations are replaced
/// by the baseline's, and later migrations apply as usual. A database that stopped earlier, part-way or at the first
/// squash's baseline, cannot be adopted: it is refused with what to do, never migrated on top of tables it has.
/// </summary>
public static class SquashedMigrations
{
    /// <summary>The last migration the SQLite baseline replaced.</summary>
    public const string LastOnSqlite = "20261207082058_AuditEntriesNameTheirRequest";

    /// <summary>The last migration the PostgreSQL baseline replaced.</summary>
    public const string LastOnPostgres = "20261207082102_AuditEntriesNameTheirRequest";

    /// <summary>The last commit before the squash: its build brings any database the squashed migrations started to
    /// their last (it adopts one built before the first squash, too).</summary>
    public const string CommitBeforeSquash = "3e6ab36";

    /// <summary>Replaces the old migrations' history rows by the baseline's when the database reached the last of them.</summary>
    public static async Task AdoptAsync(AppDbContext db, ILogger logger, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToList();
        var baseline = known[0];
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct)) return; // an empty database: the baseline builds it
        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(r => r.MigrationId).ToList();
        var squashed = applied.Where(id => string.CompareOrdinal(id, baseline) < 0).ToList();
        if (squashed.Count == 0) return;

        var last = db.Database.IsNpgsql() ? LastOnPostgres : LastOnSqlite;
        if (!squashed.Contains(last) || applied.Contains(baseline))
            throw new InvalidOperationException(
                $"This database's schema was built by migrations that were squashed into {baseline}, but it stopped at " +
                $"{squashed.Max(StringComparer.Ordinal)}, before {last}, the last of them. Bring it to {last} with a build from " +
                $"before the squash (commit {CommitBeforeSquash}) and start this one again, or start from an empty database.");

        var version = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!
            .InformationalVersion.Split('+')[0];
        var script = string.Concat(squashed.Select(id => history.GetDeleteScript(id)))
            + history.GetInsertScript(new HistoryRow(baseline, version));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(script, ct);
        await transaction.CommitAsync(ct);
        logger.LogWarning("Adopted a database built by {Count} squashed migrations (up to {Last}) as {Baseline}",
            squashed.Count, last, baseline);
    }
}
