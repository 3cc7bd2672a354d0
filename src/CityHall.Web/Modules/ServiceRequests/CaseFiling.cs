namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>Cases filed by other modules (<see cref="Contracts.ICaseFiling"/>): a web report with a subject link, through the usual intake.</summary>
public sealed class CaseFiling(ServiceRequestIntake intake, ServiceDirectory directory, AppDbContext db) : Contracts.ICaseFiling
{
    public async Task<bool> OffersAsync(string serviceCode, CancellationToken ct = default) =>
        (await directory.GetAsync(ct)).ByCode.ContainsKey(serviceCode);

    public async Task<Contracts.FiledCase> FileAsync(Contracts.CaseToFile filing, CancellationToken ct = default)
    {
        var result = await intake.SubmitAsync(new NewServiceRequest
        {
            ServiceCode = filing.ServiceCode, Description = filing.Description, Latitude = filing.Latitude, Longitude = filing.Longitude,
            Address = filing.Address, DistrictCode = filing.DistrictCode, Channel = RequestChannel.Web, IsPublic = false,
            ReporterId = filing.ReporterId,
            SubjectTitle = filing.SubjectTitle, SubjectPath = filing.SubjectPath,
        }, ct);
        return new(result.Request?.Reference, result.Errors.Select(e => (e.Field, e.Message)).ToList());
    }

    public async Task<bool> MayHandleAsync(System.Security.Claims.ClaimsPrincipal user, string reference, CancellationToken ct = default)
    {
        var key = reference.ToUpperInvariant();
        var found = await db.Set<ServiceRequest>().AsNoTracking().Where(r => r.Reference == key).Select(r => new { r.DepartmentCode }).FirstOrDefaultAsync(ct);
        return found is not null && CaseWork.MayHandle(user, found.DepartmentCode);
    }
}

/// <summary>Open located cases of a service for other modules' maps (<see cref="Contracts.ILocatedCases"/>).</summary>
public sealed class LocatedCases(AppDbContext db, ServiceDirectory directory) : Contracts.ILocatedCases
{
    public async Task<IReadOnlyList<Contracts.LocatedCase>> OpenAsync(string serviceCode, int limit, CancellationToken ct = default)
    {
        var questions = (await directory.GetAsync(ct)).ByCode.GetValueOrDefault(serviceCode)?.Attributes.ToDictionary(a => a.Code) ?? [];
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var rows = await db.Set<ServiceRequest>().AsNoTracking()
            .Where(r => r.ServiceCode == serviceCode && ServiceRequestStates.Open.Contains(r.Status) && r.Reference != null && r.Latitude != null && r.Longitude != null)
            .OrderByDescending(r => r.RequestedAt).Take(limit)
            .Select(r => new { r.Reference, r.Latitude, r.Longitude, r.DistrictCode, r.RequestedAt, r.Attributes }).ToListAsync(ct);
        return rows.Select(r => new Contracts.LocatedCase(r.Reference!, r.Latitude!.Value, r.Longitude!.Value, r.DistrictCode, r.RequestedAt,
            r.Attributes.Select(a => new Contracts.LocatedAnswer(a.Code, a.Value,
                questions.GetValueOrDefault(a.Code)?.Values.FirstOrDefault(v => v.Key == a.Value) is { } option
                    ? Platform.City.LocalizedText.Pick(culture, option.NameKo, option.NameEn) : a.Value)).ToList())).ToList();
    }
}
