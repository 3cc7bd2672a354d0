namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>The department responsible for a service in a district: the district's own route if it has one, else the service's city-wide route.</summary>
public sealed class ServiceRouting(AppDbContext db)
{
    public async Task<string?> DepartmentForAsync(string serviceCode, string? districtCode, CancellationToken ct = default)
    {
        var routes = await db.Set<ServiceRoute>().AsNoTracking()
            .Where(r => r.ServiceCode == serviceCode && (r.DistrictCode == null || r.DistrictCode == districtCode))
            .Select(r => new { r.DistrictCode, r.DepartmentCode }).ToListAsync(ct);
        return (routes.FirstOrDefault(r => r.DistrictCode is not null) ?? routes.FirstOrDefault())?.DepartmentCode;
    }
}

/// <summary>The module's settings ("ServiceRequests"): public holidays for working-day deadlines.</summary>
public sealed class ServiceRequestOptions
{
    public const string Section = "ServiceRequests";

    /// <summary>Public holidays (the city's own calendar; weekends are always off). Empty in code: binding appends to lists.</summary>
    public List<DateOnly> Holidays { get; set; } = [];
}
