using System.Globalization;

namespace CityHall.Web.Platform.City;

/// <summary>A time of day as staff type it on forms: 24-hour "HH:mm" (a leading zero optional).</summary>
public static class ClockTime
{
    public static bool TryParse(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
