using CityHall.Tests.Infrastructure;
using CityHall.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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
}
