namespace CityHall.Web.Platform.Hosting;

/// <summary>
/// A clock that says what it is told. The demo city's seeders run the modules' own services (an intake, a signature
/// writer, case work) on one, set to each moment of the story they tell, so dates, deadlines and histories are those
/// of real weeks rather than all "now".
/// </summary>
public sealed class SetClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
