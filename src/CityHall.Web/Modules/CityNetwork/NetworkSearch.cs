using System.Globalization;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.CityNetwork;

/// <summary>
/// The network in the city's search: its members (by their English name and their own, with country and region) and
/// the library's published cases (title and summary, in whatever language they are written). Withdrawn members stay
/// findable (their pages stay); unpublished cases are never given.
/// </summary>
public static class NetworkSearch
{
    public static async IAsyncEnumerable<SearchItem> MembersAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var countries = services.GetRequiredService<Countries>();
        var rows = await services.GetRequiredService<AppDbContext>().Set<Members.NetworkMember>().AsNoTracking().OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.Name, m.LocalName, m.CountryCode, m.About, m.UpdatedAt }).ToListAsync(ct);
        foreach (var m in rows)
        {
            var country = countries.Find(m.CountryCode);
            var titleKo = m.LocalName is null ? m.Name : $"{m.Name} ({m.LocalName})";
            yield return new SearchItem(m.Id.ToString(CultureInfo.InvariantCulture), Cut(titleKo, SearchItem.MaxTitle), Cut(m.Name, SearchItem.MaxTitle),
                Cut($"{country?.NameKo} {m.About}", SearchItem.MaxText), Cut($"{country?.NameEn} {m.About}", SearchItem.MaxText), $"/network/members/{m.Id}", m.UpdatedAt);
        }
    }

    public static async IAsyncEnumerable<SearchItem> LibraryAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rows = await services.GetRequiredService<Library.LibraryShelf>().Published.OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Title, c.Summary, c.Language, c.City, c.UpdatedAt }).ToListAsync(ct);
        foreach (var c in rows)
        {
            // A case has one language: Korean ones fill the Korean side, every other the English side (read by both).
            var korean = c.Language.StartsWith("ko", StringComparison.Ordinal);
            var text = Cut($"{c.City} {c.Summary}", SearchItem.MaxText);
            yield return new SearchItem(c.Id.ToString(CultureInfo.InvariantCulture), Cut(c.Title, SearchItem.MaxTitle), korean ? null : Cut(c.Title, SearchItem.MaxTitle),
                korean ? text : null, korean ? null : text, $"/network/library/{c.Id}", c.UpdatedAt);
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text.Trim() : text[..max].Trim();
}
