using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;

namespace CityHall.Web.Modules.ServiceRequests.Open311;

/// <summary>The two wire formats of GeoReport v2, chosen by the resource's suffix (".xml" or ".json").</summary>
public enum Open311Format { Xml, Json }

/// <summary>
/// One Open311 response as a tree, written once and rendered as either format, so the XML and the
/// JSON can never drift apart. The JSON follows the spec's "Spark convention": a container of
/// repeated elements is always an array (even of one), an empty element is null, attributes never
/// exist, and a list response is a bare top-level array.
/// </summary>
public abstract record Open311Node(string Name);

/// <summary>A value: a string, a boolean, a number, a time (ISO 8601 with offset) or nothing.</summary>
public sealed record Open311Value(string Name, object? Value) : Open311Node(Name);

/// <summary>An element holding named children (JSON object).</summary>
public sealed record Open311Element(string Name, IReadOnlyList<Open311Node> Children) : Open311Node(Name);

/// <summary>A container of repeated items, each named <see cref="ItemName"/> in XML (JSON array).</summary>
public sealed record Open311List(string Name, string ItemName, IReadOnlyList<Open311Node> Items) : Open311Node(Name);

public static class Open311Writer
{
    public const string XmlContentType = "text/xml; charset=utf-8";
    public const string JsonContentType = "application/json; charset=utf-8";

    // Korean stays readable in the JSON; it is served as application/json, never into HTML.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    public static string ContentType(Open311Format format) => format == Open311Format.Xml ? XmlContentType : JsonContentType;

    public static bool TryParseFormat(string? suffix, out Open311Format format)
    {
        switch (suffix)
        {
            case "xml": format = Open311Format.Xml; return true;
            case "json": format = Open311Format.Json; return true;
            default: format = default; return false;
        }
    }

    /// <summary>The whole body in memory first: both writers are synchronous, and Kestrel refuses synchronous writes to the response.</summary>
    public static byte[] Render(Open311Node root, Open311Format format)
    {
        using var buffer = new MemoryStream();
        if (format == Open311Format.Json)
        {
            using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder });
            WriteJson(json, root);
        }
        else
        {
            using var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
            xml.WriteStartDocument();
            WriteXml(xml, root);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    public static void WriteJson(System.Buffers.IBufferWriter<byte> output, Open311Node root)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = Encoder });
        WriteJson(json, root);
    }

    private static void WriteXml(XmlWriter xml, Open311Node node)
    {
        xml.WriteStartElement(node.Name);
        switch (node)
        {
            case Open311Value v:
                if (Text(v.Value) is { } text) xml.WriteString(text);
                break;
            case Open311Element e:
                foreach (var child in e.Children) WriteXml(xml, child);
                break;
            case Open311List l:
                foreach (var item in l.Items) WriteXml(xml, item);
                break;
        }
        xml.WriteEndElement();
    }

    /// <summary>Writes the node's content (its name belongs to the enclosing object, or is dropped for array items and the root).</summary>
    private static void WriteJson(Utf8JsonWriter json, Open311Node node)
    {
        switch (node)
        {
            case Open311Value v:
                switch (v.Value)
                {
                    case null: json.WriteNullValue(); break;
                    case bool b: json.WriteBooleanValue(b); break;
                    case int i: json.WriteNumberValue(i); break;
                    case long l: json.WriteNumberValue(l); break;
                    case double d: json.WriteNumberValue(d); break;
                    default: json.WriteStringValue(Text(v.Value)); break;
                }
                break;
            case Open311Element e:
                json.WriteStartObject();
                foreach (var child in e.Children)
                {
                    json.WritePropertyName(child.Name);
                    WriteJson(json, child);
                }
                json.WriteEndObject();
                break;
            case Open311List l:
                json.WriteStartArray();
                foreach (var item in l.Items) WriteJson(json, item);
                json.WriteEndArray();
                break;
        }
    }

    /// <summary>The XML text of a value: booleans as true/false, numbers invariant, times as W3C datetimes with their offset.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>An Open311 response body with its status code, in the format the client asked for.</summary>
public sealed class Open311Result(Open311Node root, Open311Format format, int statusCode = StatusCodes.Status200OK) : IResult
{
    public Open311Node Root => root;
    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = Open311Writer.ContentType(format);
        if (format == Open311Format.Json)
        {
            // Straight into the response's pipe: no intermediate copy of a list of a thousand requests.
            Open311Writer.WriteJson(httpContext.Response.BodyWriter, root);
            await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
            return;
        }
        var body = Open311Writer.Render(root, format);
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    /// <summary>The spec's error body: errors &gt; error {code, description}; several may be returned at once.</summary>
    public static Open311Result Errors(Open311Format format, int status, IEnumerable<string> descriptions) =>
        new(new Open311List("errors", "error", descriptions.Select(d => (Open311Node)new Open311Element("error",
            [new Open311Value("code", status), new Open311Value("description", d)])).ToList()), format, status);

    public static Open311Result Error(Open311Format format, int status, string description) => Errors(format, status, [description]);
}
