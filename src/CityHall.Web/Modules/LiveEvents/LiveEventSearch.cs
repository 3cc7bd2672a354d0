using System.Globalization;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.LiveEvents;

/// <summary>Live events in the city's search: coming up, on air and past (with their archives).</summary>
public static class LiveEventSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rows = services.GetRequiredService<AppDbContext>().Set<LiveEvent>().AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.TitleKo, e.TitleEn, e.DescriptionKo, e.DescriptionEn, e.UpdatedAt }).AsAsyncEnumerable();
        await foreach (var e in rows.WithCancellation(ct))
            yield return new SearchItem(e.Id.ToString(CultureInfo.InvariantCulture), e.TitleKo, e.TitleEn, e.DescriptionKo, e.DescriptionEn, $"/live/{e.Id}", e.UpdatedAt);
    }
}
