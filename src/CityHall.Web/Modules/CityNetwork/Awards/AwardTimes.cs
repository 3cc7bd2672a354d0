using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.CityNetwork.Awards;

/// <summary>
/// Awards are international: an edition's dates are set in its own time zone and shown in it, and beside it in the
/// applicant's (chosen on the entry; the page's script suggests the browser's). Time zones are IANA ids as the system's
/// tz database knows them.
/// </summary>
public static class AwardTimes
{
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return null;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    /// <summary>A moment in a zone: "1 July 2027 23:59 (Asia/Seoul)".</summary>
    public static string Format(DateTime utc, string zoneId, CultureInfo culture)
    {
        var zone = Find(zoneId) ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return $"{local.ToString("f", culture)} ({zone.Id})";
    }

    /// <summary>A wall-clock time in a zone as UTC (a time that does not exist there, in a spring-forward gap, is taken an hour on).</summary>
    public static DateTime ToUtc(DateTime local, string zoneId)
    {
        var zone = Find(zoneId) ?? TimeZoneInfo.Utc;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    /// <summary>Every time zone as choices ("(UTC+05:45) Asia/Kathmandu"), by offset then name.</summary>
    public static IReadOnlyList<SelectListItem> Choices(string emptyText, DateTime now) =>
        [new(emptyText, ""), .. TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.Id.Contains('/', StringComparison.Ordinal) || z.Id == "UTC") // the tz database's names, and UTC (what browsers without one report)
            .Select(z => (Zone: z, Offset: z.GetUtcOffset(now)))
            .OrderBy(x => x.Offset).ThenBy(x => x.Zone.Id, StringComparer.Ordinal)
            .Select(x => new SelectListItem($"(UTC{(x.Offset < TimeSpan.Zero ? "-" : "+")}{x.Offset:hh\\:mm}) {x.Zone.Id}", x.Zone.Id))];
}
