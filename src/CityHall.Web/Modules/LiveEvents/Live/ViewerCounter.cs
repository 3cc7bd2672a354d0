using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.LiveEvents.Live;

/// <summary>
/// Who is watching, on this node, from heartbeats (a page load, the hub's join and its periodic
/// heartbeat): concurrent = distinct sessions seen within the window, PC and mobile apart. Nothing
/// is written per heartbeat; <see cref="LiveUpdates"/> samples the counts and keeps the peak.
/// Sessions seen for the first time are counted towards the event's total, flushed with the sample.
/// </summary>
public sealed class ViewerCounter(TimeProvider clock, IOptions<LiveEventsOptions> options)
{
    private sealed class EventViewers
    {
        public readonly ConcurrentDictionary<string, (bool Mobile, long SeenAt)> Recent = new();
        public readonly ConcurrentDictionary<string, byte> Ever = new();
        public int NewPc, NewMobile;
    }

    private readonly ConcurrentDictionary<long, EventViewers> events = new();

    public void Seen(long eventId, string session, bool mobile)
    {
        var viewers = events.GetOrAdd(eventId, _ => new EventViewers());
        viewers.Recent[session] = (mobile, clock.GetTimestamp());
        if (viewers.Ever.TryAdd(session, 0))
        {
            if (mobile) Interlocked.Increment(ref viewers.NewMobile);
            else Interlocked.Increment(ref viewers.NewPc);
        }
    }

    public void Left(long eventId, string session)
    {
        if (events.TryGetValue(eventId, out var viewers)) viewers.Recent.TryRemove(session, out _);
    }

    /// <summary>Sessions seen within the window, dropping older ones.</summary>
    public (int Pc, int Mobile) Count(long eventId)
    {
        if (!events.TryGetValue(eventId, out var viewers)) return (0, 0);
        var window = TimeSpan.FromSeconds(options.Value.ViewerWindowSeconds);
        int pc = 0, mobile = 0;
        foreach (var (session, seen) in viewers.Recent)
        {
            if (clock.GetElapsedTime(seen.SeenAt) > window) viewers.Recent.TryRemove(session, out _);
            else if (seen.Mobile) mobile++;
            else pc++;
        }
        return (pc, mobile);
    }

    /// <summary>New distinct sessions since the last call (for the event's totals).</summary>
    public (int Pc, int Mobile) TakeNew(long eventId) =>
        events.TryGetValue(eventId, out var viewers)
            ? (Interlocked.Exchange(ref viewers.NewPc, 0), Interlocked.Exchange(ref viewers.NewMobile, 0))
            : (0, 0);

    public IReadOnlyCollection<long> Events => events.Keys.ToList();

    /// <summary>Forget an event that is over (its totals are written).</summary>
    public void Drop(long eventId) => events.TryRemove(eventId, out _);

    /// <summary>Phones and tablets by their browser's own words ("Mobi", "Android", "iPhone", "iPad").</summary>
    public static bool IsMobile(string? userAgent) =>
        userAgent is { } ua && (ua.Contains("Mobi", StringComparison.Ordinal) || ua.Contains("Android", StringComparison.Ordinal)
            || ua.Contains("iPhone", StringComparison.Ordinal) || ua.Contains("iPad", StringComparison.Ordinal));
}
