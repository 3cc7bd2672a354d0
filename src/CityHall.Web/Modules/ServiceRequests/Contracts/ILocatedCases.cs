namespace CityHall.Web.Modules.ServiceRequests.Contracts;

/// <summary>
/// Where a service's open cases are, for another module's map (the CCTV coverage map shows citizens' requests for a
/// camera beside the gaps): the case's reference, point, district, when it was filed and its answers to the service's
/// questions — never the reporter or the description, which stay with the case.
/// </summary>
public interface ILocatedCases
{
    /// <summary>Open cases of the service that have a point, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<LocatedCase>> OpenAsync(string serviceCode, int limit, CancellationToken ct = default);
}

public sealed record LocatedCase(string Reference, double Latitude, double Longitude, string? DistrictCode, DateTime RequestedAt, IReadOnlyList<LocatedAnswer> Answers);

/// <summary>An answer to one of the service's questions: the question's code, the answer as stored ("dark") and as the reader reads it (a listed answer by its name in the current language).</summary>
public sealed record LocatedAnswer(string Question, string Value, string Text);
