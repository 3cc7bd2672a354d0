using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Hosting;

public static class StartupDatabase
{
    /// <summary>
    /// First run needs no set-up: migrate and seed reference data at start (switch off with
    /// Database:MigrateOnStartup=false where a release step runs `migrate` instead). Demo accounts
    /// and content only when Seed:Demo is true (the Development default).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup) return;
        await using var scope = app.Services.CreateAsyncScope();
        var init = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await init.PrepareAsync(app.Configuration.GetValue<bool>("Seed:Demo"));
        // The first request already sees the administrators' city settings.
        await app.Services.GetRequiredService<City.CitySettingsStore>().RefreshAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
