using System.Text.Json;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CityHall.Web.Modules.OpenData;

/// <summary>
/// Downloads (/open-data/{code}.csv|json|geojson, streamed, with Last-Modified so a client that has
/// the current file gets a 304) and the machine-readable catalogue /open-data/catalog.json in the
/// DCAT-US 1.1 (Project Open Data "data.json") schema, which portals such as CKAN harvest.
/// </summary>
public static class OpenDataApi
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/open-data/catalog.json", async (HttpContext http, OpenDataCatalogue catalogue, IOptionsMonitor<CityOptions> city, CancellationToken ct) =>
        {
            var entries = await catalogue.EntriesAsync(ct);
            var origin = http.Request.PublicOrigin();
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(http.Response.BodyWriter, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            var options = catalogue.Options;
            var publisher = city.CurrentValue.Name.Current;
            json.WriteStartObject();
            json.WriteString("@context", "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld");
            json.WriteString("@type", "dcat:Catalog");
            json.WriteString("conformsTo", "https://project-open-data.cio.gov/v1.1/schema");
            json.WriteString("describedBy", "https://project-open-data.cio.gov/v1.1/schema/catalog.json");
            json.WriteStartArray("dataset");
            foreach (var e in entries)
            {
                json.WriteStartObject();
                json.WriteString("@type", "dcat:Dataset");
                json.WriteString("identifier", $"{origin}/open-data#{e.Code}");
                json.WriteString("title", e.Title);
                json.WriteString("description", e.Description.Length > 0 ? e.Description : e.Title);
                json.WriteStartArray("keyword");
                foreach (var k in e.Keywords.DefaultIfEmpty(e.Code)) json.WriteStringValue(k);
                json.WriteEndArray();
                if (e.UpdatedAt is { } updated) json.WriteString("modified", CsvExport.Time(updated));
                json.WriteStartObject("publisher");
                json.WriteString("@type", "org:Organization");
                json.WriteString("name", publisher);
                json.WriteEndObject();
                if (options.ContactEmail is { Length: > 0 } email)
                {
                    json.WriteStartObject("contactPoint");
                    json.WriteString("@type", "vcard:Contact");
                    json.WriteString("fn", publisher);
                    json.WriteString("hasEmail", "mailto:" + email);
                    json.WriteEndObject();
                }
                json.WriteString("accessLevel", "public");
                json.WriteString("license", options.LicenceUrl);
                if (e.Attributions.Count > 0) json.WriteString("rights", string.Join("; ", e.Attributions));
                json.WriteStartArray("distribution");
                foreach (var d in e.Distributions)
                {
                    json.WriteStartObject();
                    json.WriteString("@type", "dcat:Distribution");
                    json.WriteString(d.Href.StartsWith("/open-data/", StringComparison.Ordinal) ? "downloadURL" : "accessURL", origin + d.Href);
                    json.WriteString("mediaType", d.MediaType.Split(';')[0]);
                    json.WriteString("format", d.Format);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }).WithTags("Open data").WithSummary("The open-data catalogue (DCAT-US 1.1 / data.json)");

        app.MapGet("/open-data/{file}", async Task<IResult> (string file, HttpContext http, OpenDataCatalogue catalogue, IStringLocalizer<Text> t, CancellationToken ct) =>
        {
            var dot = file.LastIndexOf('.');
            if (dot <= 0 || !DatasetWriter.TryParse(file[(dot + 1)..], out var format)) return NotFound(t);
            if (await catalogue.FindAsync(file[..dot], ct) is not var (dataset, source)) return NotFound(t);
            if (format == DatasetWriter.Format.GeoJson && !dataset.Spatial) return NotFound(t);

            var headers = http.Response.GetTypedHeaders();
            headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromMinutes(5) };
            if (dataset.UpdatedAt is { } updated)
            {
                // HTTP dates have whole seconds.
                var lastModified = new DateTimeOffset(updated.UtcTicks - updated.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
                headers.LastModified = lastModified;
                if (http.Request.GetTypedHeaders().IfModifiedSince is { } since && lastModified <= since) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
            }
            return new DatasetResult(dataset, source, format);
        }).WithTags("Open data").WithSummary("A dataset as CSV, JSON or GeoJSON (streamed)");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(IStringLocalizer t) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["OpenData.NoDataset"]);

    /// <summary>Streams the rows after the headers are set, so a dataset of any size never sits in memory.</summary>
    private sealed class DatasetResult(Platform.OpenData.DatasetDescription dataset, Platform.OpenData.IOpenDataSource source, DatasetWriter.Format format) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = DatasetWriter.MediaType(format);
            http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"{dataset.Code}.{DatasetWriter.Extension(format)}" }.ToString();
            var ct = http.RequestAborted;
            return DatasetWriter.WriteAsync(http.Response, dataset, source.ReadAsync(dataset.Code, ct), format, ct);
        }
    }
}
