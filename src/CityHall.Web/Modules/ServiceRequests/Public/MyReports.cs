namespace CityHall.Web.Modules.ServiceRequests.Public;

/// <summary>"My city"'s reports block: the citizen's latest reports (public and private) with their state and deadline, and how many are still open.</summary>
public sealed record MyReports(IReadOnlyList<MyReports.Report> Latest, int Count, int Open, ServiceDirectory.Snapshot Catalogue)
{
    public sealed record Report(string? Reference, string? Token, string ServiceCode, RequestStatus Status, DateTime? DueAt, bool IsPublic);

    public const int Shown = 5;
    public const string View = "/Modules/ServiceRequests/Public/_MyReports.cshtml";

    public static async Task<object?> LoadAsync(IServiceProvider services, string userId, CancellationToken ct)
    {
        var mine = services.GetRequiredService<AppDbContext>().Set<ServiceRequest>().AsNoTracking().Where(r => r.ReporterId == userId);
        var count = await mine.CountAsync(ct);
        if (count == 0) return null;
        var open = await mine.CountAsync(r => ServiceRequestStates.Open.Contains(r.Status), ct);
        var latest = await mine.OrderByDescending(r => r.Id).Take(Shown)
            .Select(r => new Report(r.Reference, r.Token, r.ServiceCode, r.Status, r.DueAt, r.IsPublic)).ToListAsync(ct);
        return new MyReports(latest, count, open, await services.GetRequiredService<ServiceDirectory>().GetAsync(ct));
    }
}
