using CityHall.Web.Modules.ServiceRequests.Open311;
using CityHall.Web.Platform.Figures;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>
/// What the city publishes about its handling of complaints and requests: how many were closed within their statutory
/// deadline (by service and by district), how long they took, and how much the Open311 API is used, by app.
/// A case counts in the month it was closed; merged duplicates are left out (the case they joined is counted).
/// </summary>
public static class ServiceRequestFigures
{
    private const string Topic = "ServiceRequests.Figures.Topic";
    private static readonly System.Globalization.CultureInfo Korean = System.Globalization.CultureInfo.GetCultureInfo("ko-KR"), English = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    public static IReadOnlyList<FigureDefinition> Definitions { get; } =
    [
        new("service-requests-on-time-by-service", Topic, "ServiceRequests.Figures.OnTimeByService.Title", "ServiceRequests.Figures.OnTime.Definition",
            FigureUnit.Percent, (sp, period, ct) => OnTimeAsync(sp, period, byDistrict: false, ct), 200) { GroupsKey = "ServiceRequests.Figures.ByService" },
        new("service-requests-on-time-by-district", Topic, "ServiceRequests.Figures.OnTimeByDistrict.Title", "ServiceRequests.Figures.OnTime.Definition",
            FigureUnit.Percent, (sp, period, ct) => OnTimeAsync(sp, period, byDistrict: true, ct), 201) { GroupsKey = "ServiceRequests.Figures.ByDistrict" },
        new("service-requests-resolution-hours", Topic, "ServiceRequests.Figures.ResolutionHours.Title", "ServiceRequests.Figures.ResolutionHours.Definition",
            FigureUnit.Hours, ResolutionHoursAsync, 202) { GroupsKey = "ServiceRequests.Figures.ByService" },
        new("open311-requests", Topic, "ServiceRequests.Figures.Open311.Title", "ServiceRequests.Figures.Open311.Definition",
            FigureUnit.Count, Open311Async, 203) { GroupsKey = "ServiceRequests.Figures.ByApp" },
    ];

    private static IQueryable<ServiceRequest> ClosedIn(AppDbContext db, FigurePeriod period)
    {
        DateTime from = period.FromUtc, to = period.ToUtc;
        return db.Set<ServiceRequest>().AsNoTracking()
            .Where(r => r.ClosedAt >= from && r.ClosedAt < to && r.Status != RequestStatus.Duplicate && ServiceRequestStates.Closed.Contains(r.Status));
    }

    private static async Task<IReadOnlyList<FigureGroup>> ServicesAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.Set<ServiceDefinition>().AsNoTracking().OrderBy(s => s.Order).ThenBy(s => s.Code).Select(s => new { s.Code, s.NameKo, s.NameEn }).ToListAsync(ct))
            .Select(s => new FigureGroup(s.Code, s.NameKo, s.NameEn))];

    private static async Task<FigureResult> OnTimeAsync(IServiceProvider sp, FigurePeriod period, bool byDistrict, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        // A case with no deadline (a service whose rule was cleared) has nothing to be on time for.
        var query = ClosedIn(db, period).Where(r => r.DueAt != null)
            .Select(r => new { r.ClosedAt, r.DueAt, r.ServiceCode, r.DistrictCode });
        var rows = await query.ToListAsync(ct);
        var groups = byDistrict ? await FigureGroups.DistrictsAsync(db, ct) : await ServicesAsync(db, ct);
        return FigureTally.Of(period, rows, r => r.ClosedAt, r => r.ClosedAt <= r.DueAt ? 1 : 0, FigureMeasure.Share, query.ToQueryString(),
            r => byDistrict ? r.DistrictCode : r.ServiceCode, groups);
    }

    private static async Task<FigureResult> ResolutionHoursAsync(IServiceProvider sp, FigurePeriod period, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var query = ClosedIn(db, period).Select(r => new { r.RequestedAt, r.ClosedAt, r.ServiceCode });
        var rows = await query.ToListAsync(ct);
        return FigureTally.Of(period, rows, r => r.ClosedAt, r => (r.ClosedAt!.Value - r.RequestedAt).TotalHours, FigureMeasure.Median, query.ToQueryString(),
            r => r.ServiceCode, await ServicesAsync(db, ct));
    }

    private static async Task<FigureResult> Open311Async(IServiceProvider sp, FigurePeriod period, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        DateTime from = period.FromUtc, to = period.ToUtc;
        var query = db.Set<ServiceRequest>().AsNoTracking()
            .Where(r => r.Channel == RequestChannel.Open311 && r.RequestedAt >= from && r.RequestedAt < to)
            .Select(r => new { r.RequestedAt, r.ApiKeyId });
        var rows = await query.ToListAsync(ct);
        // Apps by their key's number: the name a developer gave a key was never meant for the public (it may name a person).
        var t = sp.GetRequiredService<IStringLocalizer<Text>>();
        var apps = rows.Where(r => r.ApiKeyId is not null).Select(r => r.ApiKeyId!.Value).Distinct().Order()
            .Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(id => new FigureGroup(id, InCulture.Run(Korean, () => t["ServiceRequests.Figures.App", id].Value), InCulture.Run(English, () => t["ServiceRequests.Figures.App", id].Value))).ToList();
        return FigureTally.Of(period, rows, r => r.RequestedAt, _ => 1, FigureMeasure.Count, query.ToQueryString(),
            r => r.ApiKeyId?.ToString(System.Globalization.CultureInfo.InvariantCulture), apps);
    }
}
