namespace CityHall.Web.Platform.OpenData;

/// <summary>
/// A module that publishes tabular datasets (places of a kind, broadcast schedules). It says which
/// datasets it has now (they may follow data, e.g. one per kind of place) and streams a dataset's
/// rows; the open-data catalogue writes them as CSV, JSON or GeoJSON, so every dataset is written
/// the same way and none is built in memory. Register with <c>services.AddOpenDataSource&lt;T&gt;()</c>.
/// </summary>
public interface IOpenDataSource
{
    Task<IReadOnlyList<DatasetDescription>> DescribeAsync(CancellationToken ct);

    /// <summary>The rows of one of this source's datasets, in the order of its columns; never called for a code it did not describe.</summary>
    IAsyncEnumerable<DatasetRow> ReadAsync(string code, CancellationToken ct);
}

/// <summary>
/// One dataset: a stable code (its file name), title and description in the reader's language (from the resources), its
/// columns, whether rows carry a point (then GeoJSON is offered too), the credit its sources ask
/// for beyond the city's licence, when it last changed and how many records it holds.
/// </summary>
public sealed record DatasetDescription(string Code, string Title, string Description, IReadOnlyList<DatasetColumn> Columns,
    bool Spatial, IReadOnlyList<string> Attributions, DateTimeOffset? UpdatedAt, long? Records, IReadOnlyList<string> Keywords);

public enum DatasetType { Text, Number, Boolean, Time }

/// <summary>A column: its name in the files (snake_case), its type and what it holds (English; the catalogue shows it to developers).</summary>
public sealed record DatasetColumn(string Name, DatasetType Type, string Description);

/// <summary>A row's values in column order (string, long, double, bool, DateTimeOffset or null) and, for spatial datasets, its WGS84 point.</summary>
public readonly record struct DatasetRow(object?[] Values, double? Latitude = null, double? Longitude = null);

public static class OpenDataRegistration
{
    public static IServiceCollection AddOpenDataSource<T>(this IServiceCollection services) where T : class, IOpenDataSource =>
        services.AddScoped<IOpenDataSource, T>();
}
