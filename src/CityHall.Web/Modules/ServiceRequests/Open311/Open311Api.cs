using System.Globalization;
using System.Text.RegularExpressions;
using CityHall.Web.Platform.ApiAccess;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CityHall.Web.Modules.ServiceRequests.Open311;

/// <summary>
/// The Open311 GeoReport v2 server at /open311/v2 (contract: ../shared/specs/open311-georeport-v2.md):
/// discovery, service list and definitions, POST and GET requests, tokens. Every response comes in
/// the format of the suffix; every failure is the spec's errors body with 400, 403 or 404.
/// </summary>
public static partial class Open311Api
{
    public const string Base = "/open311/v2";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    /// <summary>The human-readable documentation of this endpoint, which leads to the developer portal's keys.</summary>
    public const string DeveloperPage = "/developers/open311";
    /// <summary>Where a signed-in developer makes the app's key (the developer portal's; the same key serves every city API).</summary>
    public const string KeysPage = "/developers/keys";
    /// <summary>The scope an app's key needs to send requests, and to read back the private ones it sent.</summary>
    public const string Scope = "open311.requests";

    /// <summary>The spec's "last 90 days" window and its "first 1,000 requests".</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(90);
    public const int MaxPageSize = 1000;

    private const string Format = "{format:regex(^(xml|json)$)}";

    public static void Map(WebApplication app)
    {
        app.MapGet("/open311/discovery." + Format, Discovery).ExcludeFromDescription();
        var v2 = app.MapGroup(Base).ExcludeFromDescription().DisableAntiforgery();
        v2.MapGet("/discovery." + Format, Discovery);
        v2.MapGet("/services." + Format, Services);
        v2.MapGet("/services/{code}." + Format, Definition);
        v2.MapPost("/requests." + Format, Post);
        // Clients poll the list; a crowd of them is served one answer at most two seconds old.
        v2.MapGet("/requests." + Format, List).CacheOutput(OutputCaching.PublicShort);
        v2.MapGet("/requests/{id}." + Format, One);
        v2.MapGet("/tokens/{token}." + Format, Token);
    }

    private static Open311Format FormatOf(string format) => format == "xml" ? Open311Format.Xml : Open311Format.Json;

    private static string Pick(string ko, string en) => LocalizedText.Pick(CultureInfo.CurrentUICulture, ko, en);

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The jurisdiction named by the call: null district for the city. Only a multi-jurisdiction endpoint insists on one.</summary>
    private static Open311Result? Jurisdiction(Open311Options options, string? given, Open311Format format, IStringLocalizer<Text> t, out string? district)
    {
        district = null;
        if (!options.IsMultiJurisdiction) return null;
        var id = Optional(given);
        if (id is null) return Open311Result.Error(format, 400, t["Open311.Error.JurisdictionMissing"]);
        var match = options.Jurisdictions.FirstOrDefault(j => string.Equals(j.Id, id, StringComparison.OrdinalIgnoreCase));
        if (match is null) return Open311Result.Error(format, 404, t["Open311.Error.JurisdictionUnknown", id]);
        district = Optional(match.District);
        return null;
    }

    private static async Task<IResult> Discovery(string format, HttpContext http, ServiceDirectory directory, IOptionsMonitor<CityOptions> city,
        IOptionsMonitor<ServiceRequestOptions> options, IStringLocalizer<Text> t, CityClock clock)
    {
        var catalogue = await directory.GetAsync(http.RequestAborted);
        var changeset = clock.ToLocal(new DateTimeOffset(catalogue.ChangedAt, TimeSpan.Zero));
        var origin = http.Request.PublicOrigin();
        var endpoint = new Open311Element("endpoint",
        [
            new Open311Value("specification", Specification),
            new Open311Value("url", origin + Base),
            new Open311Value("changeset", changeset),
            new Open311Value("type", options.CurrentValue.Open311.EndpointType),
            new Open311List("formats", "format", [new Open311Value("format", "text/xml"), new Open311Value("format", "application/json")]),
        ]);
        return new Open311Result(new Open311Element("discovery",
        [
            new Open311Value("changeset", changeset),
            new Open311Value("contact", city.CurrentValue.Contact.Current),
            new Open311Value("key_service", t["Open311.KeyService", origin + KeysPage].Value),
            new Open311List("endpoints", "endpoint", [endpoint]),
        ]), FormatOf(format));
    }

