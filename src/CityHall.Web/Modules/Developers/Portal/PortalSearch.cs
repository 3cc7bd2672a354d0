using System.Globalization;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.Developers.Portal;

/// <summary>The developer portal in the city's search ("API", "개발자", "API 키"); the APIs themselves are found through the open data catalogue's entries.</summary>
public static class PortalSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await Task.CompletedTask;
        var t = services.GetRequiredService<IStringLocalizer<Text>>();
        var (ko, en) = (CultureInfo.GetCultureInfo("ko-KR"), CultureInfo.GetCultureInfo("en-US"));
        string In(CultureInfo culture, string key) => InCulture.Run(culture, () => t[key].Value);
        yield return new SearchItem("portal", In(ko, "Developers.Title"), In(en, "Developers.Title"), In(ko, "Developers.Search.Text"), In(en, "Developers.Search.Text"),
            "/developers", DateTime.UnixEpoch);
    }
}
