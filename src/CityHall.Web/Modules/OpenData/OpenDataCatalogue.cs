using System.Globalization;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Modules;
using CityHall.Web.Platform.OpenData;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.OpenData;

/// <summary>
/// Everything the city publishes as open data, in one list: the tabular datasets of every
/// <see cref="IOpenDataSource"/> (downloadable as CSV, JSON and, with points, GeoJSON from
/// /open-data/{code}.{format}) and the APIs and feeds modules declare in their descriptors.
/// </summary>
public sealed class OpenDataCatalogue(IEnumerable<IOpenDataSource> sources, ModuleRegistry modules, IStringLocalizer<Text> t,
    IOptionsMonitor<OpenDataOptions> options)
{
    public sealed record Distribution(string Format, string Href, string MediaType);

    /// <summary>A dataset as the catalogue shows it (texts in the reader's language).</summary>
    public sealed record Entry(string Code, string Title, string Description, IReadOnlyList<Distribution> Distributions, DateTimeOffset? UpdatedAt,
        long? Records, IReadOnlyList<string> Attributions, IReadOnlyList<string> Keywords, IReadOnlyList<DatasetColumn> Columns, bool Spatial);

    public OpenDataOptions Options => options.CurrentValue;

    public async Task<IReadOnlyList<Entry>> EntriesAsync(CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var entries = new List<Entry>();
        foreach (var source in sources)
        {
            foreach (var d in await source.DescribeAsync(ct))
            {
                var formats = d.Spatial ? new[] { DatasetWriter.Format.Csv, DatasetWriter.Format.Json, DatasetWriter.Format.GeoJson } : [DatasetWriter.Format.Csv, DatasetWriter.Format.Json];
                entries.Add(new Entry(d.Code, d.Title, d.Description,
                    formats.Select(f => new Distribution(DatasetWriter.Extension(f).ToUpperInvariant(), $"/open-data/{d.Code}.{DatasetWriter.Extension(f)}", DatasetWriter.MediaType(f))).ToList(),
                    d.UpdatedAt, d.Records, d.Attributions, d.Keywords, d.Columns, d.Spatial));
            }
        }
        // APIs and feeds: one entry per title, with each of its formats.
        foreach (var group in modules.Datasets.GroupBy(d => d.TitleKey))
        {
            var first = group.First();
            entries.Add(new Entry(first.Code, t[first.TitleKey], first.DescriptionKey is { } key ? t[key] : "",
                group.Select(d => new Distribution(d.Format, d.Href, MediaTypeOf(d.Format))).ToList(), null, null, [], [], [], false));
        }
        return entries.OrderBy(e => e.Title, StringComparer.Create(culture, false)).ToList();
    }

    /// <summary>The dataset with this code and the source that streams it, or null.</summary>
    public async Task<(DatasetDescription Dataset, IOpenDataSource Source)?> FindAsync(string code, CancellationToken ct)
    {
        foreach (var source in sources)
            if ((await source.DescribeAsync(ct)).FirstOrDefault(d => d.Code == code) is { } dataset) return (dataset, source);
        return null;
    }

    private static string MediaTypeOf(string format) => format.ToUpperInvariant() switch
    {
        var f when f.Contains("CSV", StringComparison.Ordinal) => "text/csv",
        var f when f.Contains("ATOM", StringComparison.Ordinal) => "application/atom+xml",
        var f when f.Contains("ICAL", StringComparison.Ordinal) => "text/calendar",
        var f when f.Contains("XML", StringComparison.Ordinal) => "application/xml",
        _ => "application/json",
    };
}

/// <summary>The licence datasets are published under (KOGL Type 1, attribution, unless the city says otherwise) and who publishes them.</summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    public LocalizedText LicenceName { get; set; } = new() { Ko = "공공누리 제1유형 (출처표시)", En = "Korea Open Government License (KOGL) Type 1: attribution" };
    public string LicenceUrl { get; set; } = "https://www.kogl.or.kr/info/licenseType1.do";
    /// <summary>Where people and machines ask about the data (the catalogue's contact point).</summary>
    public string? ContactEmail { get; set; }
}
