using System.Globalization;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.Cctv;

/// <summary>
/// Cameras in the city's search: every site in service, found by its address, district, purpose or code, leading to
/// its notice — "is there a camera on my street, and who runs it". Never its status.
/// </summary>
public static class CameraSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var t = services.GetRequiredService<IStringLocalizer<Text>>();
        var districts = await db.Set<Platform.City.District>().AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        // The purposes' names in both languages, read once.
        var (ko, en) = (CultureInfo.GetCultureInfo("ko-KR"), CultureInfo.GetCultureInfo("en-US"));
        var purposes = Enum.GetValues<CameraPurpose>().ToDictionary(p => p,
            p => (Ko: InCulture.Run(ko, () => t["Cctv.Search.Title", t[p.NameKey()]].Value), En: InCulture.Run(en, () => t["Cctv.Search.Title", t[p.NameKey()]].Value)));
        var rows = db.Set<Camera>().AsNoTracking().Where(c => c.RemovedOn == null).OrderBy(c => c.Id)
            .Select(c => new { c.Code, c.Purpose, c.DistrictCode, c.Address, c.LotAddress, c.OperatorName, c.UpdatedAt }).AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            var district = c.DistrictCode is { } code ? districts.GetValueOrDefault(code) : null;
            var (titleKo, titleEn) = purposes[c.Purpose];
            static string Line(params string?[] parts) => string.Join(" · ", parts.Where(x => !string.IsNullOrWhiteSpace(x)));
            yield return new SearchItem(c.Code, Cut(Line(titleKo, c.Address ?? c.LotAddress), SearchItem.MaxTitle), Cut(Line(titleEn, c.Address ?? c.LotAddress), SearchItem.MaxTitle),
                Cut(Line(district?.NameKo, c.LotAddress, c.OperatorName, c.Code), SearchItem.MaxText), Cut(Line(district?.NameEn, c.LotAddress, c.OperatorName, c.Code), SearchItem.MaxText),
                $"/cctv/{c.Code}", c.UpdatedAt);
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
