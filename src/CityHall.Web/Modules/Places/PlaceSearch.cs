using System.Globalization;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.Places;

/// <summary>Places in the city's search: every place, found by its name, its kind, its address or its description.</summary>
public static class PlaceSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var kinds = await db.Set<PlaceKind>().AsNoTracking().ToDictionaryAsync(k => k.Code, ct);
        var rows = db.Set<Place>().AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.KindCode, p.NameKo, p.NameEn, p.DescriptionKo, p.DescriptionEn, p.RoadAddress, p.LotAddress, p.UpdatedAt }).AsAsyncEnumerable();
        await foreach (var p in rows.WithCancellation(ct))
        {
            var kind = kinds.GetValueOrDefault(p.KindCode);
            var address = p.RoadAddress ?? p.LotAddress;
            static string Line(params string?[] parts) => string.Join(" · ", parts.Where(x => !string.IsNullOrWhiteSpace(x)));
            yield return new SearchItem(p.Id.ToString(CultureInfo.InvariantCulture), p.NameKo, p.NameEn,
                Line(kind?.NameKo, address, p.DescriptionKo), Line(kind?.NameEn, address, p.DescriptionEn), $"/places/{p.Id}", p.UpdatedAt);
        }
    }
}
