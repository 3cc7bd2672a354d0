using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.Places;

/// <summary>The kinds Seoul's maps have always offered; added once, then the city's to extend.</summary>
public sealed class PlaceKindsSeeder(AppDbContext db) : IDataSeeder
{
    public int Order => 40;

    internal static readonly (string Code, string Ko, string En)[] Kinds =
    [
        ("public-toilet", "공중화장실", "Public toilets"),
        ("restaurant", "음식점", "Restaurants"),
        ("model-restaurant", "모범음식점", "Model restaurants"),
        ("tourist-spot", "관광명소", "Tourist spots"),
        ("wifi-zone", "무료 와이파이", "Free WiFi zones"),
        ("shelter", "대피소·쉼터", "Shelters"),
        ("facility", "공공시설", "Public facilities"),
    ];

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        var existing = await db.Set<PlaceKind>().Select(k => k.Code).ToListAsync(ct);
        var order = 0;
        foreach (var (code, ko, en) in Kinds)
        {
            order++;
            if (!existing.Contains(code)) db.Add(new PlaceKind { Code = code, NameKo = ko, NameEn = en, Order = order });
        }
        await db.SaveChangesAsync(ct);
    }
}
