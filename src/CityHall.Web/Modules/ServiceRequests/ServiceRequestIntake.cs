using System.Globalization;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Web;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>A report as it arrives, from the web form or an Open311 client, before any check.</summary>
public sealed class NewServiceRequest
{
    public string? ServiceCode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Address { get; set; }
    public string? AddressId { get; set; }
    public string? Zipcode { get; set; }
    /// <summary>Given by the form or implied by a district jurisdiction; otherwise read from the address.</summary>
    public string? DistrictCode { get; set; }
    public string? Description { get; set; }
    /// <summary>Answers by attribute code; a multi-value list has several.</summary>
    public Dictionary<string, List<string>> Attributes { get; set; } = new(StringComparer.Ordinal);
    public string? MediaUrl { get; set; }
    /// <summary>Set by other modules filing through <see cref="Contracts.ICaseFiling"/>: what the case is about and its page (a site path).</summary>
    public string? SubjectTitle { get; set; }
    public string? SubjectPath { get; set; }
    public bool IsPublic { get; set; } = true;
    public RequestChannel Channel { get; set; }
    public string? ReporterId { get; set; }
    public long? ApiKeyId { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? DeviceId { get; set; }
    public string? AccountId { get; set; }
    public bool NotifyByEmail { get; set; }
    public bool NotifyBySms { get; set; }
    /// <summary>Up to <see cref="ServiceRequestIntake.MaxPhotos"/> photos, already checked and re-encoded.</summary>
    public List<PreparedPhoto> Photos { get; set; } = [];
}

/// <summary>Open311's attribute fields, as both the API and the web form send them: attribute[CODE]=v, and attribute[CODE][]=v1&amp;attribute[CODE][]=v2.</summary>
public static partial class AttributeForm
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^attribute\[([^\[\]]+)\](\[\])?$")]
    private static partial System.Text.RegularExpressions.Regex Key();

    /// <summary>The answers by attribute code (MVC binding does not understand these names).</summary>
    public static Dictionary<string, List<string>> Read(IFormCollection form)
    {
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (Key().Match(name) is not { Success: true } m) continue;
            var code = m.Groups[1].Value;
            if (!answers.TryGetValue(code, out var list)) answers[code] = list = [];
            list.AddRange(values.Where(v => v is not null)!);
        }
        return answers;
    }

    /// <summary>The form field name of an attribute (a multi-value list's ends in []).</summary>
    public static string FieldName(ServiceAttribute attribute) =>
        $"attribute[{attribute.Code}]" + (attribute.Datatype == AttributeDatatype.MultiValueList ? "[]" : "");
}

/// <summary>An open report near a new one: perhaps the same problem.</summary>
public sealed record Nearby(string Reference, string Description, string? Address, RequestStatus Status, DateTime RequestedAt, double Meters);

/// <summary>One reason a report was refused: the field (Open311 parameter name) and a message in the reader's language.</summary>
public sealed record IntakeError(string Field, string Message);

/// <summary>What became of a report: stored (with the service it was for), refused for an unknown service, or refused with reasons.</summary>
public sealed record IntakeResult(ServiceRequest? Request, ServiceDefinition? Service, bool UnknownService, IReadOnlyList<IntakeError> Errors);

