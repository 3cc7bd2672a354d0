using System.Data.Common;
using System.IO.Compression;
using System.Text.Json.Nodes;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CityHall.Tests.Platform;

/// <summary>
/// The backup and restore verbs as an operator runs them, on the suite's provider: a seeded city (demo content,
/// signature chains, audit entries) backed up, restored into an empty database, and compared table by table
/// with queries of the test's own.
/// </summary>
public sealed class BackupTests : IDisposable
{
    private readonly CityHallApp app = new();
    private readonly TestDatabase empty = new();
    private readonly string folder = Directory.CreateTempSubdirectory("cityhall-backup-").FullName;

    public void Dispose()
    {
        app.Dispose();
        empty.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_seeded_city_restores_into_an_empty_database_with_every_table_and_chain_head_as_it_was()
    {
        await SeededCityAsync();
        var file = Path.Combine(folder, "city.zip");
        var (code, output) = await Verbs.RunAsync(app, "backup", "--to", file);
        Assert.True(code == 0, output);
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(file + ".part"));
        Assert.Contains("petitions:", output);
        var auditHead = await AuditHeadAsync(app.Database);

        (code, output) = await Verbs.RunAsync(empty, "restore", "--from", file);
        Assert.True(code == 0, output);
        Assert.Contains("Every table's rows and every chain head match", output);

        var before = await TableRowsAsync(app.Database);
        var after = await TableRowsAsync(empty);
        Assert.True(before.Count > 100, $"{before.Count} tables");
        Assert.True(before["petition_signatures"] > 0 && before["audit_entries"] >= 3 && before["identity_users"] > 0 && before["places"] > 1000);
        Assert.Equal(before, after);
        Assert.Equal(await PetitionHeadsAsync(app.Database), await PetitionHeadsAsync(empty));
        // The restored audit chain holds, up to the head the city had.
        (code, output) = await Verbs.RunAsync(empty, "verify-audit", "--expect-head", auditHead);
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task A_restore_never_merges_into_a_database_that_has_tables()
    {
        await SeededCityAsync();
        var file = Path.Combine(folder, "city.zip");
        Assert.Equal(0, (await Verbs.RunAsync(app, "backup", "--to", file)).ExitCode);
        var rows = await TableRowsAsync(app.Database);

        var (code, output) = await Verbs.RunAsync(app, "restore", "--from", file);
        Assert.Equal(1, code);
        Assert.Contains("not empty", output);
        Assert.Equal(rows, await TableRowsAsync(app.Database));

        (code, output) = await Verbs.RunAsync(empty, "restore", "--from", Path.Combine(folder, "no-such.zip"));
        Assert.Equal(1, code);
        Assert.Contains("There is no backup", output);

        // Not a backup at all, and a backup cut short on its way (a copy that stopped): said in words, not a stack trace.
        var text = Path.Combine(folder, "notes.zip");
        await File.WriteAllTextAsync(text, "not an archive");
        (code, output) = await Verbs.RunAsync(empty, "restore", "--from", text);
        Assert.Equal(1, code);
        Assert.Contains("is not a CityHall backup, or it is damaged", OneLine(output)); // the console wraps long lines
        var cut = Path.Combine(folder, "cut.zip");
        var whole = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(cut, whole[..(whole.Length / 2)]);
        (code, output) = await Verbs.RunAsync(empty, "restore", "--from", cut);
        Assert.Equal(1, code);
        Assert.Contains("is not a CityHall backup, or it is damaged", OneLine(output));
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_restore_that_does_not_match_its_manifest_says_where_and_fails()
    {
        await SeededCityAsync();
        var file = Path.Combine(folder, "city.zip");
        Assert.Equal(0, (await Verbs.RunAsync(app, "backup", "--to", file)).ExitCode);
        // The manifest says one more signature than the copy holds, as if a row had been lost on the way.
        using (var archive = ZipFile.Open(file, ZipArchiveMode.Update))
        {
            var entry = archive.GetEntry("manifest.json")!;
            JsonNode manifest;
            using (var read = entry.Open()) manifest = JsonNode.Parse(read)!;
            var rows = manifest["census"]!["rows"]!;
            rows["petition_signatures"] = rows["petition_signatures"]!.GetValue<long>() + 1;
            entry.Delete();
            using var write = archive.CreateEntry("manifest.json").Open();
            await write.WriteAsync(System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString()));
        }

        var (code, output) = await Verbs.RunAsync(empty, "restore", "--from", file);
        Assert.Equal(1, code);
        Assert.Contains("petition_signatures", output);
    }

    private static string OneLine(string output) => string.Join(' ', output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The demo city (residents, places, proposals with signature chains, polls…) and some audited staff actions.</summary>
    private async Task SeededCityAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().PrepareAsync(includeDemo: true);
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        for (var i = 1; i <= 3; i++) await audit.RecordAsync(null, "backup test", "test.action", "test", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The newest audit entry as verify-audit's --expect-head takes it.</summary>
    private static async Task<string> AuditHeadAsync(TestDatabase database)
    {
        await using var connection = Open(database);
        return (await ColumnAsync(connection, "SELECT \"Sequence\" || ':' || \"Hash\" FROM audit_entries ORDER BY \"Sequence\" DESC LIMIT 1")).Single();
    }

    private static DbConnection Open(TestDatabase database)
    {
        DbConnection connection = database.Provider == "Postgres"
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString + ";Pooling=False");
        connection.Open();
        return connection;
    }

    private static async Task<List<string>> ColumnAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }

    /// <summary>Every table's rows, read here rather than through the app's census, so the check is the test's own.</summary>
    private static async Task<SortedDictionary<string, long>> TableRowsAsync(TestDatabase database)
    {
        await using var connection = Open(database);
        var tables = await ColumnAsync(connection, database.Provider == "Postgres"
            ? "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables) rows[table] = long.Parse((await ColumnAsync(connection, $"SELECT COUNT(*) FROM \"{table}\""))[0], System.Globalization.CultureInfo.InvariantCulture);
        return rows;
    }

    private static async Task<List<string>> PetitionHeadsAsync(TestDatabase database)
    {
        await using var connection = Open(database);
        return await ColumnAsync(connection, "SELECT \"Id\" || ':' || \"ChainHead\" FROM petition_petitions ORDER BY \"Id\"");
    }
}
