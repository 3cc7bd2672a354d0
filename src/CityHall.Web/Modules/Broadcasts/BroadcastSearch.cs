using System.Globalization;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.Broadcasts;

/// <summary>Broadcast programmes in the city's search, by title, description and hosts.</summary>
public static class BroadcastSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rows = await services.GetRequiredService<AppDbContext>().Set<Programme>().AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.TitleKo, p.TitleEn, p.DescriptionKo, p.DescriptionEn, p.Hosts, p.UpdatedAt }).ToListAsync(ct);
        foreach (var p in rows)
        {
            static string? Join(string? description, string? hosts) => hosts is null ? description : description is null ? hosts : description + "\n" + hosts;
            yield return new SearchItem(p.Id.ToString(CultureInfo.InvariantCulture), p.TitleKo, p.TitleEn, Join(p.DescriptionKo, p.Hosts), Join(p.DescriptionEn, p.Hosts),
                $"/broadcasts/programmes/{p.Id}", p.UpdatedAt);
        }
    }
}
