using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace CityHall.Web.Platform.Backup;

/// <summary>What a database holds, told briefly: the rows of every table and the heads of every hash chain.</summary>
public sealed record Census(IReadOnlyDictionary<string, long> Rows, IReadOnlyDictionary<string, string> Heads)
{
    /// <summary>Where <paramref name="found"/> is not this census, in words (empty when they agree).</summary>
    public IReadOnlyList<string> DifferencesIn(Census found)
    {
        var differences = new List<string>();
        foreach (var (table, rows) in Rows)
        {
            if (!found.Rows.TryGetValue(table, out var restored)) differences.Add($"table {table} is missing");
            else if (restored != rows) differences.Add($"table {table} has {restored} rows, the backup {rows}");
        }
        differences.AddRange(found.Rows.Keys.Except(Rows.Keys).Select(t => $"table {t} is not in the backup"));
        foreach (var (chain, head) in Heads)
        {
            var restored = found.Heads.GetValueOrDefault(chain);
            if (restored != head) differences.Add($"the {chain} chain's head is {restored ?? "missing"}, the backup's {head}");
        }
        return differences;
    }
}

/// <summary>
/// Counts every table the database has (from its catalogue, so tables outside the EF model — the migration
/// history, SQLite's full-text index — count too) and reads every registered chain's heads.
/// </summary>
public sealed class DatabaseCensus(IEnumerable<IChainHeads> chains)
{
    public async Task<Census> TakeAsync(AppDbContext db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in await TablesAsync(db, connection, ct))
            {
                await using var count = Command(db, connection, $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
                rows[table] = Convert.ToInt64(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            }
            var heads = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (rows.Count > 0) // an empty database (a restore's target) has no chains to read
                foreach (var chain in chains) heads[chain.Name] = await chain.ReadAsync(db, ct);
            return new(rows, heads);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<string>> TablesAsync(AppDbContext db, DbConnection connection, CancellationToken ct)
    {
        // FTS5's shadow tables are its storage, counted through the virtual table itself.
        var sql = db.Database.IsSqlite()
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' ORDER BY name"
            : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename";
        await using var command = Command(db, connection, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tables = new List<string>();
        while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        return tables;
    }

    private static DbCommand Command(AppDbContext db, DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}
