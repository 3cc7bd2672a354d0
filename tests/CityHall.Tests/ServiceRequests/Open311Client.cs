using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using CityHall.Tests.Infrastructure;

namespace CityHall.Tests.ServiceRequests;

/// <summary>Talks to /open311/v2 the way a third-party client does: form posts, and both formats parsed as plain XML and JSON.</summary>
public sealed class Open311Client(HttpClient http)
{
    public const string City = "seoul.go.kr";
    public const string Base = "/open311/v2";

    public HttpClient Http => http;

    /// <summary>A citizen signs up and makes a key for an app with the Open311 scope on the developer portal; the key is read from the page that shows it once.</summary>
    public static async Task<(string Key, HttpClient Owner)> NewKeyAsync(CityHallApp app, string name = "동네 앱")
    {
        var owner = await app.SignedUpCitizenAsync();
        return (await NewKeyAsync(owner, name), owner);
    }

    public static async Task<string> NewKeyAsync(HttpClient owner, string name)
    {
        var page = await owner.GetPageAsync("/developers/keys");
        var issued = await Html.ParseAsync(await owner.SubmitAsync(page,
            [new("Input.AppName", name), new("Input.Scopes", Web.Modules.ServiceRequests.Open311.Open311Api.Scope)], "form[data-issue-form]"));
        var key = issued.QuerySelector("[data-issued-key] [data-key]")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(key), "the new key is shown");
        return key!;
    }

    public async Task<(HttpResponseMessage Response, XDocument Xml)> GetXmlAsync(string path)
    {
        var response = await http.GetAsync(Base + path);
        return (response, await XmlOfAsync(response));
    }

    public async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(string path)
    {
        var response = await http.GetAsync(Base + path);
        return (response, await JsonOfAsync(response));
    }

    public async Task<(HttpResponseMessage Response, JsonElement Json)> PostJsonAsync(IEnumerable<KeyValuePair<string, string>> form)
    {
        var response = await http.PostAsync(Base + "/requests.json", new FormUrlEncodedContent(form));
        return (response, await JsonOfAsync(response));
    }

    public async Task<(HttpResponseMessage Response, XDocument Xml)> PostXmlAsync(IEnumerable<KeyValuePair<string, string>> form)
    {
        var response = await http.PostAsync(Base + "/requests.xml", new FormUrlEncodedContent(form));
        return (response, await XmlOfAsync(response));
    }

    /// <summary>A valid report of road damage at Seoul City Hall, plus any changes.</summary>
    public static List<KeyValuePair<string, string>> RoadDamage(string key, params (string Name, string Value)[] changes)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("api_key", key), new("jurisdiction_id", City), new("service_code", "road-damage"),
            new("lat", "37.5663"), new("long", "126.9779"), new("attribute[damage_type]", "pothole"),
            new("description", "시청 앞 횡단보도 옆에 깊은 포트홀이 있습니다."),
        };
        foreach (var (name, value) in changes)
        {
            form.RemoveAll(f => f.Key == name);
            if (value.Length > 0) form.Add(new(name, value));
        }
        return form;
    }

    public static async Task<XDocument> XmlOfAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        return XDocument.Parse(text);
    }

    public static async Task<JsonElement> JsonOfAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    /// <summary>The spec's error body in JSON: a bare array of {code, description}, all with the HTTP status as code.</summary>
    public static string[] JsonErrors(HttpResponseMessage response, JsonElement json, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        Assert.True(json.GetArrayLength() > 0);
        return json.EnumerateArray().Select(e =>
        {
            Assert.Equal((int)status, e.GetProperty("code").GetInt32());
            return e.GetProperty("description").GetString()!;
        }).ToArray();
    }

    public static string[] XmlErrors(HttpResponseMessage response, XDocument xml, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("errors", xml.Root!.Name.LocalName);
        var errors = xml.Root.Elements().ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("error", e.Name.LocalName));
        return errors.Select(e =>
        {
            Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Element("code")!.Value);
            return e.Element("description")!.Value;
        }).ToArray();
    }

    public static string? Text(IDocument page, string selector) => page.QuerySelector(selector)?.TextContent.Trim();
}
