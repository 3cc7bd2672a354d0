using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Broadcasts;

/// <summary>What is on: the channels, their airings over a span of city time, and what is on now and next on each.</summary>
public sealed class BroadcastGuide(AppDbContext db, CityClock clock)
{
    public sealed record NowAndNext(BroadcastChannel Channel, Airing? OnNow, Airing? Next);

    public Task<List<BroadcastChannel>> ChannelsAsync(CancellationToken ct = default) =>
        db.Set<BroadcastChannel>().AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Code).ToListAsync(ct);

    /// <summary>The channel's airings that overlap [from, to) (city time), or every channel's when <paramref name="channelCode"/> is null.</summary>
    public async Task<IReadOnlyList<Airing>> AiringsAsync(string? channelCode, DateTime fromLocal, DateTime toLocal, CancellationToken ct = default)
    {
        var programmes = await db.Set<Programme>().AsNoTracking().Include(p => p.Slots)
            .Where(p => channelCode == null || p.ChannelCode == channelCode).ToListAsync(ct);
        // Exceptions are instants (UTC); a day's margin on each side covers any time zone.
        var (fromUtc, toUtc) = (DateTime.SpecifyKind(fromLocal.AddDays(-1), DateTimeKind.Utc), DateTime.SpecifyKind(toLocal.AddDays(1), DateTimeKind.Utc));
        var exceptions = await db.Set<ScheduleException>().AsNoTracking()
            .Where(e => (channelCode == null || e.ChannelCode == channelCode) && e.StartsAt < toUtc && e.EndsAt > fromUtc).ToListAsync(ct);
        var zone = clock.CurrentZone;
        var channels = channelCode is null ? programmes.Select(p => p.ChannelCode).Concat(exceptions.Select(e => e.ChannelCode)).Distinct() : [channelCode];
        return channels.SelectMany(c => BroadcastSchedule.Airings(c, programmes, exceptions, zone, fromLocal, toLocal))
            .OrderBy(a => a.StartsAt).ThenBy(a => a.ChannelCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>For each channel: what is on now and what comes next (looking a day ahead).</summary>
    public async Task<IReadOnlyList<NowAndNext>> NowAndNextAsync(CancellationToken ct = default)
    {
        var now = clock.Now.DateTime;
        var channels = await ChannelsAsync(ct);
        var airings = await AiringsAsync(null, now, now.AddDays(1), ct);
        return channels.Select(c =>
        {
            var mine = airings.Where(a => a.ChannelCode == c.Code).ToList();
            var onNow = mine.FirstOrDefault(a => a.IsOnAt(now));
            return new NowAndNext(c, onNow, mine.FirstOrDefault(a => a.StartsAt >= (onNow?.EndsAt ?? now)));
        }).ToList();
    }
}
