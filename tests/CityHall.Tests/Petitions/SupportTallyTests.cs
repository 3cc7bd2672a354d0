using System.Data.Common;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Petitions;

/// <summary>
/// A proposal's supports by district, shown on every proposal and receipt page: counted right, and read from the
/// index of that proposal's live supports rather than from every signature on the site.
/// </summary>
public sealed class SupportTallyTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task Live_supports_are_counted_by_district_and_withdrawn_ones_are_not()
    {
        var writer = app.Services.GetRequiredService<SignatureWriter>();
        var id = await PetitionTestData.PublishedAsync(app, "구별 집계 시험 " + Guid.NewGuid().ToString("N")[..6]);
        string[] districts = ["11110", "11110", "11140", null!, "11110"];
        for (var i = 0; i < districts.Length; i++) await writer.SignAsync(id, $"tally-{id}-{i}", null!, districts[i]);
        await writer.WithdrawAsync(id, $"tally-{id}-4");
        var tally = await app.WithDbAsync(db => SupportTally.ByDistrictAsync(db, id));
        Assert.Equal(new Dictionary<string, int> { ["11110"] = 2, ["11140"] = 1, [""] = 1 }, tally);
    }

    [Fact]
    public async Task The_tally_is_read_from_the_index_of_live_supports()
    {
        var plan = await app.WithDbAsync(async db =>
        {
            // The query SupportTally sends, its parameter (the proposal) written in as a value.
            var sql = SupportTally.Query(db, 424242).ToQueryString();
            sql = System.Text.RegularExpressions.Regex.Replace(sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..], @"[@$]\w+", "424242");
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            var postgres = db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal);
            // PostgreSQL picks a plan by the table's size (a few test rows are read faster without an index): asked
            // to avoid reading the table, it must be able to answer from the index.
            if (postgres) await Execute(connection, "SET enable_seqscan = off");
            var lines = new List<string>();
            await using var explain = connection.CreateCommand();
            explain.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
            await using (var reader = await explain.ExecuteReaderAsync())
                while (await reader.ReadAsync()) lines.Add(reader.GetValue(reader.FieldCount - 1).ToString()!);
            if (postgres) await Execute(connection, "RESET enable_seqscan");
            return string.Join('\n', lines);
        });
        Assert.Contains("IX_petition_signatures_live_by_district", plan, StringComparison.Ordinal);
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
