using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Hosting;

/// <summary>A module's seed step: reference data always, demo content only when asked for.</summary>
public interface IDataSeeder
{
    int Order { get; }
    Task SeedAsync(bool includeDemo, CancellationToken ct);
}

/// <summary>
/// A module's seed file (Modules/{module}/Seed/{name}), opened from the build output, where it is
/// copied, or else from the content root (running from the source tree).
/// </summary>
public static class SeedFiles
{
    public static FileStream Open(IWebHostEnvironment env, string module, string name)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Modules", module, "Seed", name);
        if (!File.Exists(file)) file = Path.Combine(env.ContentRootPath, "Modules", module, "Seed", name);
        return File.OpenRead(file);
    }
}

/// <summary>
/// Applies migrations and seeds the city's reference data (roles, districts, departments), then each
/// module's. Seeders check what exists and create what is missing: they run under the
/// <see cref="InitializationLock"/>, so nodes starting together take turns and the later ones find it done.
/// </summary>
public sealed class DatabaseInitializer(AppDbContext db, RoleManager<IdentityRole> roles, IOptions<CityOptions> city,
    IEnumerable<IDataSeeder> seeders, ILogger<DatabaseInitializer> logger)
{
    /// <summary>Migrates, then seeds (demo content too when asked), holding the lock throughout.</summary>
    public async Task PrepareAsync(bool includeDemo, CancellationToken ct = default)
    {
        await using var held = await InitializationLock.AcquireAsync(db, logger, ct);
        await ApplyMigrationsAsync(ct);
        await SeedUnlockedAsync(includeDemo, ct);
    }

    /// <summary>Applies pending migrations, holding the lock.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var held = await InitializationLock.AcquireAsync(db, logger, ct);
        await ApplyMigrationsAsync(ct);
    }

    private async Task ApplyMigrationsAsync(CancellationToken ct)
    {
        await SquashedMigrations.AdoptAsync(db, logger, ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct); // readers do not block the writer
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }
    }

    private async Task SeedUnlockedAsync(bool includeDemo, CancellationToken ct)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        var options = city.Value;
        var districts = await db.Set<District>().ToDictionaryAsync(d => d.Code, ct);
        foreach (var d in options.Districts)
        {
            if (districts.TryGetValue(d.Code, out var existing)) { existing.NameKo = d.Name.Ko; existing.NameEn = d.Name.En; }
            else db.Add(new District { Code = d.Code, NameKo = d.Name.Ko, NameEn = d.Name.En });
        }
        var departments = await db.Set<Department>().ToDictionaryAsync(d => d.Code, ct);
        foreach (var d in options.Departments)
        {
            if (departments.TryGetValue(d.Code, out var existing)) { existing.NameKo = d.Name.Ko; existing.NameEn = d.Name.En; }
            else db.Add(new Department { Code = d.Code, NameKo = d.Name.Ko, NameEn = d.Name.En });
        }
        await db.SaveChangesAsync(ct);

        foreach (var seeder in seeders.OrderBy(s => s.Order))
            await seeder.SeedAsync(includeDemo, ct);
    }
}