    private static async Task<IResult> Services(string format, string? jurisdiction_id, HttpContext http, ServiceDirectory directory,
        IOptionsMonitor<ServiceRequestOptions> options, IStringLocalizer<Text> t)
    {
        var fmt = FormatOf(format);
        if (Jurisdiction(options.CurrentValue.Open311, jurisdiction_id, fmt, t, out _) is { } refused) return refused;
        var catalogue = await directory.GetAsync(http.RequestAborted);
        return new Open311Result(new Open311List("services", "service", catalogue.Services.Select(s => (Open311Node)new Open311Element("service",
        [
            new Open311Value("service_code", s.Code),
            new Open311Value("service_name", Pick(s.NameKo, s.NameEn)),
            new Open311Value("description", Pick(s.DescriptionKo, s.DescriptionEn)),
            new Open311Value("metadata", s.Attributes.Count > 0),
            new Open311Value("type", s.Type.ToString().ToLowerInvariant()),
            new Open311Value("keywords", s.Keywords),
            new Open311Value("group", s.Group),
        ])).ToList()), fmt);
    }

    private static async Task<IResult> Definition(string format, string code, string? jurisdiction_id, HttpContext http, ServiceDirectory directory,
        IOptionsMonitor<ServiceRequestOptions> options, IStringLocalizer<Text> t)
    {
        var fmt = FormatOf(format);
        if (Jurisdiction(options.CurrentValue.Open311, jurisdiction_id, fmt, t, out _) is { } refused) return refused;
        var catalogue = await directory.GetAsync(http.RequestAborted);
        if (!catalogue.ByCode.TryGetValue(code, out var service)) return Open311Result.Error(fmt, 404, t["ServiceRequests.Error.ServiceUnknown"]);
        return new Open311Result(new Open311Element("service_definition",
        [
            new Open311Value("service_code", service.Code),
            new Open311List("attributes", "attribute", service.Attributes.Select(a => (Open311Node)new Open311Element("attribute",
            [
                new Open311Value("variable", a.Variable),
                new Open311Value("code", a.Code),
                new Open311Value("datatype", a.Datatype.ToString().ToLowerInvariant()),
                new Open311Value("required", a.Required),
                new Open311Value("datatype_description", Pick(a.DatatypeDescriptionKo, a.DatatypeDescriptionEn)),
                new Open311Value("order", a.Order),
                new Open311Value("description", Pick(a.DescriptionKo, a.DescriptionEn)),
                new Open311List("values", "value", a.Values.Select(v => (Open311Node)new Open311Element("value",
                    [new Open311Value("key", v.Key), new Open311Value("name", Pick(v.NameKo, v.NameEn))])).ToList()),
            ])).ToList()),
        ]), fmt);
    }

    private static async Task<IResult> Post(string format, HttpContext http, IApiKeys keys, ServiceRequestIntake intake, ServiceDirectory directory, CityClock clock,
        IOptionsMonitor<ServiceRequestOptions> options, IStringLocalizer<Text> t)
    {
        var fmt = FormatOf(format);
        if (!http.Request.HasFormContentType) return Open311Result.Error(fmt, 400, t["Open311.Error.FormRequired"]);
        IFormCollection form;
        try { form = await http.Request.ReadFormAsync(http.RequestAborted); }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            // Too many fields, a field too long, or a body over the limit: the client's error, said in the spec's format.
            return Open311Result.Error(fmt, 400, t["Open311.Error.FormUnreadable"]);
        }
        string? Field(string name) => Optional(form[name].ToString());

        var key = await keys.CheckKeyAsync(Field("api_key") ?? Optional(http.Request.Query["api_key"].ToString()), Scope, http.RequestAborted);
        if (Refusal(key, fmt, http, t) is { } keyRefused) return keyRefused;
        if (Jurisdiction(options.CurrentValue.Open311, Field("jurisdiction_id"), fmt, t, out var district) is { } refused) return refused;

        var problems = new List<string>();
        double? Coordinate(string name)
        {
            if (Field(name) is not { } text) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
            problems.Add($"{name}: {t["Open311.Error.NotANumber"]}");
            return null;
        }
        var input = new NewServiceRequest
        {
            ServiceCode = Field("service_code"),
            Latitude = Coordinate("lat"),
            Longitude = Coordinate("long"),
            Address = Field("address_string"),
            AddressId = Field("address_id"),
            Zipcode = Field("zipcode"),
            DistrictCode = district,
            Description = form["description"].ToString(),
            MediaUrl = Field("media_url"),
            Channel = RequestChannel.Open311,
            ApiKeyId = key.KeyId,
            Email = Field("email"),
            Phone = Field("phone"),
            FirstName = Field("first_name"),
            LastName = Field("last_name"),
            DeviceId = Field("device_id"),
            AccountId = Field("account_id"),
        };
        input.Attributes = AttributeForm.Read(form);
        if (problems.Count > 0) return Open311Result.Errors(fmt, 400, problems);

