using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.City;

/// <summary>Times are stored in UTC and shown in the city's time zone (Asia/Seoul by default).</summary>
public sealed class CityClock(TimeProvider time, IOptionsMonitor<CityOptions> city)
{
    /// <summary>Read each time: administrators may change the zone while the app runs (the runtime caches zones).</summary>
    private TimeZoneInfo Zone => city.CurrentValue.FindTimeZone();

    /// <summary>The zone as it is now: for converting many times at once without looking it up for each.</summary>
    public TimeZoneInfo CurrentZone => Zone;

    public DateTimeOffset Now => ToLocal(time.GetUtcNow());

    /// <summary>The time of day on the city's clocks.</summary>
    public TimeOnly TimeOfDay => TimeOnly.FromDateTime(Now.DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>A wall-clock time typed by someone in the city (a form's date and time) as an instant.</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>Date and time in the current culture's own format, in the city's zone.</summary>
    public string Format(DateTimeOffset utc) => ToLocal(utc).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>
    /// A time as the database keeps it (UTC, and labelled so when read back), shown like the overload
    /// above. An unlabelled time is taken as UTC, never as the server's own zone.
    /// </summary>
    public string Format(DateTime utc) =>
        Format(new DateTimeOffset(utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
