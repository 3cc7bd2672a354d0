using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Fulfilment;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Platform.Figures;

namespace CityHall.Web.Modules.Inclusion;

/// <summary>
/// What the digital-inclusion programmes gave and how long people waited for it: places given (a device delivered,
/// a visit made, a seat taken) in the month they were given, and the days from the application to that moment, by
/// programme. A benefit cancelled after it was given (a duplicate found) is not counted.
/// </summary>
public static class InclusionFigures
{
    private const string Topic = "Inclusion.Figures.Topic";

    public static IReadOnlyList<FigureDefinition> Definitions { get; } =
    [
        new("inclusion-places-given", Topic, "Inclusion.Figures.PlacesGiven.Title", "Inclusion.Figures.PlacesGiven.Definition", FigureUnit.Count,
            (sp, period, ct) => GivenAsync(sp, period, FigureMeasure.Count, ct), 300) { GroupsKey = "Inclusion.Figures.ByProgramme" },
        new("inclusion-waiting-days", Topic, "Inclusion.Figures.WaitingDays.Title", "Inclusion.Figures.WaitingDays.Definition", FigureUnit.Days,
            (sp, period, ct) => GivenAsync(sp, period, FigureMeasure.Median, ct), 301) { GroupsKey = "Inclusion.Figures.ByProgramme" },
    ];

    private static async Task<FigureResult> GivenAsync(IServiceProvider sp, FigurePeriod period, FigureMeasure measure, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        DateTime from = period.FromUtc, to = period.ToUtc;
        var query = db.Set<FulfilmentRecord>().AsNoTracking().Where(r => r.FulfilledAt >= from && r.FulfilledAt < to)
            .Join(db.Set<InclusionApplication>().Where(a => a.State != ApplicationState.Cancelled), r => r.ApplicationId, a => a.Id,
                (r, a) => new { r.FulfilledAt, a.SubmittedAt, a.CreatedAt, a.ProgrammeId });
        var rows = await query.ToListAsync(ct);
        var programmes = (await db.Set<InclusionProgramme>().AsNoTracking().OrderBy(p => p.Order)
                .Join(db.Set<ProgrammeVersion>(), p => new { Id = p.Id, Version = p.CurrentVersion }, v => new { Id = v.ProgrammeId, v.Version },
                    (p, v) => new { p.Id, v.NameKo, v.NameEn }).ToListAsync(ct))
            .Select(p => new FigureGroup(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.NameKo, p.NameEn)).ToList();
        // Waiting starts when the application was handed in (an application entered by staff at a desk has no draft stage).
        return FigureTally.Of(period, rows, r => r.FulfilledAt, r => (r.FulfilledAt - (r.SubmittedAt ?? r.CreatedAt)).TotalDays, measure, query.ToQueryString(),
            r => r.ProgrammeId.ToString(System.Globalization.CultureInfo.InvariantCulture), programmes);
    }
}
