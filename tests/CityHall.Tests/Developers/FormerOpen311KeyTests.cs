using System.Net;
using System.Security.Cryptography;
using System.Text;
using CityHall.Tests.Infrastructure;
using CityHall.Tests.ServiceRequests;
using CityHall.Web.Data;
using CityHall.Web.Modules.Developers.Keys;
using CityHall.Web.Modules.ServiceRequests;
using CityHall.Web.Modules.ServiceRequests.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CityHall.Tests.Developers;

/// <summary>
/// The migration that made Open311's keys the portal's app keys, run on a database as the release before left it: an
/// Open311 key an app already holds keeps working under its own id (so the app still reads the private requests it
/// sent), and a developer key made the day before that held the same id moves up with its usage.
/// </summary>
public sealed class FormerOpen311KeyTests
{
    private const string Former = "ch311_a-key-an-app-already-holds-00000000000000000000000";

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    [Fact]
    public async Task A_former_open311_key_keeps_its_id_and_works_and_a_developer_key_with_that_id_moves_up_with_its_usage()
    {
        using var app = new CityHallApp();
        var sqlite = app.Database.Provider == "Sqlite";
        var created = new DateTimeOffset(2026, 12, 1, 9, 30, 15, 250, TimeSpan.Zero);
        var revoked = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        var hour = new DateTime(2026, 12, 6, 23, 0, 0, DateTimeKind.Utc);
        await using (AppDbContext db = sqlite
            ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(app.Database.ConnectionString).Options)
            : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(app.Database.ConnectionString).Options))
        {
            // The schema as the release with both kinds of key left it.
            await db.GetService<IMigrator>().MigrateAsync("DeveloperKeys");
            object Utc(DateTime time) => sqlite ? time.Ticks : time;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO developer_keys ("Id", "OwnerId", "AppName", "Prefix", "Hash", "Scopes", "RequestsPerMinute", "CreatedAt")
                VALUES (1, 'budget-office', 'Budget sync', 'chk_budget', {Hash("chk_budget-sync")}, 'transparency.budget', 600, {Utc(hour)})
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO developer_key_usage ("KeyId", "Hour", "Scope", "Calls", "Limited") VALUES (1, {Utc(hour)}, 'transparency.budget', 5, 1)
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO service_api_keys ("OwnerId", "Name", "Prefix", "Hash", "CreatedAt") VALUES ('app-maker', 'Pothole app', {Former[..10]}, {Hash(Former)}, {created})
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO service_api_keys ("OwnerId", "Name", "Prefix", "Hash", "CreatedAt", "RevokedAt") VALUES ('app-maker', 'Old app', 'ch311_old0', {Hash("ch311_old")}, {created}, {revoked})
                """);
            await db.Database.CloseConnectionAsync();
        }
        if (sqlite) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        // The app migrates the rest as it starts.
        var client = new Open311Client(app.CreateClient());
        var keys = await app.WithDbAsync(db => db.Set<DeveloperKey>().AsNoTracking().OrderBy(k => k.Id).ToListAsync());
        var former = keys.Single(k => k.AppName == "Pothole app");
        Assert.Equal(1, former.Id);
        Assert.Equal(("app-maker", Former[..10]), (former.OwnerId, former.Prefix));
        Assert.Equal(Hash(Former), former.Hash);
        Assert.Equal([Open311Api.Scope], former.ScopeList);
        Assert.Equal(600, former.RequestsPerMinute);
        Assert.Equal(created.UtcDateTime, former.CreatedAt);
        Assert.Null(former.RevokedAt);
        var old = keys.Single(k => k.AppName == "Old app");
        Assert.Equal((2L, revoked.UtcDateTime), (old.Id, old.RevokedAt));
        var moved = keys.Single(k => k.AppName == "Budget sync");
        Assert.True(moved.Id > 2, $"the developer key moved above the Open311 keys' ids (now {moved.Id})");
        var usage = await app.WithDbAsync(db => db.Set<DeveloperKeyUsage>().AsNoTracking().SingleAsync(u => u.KeyId == moved.Id));
        Assert.Equal((5L, 1L), (usage.Calls, usage.Limited));
        Assert.False(await app.WithDbAsync(db => db.Set<DeveloperKeyUsage>().AnyAsync(u => u.KeyId == 1)));

        // The app's key still sends requests, as key 1, and reads back the private ones; the revoked one stays refused.
        var (response, json) = await client.PostJsonAsync(Open311Client.RoadDamage(Former));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reference = json[0].GetProperty("service_request_id").GetString()!;
        await app.WithDbAsync(db => db.Set<ServiceRequest>().Where(r => r.Reference == reference).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsPublic, false)));
        Assert.Equal(1L, await app.WithDbAsync(db => db.Set<ServiceRequest>().Where(r => r.Reference == reference).Select(r => r.ApiKeyId).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/open311/v2/requests/{reference}.json?jurisdiction_id={Open311Client.City}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/open311/v2/requests/{reference}.json?jurisdiction_id={Open311Client.City}&api_key={Former}")).StatusCode);
        var (refused, refusedJson) = await client.PostJsonAsync(Open311Client.RoadDamage("ch311_old"));
        Open311Client.JsonErrors(refused, refusedJson, HttpStatusCode.Forbidden);

        // A key made now is numbered after every one of them.
        await Open311Client.NewKeyAsync(app, "새 앱");
        Assert.True(await app.WithDbAsync(db => db.Set<DeveloperKey>().Where(k => k.AppName == "새 앱").Select(k => k.Id).SingleAsync()) > moved.Id);
    }
}
