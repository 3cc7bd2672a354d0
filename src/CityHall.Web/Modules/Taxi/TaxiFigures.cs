using CityHall.Web.Platform.Figures;

namespace CityHall.Web.Modules.Taxi;

/// <summary>
/// How quickly the city's taxi call brings a car: of the calls made in a month whose car reached the rider, the share
/// that reached them within the target (Seoul's brand taxis aimed at five minutes), and the median wait in minutes,
/// by the pickup's district. The wait runs from the call to the car at the pickup, as the operators' figures count it.
/// </summary>
public static class TaxiFigures
{
    private const string Topic = "Taxi.Figures.Topic";

    public static IReadOnlyList<FigureDefinition> Definitions { get; } =
    [
        new("taxi-pickups-within-target", Topic, "Taxi.Figures.WithinTarget.Title", "Taxi.Figures.WithinTarget.Definition", FigureUnit.Percent,
            (sp, period, ct) => PickupsAsync(sp, period, FigureMeasure.Share, ct), 600) { GroupsKey = "Taxi.Figures.ByDistrict" },
        new("taxi-pickup-minutes", Topic, "Taxi.Figures.PickupMinutes.Title", "Taxi.Figures.PickupMinutes.Definition", FigureUnit.Minutes,
            (sp, period, ct) => PickupsAsync(sp, period, FigureMeasure.Median, ct), 601) { GroupsKey = "Taxi.Figures.ByDistrict" },
    ];

    private static async Task<FigureResult> PickupsAsync(IServiceProvider sp, FigurePeriod period, FigureMeasure measure, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        DateTime from = period.FromUtc, to = period.ToUtc;
        var query = db.Set<TaxiCall>().AsNoTracking().Where(c => c.CalledAt >= from && c.CalledAt < to && (c.ArrivedAt != null || c.PickedUpAt != null))
            .Select(c => new { c.CalledAt, c.ArrivedAt, c.PickedUpAt, c.PickupDistrict });
        var rows = await query.ToListAsync(ct);
        return FigureTally.Of(period, rows, c => c.CalledAt,
            c => Admin.TripFigures.PickupWait(c.CalledAt, c.ArrivedAt, c.PickedUpAt) is not { } wait ? null
                : measure == FigureMeasure.Share ? (wait <= Admin.TripFigures.PickupTarget ? 1 : 0) : wait.TotalMinutes,
            measure, query.ToQueryString(), c => c.PickupDistrict, await FigureGroups.DistrictsAsync(db, ct));
    }
}
