using System.Globalization;
using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Developers.Keys;
using CityHall.Web.Modules.ServiceRequests;
using CityHall.Web.Modules.ServiceRequests.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.ServiceRequests;

/// <summary>
/// Every GeoReport v2 endpoint in both formats, read as a client would: exact element names, ids as
/// strings, lists as arrays even of one, the errors body with 400/403/404, and nothing stored from a
/// refused request.
/// </summary>
public sealed class Open311Tests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private readonly Open311Client client = new(app.CreateClient());

    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
        "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url",
    ];

    private Task<int> StoredCountAsync() => app.WithDbAsync(db => db.Set<ServiceRequest>().CountAsync());

    /// <summary>A service only this test uses, so lists filtered by it hold only this test's requests.</summary>
    private async Task<string> NewServiceAsync(ServiceType type = ServiceType.Realtime)
    {
        var code = "t-" + Guid.NewGuid().ToString("N")[..12];
        await app.WithDbAsync(async db =>
        {
            db.Add(new ServiceDefinition { Code = code, NameKo = "시험 서비스", NameEn = "Test service", Type = type, Group = "test", Order = 99 });
            db.Add(new ServiceRoute { ServiceCode = code, DepartmentCode = "safety" });
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<ServiceDirectory>().Invalidate();
        return code;
    }

    private async Task<string> PostAsync(string key, string service, params (string Name, string Value)[] more)
    {
        var (response, json) = await client.PostJsonAsync(Open311Client.RoadDamage(key,
            [("service_code", service), ("attribute[damage_type]", ""), .. more]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return json[0].GetProperty("service_request_id").GetString()!;
    }

    [Theory]
    [InlineData("37.5116", "127.0595", "11680")] // COEX: Gangnam-gu
    [InlineData("37.5759", "126.9768", "11110")] // Gwanghwamun: Jongno-gu
    [InlineData("37.5133", "126.9267", "11560")] // Yeouido: Yeongdeungpo-gu
    public async Task A_request_with_a_point_and_no_address_gets_the_district_the_point_lies_in(string lat, string lon, string district)
    {
        var (key, _) = await Open311Client.NewKeyAsync(app);
        var (response, json) = await client.PostJsonAsync(Open311Client.RoadDamage(key, ("lat", lat), ("long", lon)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = json[0].GetProperty("service_request_id").GetString()!;
        var stored = await app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().SingleAsync(r => r.Reference == id || r.Token == id));
        Assert.Equal(district, stored.DistrictCode);
    }

    [Fact]
    public async Task Discovery_lists_the_v2_endpoint_in_both_formats_at_both_addresses()
    {
        var (xmlResponse, xml) = await client.GetXmlAsync("/discovery.xml");
        Assert.Equal(HttpStatusCode.OK, xmlResponse.StatusCode);
        Assert.Equal("discovery", xml.Root!.Name.LocalName);
        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], xml.Root.Elements().Select(e => e.Name.LocalName));
        var endpoint = Assert.Single(xml.Root.Element("endpoints")!.Elements("endpoint"));
        Assert.Equal(["specification", "url", "changeset", "type", "formats"], endpoint.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.Element("specification")!.Value);
        Assert.EndsWith("/open311/v2", endpoint.Element("url")!.Value, StringComparison.Ordinal);
        Assert.Equal(["text/xml", "application/json"], endpoint.Element("formats")!.Elements("format").Select(f => f.Value));
        Assert.Contains("/developers/keys", xml.Root.Element("key_service")!.Value, StringComparison.Ordinal);
        // A full ISO 8601 time with its offset, as validators expect.
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", xml.Root.Element("changeset")!.Value);

        var response = await client.Http.GetAsync("/open311/discovery.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await Open311Client.JsonOfAsync(response);
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        var endpoints = json.GetProperty("endpoints");
        Assert.Equal(JsonValueKind.Array, endpoints.ValueKind);
        Assert.Equal(JsonValueKind.Array, endpoints[0].GetProperty("formats").ValueKind);
        Assert.Equal("application/json", endpoints[0].GetProperty("formats")[1].GetString());
        Assert.Equal("production", endpoints[0].GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/open311/discovery.html")).StatusCode);
    }

    [Fact]
    public async Task The_service_list_has_seouls_categories_with_typed_fields_and_jurisdiction_rules()
    {
        var (response, json) = await client.GetJsonAsync("/services.json?jurisdiction_id=seoul.go.kr");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        var road = json.EnumerateArray().First(s => s.GetProperty("service_code").GetString() == "road-damage");
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], road.EnumerateObject().Select(p => p.Name));
        Assert.Equal("도로 파손", road.GetProperty("service_name").GetString());
        Assert.True(road.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", road.GetProperty("type").GetString());
        Assert.Equal("roads", road.GetProperty("group").GetString());
        Assert.False(json.EnumerateArray().First(s => s.GetProperty("service_code").GetString() == "sidewalk-block").GetProperty("metadata").GetBoolean());

        var (xmlResponse, xml) = await client.GetXmlAsync("/services.xml?jurisdiction_id=gangnam.go.kr");
        Assert.Equal(HttpStatusCode.OK, xmlResponse.StatusCode);
        Assert.Equal("services", xml.Root!.Name.LocalName);
        var services = xml.Root.Elements("service").ToList();
        Assert.True(services.Count >= 20);
        Assert.Equal("true", services.First(s => s.Element("service_code")!.Value == "noise").Element("metadata")!.Value);

        // English readers get English names.
        using var english = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/services.json?jurisdiction_id=seoul.go.kr");
        english.Headers.AcceptLanguage.ParseAdd("en-US");
        var englishJson = await Open311Client.JsonOfAsync(await client.Http.SendAsync(english));
        Assert.Contains(englishJson.EnumerateArray(), s => s.GetProperty("service_name").GetString() == "Road damage");

        // This endpoint serves the city and its districts: the jurisdiction must be named and known.
        var (missing, missingJson) = await client.GetJsonAsync("/services.json");
        Assert.Contains("jurisdiction_id", Open311Client.JsonErrors(missing, missingJson, HttpStatusCode.BadRequest)[0], StringComparison.Ordinal);
        var (empty, emptyXml) = await client.GetXmlAsync("/services.xml?jurisdiction_id=");
        Open311Client.XmlErrors(empty, emptyXml, HttpStatusCode.BadRequest);
        var (unknown, unknownXml) = await client.GetXmlAsync("/services.xml?jurisdiction_id=example.org");
        Open311Client.XmlErrors(unknown, unknownXml, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_service_definition_gives_every_attribute_with_its_values_as_arrays()
    {
        var (response, json) = await client.GetJsonAsync("/services/road-damage.json?jurisdiction_id=seoul.go.kr");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("road-damage", json.GetProperty("service_code").GetString());
        var attributes = json.GetProperty("attributes");
        Assert.Equal(2, attributes.GetArrayLength());
        var kind = attributes[0];
        Assert.Equal(["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"],
            kind.EnumerateObject().Select(p => p.Name));
        Assert.True(kind.GetProperty("variable").GetBoolean());
        Assert.Equal("singlevaluelist", kind.GetProperty("datatype").GetString());
        Assert.True(kind.GetProperty("required").GetBoolean());
        Assert.Equal(1, kind.GetProperty("order").GetInt32());
        Assert.Equal(["pothole", "crack", "subsidence"], kind.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
        Assert.Equal("포트홀", kind.GetProperty("values")[0].GetProperty("name").GetString());
        Assert.Equal("number", attributes[1].GetProperty("datatype").GetString());
        Assert.Equal(JsonValueKind.Array, attributes[1].GetProperty("values").ValueKind);
        Assert.Equal(0, attributes[1].GetProperty("values").GetArrayLength());

        var (xmlResponse, xml) = await client.GetXmlAsync("/services/disability.xml?jurisdiction_id=seoul.go.kr");
        Assert.Equal(HttpStatusCode.OK, xmlResponse.StatusCode);
        Assert.Equal("service_definition", xml.Root!.Name.LocalName);
        var barrier = Assert.Single(xml.Root.Element("attributes")!.Elements("attribute"));
        Assert.Equal("multivaluelist", barrier.Element("datatype")!.Value);
        Assert.Equal("true", barrier.Element("required")!.Value);
        Assert.Equal(4, barrier.Element("values")!.Elements("value").Count());
        Assert.Equal("ramp", barrier.Element("values")!.Element("value")!.Element("key")!.Value);

        var (unknown, unknownJson) = await client.GetJsonAsync("/services/no-such-service.json?jurisdiction_id=seoul.go.kr");
        Open311Client.JsonErrors(unknown, unknownJson, HttpStatusCode.NotFound);
        var (noJurisdiction, noJurisdictionXml) = await client.GetXmlAsync("/services/road-damage.xml");
        Open311Client.XmlErrors(noJurisdiction, noJurisdictionXml, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Posting_needs_a_live_key_and_a_refused_post_stores_nothing()
    {
        var before = await StoredCountAsync();
        var (none, noneJson) = await client.PostJsonAsync(Open311Client.RoadDamage("", []));
        Open311Client.JsonErrors(none, noneJson, HttpStatusCode.Forbidden);
        var (wrong, wrongXml) = await client.PostXmlAsync(Open311Client.RoadDamage("ch311_not-a-real-key", []));
        Open311Client.XmlErrors(wrong, wrongXml, HttpStatusCode.Forbidden);
        Assert.Equal(before, await StoredCountAsync());
    }

    [Fact]
    public async Task A_realtime_post_returns_the_id_and_the_request_reads_back_in_both_formats()
    {
        var (key, _) = await Open311Client.NewKeyAsync(app);
        var (response, json) = await client.PostJsonAsync(Open311Client.RoadDamage(key, ("account_id", "acct-77"), ("address_string", "서울특별시 중구 세종대로 110")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = Assert.Single(json.EnumerateArray());
        Assert.Equal(["service_request_id", "service_notice", "account_id"], created.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.String, created.GetProperty("service_request_id").ValueKind);
        Assert.Equal("acct-77", created.GetProperty("account_id").GetString());
        var id = created.GetProperty("service_request_id").GetString()!;
        Assert.Matches(@"^\d{6}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", id);

        var (one, oneJson) = await client.GetJsonAsync($"/requests/{id}.json?jurisdiction_id=seoul.go.kr");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var request = Assert.Single(oneJson.EnumerateArray());
        Assert.Equal(RequestFields, request.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("접수", request.GetProperty("status_notes").GetString());
        Assert.Equal("road-damage", request.GetProperty("service_code").GetString());
        Assert.Equal(37.5663, request.GetProperty("lat").GetDouble());
        Assert.Equal(126.9779, request.GetProperty("long").GetDouble());
        Assert.Equal("서울특별시 중구 세종대로 110", request.GetProperty("address").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("zipcode").ValueKind);
        Assert.False(string.IsNullOrEmpty(request.GetProperty("agency_responsible").GetString()));
        // Seven working days from receipt, counted in Seoul time, with the offset written out.
        var requested = DateTimeOffset.Parse(request.GetProperty("requested_datetime").GetString()!, CultureInfo.InvariantCulture);
        var expected = DateTimeOffset.Parse(request.GetProperty("expected_datetime").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromHours(9), requested.Offset);
        Assert.True(expected - requested >= TimeSpan.FromDays(7) && expected - requested <= TimeSpan.FromDays(11));
        // The district was read from the address ("중구"), and the request was routed.
        var stored = await app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().SingleAsync(r => r.Reference == id));
        Assert.Equal("11140", stored.DistrictCode);
        Assert.Equal("transport", stored.DepartmentCode);
        Assert.Equal(RequestChannel.Open311, stored.Channel);
        Assert.Equal("pothole", Assert.Single(stored.Attributes).Value);

        var (xmlResponse, xml) = await client.GetXmlAsync($"/requests/{id.ToLowerInvariant()}.xml?jurisdiction_id=seoul.go.kr");
        Assert.Equal(HttpStatusCode.OK, xmlResponse.StatusCode);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var element = Assert.Single(xml.Root.Elements("request"));
        Assert.Equal(RequestFields, element.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("", element.Element("zipcode")!.Value);

        // A district's jurisdiction sees its own district's requests only.
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/open311/v2/requests/{id}.json?jurisdiction_id=junggu.seoul.kr")).StatusCode);
        var (elsewhere, elsewhereJson) = await client.GetJsonAsync($"/requests/{id}.json?jurisdiction_id=gangnam.go.kr");
        Open311Client.JsonErrors(elsewhere, elsewhereJson, HttpStatusCode.NotFound);
        var (missing, missingXml) = await client.GetXmlAsync("/requests/260101-0000-0000.xml?jurisdiction_id=seoul.go.kr");
        Open311Client.XmlErrors(missing, missingXml, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Xml_posts_answer_in_xml_and_multi_value_attributes_keep_every_value()
    {
        var (key, _) = await Open311Client.NewKeyAsync(app);
        var (response, xml) = await client.PostXmlAsync(Open311Client.RoadDamage(key, ("service_code", "disability"), ("attribute[damage_type]", ""),
            ("attribute[barriers][]", "ramp"), ("jurisdiction_id", "gangnam.go.kr")).Append(new("attribute[barriers][]", "lift")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(xml.Root!.Elements("request"));
        var id = request.Element("service_request_id")!.Value;
        Assert.Equal("", request.Element("account_id")!.Value);
        var stored = await app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().SingleAsync(r => r.Reference == id));
        Assert.Equal(["lift", "ramp"], stored.Attributes.Select(a => a.Value).Order());
        Assert.Equal("11680", stored.DistrictCode); // the district jurisdiction's
        Assert.Equal("welfare", stored.DepartmentCode);
    }

    [Fact]
    public async Task Bad_reports_get_the_specs_errors_and_nothing_is_stored()
    {
        var (key, _) = await Open311Client.NewKeyAsync(app);
        var before = await StoredCountAsync();

        async Task<string[]> Refused(HttpStatusCode status, params (string, string)[] changes)
        {
            var (response, json) = await client.PostJsonAsync(Open311Client.RoadDamage(key, changes));
            return Open311Client.JsonErrors(response, json, status);
        }

        Assert.Single(await Refused(HttpStatusCode.NotFound, ("service_code", "no-such-service")));
        await Refused(HttpStatusCode.BadRequest, ("service_code", ""));
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("lat", ""), ("long", "")), e => e.StartsWith("location", StringComparison.Ordinal));
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("lat", "91")), e => e.StartsWith("lat", StringComparison.Ordinal));
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("long", "-181")), e => e.StartsWith("long", StringComparison.Ordinal));
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("long", "")), e => e.StartsWith("lat", StringComparison.Ordinal));
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("lat", "north")), e => e.StartsWith("lat", StringComparison.Ordinal));
        // On the Earth but not in the city: (0, 0), a swapped pair.
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("lat", "0"), ("long", "0")), e => e.StartsWith("lat", StringComparison.Ordinal));
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("lat", "126.9779"), ("long", "37.5663")), e => e.StartsWith("lat", StringComparison.Ordinal));
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("attribute[damage_type]", "")), e => e.StartsWith("attribute[damage_type]", StringComparison.Ordinal));
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("attribute[damage_type]", "sinkhole")), e => e.StartsWith("attribute[damage_type]", StringComparison.Ordinal));
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("attribute[width_cm]", "wide")), e => e.StartsWith("attribute[width_cm]", StringComparison.Ordinal));
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("attribute[colour]", "red")), e => e.StartsWith("attribute[colour]", StringComparison.Ordinal));
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("description", new string('가', 4001))), e => e.StartsWith("description", StringComparison.Ordinal));
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("email", "not-an-address")), e => e.StartsWith("email", StringComparison.Ordinal));
        Assert.Contains(await Refused(HttpStatusCode.BadRequest, ("media_url", "javascript:alert(1)")), e => e.StartsWith("media_url", StringComparison.Ordinal));
        // Every problem is reported at once.
        Assert.Equal(3, (await Refused(HttpStatusCode.BadRequest, ("lat", "95"), ("attribute[damage_type]", ""), ("description", new string('x', 4001)))).Length);
        await Refused(HttpStatusCode.BadRequest, ("jurisdiction_id", ""));
        await Refused(HttpStatusCode.NotFound, ("jurisdiction_id", "example.org"));

        var tooManyFields = Open311Client.RoadDamage(key);
        tooManyFields.AddRange(Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>($"extra{i}", "x")));
        var (crowded, crowdedJson) = await client.PostJsonAsync(tooManyFields);
        Open311Client.JsonErrors(crowded, crowdedJson, HttpStatusCode.BadRequest);
        var notAForm = await client.Http.PostAsync("/open311/v2/requests.xml", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Open311Client.XmlErrors(notAForm, await Open311Client.XmlOfAsync(notAForm), HttpStatusCode.BadRequest);
        Assert.Equal(before, await StoredCountAsync());

        // Exactly 4,000 characters is allowed.
        var (ok, _) = await client.PostJsonAsync(Open311Client.RoadDamage(key, ("description", new string('가', 4000))));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task The_request_list_filters_by_date_status_service_and_id_and_pages()
    {
        var (key, _) = await Open311Client.NewKeyAsync(app);
        var service = await NewServiceAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await PostAsync(key, service, ("description", $"report {i}")));
        // ids[0] was received 100 days ago; ids[1] 10 days ago and closed since.
        await app.WithDbAsync(async db =>
        {
            var old = await db.Set<ServiceRequest>().SingleAsync(r => r.Reference == ids[0]);
            old.RequestedAt = DateTime.UtcNow.AddDays(-100);
            var closed = await db.Set<ServiceRequest>().SingleAsync(r => r.Reference == ids[1]);
            closed.RequestedAt = DateTime.UtcNow.AddDays(-10);
            closed.Status = RequestStatus.Resolved;
            closed.ClosedAt = DateTime.UtcNow.AddDays(-2);
            await db.SaveChangesAsync();
        });

        async Task<List<string>> Ids(string query)
        {
            var (response, json) = await client.GetJsonAsync($"/requests.json?jurisdiction_id=seoul.go.kr&service_code={service}{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).ToList();
        }

        // Default: the last 90 days, newest first.
        Assert.Equal([ids[4], ids[3], ids[2], ids[1]], await Ids(""));
        Assert.Equal([ids[1]], await Ids("&status=closed"));
        Assert.Equal([ids[4], ids[3], ids[2]], await Ids("&status=open"));
        Assert.Equal(4, (await Ids("&status=open,closed")).Count);
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-120).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        var to = DateTimeOffset.UtcNow.AddDays(-50).ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        Assert.Equal([ids[0]], await Ids($"&start_date={from}&end_date={Uri.EscapeDataString(to)}"));
        // A "+" left unencoded arrives as a space and is still understood.
        Assert.Equal([ids[0]], await Ids($"&start_date={from}&end_date={to}"));
        // Ids override every other filter (the old one is found, the closed one despite status=open).
        Assert.Equal([ids[1], ids[0]], await Ids($"&status=open&service_request_id={ids[0]},{ids[1]}"));
        Assert.Equal([ids[4], ids[3]], await Ids("&page_size=2"));
        Assert.Equal([ids[2], ids[1]], await Ids("&page_size=2&page=2"));
        Assert.Empty(await Ids("&page_size=2&page=9"));
        Assert.Empty(await Ids("&page_size=1000&page=2147483647"));
        // An empty parameter behaves as an absent one.
        Assert.Equal(4, (await Ids("&status=&start_date=&page=")).Count);
        // The closed request tells when it was closed.
        var (_, closedJson) = await client.GetJsonAsync($"/requests/{ids[1]}.json?jurisdiction_id=seoul.go.kr");
        Assert.Equal("closed", closedJson[0].GetProperty("status").GetString());
        Assert.Equal("처리 완료", closedJson[0].GetProperty("status_notes").GetString());

        async Task Refused(string query)
        {
            var (response, xml) = await client.GetXmlAsync($"/requests.xml?jurisdiction_id=seoul.go.kr{query}");
            Open311Client.XmlErrors(response, xml, HttpStatusCode.BadRequest);
        }
        await Refused("&start_date=yesterday");
        await Refused("&start_date=2026-01-01T00:00:00"); // no time zone
        await Refused($"&start_date={from}&end_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))}");
        await Refused("&start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z");
        await Refused("&status=pending");
        await Refused("&page=0");
        await Refused("&page_size=1001");
        var (noJurisdiction, noJurisdictionJson) = await client.GetJsonAsync("/requests.json");
        Open311Client.JsonErrors(noJurisdiction, noJurisdictionJson, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Private_requests_are_seen_only_with_the_key_that_sent_them()
    {
        var (key, _) = await Open311Client.NewKeyAsync(app);
        var (otherKey, _) = await Open311Client.NewKeyAsync(app, "다른 앱");
        var service = await NewServiceAsync();
        var shown = await PostAsync(key, service);
        var hidden = await PostAsync(key, service);
        await app.WithDbAsync(db => db.Set<ServiceRequest>().Where(r => r.Reference == hidden).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsPublic, false)));

        async Task<List<string>> Ids(string query)
        {
            var (response, json) = await client.GetJsonAsync($"/requests.json?jurisdiction_id=seoul.go.kr&service_code={service}{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return json.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).ToList();
        }
        Assert.Equal([shown], await Ids(""));
        Assert.Equal([shown], await Ids("&api_key=" + otherKey));
        Assert.Equal([hidden, shown], await Ids("&api_key=" + key));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/open311/v2/requests/{hidden}.json?jurisdiction_id=seoul.go.kr")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/open311/v2/requests/{hidden}.json?jurisdiction_id=seoul.go.kr&api_key={key}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync($"/open311/v2/requests.json?jurisdiction_id=seoul.go.kr&api_key=ch311_wrong")).StatusCode);
    }

    [Fact]
    public async Task A_batch_service_returns_a_token_that_gives_the_id_once_accepted_and_a_blackbox_one_gives_neither()
    {
        var (key, _) = await Open311Client.NewKeyAsync(app);
        var batch = await NewServiceAsync(ServiceType.Batch);
        var (response, json) = await client.PostJsonAsync(Open311Client.RoadDamage(key, ("service_code", batch), ("attribute[damage_type]", "")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = Assert.Single(json.EnumerateArray());
        Assert.Equal(["token", "service_notice", "account_id"], created.EnumerateObject().Select(p => p.Name));
        var token = created.GetProperty("token").GetString()!;

        var (waiting, waitingJson) = await client.GetJsonAsync($"/tokens/{token}.json?jurisdiction_id=seoul.go.kr");
        Assert.Equal(HttpStatusCode.OK, waiting.StatusCode);
        Assert.Equal(JsonValueKind.Null, Assert.Single(waitingJson.EnumerateArray()).GetProperty("service_request_id").ValueKind);
        Assert.Equal(token, waitingJson[0].GetProperty("token").GetString());
        // Not yet accepted: not listed either.
        var (list, listJson) = await client.GetJsonAsync($"/requests.json?jurisdiction_id=seoul.go.kr&service_code={batch}");
        Assert.Equal(0, listJson.GetArrayLength());

        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ServiceRequestIntake>().AcceptPendingAsync(500) >= 1);
        var (_, acceptedXml) = await client.GetXmlAsync($"/tokens/{token}.xml?jurisdiction_id=seoul.go.kr");
        var request = Assert.Single(acceptedXml.Root!.Elements("request"));
        Assert.Equal(["service_request_id", "token"], request.Elements().Select(e => e.Name.LocalName));
        var id = request.Element("service_request_id")!.Value;
        Assert.NotEqual("", id);
        var stored = await app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().SingleAsync(r => r.Reference == id));
        Assert.Equal(RequestStatus.Received, stored.Status);
        Assert.NotNull(stored.DueAt);

        var (unknown, unknownJson) = await client.GetJsonAsync($"/tokens/{Guid.NewGuid()}.json?jurisdiction_id=seoul.go.kr");
        Open311Client.JsonErrors(unknown, unknownJson, HttpStatusCode.NotFound);

        var blackbox = await NewServiceAsync(ServiceType.Blackbox);
        var (_, blackboxJson) = await client.PostJsonAsync(Open311Client.RoadDamage(key, ("service_code", blackbox), ("attribute[damage_type]", "")));
        Assert.Equal(["service_notice", "account_id"], blackboxJson[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Keys_are_the_portals_app_keys_with_the_open311_scope_and_a_revoked_or_unscoped_key_is_refused()
    {
        // The endpoint's page names the scope and leads to the portal's keys.
        var anonymous = await app.CreateClient().GetPageAsync("/developers/open311");
        Assert.Equal(Open311Api.KeysPage, anonymous.QuerySelector("a[data-keys-link]")!.GetAttribute("href"));
        Assert.Contains(Open311Api.Scope, anonymous.QuerySelector("#keys + p")!.TextContent, StringComparison.Ordinal);

        var (key, owner) = await Open311Client.NewKeyAsync(app, "우리 동네 앱");
        Assert.StartsWith(DeveloperKeys.KeyPrefix, key, StringComparison.Ordinal);
        // Only a hash is kept, with the scope the developer chose.
        var stored = await app.WithDbAsync(db => db.Set<DeveloperKey>().AsNoTracking().SingleAsync(k => k.AppName == "우리 동네 앱"));
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)), stored.Hash);
        Assert.Equal([Open311Api.Scope], stored.ScopeList);

        // The request remembers the app's key: its number in the portal.
        var (ok, okJson) = await client.PostJsonAsync(Open311Client.RoadDamage(key));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var reference = okJson[0].GetProperty("service_request_id").GetString();
        Assert.Equal(stored.Id, await app.WithDbAsync(db => db.Set<ServiceRequest>().Where(r => r.Reference == reference).Select(r => r.ApiKeyId).SingleAsync()));

        // A key for other APIs only is refused with the scope it lacks, in the spec's error body; nothing is written.
        const string Unscoped = "chk_a-key-for-the-budget-only-00000000000000000000000";
        await app.WithDbAsync(async db =>
        {
            db.Add(new DeveloperKey
            {
                OwnerId = "budget-office", AppName = "Budget sync", Prefix = Unscoped[..10], Scopes = "transparency.budget", RequestsPerMinute = 600,
                Hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Unscoped)),
            });
            await db.SaveChangesAsync();
        });
        var before = await app.WithDbAsync(db => db.Set<ServiceRequest>().CountAsync());
        var (unscoped, unscopedXml) = await client.PostXmlAsync(Open311Client.RoadDamage(Unscoped));
        Assert.Contains(Open311Api.Scope, Assert.Single(Open311Client.XmlErrors(unscoped, unscopedXml, HttpStatusCode.Forbidden)), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<ServiceRequest>().CountAsync()));

        // Revoked on the portal: refused at once.
        var keysPage = await owner.GetPageAsync(Open311Api.KeysPage);
        Assert.Equal(HttpStatusCode.OK, (await owner.SubmitAsync(keysPage, [], "form[data-revoke]")).StatusCode);
        var (refused, refusedJson) = await client.PostJsonAsync(Open311Client.RoadDamage(key));
        Open311Client.JsonErrors(refused, refusedJson, HttpStatusCode.Forbidden);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Web.Platform.Audit.AuditEntry>().CountAsync(a => a.Action == "developers.key.revoke" && a.TargetId == stored.Id.ToString(CultureInfo.InvariantCulture))));
    }
}

/// <summary>Each key's budget per minute: the request after it is refused with 429 in the spec's error body.</summary>
public sealed class Open311RateLimitTests(Open311RateLimitTests.App app) : IClassFixture<Open311RateLimitTests.App>
{
    public sealed class App() : CityHallApp(new Dictionary<string, string?> { ["Developers:RequestsPerMinute"] = "3" });

    [Fact]
    public async Task A_key_over_its_budget_gets_429_and_other_keys_are_unaffected()
    {
        var client = new Open311Client(app.CreateClient());
        var (key, _) = await Open311Client.NewKeyAsync(app);
        var (other, _) = await Open311Client.NewKeyAsync(app);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync(Open311Client.RoadDamage(key))).Response.StatusCode);
        var (limited, json) = await client.PostJsonAsync(Open311Client.RoadDamage(key));
        Open311Client.JsonErrors(limited, json, (HttpStatusCode)429);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync(Open311Client.RoadDamage(other))).Response.StatusCode);
        Assert.Equal(4, await app.WithDbAsync(db => db.Set<ServiceRequest>().CountAsync()));
    }
}
