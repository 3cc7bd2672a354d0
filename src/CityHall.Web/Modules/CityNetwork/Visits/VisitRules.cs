namespace CityHall.Web.Modules.CityNetwork.Visits;

/// <summary>What may be wrong with a session of a programme; shown beside it, never refused (staff may know better).</summary>
public enum SessionConflictKind
{
    /// <summary>Another visit is at the same site at the same time.</summary>
    SiteBusy,
    /// <summary>The same host receives another visit at the same time.</summary>
    HostBusy,
    /// <summary>Two sessions of this visit overlap: a delegation is in one place at a time.</summary>
    Overlap,
    /// <summary>The delegation is larger than the site takes.</summary>
    OverCapacity,
    /// <summary>Outside the days the delegation said they could come.</summary>
    OutsidePreferredDates,
    /// <summary>The site no longer receives visitors.</summary>
    SiteInactive,
}

/// <summary>One conflict of a session, with the other visit's reference when another visit causes it.</summary>
public sealed record SessionConflict(long SessionId, SessionConflictKind Kind, string? OtherReference = null);

/// <summary>A session of another visit still to be held, for the calendar.</summary>
public sealed record BookedSession(VisitSession Session, string Reference);

/// <summary>The rules of a visit's programme (no storage): the calendar conflicts the secretariat sees while planning.</summary>
public static class VisitRules
{
    public static bool Overlap(VisitSession a, VisitSession b) => a.StartsAt < b.EndsAt && b.StartsAt < a.EndsAt;

    public static bool SameHost(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Every conflict of <paramref name="visit"/>'s sessions: with each other, with other visits' sessions at the same
    /// site or with the same host, with the sites' capacity and state, and with the days the delegation offered (in the
    /// city's <paramref name="zone"/>).
    /// </summary>
    public static IReadOnlyList<SessionConflict> Conflicts(StudyVisit visit, IReadOnlyList<VisitSession> own, IReadOnlyList<BookedSession> others,
        IReadOnlyDictionary<long, VisitSite> sites, TimeZoneInfo zone)
    {
        var found = new List<SessionConflict>();
        foreach (var session in own)
        {
            if (own.Any(o => o.Id != session.Id && Overlap(o, session))) found.Add(new(session.Id, SessionConflictKind.Overlap));
            foreach (var other in others.Where(o => o.Session.VisitId != visit.Id && Overlap(o.Session, session)))
            {
                if (other.Session.SiteId == session.SiteId) found.Add(new(session.Id, SessionConflictKind.SiteBusy, other.Reference));
                else if (SameHost(other.Session.Host, session.Host)) found.Add(new(session.Id, SessionConflictKind.HostBusy, other.Reference));
            }
            if (sites.TryGetValue(session.SiteId, out var site))
            {
                if (visit.People > site.Capacity) found.Add(new(session.Id, SessionConflictKind.OverCapacity));
                if (!site.Active) found.Add(new(session.Id, SessionConflictKind.SiteInactive));
            }
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(session.StartsAt, DateTimeKind.Utc), zone));
            if (day < visit.PreferredFrom || day > visit.PreferredTo) found.Add(new(session.Id, SessionConflictKind.OutsidePreferredDates));
        }
        return found;
    }
}
