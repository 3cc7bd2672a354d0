using System.Globalization;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.LiveEvents.Public;

/// <summary>The home page's live-events block: what is on air now, or else the next event with its start.</summary>
public sealed record LiveEventsNow(IReadOnlyList<LiveEventsNow.Item> OnAir, LiveEventsNow.Item? Next)
{
    public sealed record Item(long Id, string TitleKo, string? TitleEn, DateTime StartsAt)
    {
        public string Title => LocalizedText.Pick(CultureInfo.CurrentUICulture, TitleKo, TitleEn ?? "");
    }

    public const string View = "/Modules/LiveEvents/Public/_LiveEventsNow.cshtml";

    public static async Task<object?> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var events = services.GetRequiredService<AppDbContext>().Set<LiveEvent>().AsNoTracking();
        var onAir = await events.Where(e => e.State == LiveEventState.Live).OrderBy(e => e.StartsAt)
            .Select(e => new Item(e.Id, e.TitleKo, e.TitleEn, e.StartsAt)).Take(3).ToListAsync(ct);
        if (onAir.Count > 0) return new LiveEventsNow(onAir, null);
        // A scheduled event not yet taken on air still counts until its planned end; one never held does not linger.
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var next = await events.Where(e => e.State == LiveEventState.Scheduled && e.EndsAt > now).OrderBy(e => e.StartsAt)
            .Select(e => new Item(e.Id, e.TitleKo, e.TitleEn, e.StartsAt)).FirstOrDefaultAsync(ct);
        return next is null ? null : new LiveEventsNow([], next);
    }
}
