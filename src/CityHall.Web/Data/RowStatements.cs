using System.Data.Common;
using System.Globalization;
using System.Text;

namespace CityHall.Web.Data;

/// <summary>
/// Runs one statement over many rows, <c>rowsPerStatement</c> rows at a time as a VALUES list, with
/// the full-size command prepared once and re-bound. Several hundred rows a statement save the round
/// trips to a database across the network (PostgreSQL); SQLite, in process, is fastest one row a
/// statement (it looks up named parameters one by one, so a statement with thousands of them is slow).
/// The group-commit writers of signatures and ballots write their batches with it, far cheaper per row
/// than change tracking at thousands of rows a second.
/// </summary>
public sealed class RowStatement(DbConnection connection, DbTransaction transaction, Func<string, string> sqlFor, int columns, int rowsPerStatement)
    : IAsyncDisposable
{
    private readonly List<object?> values = [];
    private DbCommand? full;

    /// <summary>Rows per statement for the database: several hundred on PostgreSQL (a round trip each), one on SQLite.</summary>
    public static int RowsPerStatementFor(AppDbContext db) => db.Database.IsNpgsql() ? 500 : 1;

    /// <summary>Rows the statements changed so far.</summary>
    public int Affected { get; private set; }

    public Task AddAsync(CancellationToken ct, params object?[] row)
    {
        values.AddRange(row);
        return values.Count >= columns * rowsPerStatement ? FlushAsync(ct) : Task.CompletedTask;
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        if (values.Count == 0) return;
        var rows = values.Count / columns;
        var command = rows == rowsPerStatement ? full ??= Create(rows) : Create(rows);
        for (var i = 0; i < values.Count; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        Affected += await command.ExecuteNonQueryAsync(ct);
        if (command != full) await command.DisposeAsync();
        values.Clear();
    }

    private DbCommand Create(int rows)
    {
        var list = new StringBuilder();
        for (var i = 0; i < rows * columns; i++)
            list.Append(i % columns == 0 ? (i == 0 ? "(" : "), (") : ", ").Append("@p").Append(i.ToString(CultureInfo.InvariantCulture));
        return DbCommands.Prepare(connection, transaction, sqlFor(list.Append(')').ToString()), rows * columns);
    }

    public async ValueTask DisposeAsync()
    {
        if (full is not null) await full.DisposeAsync();
    }
}

/// <summary>Prepared commands with positional parameters @p0, @p1, … for the batch writers.</summary>
public static class DbCommands
{
    public static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Binds the values in order (null as DBNull) and runs the command; the rows it changed.</summary>
    public static Task<int> RunAsync(DbCommand command, CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        return command.ExecuteNonQueryAsync(ct);
    }
}
