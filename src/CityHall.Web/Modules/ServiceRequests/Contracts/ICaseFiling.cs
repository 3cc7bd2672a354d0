namespace CityHall.Web.Modules.ServiceRequests.Contracts;

/// <summary>
/// How other modules file a case for staff on a citizen's behalf — "this place's entry is wrong" —
/// through the same intake, routing, deadlines and notifications as any report. The case links
/// back to what it is about (a path on this site) and the reporter can follow it like their own reports.
/// </summary>
public interface ICaseFiling
{
    /// <summary>Whether the city's catalogue has this service now (a city may withdraw it).</summary>
    Task<bool> OffersAsync(string serviceCode, CancellationToken ct = default);

    Task<FiledCase> FileAsync(CaseToFile filing, CancellationToken ct = default);

    /// <summary>
    /// Whether this person may handle the case (the officials of the department it is routed to; administrators): what
    /// the filing module checks before showing staff what a private case is about (a rider's trip, say).
    /// </summary>
    Task<bool> MayHandleAsync(System.Security.Claims.ClaimsPrincipal user, string reference, CancellationToken ct = default);
}

/// <param name="SubjectPath">A path on this site ("/places/123"), shown to staff as a link.</param>
/// <param name="ReporterId">The signed-in reporter, who hears of each stage and finds the case among their reports.</param>
public sealed record CaseToFile(string ServiceCode, string Description, string SubjectTitle, string SubjectPath, double? Latitude, double? Longitude,
    string? Address, string? DistrictCode, string ReporterId);

/// <summary>The reference of the new case ("261127-ABCD-EFGH"), or the problems (field, message in the reader's language) when none was filed.</summary>
public sealed record FiledCase(string? Reference, IReadOnlyList<(string Field, string Message)> Problems);
