using CityHall.Tests.Infrastructure;
using CityHall.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Platform;

/// <summary>How the app opens its database: on PostgreSQL, without JIT compiling, unless the operator says otherwise.</summary>
public sealed class DatabaseConnectionTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public void PostgreSQL_connections_ask_for_no_JIT_unless_the_connection_string_sets_its_own_options()
    {
        Assert.Contains("Options=\"-c jit=off\"", DatabaseRegistration.WithoutJit("Host=db;Database=city;Username=app"), StringComparison.Ordinal);
        var own = DatabaseRegistration.WithoutJit("Host=db;Database=city;Options=-c statement_timeout=5000");
        Assert.DoesNotContain("jit", own, StringComparison.Ordinal);
        Assert.Contains("statement_timeout=5000", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_running_app_s_database_connection_has_JIT_off_on_PostgreSQL()
    {
        var provider = await app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));
        if (!TestDatabase.UsePostgres)
        {
            Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", provider);
            return;
        }
        Assert.Equal("off", await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync()));
    }
}
