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

/// <param name="Answers">The case's answers to the service's questions, by question code ("reason" → "dark").</param>
public sealed record LocatedCase(string Reference, double Latitude, double Longitude, string? DistrictCode, DateTime RequestedAt, IReadOnlyDictionary<string, string> Answers);
