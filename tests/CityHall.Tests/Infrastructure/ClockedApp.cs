using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CityHall.Tests.Infrastructure;

/// <summary>The app on a clock the test holds: stopped at <c>start</c> until a test moves it (<see cref="Clock"/>).</summary>
public abstract class ClockedApp(DateTimeOffset start, Dictionary<string, string?>? settings = null) : CityHallApp(settings ?? new Dictionary<string, string?>())
{
    public FakeTimeProvider Clock { get; } = new(start.ToUniversalTime());

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>A moment on Seoul's clock (UTC+9, no daylight saving).</summary>
    protected static DateTimeOffset InSeoul(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(9));
}
