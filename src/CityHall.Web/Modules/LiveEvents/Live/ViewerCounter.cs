using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.LiveEvents.Live;

/// <summary>
/// Who is watching, on this node, from heartbeats (a page load, the hub's join and its periodic
/// heartbeat): concurrent = distinct sessions seen within the window, PC and mobile apart. Nothing
/// is written per heartbeat; <see cref="LiveUpdates"/> samples the counts and keeps the peak.
/// Sessions seen for the first time on this node are handed to the sample, which counts them towards
/// the event's totals (across nodes through Redis, so a session seen on two nodes counts once).
/// </summary>
public sealed class ViewerCounter(TimeProvider clock, IOptions<LiveEventsOptions> options)
{
    private sealed class EventViewers
    {
        public readonly ConcurrentDictionary<string, (bool Mobile, long SeenAt)> Recent = new();
        public readonly ConcurrentDictionary<string, byte> Ever = new();
        public readonly ConcurrentQueue<(string Session, bool Mobile)> New = new();
    }

    private readonly ConcurrentDictionary<long, EventViewers> events = new();

    public void Seen(long eventId, string session, bool mobile)
    {
        var viewers = events.GetOrAdd(eventId, _ => new EventViewers());
        viewers.Recent[session] = (mobile, clock.GetTimestamp());
        if (viewers.Ever.TryAdd(session, 0)) viewers.New.Enqueue((session, mobile));
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

    /// <summary>Sessions this node saw for the first time since the last call (for the event's totals).</summary>
    public IReadOnlyList<(string Session, bool Mobile)> TakeNew(long eventId)
    {
        if (!events.TryGetValue(eventId, out var viewers) || viewers.New.IsEmpty) return [];
        var taken = new List<(string Session, bool Mobile)>();
        while (viewers.New.TryDequeue(out var session)) taken.Add(session);
        return taken;
    }

    public IReadOnlyCollection<long> Events => events.Keys.ToList();

    /// <summary>Forget an event that is over (its totals are written).</summary>
    public void Drop(long eventId) => events.TryRemove(eventId, out _);

    /// <summary>Phones and tablets by their browser's own words ("Mobi", "Android", "iPhone", "iPad").</summary>
    public static bool IsMobile(string? userAgent) =>
        userAgent is { } ua && (ua.Contains("Mobi", StringComparison.Ordinal) || ua.Contains("Android", StringComparison.Ordinal)
            || ua.Contains("iPhone", StringComparison.Ordinal) || ua.Contains("iPad", StringComparison.Ordinal));
}
