using System.Globalization;
using CityHall.Web.Platform.Localization;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.OpenData;

/// <summary>Open datasets, APIs and feeds in the city's search, by title, description and keywords, in both languages.</summary>
public static class DatasetSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var catalogue = services.GetRequiredService<OpenDataCatalogue>();
        // The catalogue words its entries in the reader's language: read it once in each.
        var korean = await InCulture.RunAsync(CultureInfo.GetCultureInfo("ko-KR"), () => catalogue.EntriesAsync(ct));
        var english = await InCulture.RunAsync(CultureInfo.GetCultureInfo("en-US"), () => catalogue.EntriesAsync(ct));
        var inEnglish = english.ToDictionary(e => e.Code);
        foreach (var ko in korean)
        {
            var en = inEnglish.GetValueOrDefault(ko.Code);
            yield return new SearchItem(ko.Code, ko.Title, en?.Title, string.Join(" · ", [ko.Description, .. ko.Keywords]),
                en is null ? null : string.Join(" · ", [en.Description, .. en.Keywords]), $"/open-data#{ko.Code}", (ko.UpdatedAt ?? default).UtcDateTime);
        }
    }
}
