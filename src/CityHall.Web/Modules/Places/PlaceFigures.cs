using CityHall.Web.Modules.Places.Import;
using CityHall.Web.Platform.Figures;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Places;

/// <summary>
/// How fresh the places data is, as it stands: the share of places, by kind, whose entry was changed or confirmed
/// within <see cref="Public.PlacesOptions.FreshDays"/>. An imported place is confirmed by every later import of its
/// kind that went through (an unchanged row leaves the entry as it was but says it is still true); a place entered by
/// staff only by an edit.
/// </summary>
public static class PlaceFigures
{
    public static IReadOnlyList<FigureDefinition> Definitions { get; } =
    [
        new("places-fresh", "Places.Figures.Topic", "Places.Figures.Fresh.Title", "Places.Figures.Fresh.Definition", FigureUnit.Percent, FreshAsync, 500)
            { GroupsKey = "Places.Figures.ByKind", Snapshot = true },
    ];

    private static async Task<FigureResult> FreshAsync(IServiceProvider sp, FigurePeriod period, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var since = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime
            - TimeSpan.FromDays(sp.GetRequiredService<IOptionsMonitor<Public.PlacesOptions>>().CurrentValue.FreshDays);
        var lastImports = await db.Set<PlaceImportRun>().AsNoTracking().Where(r => r.Status == ImportRunStatus.Succeeded && r.FinishedAt != null)
            .GroupBy(r => r.KindCode).Select(g => new { Kind = g.Key, At = g.Max(r => r.FinishedAt) }).ToDictionaryAsync(x => x.Kind, x => x.At, ct);
        var query = db.Set<Place>().AsNoTracking().Select(p => new { p.KindCode, p.UpdatedAt, Imported = p.Source != null });
        var rows = await query.ToListAsync(ct);
        var kinds = (await db.Set<PlaceKind>().AsNoTracking().OrderBy(k => k.Order).Select(k => new { k.Code, k.NameKo, k.NameEn }).ToListAsync(ct))
            .Select(k => new FigureGroup(k.Code, k.NameKo, k.NameEn)).ToList();
        return FigureTally.Snapshot(rows,
            p => (p.Imported && lastImports.TryGetValue(p.KindCode, out var imported) && imported > p.UpdatedAt ? imported!.Value : p.UpdatedAt) >= since ? 1 : 0,
            FigureMeasure.Share, query.ToQueryString(), p => p.KindCode, kinds);
    }
}
