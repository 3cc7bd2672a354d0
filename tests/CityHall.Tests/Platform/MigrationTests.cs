using CityHall.Tests.Infrastructure;
using CityHall.Web.Data;
using CityHall.Web.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityHall.Tests.Platform;

/// <summary>Both migration sets describe the current model, and both build a database from nothing.</summary>
public sealed class MigrationTests
{
    private static SqliteAppDbContext Sqlite(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).Options);

    private static PostgresAppDbContext Postgres(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).Options);

    private static void AssertNoPendingModelChanges(DbContext db)
    {
        // The same check as `dotnet ef migrations has-pending-model-changes`.
        Assert.False(db.Database.HasPendingModelChanges(),
            $"{db.GetType().Name}: the model has changes that no migration captures. Run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = Sqlite("Data Source=:memory:");
        AssertNoPendingModelChanges(db);
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        // Needs no server: the model is compared with the migrations' snapshot.
        using var db = Postgres("Host=localhost;Database=model_check_only");
        AssertNoPendingModelChanges(db);
    }

    [Fact]
    public async Task The_configured_provider_migrates_an_empty_database_to_the_last_migration()
    {
        using var database = new TestDatabase();
        await using DbContext db = database.Provider == "Postgres" ? Postgres(database.ConnectionString) : Sqlite(database.ConnectionString);
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var applied = await db.Database.GetAppliedMigrationsAsync();
        Assert.Equal(db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(), applied.Order());
        await db.Database.CloseConnectionAsync();
        if (db is SqliteAppDbContext) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>A database the squashed migrations built is adopted as the baseline; one stopped part-way is refused.</summary>
    [Fact]
    public async Task A_database_built_by_the_squashed_migrations_is_adopted_and_one_stopped_part_way_is_refused()
    {
        using var database = new TestDatabase();
        await using AppDbContext db = database.Provider == "Postgres" ? Postgres(database.ConnectionString) : Sqlite(database.ConnectionString);
        await db.Database.MigrateAsync();
        var baseline = db.Database.GetMigrations().First();
        var later = db.Database.GetMigrations().Skip(1).ToArray(); // expand/contract migrations since the squash
        var last = database.Provider == "Postgres" ? SquashedMigrations.LastOnPostgres : SquashedMigrations.LastOnSqlite;

        var refused = false;
        async Task<List<string>> HistoryAfter(params string[] ids)
        {
            refused = false;
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" """);
            foreach (var id in ids)
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ({id}, '10.0.15')""");
            try { await SquashedMigrations.AdoptAsync(db, NullLogger.Instance, CancellationToken.None); }
            catch (InvalidOperationException e) { refused = true; Assert.Contains(SquashedMigrations.CommitBeforeSquash, e.Message); }
            return (await db.Database.GetAppliedMigrationsAsync()).Order(StringComparer.Ordinal).ToList();
        }

        // Reached the last squashed migration (the first squash's baseline and what followed it): its history becomes the
        // new baseline's, and nothing is pending.
        string[] firstBaseline = ["20261206010433_Baseline", "20261206014633_TaxiFleetAndCalls"];
        Assert.Equal([baseline, .. later], await HistoryAfter([.. firstBaseline, last, .. later]));
        Assert.False(refused);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // Already adopted, or built by the baseline: left alone.
        Assert.Equal([baseline, .. later], await HistoryAfter([baseline, .. later]));
        Assert.False(refused);
        // Stopped before the last, or built before the first squash: refused, history untouched (migrating would create
        // tables it already has).
        Assert.Equal(firstBaseline, await HistoryAfter(firstBaseline));
        Assert.True(refused);
        Assert.Equal(["20261127105414_Initial", "20261205191433_NewsPictures"],
            await HistoryAfter("20261127105414_Initial", "20261205191433_NewsPictures"));
        Assert.True(refused);
        await db.Database.CloseConnectionAsync();
        if (db is SqliteAppDbContext) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
