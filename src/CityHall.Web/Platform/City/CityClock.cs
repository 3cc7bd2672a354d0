using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.City;

/// <summary>Times are stored in UTC and shown in the city's time zone (Asia/Seoul by default).</summary>
public sealed class CityClock(TimeProvider time, IOptions<CityOptions> city)
{
    private readonly TimeZoneInfo zone = city.Value.FindTimeZone();

    public DateTimeOffset Now => ToLocal(time.GetUtcNow());

    public DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, zone);

    /// <summary>Date and time in the current culture's own format, in the city's zone.</summary>
    public string Format(DateTimeOffset utc) => ToLocal(utc).ToString("g", System.Globalization.CultureInfo.CurrentCulture);
}
