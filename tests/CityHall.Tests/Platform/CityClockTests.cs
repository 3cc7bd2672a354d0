using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Tests.Platform;

/// <summary>Times kept in UTC, shown on the city's clocks.</summary>
public sealed class CityClockTests
{
    private sealed class Fixed(CityOptions value) : IOptionsMonitor<CityOptions>
    {
        public CityOptions CurrentValue => value;
        public CityOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<CityOptions, string?> listener) => null;
    }

    [Fact]
    public void A_stored_time_is_shown_in_the_citys_zone_whether_or_not_it_is_labelled_UTC()
    {
        var clock = new CityClock(TimeProvider.System, new Fixed(new CityOptions { TimeZone = "Asia/Seoul" }));
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            var stored = new DateTime(2026, 11, 27, 23, 30, 0, DateTimeKind.Utc); // 08:30 the next morning in Seoul
            Assert.Equal(new DateTime(2026, 11, 28, 8, 30, 0).ToString("g", CultureInfo.CurrentCulture), clock.Format(stored));
            Assert.Equal(clock.Format(stored), clock.Format(DateTime.SpecifyKind(stored, DateTimeKind.Unspecified))); // never the server's own zone
            Assert.Equal(clock.Format(stored), clock.Format(new DateTimeOffset(stored)));
            Assert.Equal(clock.Format(stored), clock.Format(stored.ToLocalTime()));
        }
        finally { CultureInfo.CurrentCulture = before; }
    }
}
