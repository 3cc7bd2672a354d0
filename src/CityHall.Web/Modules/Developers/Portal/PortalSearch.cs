using System.Globalization;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.Developers.Portal;

/// <summary>
/// The developer portal in the city's search ("API", "개발자", "API 키"), the app-business centre ("창업", "데모데이"), and each
/// published showcase app by its name, maker and what it does; the APIs themselves are found through the open data
/// catalogue's entries.
/// </summary>
public static class PortalSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var t = services.GetRequiredService<IStringLocalizer<Text>>();
        var (ko, en) = (CultureInfo.GetCultureInfo("ko-KR"), CultureInfo.GetCultureInfo("en-US"));
        string In(CultureInfo culture, string key) => InCulture.Run(culture, () => t[key].Value);
        yield return new SearchItem("portal", In(ko, "Developers.Title"), In(en, "Developers.Title"), In(ko, "Developers.Search.Text"), In(en, "Developers.Search.Text"),
            "/developers", DateTime.UnixEpoch);
        yield return new SearchItem("incubator", In(ko, "Incubator.Public.Title"), In(en, "Incubator.Public.Title"), In(ko, "Incubator.Public.Intro"), In(en, "Incubator.Public.Intro"),
            "/developers/incubator", DateTime.UnixEpoch);
        var db = services.GetRequiredService<AppDbContext>();
        await foreach (var app in db.Set<Incubator.ShowcaseApp>().AsNoTracking().Where(a => a.Published).OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var id = app.Id.ToString(CultureInfo.InvariantCulture);
            yield return new SearchItem("app-" + id, app.Name, app.Name, $"{app.Maker} {app.SummaryKo}", $"{app.Maker} {app.SummaryEn}",
                "/developers/showcase#app-" + id, app.UpdatedAt);
        }
    }
}