        var result = await intake.SubmitAsync(input, http.RequestAborted);
        if (result.UnknownService) return Open311Result.Errors(fmt, 404, result.Errors.Select(e => $"{e.Field}: {e.Message}"));
        if (result.Request is not { } stored) return Open311Result.Errors(fmt, 400, result.Errors.Select(e => $"{e.Field}: {e.Message}"));

        var catalogue = await directory.GetAsync(http.RequestAborted);
        List<Open311Node> fields = [];
        string notice;
        switch (result.Service!.Type)
        {
            case ServiceType.Batch:
                fields.Add(new Open311Value("token", stored.Token));
                notice = t["Open311.Notice.Batch"];
                break;
            case ServiceType.Blackbox:
                notice = t["Open311.Notice.Blackbox"];
                break;
            default:
                fields.Add(new Open311Value("service_request_id", stored.Reference));
                var department = stored.DepartmentCode is { } d && catalogue.DepartmentByCode.TryGetValue(d, out var unit) ? unit.Name(CultureInfo.CurrentUICulture) : null;
                notice = stored.DueAt is { } due
                    ? t["Open311.Notice.Received", department ?? "", clock.Format(due)]
                    : t["Open311.Notice.ReceivedNoDeadline"];
                break;
        }
        fields.Add(new Open311Value("service_notice", notice));
        fields.Add(new Open311Value("account_id", stored.AccountId));
        return new Open311Result(new Open311List("service_requests", "request", [new Open311Element("request", fields)]), fmt);
    }

    private static async Task<IResult> List(string format, HttpContext http, AppDbContext db, ServiceDirectory directory, IApiKeys keys, CityClock clock,
        TimeProvider time, IOptionsMonitor<ServiceRequestOptions> options, IStringLocalizer<Text> t)
    {
        var fmt = FormatOf(format);
        var query = http.Request.Query;
        string? Arg(string name) => Optional(query[name].ToString());
        if (Jurisdiction(options.CurrentValue.Open311, Arg("jurisdiction_id"), fmt, t, out var district) is { } refused) return refused;
        var (keyId, keyRefused) = await ReaderKeyAsync(Arg("api_key"), keys, fmt, http, t);
        if (keyRefused is not null) return keyRefused;

        var problems = new List<string>();
        var rows = Visible(db, district, keyId);
        int page = 1, size = MaxPageSize;
        if (Arg("page") is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            problems.Add($"page: {t["Open311.Error.Page"]}");
        if (Arg("page_size") is { } sizeText && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
            problems.Add($"page_size: {t["Open311.Error.PageSize", MaxPageSize]}");

        if (CommaList(Arg("service_request_id")) is { } ids)
        {
            // The spec: a list of ids overrides every other filter.
            if (ids.Count > MaxPageSize) problems.Add($"service_request_id: {t["Open311.Error.TooManyIds", MaxPageSize]}");
            var upper = ids.Select(i => i.ToUpperInvariant()).ToList();
            rows = rows.Where(r => upper.Contains(r.Reference!));
        }
        else
        {
            var start = Date("start_date", Arg("start_date"), problems, t);
            var end = Date("end_date", Arg("end_date"), problems, t);
            if (start is not null && end is not null && end < start) problems.Add($"end_date: {t["Open311.Error.DateOrder"]}");
            else if (start is not null && end is not null && end - start > MaxRange) problems.Add($"start_date: {t["Open311.Error.DateRange"]}");
            var to = end ?? (start is { } s ? s + MaxRange : time.GetUtcNow());
            var from = start ?? to - MaxRange;
            var fromUtc = from.UtcDateTime;
            var toUtc = to.UtcDateTime;
            rows = rows.Where(r => r.RequestedAt >= fromUtc && r.RequestedAt <= toUtc);
            if (CommaList(Arg("service_code")) is { } codes) rows = rows.Where(r => codes.Contains(r.ServiceCode));
            if (CommaList(Arg("status")) is { } statuses)
            {
                var wanted = new List<RequestStatus>();
                foreach (var status in statuses)
                {
                    if (status.Equals("open", StringComparison.OrdinalIgnoreCase)) wanted.AddRange(ServiceRequestStates.Open);
                    else if (status.Equals("closed", StringComparison.OrdinalIgnoreCase)) wanted.AddRange(ServiceRequestStates.Closed);
                    else problems.Add($"status: {t["Open311.Error.Status", status]}");
                }
                rows = rows.Where(r => wanted.Contains(r.Status));
            }
        }
        if (problems.Count > 0) return Open311Result.Errors(fmt, 400, problems);
        // A page beyond anything stored is empty (and its offset must not overflow).
        var offset = (long)(page - 1) * size;
        var found = offset > int.MaxValue ? []
            : await Project(rows.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id).Skip((int)offset).Take(size)).ToListAsync(http.RequestAborted);
        return await RequestsAsync(found, fmt, directory, clock, t, http);
    }

    private static async Task<IResult> One(string format, string id, HttpContext http, AppDbContext db, ServiceDirectory directory, IApiKeys keys,
        CityClock clock, IOptionsMonitor<ServiceRequestOptions> options, IStringLocalizer<Text> t)
    {
        var fmt = FormatOf(format);
        var query = http.Request.Query;
        if (Jurisdiction(options.CurrentValue.Open311, query["jurisdiction_id"], fmt, t, out var district) is { } refused) return refused;
        var (keyId, keyRefused) = await ReaderKeyAsync(Optional(query["api_key"]), keys, fmt, http, t);
        if (keyRefused is not null) return keyRefused;
        var reference = id.ToUpperInvariant();
        var found = await Project(Visible(db, district, keyId).Where(r => r.Reference == reference)).ToListAsync(http.RequestAborted);
        if (found.Count == 0) return Open311Result.Error(fmt, 404, t["Open311.Error.RequestUnknown"]);
        return await RequestsAsync(found, fmt, directory, clock, t, http);
    }

    private static async Task<IResult> Token(string format, string token, HttpContext http, AppDbContext db,
        IOptionsMonitor<ServiceRequestOptions> options, IStringLocalizer<Text> t)
    {
        var fmt = FormatOf(format);
        if (Jurisdiction(options.CurrentValue.Open311, http.Request.Query["jurisdiction_id"], fmt, t, out var district) is { } refused) return refused;
        var found = await db.Set<ServiceRequest>().AsNoTracking()
            .Where(r => r.Token == token && (district == null || r.DistrictCode == district))
            .Select(r => new { r.Reference, r.Token }).FirstOrDefaultAsync(http.RequestAborted);
        if (found is null) return Open311Result.Error(fmt, 404, t["Open311.Error.TokenUnknown"]);
        return new Open311Result(new Open311List("service_requests", "request", [new Open311Element("request",
            [new Open311Value("service_request_id", found.Reference), new Open311Value("token", found.Token)])]), fmt);
    }

    /// <summary>Reads may carry a key: its client then also sees its own private requests. A key given but wrong is refused rather than ignored.</summary>
    private static async Task<(long? KeyId, Open311Result? Refused)> ReaderKeyAsync(string? secret, IApiKeys keys, Open311Format fmt,
        HttpContext http, IStringLocalizer<Text> t)
    {
        if (secret is null) return (null, null);
        var check = await keys.CheckKeyAsync(secret, Scope, http.RequestAborted);
        return Refusal(check, fmt, http, t) is { } refused ? (null, refused) : (check.KeyId, null);
    }

    /// <summary>
    /// A key refused in the spec's error body: 403 for a missing or unknown key and for a key without the Open311 scope
    /// (the spec knows no 401), 429 with Retry-After over the key's rate. Null when the key is accepted.
    /// </summary>
    private static Open311Result? Refusal(ApiKeyCheck check, Open311Format fmt, HttpContext http, IStringLocalizer<Text> t)
    {
        switch (check.Refusal)
        {
            case ApiKeyRefusal.None:
                return null;
            case ApiKeyRefusal.NoScope:
                return Open311Result.Error(fmt, 403, t["Open311.Error.ApiKeyScope", Scope]);
            case ApiKeyRefusal.RateLimited:
                http.Response.Headers.RetryAfter = check.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Open311Result.Error(fmt, 429, t["Open311.Error.RateLimited"]);
            default:
                return Open311Result.Error(fmt, 403, t["Open311.Error.ApiKey"]);
        }
    }

    /// <summary>Accepted cases the caller may see: public ones, and private ones sent with the caller's key; a district jurisdiction sees its district.</summary>
    private static IQueryable<ServiceRequest> Visible(AppDbContext db, string? district, long? keyId)
    {
        var rows = db.Set<ServiceRequest>().AsNoTracking().Where(r => r.Reference != null && r.Status != RequestStatus.Pending);
        rows = keyId is { } k ? rows.Where(r => r.IsPublic || r.ApiKeyId == k) : rows.Where(r => r.IsPublic);
        return district is null ? rows : rows.Where(r => r.DistrictCode == district);
    }

    private sealed record Row(string Reference, RequestStatus Status, string? StatusNotes, string ServiceCode, string Description,
        string? DepartmentCode, DateTime RequestedAt, DateTime UpdatedAt, DateTime? ClosedAt, DateTime? DueAt,
        string? Address, string? AddressId, string? Zipcode, double? Latitude, double? Longitude, string? MediaUrl);

    private static IQueryable<Row> Project(IQueryable<ServiceRequest> rows) => rows.Select(r => new Row(r.Reference!, r.Status, r.StatusNotes,
        r.ServiceCode, r.Description, r.DepartmentCode, r.RequestedAt, r.UpdatedAt, r.ClosedAt, r.DueAt, r.Address, r.AddressId, r.Zipcode,
        r.Latitude, r.Longitude, r.MediaUrl));

    private static async Task<IResult> RequestsAsync(List<Row> rows, Open311Format fmt, ServiceDirectory directory, CityClock clock,
        IStringLocalizer<Text> t, HttpContext http)
    {
        var catalogue = await directory.GetAsync(http.RequestAborted);
        var culture = CultureInfo.CurrentUICulture;
        var statusNames = Enum.GetValues<RequestStatus>().ToDictionary(s => s, s => t[$"ServiceRequests.Status.{s}"].Value);
        var zone = clock.CurrentZone;
        DateTimeOffset? Local(DateTime? utc) => utc is { } u ? new DateTimeOffset(u, TimeSpan.Zero).ToOffset(zone.GetUtcOffset(u)) : null;
        var items = rows.Select(r =>
        {
            catalogue.ByCode.TryGetValue(r.ServiceCode, out var service);
            var department = r.DepartmentCode is { } d && catalogue.DepartmentByCode.TryGetValue(d, out var unit) ? unit.Name(culture) : null;
            var closed = ServiceRequestStates.IsClosed(r.Status);
            return (Open311Node)new Open311Element("request",
            [
                new Open311Value("service_request_id", r.Reference),
                new Open311Value("status", closed ? "closed" : "open"),
                // Open311 has two states; the city's own (received, in progress, waiting …) is told here unless staff wrote a note.
                new Open311Value("status_notes", r.StatusNotes ?? statusNames[r.Status]),
                new Open311Value("service_name", service is null ? r.ServiceCode : Pick(service.NameKo, service.NameEn)),
                new Open311Value("service_code", r.ServiceCode),
                new Open311Value("description", r.Description),
                new Open311Value("agency_responsible", department),
                new Open311Value("service_notice", null),
                new Open311Value("requested_datetime", Local(r.RequestedAt)),
                new Open311Value("updated_datetime", Local(closed ? r.ClosedAt ?? r.UpdatedAt : r.UpdatedAt)),
                new Open311Value("expected_datetime", Local(r.DueAt)),
                new Open311Value("address", r.Address),
                new Open311Value("address_id", r.AddressId),
                new Open311Value("zipcode", r.Zipcode),
                new Open311Value("lat", r.Latitude),
                new Open311Value("long", r.Longitude),
                new Open311Value("media_url", r.MediaUrl),
            ]);
        }).ToList();
        return new Open311Result(new Open311List("service_requests", "request", items), fmt);
    }

    private static List<string>? CommaList(string? commaSeparated)
    {
        if (commaSeparated is null) return null;
        var items = commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        return items.Count == 0 ? null : items;
    }

    // W3C datetimes with a required zone: "2026-11-01T00:00:00Z", "2026-11-01T09:00:00+09:00", minutes or fractions allowed.
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    [GeneratedRegex(@" (\d\d:\d\d)$")]
    private static partial Regex UnencodedPlus();

    private static DateTimeOffset? Date(string name, string? text, List<string> problems, IStringLocalizer<Text> t)
    {
        if (text is null) return null;
        // An offset's "+" sent unencoded arrives as a space; read it as the client meant it.
        var repaired = UnencodedPlus().Replace(text, "+$1");
        if (DateTimeOffset.TryParseExact(repaired, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value;
        problems.Add($"{name}: {t["Open311.Error.Date"]}");
        return null;
    }
}
