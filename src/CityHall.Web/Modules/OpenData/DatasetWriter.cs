using System.Globalization;
using System.Text.Json;
using CityHall.Web.Platform.OpenData;
using CsvHelper;

namespace CityHall.Web.Modules.OpenData;

/// <summary>
/// Writes a dataset's rows to the response as they are read, in one of three formats: CSV (UTF-8
/// with a byte order mark, so spreadsheets read Korean; fields a spreadsheet would run as a formula
/// are escaped), JSON (an array of objects keyed by column) or GeoJSON (RFC 7946: a FeatureCollection
/// of points, [longitude, latitude], the columns as properties). Nothing is built in memory: the
/// output is flushed every few kilobytes.
/// </summary>
public static class DatasetWriter
{
    public enum Format { Csv, Json, GeoJson }

    private const int FlushBytes = 32 * 1024;

    public static string MediaType(Format format) => format switch
    {
        Format.Csv => "text/csv; charset=utf-8",
        Format.Json => "application/json; charset=utf-8",
        _ => "application/geo+json",
    };

    public static string Extension(Format format) => format switch { Format.Csv => "csv", Format.Json => "json", _ => "geojson" };

    public static bool TryParse(string extension, out Format format)
    {
        (var known, format) = extension switch
        {
            "csv" => (true, Format.Csv),
            "json" => (true, Format.Json),
            "geojson" => (true, Format.GeoJson),
            _ => (false, Format.Csv),
        };
        return known;
    }

    public static Task WriteAsync(HttpResponse response, DatasetDescription dataset, IAsyncEnumerable<DatasetRow> rows, Format format, CancellationToken ct) =>
        format == Format.Csv ? WriteCsvAsync(response.Body, dataset, rows, ct) : WriteJsonAsync(response, dataset, rows, format == Format.GeoJson, ct);

    private static async Task WriteCsvAsync(Stream body, DatasetDescription dataset, IAsyncEnumerable<DatasetRow> rows, CancellationToken ct)
    {
        var options = new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
            TrueValue = "true",
            FalseValue = "false",
            FormatProvider = CultureInfo.InvariantCulture,
        };
        await using var csv = CsvWriter.Create(body, options, true);
        foreach (var column in dataset.Columns) csv.WriteField(column.Name);
        await csv.EndRecordAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var value in row.Values)
            {
                switch (value)
                {
                    case null: csv.WriteField((string?)null); break;
                    case string text: csv.WriteField(text); break;
                    case bool flag: csv.WriteField(flag); break;
                    case DateTimeOffset time: csv.WriteField(CsvExport.Time(time)); break;
                    case long n: csv.WriteField(n, default); break;
                    case int n: csv.WriteField(n, default); break;
                    case double d: csv.WriteField(d, "R"); break;
                    default: csv.WriteField(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
                }
            }
            await csv.EndRecordAsync(ct);
        }
        await csv.FlushAsync(ct);
    }

    private static async Task WriteJsonAsync(HttpResponse response, DatasetDescription dataset, IAsyncEnumerable<DatasetRow> rows, bool geo, CancellationToken ct)
    {
        var pipe = response.BodyWriter;
        await using var json = new Utf8JsonWriter(pipe, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var names = dataset.Columns.Select(c => JsonEncodedText.Encode(c.Name)).ToArray();
        if (geo)
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
        }
        else json.WriteStartArray();
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (geo)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                if (row.Latitude is { } lat && row.Longitude is { } lon)
                {
                    json.WriteStartObject("geometry");
                    json.WriteString("type", "Point");
                    json.WriteStartArray("coordinates");
                    json.WriteNumberValue(lon);
                    json.WriteNumberValue(lat);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                else json.WriteNull("geometry");
                json.WritePropertyName("properties");
            }
            json.WriteStartObject();
            for (var i = 0; i < names.Length; i++)
            {
                json.WritePropertyName(names[i]);
                switch (row.Values[i])
                {
                    case null: json.WriteNullValue(); break;
                    case string text: json.WriteStringValue(text); break;
                    case bool flag: json.WriteBooleanValue(flag); break;
                    case DateTimeOffset time: json.WriteStringValue(CsvExport.Time(time)); break;
                    case long n: json.WriteNumberValue(n); break;
                    case int n: json.WriteNumberValue(n); break;
                    case double d: json.WriteNumberValue(d); break;
                    case var other: json.WriteStringValue(Convert.ToString(other, CultureInfo.InvariantCulture)); break;
                }
            }
            json.WriteEndObject();
            if (geo) json.WriteEndObject();
            if (json.BytesPending > FlushBytes)
            {
                await json.FlushAsync(ct);
                await pipe.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        if (geo) json.WriteEndObject();
        await json.FlushAsync(ct);
    }
}
