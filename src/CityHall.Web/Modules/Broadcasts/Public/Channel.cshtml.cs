using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.OutputCaching;

namespace CityHall.Web.Modules.Broadcasts.Public;

/// <summary>A channel's schedule for one day (today by default, the coming week linked), schedule changes applied, what is on now marked.</summary>
[OutputCache(PolicyName = Platform.Web.OutputCaching.PublicShort)]
public sealed class ChannelModel(AppDbContext db, BroadcastGuide guide, CityClock clock) : PageModel
{
    public const int DaysAhead = 7;

    public BroadcastChannel Channel { get; private set; } = null!;
    public DateOnly Day { get; private set; }
    public DateOnly Today { get; private set; }
    public DateTime NowLocal { get; private set; }
    public IReadOnlyList<Airing> Airings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string channel, string? date, CancellationToken ct)
    {
        if (await db.Set<BroadcastChannel>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == channel, ct) is not { } found) return NotFound();
        Channel = found;
        NowLocal = clock.Now.DateTime;
        Today = DateOnly.FromDateTime(NowLocal);
        Day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d >= Today.AddDays(-DaysAhead) && d <= Today.AddDays(DaysAhead) ? d : Today;
        var start = Day.ToDateTime(TimeOnly.MinValue);
        Airings = await guide.AiringsAsync(channel, start, start.AddDays(1), ct);
        return Page();
    }
}
