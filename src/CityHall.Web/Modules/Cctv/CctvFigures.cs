using CityHall.Web.Platform.Figures;

namespace CityHall.Web.Modules.Cctv;

/// <summary>
/// How reliably the city's cameras are watched: outages that began in a month, by the department answering for the
/// camera, and how long the ones that ended lasted (median minutes from the last heartbeat to the next). Counts
/// only: which camera was off stays with its department.
/// </summary>
public static class CctvFigures
{
    private const string Topic = "Cctv.Figures.Topic";

    public static IReadOnlyList<FigureDefinition> Definitions { get; } =
    [
        new("cctv-outages", Topic, "Cctv.Figures.Outages.Title", "Cctv.Figures.Outages.Definition", FigureUnit.Count,
            (sp, period, ct) => OutagesAsync(sp, period, FigureMeasure.Count, ct), 800) { GroupsKey = "Cctv.Figures.ByDepartment" },
        new("cctv-outage-minutes", Topic, "Cctv.Figures.OutageMinutes.Title", "Cctv.Figures.OutageMinutes.Definition", FigureUnit.Minutes,
            (sp, period, ct) => OutagesAsync(sp, period, FigureMeasure.Median, ct), 801) { GroupsKey = "Cctv.Figures.ByDepartment" },
    ];

    private static async Task<FigureResult> OutagesAsync(IServiceProvider sp, FigurePeriod period, FigureMeasure measure, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        DateTime from = period.FromUtc, to = period.ToUtc;
        var query = db.Set<CameraOutage>().AsNoTracking().Where(o => o.StartedAt >= from && o.StartedAt < to)
            .Where(o => measure == FigureMeasure.Count || o.EndedAt != null)
            .Select(o => new { o.StartedAt, o.EndedAt, o.DepartmentCode });
        var rows = await query.ToListAsync(ct);
        return FigureTally.Of(period, rows, o => o.StartedAt, o => o.EndedAt is { } ended ? (ended - o.StartedAt).TotalMinutes : null, measure,
            query.ToQueryString(), o => o.DepartmentCode, await FigureGroups.DepartmentsAsync(db, ct));
    }
}
