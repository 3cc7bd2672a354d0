using CityHall.Web.Platform.OpenData;
using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.Developers.Portal;

/// <summary>One of the city's APIs, feeds or open datasets as a developer finds it: its code, title, address and formats.</summary>
public sealed record CityApi(string Code, string Title, string? Description, string Href, string Format);

/// <summary>
/// Everything a developer can build on, from what the modules publish: the APIs and feeds they declare
/// (<see cref="ModuleDescriptor.Datasets"/>) and every open dataset their <see cref="IOpenDataSource"/>s describe (as
/// JSON at /open-data/{code}.json, also CSV, and GeoJSON when it has points). The portal lists them and the showcase
/// links an app to those it uses.
/// </summary>
public sealed class CityApis(ModuleRegistry modules, IEnumerable<IOpenDataSource> sources, IStringLocalizer<Text> t)
{
    public async Task<IReadOnlyList<CityApi>> AllAsync(CancellationToken ct)
    {
        var list = modules.Datasets.Select(d => new CityApi(d.Code, t[d.TitleKey].Value, d.DescriptionKey is { } key ? t[key].Value : null, d.Href, d.Format)).ToList();
        foreach (var source in sources)
            foreach (var d in await source.DescribeAsync(ct))
                list.Add(new CityApi(d.Code, d.Title, d.Description, $"/open-data/{d.Code}.json", d.Spatial ? "JSON · CSV · GeoJSON" : "JSON · CSV"));
        return [.. list.DistinctBy(a => a.Code).OrderBy(a => a.Href, StringComparer.Ordinal)];
    }
}
