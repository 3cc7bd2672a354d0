using System.Text.Json;
using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.Portal;

/// <summary>
/// First content pages (accessibility statement, privacy notice, sector pages) from Seed/pages.json.
/// Only pages that do not exist yet are added: staff edits are never overwritten.
/// </summary>
public sealed class ContentPageSeeder(AppDbContext db, IWebHostEnvironment env, TimeProvider clock) : IDataSeeder
{
    public int Order => 20;

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        await using var stream = SeedFiles.Open(env, "Portal", "pages.json");
        var pages = await JsonSerializer.DeserializeAsync<List<SeedPage>>(stream, JsonSerializerOptions.Web, ct) ?? [];
        var existing = await db.Set<ContentPage>().Select(p => p.Slug).ToListAsync(ct);
        foreach (var p in pages.Where(p => !existing.Contains(p.Slug)))
        {
            db.Add(new ContentPage
            {
                Slug = p.Slug, TitleKo = p.TitleKo, TitleEn = p.TitleEn,
                BodyKo = string.Join('\n', p.BodyKo), BodyEn = string.Join('\n', p.BodyEn),
                UpdatedAt = clock.GetUtcNow(), UpdatedBy = "seed",
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private sealed record SeedPage(string Slug, string TitleKo, string TitleEn, string[] BodyKo, string[] BodyEn);
}