/// <summary>
/// Checks a report against its service and stores it: routed to the responsible department, given
/// its statutory deadline and a reference that is hard to guess. Nothing is stored when anything
/// is wrong, and every problem is reported at once. The web form and the Open311 POST both come here.
/// </summary>
public sealed class ServiceRequestIntake(AppDbContext db, ServiceRequestWriter writer, ServiceDirectory directory,
    DeadlineCalculator deadlines, TimeProvider clock, Platform.City.CityClock cityClock, Platform.City.DistrictMap districts,
    Microsoft.Extensions.Options.IOptionsMonitor<Platform.City.CityOptions> city, IStringLocalizer<Text> t)
{
    public const int MaxDescription = 4000;
    public const int MaxPhotos = 3;
    public const int MaxText = 250;

    public Task<IntakeResult> SubmitAsync(NewServiceRequest input, CancellationToken ct = default) => ProcessAsync(input, store: true, ct);

    /// <summary>The same checks without storing anything: a form with its own errors still shows every problem at once.</summary>
    public Task<IntakeResult> CheckAsync(NewServiceRequest input, CancellationToken ct = default) => ProcessAsync(input, store: false, ct);

    private async Task<IntakeResult> ProcessAsync(NewServiceRequest input, bool store, CancellationToken ct)
    {
        var catalogue = await directory.GetAsync(ct);
        var errors = new List<IntakeError>();
        if (string.IsNullOrWhiteSpace(input.ServiceCode))
            return new(null, null, false, [new("service_code", t["ServiceRequests.Error.ServiceMissing"])]);
        if (!catalogue.ByCode.TryGetValue(input.ServiceCode.Trim(), out var service))
            return new(null, null, true, [new("service_code", t["ServiceRequests.Error.ServiceUnknown"])]);

        CheckLocation(input, errors);
        var answers = CheckAttributes(service, input.Attributes, errors);
        var description = (input.Description ?? "").Trim();
        if (description.Length > MaxDescription) errors.Add(new("description", t["ServiceRequests.Error.DescriptionTooLong", MaxDescription]));
        CheckLength("address_string", input.Address, MaxText, errors);
        CheckLength("address_id", input.AddressId, 100, errors);
        CheckLength("zipcode", input.Zipcode, 20, errors);
        CheckLength("first_name", input.FirstName, 100, errors);
        CheckLength("last_name", input.LastName, 100, errors);
        CheckLength("device_id", input.DeviceId, 100, errors);
        CheckLength("account_id", input.AccountId, 100, errors);
        var email = Blank(input.Email);
        if (email is not null && (email.Length > 256 || !new EmailAddressAttribute().IsValid(email)))
            errors.Add(new("email", t["ServiceRequests.Error.Email"]));
        var phone = Blank(input.Phone);
        if (phone is not null && (phone.Length > 32 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')')))
            errors.Add(new("phone", t["ServiceRequests.Error.Phone"]));
        var media = Blank(input.MediaUrl);
        if (media is not null && (media.Length > 500 || !WebAddress.IsValid(media)))
            errors.Add(new("media_url", t["ServiceRequests.Error.MediaUrl"]));
        var district = Blank(input.DistrictCode);
        if (district is not null && !catalogue.DistrictByCode.ContainsKey(district))
            errors.Add(new("district", t["ServiceRequests.Error.DistrictUnknown"]));
        if (input.Photos.Count > MaxPhotos) errors.Add(new("photos", t["ServiceRequests.Error.TooManyPhotos", MaxPhotos]));
        if (errors.Count > 0 || !store) return new(null, service, false, errors);

        // The district named by the form (the location step's choice), else the one the point lies in, else the address's words.
        district ??= (input.Latitude is { } pointLat && input.Longitude is { } pointLon ? districts.DistrictAt(pointLat, pointLon) : null)
            ?? catalogue.DistrictInAddress(input.Address);
        var now = clock.GetUtcNow();
        var batch = service.Type == ServiceType.Batch;
        var request = new ServiceRequest
        {
            ServiceCode = service.Code,
            Status = batch ? RequestStatus.Pending : RequestStatus.Received,
            Channel = input.Channel,
            IsPublic = input.IsPublic,
            Description = description,
            Latitude = input.Latitude,
            Longitude = input.Longitude,
            Address = Blank(input.Address),
            AddressId = Blank(input.AddressId),
            Zipcode = Blank(input.Zipcode),
            DistrictCode = district,
            Attributes = answers,
            MediaUrl = media,
            SubjectTitle = Blank(input.SubjectTitle) is { } subject ? subject[..Math.Min(subject.Length, 300)] : null,
            SubjectPath = Blank(input.SubjectPath) is { } path && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && path.Length <= 300 ? path : null,
            ReporterId = input.ReporterId,
            ApiKeyId = input.ApiKeyId,
            Email = email,
            Phone = phone,
            FirstName = Blank(input.FirstName),
            LastName = Blank(input.LastName),
            DeviceId = Blank(input.DeviceId),
            AccountId = Blank(input.AccountId),
            RequestedAt = now.UtcDateTime,
            UpdatedAt = now.UtcDateTime,
            NotifyByEmail = input.NotifyByEmail,
            NotifyBySms = input.NotifyBySms,
            Photos = input.Photos.Select((p, i) => new ServiceRequestPhoto { Position = i + 1, Bytes = p.Bytes, Width = p.Width, Height = p.Height, Hash = p.Hash }).ToList(),
        };
        if (batch) request.Token = Guid.NewGuid().ToString("D");
        else Accept(request, service, catalogue, now);
        request.Events.Add(new ServiceRequestEvent { Kind = CaseEventKind.Received, Status = request.Status, At = now.UtcDateTime, ActorId = input.ReporterId });
        // The case and its receipt are committed together (see ServiceRequestWriter).
        await writer.WriteAsync(new NewCase(request, System.Globalization.CultureInfo.CurrentUICulture.Name), ct);
        return new(request, service, false, []);
    }

    /// <summary>Open public reports of the service within <paramref name="meters"/> of the point, nearest first.</summary>
    public async Task<IReadOnlyList<Nearby>> NearbyOpenAsync(string serviceCode, double latitude, double longitude, double meters = 50, CancellationToken ct = default)
    {
        // A band of latitude and longitude around the point (one degree of latitude is about 111 km), then the exact distance.
        var dLat = meters / 111_320.0;
        var dLon = meters / (111_320.0 * Math.Max(0.01, Math.Cos(latitude * Math.PI / 180)));
        var (south, north, west, east) = (latitude - dLat, latitude + dLat, longitude - dLon, longitude + dLon);
        var open = ServiceRequestStates.Open;
        var candidates = await db.Set<ServiceRequest>().AsNoTracking()
            .Where(r => r.ServiceCode == serviceCode && r.Latitude >= south && r.Latitude <= north && r.Longitude >= west && r.Longitude <= east
                && r.IsPublic && open.Contains(r.Status) && r.Reference != null)
            .Select(r => new { r.Reference, r.Description, r.Latitude, r.Longitude, r.RequestedAt, r.Status, r.Address })
            .Take(200).ToListAsync(ct);
        return candidates.Select(c => new Nearby(c.Reference!, c.Description, c.Address, c.Status, c.RequestedAt, Geo.Meters(latitude, longitude, c.Latitude!.Value, c.Longitude!.Value)))
            .Where(n => n.Meters <= meters).OrderBy(n => n.Meters).ToList();
    }

    /// <summary>
    /// Accepts waiting batch requests, oldest first: each gets its reference (which its token now
    /// returns), department and deadline. Returns how many were accepted.
    /// </summary>
    public async Task<int> AcceptPendingAsync(int max, CancellationToken ct = default)
    {
        var pending = await db.Set<ServiceRequest>().Where(r => r.Status == RequestStatus.Pending).OrderBy(r => r.Id).Take(max).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        var catalogue = await directory.GetAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var request in pending)
        {
            // A service withdrawn since still has its definition in the database: read it there.
            var service = catalogue.ByCode.GetValueOrDefault(request.ServiceCode)
                ?? await db.Set<ServiceDefinition>().AsNoTracking().FirstAsync(s => s.Code == request.ServiceCode, ct);
            Accept(request, service, catalogue, now);
            await SaveWithUniqueReferenceAsync(request, ct);
        }
        return pending.Count;
    }

    /// <summary>Puts a case in its department's queue: reference, department, deadline counted from when it was received.</summary>
    private void Accept(ServiceRequest request, ServiceDefinition service, ServiceDirectory.Snapshot catalogue, DateTimeOffset now)
    {
        request.Reference = NewReference(now);
        request.Status = RequestStatus.Received;
        request.DepartmentCode = catalogue.DepartmentFor(service.Code, request.DistrictCode);
        request.DueAt = deadlines.DueAt(new DateTimeOffset(request.RequestedAt, TimeSpan.Zero), service.Deadline).UtcDateTime;
        request.UpdatedAt = now.UtcDateTime;
    }

    /// <summary>Saves; in the rare case another case already has the new reference, draws another.</summary>
    private async Task SaveWithUniqueReferenceAsync(ServiceRequest request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 4 && request.Reference is not null)
            {
                var taken = request.Reference;
                if (!await db.Set<ServiceRequest>().AsNoTracking().AnyAsync(r => r.Reference == taken && r.Id != request.Id, ct)) throw;
                request.Reference = PublicReference.Redraw(taken);
            }
        }
    }

    private void CheckLocation(NewServiceRequest input, List<IntakeError> errors)
    {
        if (input.Latitude is null != input.Longitude is null)
            errors.Add(new("lat", t["ServiceRequests.Error.LatLongPair"]));
        else if (input.Latitude is { } lat && input.Longitude is { } lon)
        {
            if (!double.IsFinite(lat) || lat is < -90 or > 90) errors.Add(new("lat", t["ServiceRequests.Error.Latitude"]));
            if (!double.IsFinite(lon) || lon is < -180 or > 180) errors.Add(new("long", t["ServiceRequests.Error.Longitude"]));
            // (0, 0), a swapped pair, another city: the city cannot send anyone there.
            else if (double.IsFinite(lat) && lat is >= -90 and <= 90 && !city.CurrentValue.Bounds.Contains(lat, lon))
                errors.Add(new("lat", t["ServiceRequests.Error.OutsideCity"]));
        }
        else if (Blank(input.Address) is null && Blank(input.AddressId) is null)
            errors.Add(new("location", t["ServiceRequests.Error.LocationMissing"]));
    }

    /// <summary>Every variable question answered as its datatype says; nothing the service does not ask.</summary>
    private List<RequestAttributeValue> CheckAttributes(ServiceDefinition service, Dictionary<string, List<string>> given, List<IntakeError> errors)
    {
        var answers = new List<RequestAttributeValue>();
        foreach (var code in given.Keys.Where(k => !service.Attributes.Any(a => a.Variable && a.Code == k)))
            errors.Add(new($"attribute[{code}]", t["ServiceRequests.Error.AttributeUnknown", code]));
        foreach (var attribute in service.Attributes.Where(a => a.Variable))
        {
            var field = $"attribute[{attribute.Code}]";
            var label = LocalizedText.Pick(CultureInfo.CurrentUICulture, attribute.DescriptionKo, attribute.DescriptionEn);
            var values = given.TryGetValue(attribute.Code, out var v) ? v.Select(x => x.Trim()).Where(x => x.Length > 0).Distinct().ToList() : [];
            if (values.Count == 0)
            {
                if (attribute.Required) errors.Add(new(field, t["ServiceRequests.Error.AttributeRequired", label]));
                continue;
            }
            if (values.Count > 1 && attribute.Datatype != AttributeDatatype.MultiValueList)
            {
                errors.Add(new(field, t["ServiceRequests.Error.AttributeOneValue", label]));
                continue;
            }
            var valid = attribute.Datatype switch
            {
                AttributeDatatype.Number => values.All(x => decimal.TryParse(x, NumberStyles.Number, CultureInfo.InvariantCulture, out _)),
                AttributeDatatype.Datetime => values.All(x => DateTimeOffset.TryParse(x, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)),
                AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList => values.All(x => attribute.Values.Any(o => o.Key == x)),
                AttributeDatatype.String => values.All(x => x.Length <= MaxText && !x.Contains('\n')),
                _ => values.All(x => x.Length <= MaxDescription),
            };
            if (!valid)
            {
                errors.Add(new(field, attribute.Datatype switch
                {
                    AttributeDatatype.Number => t["ServiceRequests.Error.AttributeNumber", label],
                    AttributeDatatype.Datetime => t["ServiceRequests.Error.AttributeDatetime", label],
                    AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList => t["ServiceRequests.Error.AttributeNotInList", label],
                    _ => t["ServiceRequests.Error.AttributeTooLong", label],
                }));
                continue;
            }
            answers.AddRange(values.Select(x => new RequestAttributeValue { Code = attribute.Code, Value = x }));
        }
        return answers;
    }

    private void CheckLength(string field, string? value, int max, List<IntakeError> errors)
    {
        if (value is not null && value.Trim().Length > max) errors.Add(new(field, t["ServiceRequests.Error.TooLong", field, max]));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private string NewReference(DateTimeOffset now) => PublicReference.New(cityClock.ToLocal(now));
}
