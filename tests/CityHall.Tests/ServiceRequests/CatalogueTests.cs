using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.ServiceRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.ServiceRequests;

/// <summary>The seeded catalogue, routing by district, and statutory deadlines counted in Seoul time.</summary>
public sealed class CatalogueTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    /// <summary>A moment given in Seoul's local time.</summary>
    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(9));

    [Fact]
    public async Task Seouls_twenty_categories_are_seeded_with_every_open311_datatype_and_a_department_each()
    {
        var services = await app.WithDbAsync(db => db.Set<ServiceDefinition>().AsNoTracking().Include(s => s.Attributes).OrderBy(s => s.Order).ToListAsync());
        Assert.Equal(23, services.Count); // Seoul's 20 categories, corrections to the places directory, problems with taxi trips and requests for a CCTV camera
        Assert.Equal("road-damage", services[0].Code);
        Assert.All(services, s => Assert.False(string.IsNullOrWhiteSpace(s.NameKo) || string.IsNullOrWhiteSpace(s.NameEn)));
        Assert.Equal(Enum.GetValues<AttributeDatatype>().Order(), services.SelectMany(s => s.Attributes).Select(a => a.Datatype).Distinct().Order());
        var barriers = services.Single(s => s.Code == "disability").Attributes.Single();
        Assert.Equal(["ramp", "lift", "tactile", "parking"], barriers.Values.Select(v => v.Key));
        Assert.Equal(23, await app.WithDbAsync(db => db.Set<ServiceRoute>().CountAsync(r => r.DistrictCode == null)));
    }

    [Fact]
    public async Task A_districts_own_route_wins_over_the_city_wide_one()
    {
        await app.WithDbAsync(async db =>
        {
            db.Add(new ServiceRoute { ServiceCode = "noise", DistrictCode = "gangnam", DepartmentCode = "safety" });
            await db.SaveChangesAsync();
        });
        var directory = app.Services.GetRequiredService<ServiceDirectory>();
        directory.Invalidate();
        var routing = await directory.GetAsync();
        Assert.Equal("safety", routing.DepartmentFor("noise", "gangnam"));
        Assert.Equal("climate-environment", routing.DepartmentFor("noise", "jongno"));
        Assert.Equal("climate-environment", routing.DepartmentFor("noise", null));
        Assert.Null(routing.DepartmentFor("no-such-service", "jongno"));
    }

    [Fact]
    public void Working_day_deadlines_skip_weekends_and_holidays_and_extend_once()
    {
        var chuseok = new HashSet<DateOnly> { new(2026, 9, 24), new(2026, 9, 25) };
        var deadlines = new DeadlineCalculator(Seoul, chuseok);
        var sevenDays = new DeadlineRule { Unit = DeadlineUnit.BusinessDays, Amount = 7, Extendable = true };

        // Received Monday 2026-09-21 at 10:00: Tue, Wed, (Thu, Fri holidays), Mon, Tue, Wed, Thu, Fri → Fri 10-02 10:00.
        var due = deadlines.DueAt(Local(2026, 9, 21, 10), sevenDays);
        Assert.Equal(Local(2026, 10, 2, 10), due);
        // Extended once: seven more working days from then (Mon 10-05 … Tue 10-13).
        Assert.Equal(Local(2026, 10, 13, 10), deadlines.ExtendedDueAt(due, sevenDays));

        // Received on a Saturday evening: counted from Monday's start.
        Assert.Equal(Local(2026, 10, 6, 0), deadlines.DueAt(Local(2026, 10, 3, 21, 30), new DeadlineRule { Unit = DeadlineUnit.BusinessDays, Amount = 1 }));
        // Seoul evening is still the same Seoul day even when UTC has moved to the next one.
        Assert.Equal(Local(2026, 10, 7, 23, 30), deadlines.DueAt(Local(2026, 10, 6, 23, 30).ToUniversalTime(), new DeadlineRule { Unit = DeadlineUnit.BusinessDays, Amount = 1 }));

        var urgent = new DeadlineRule { Unit = DeadlineUnit.Hours, Amount = 24, Extendable = false };
        Assert.Equal(Local(2026, 9, 26, 10), deadlines.DueAt(Local(2026, 9, 25, 10), urgent)); // hours run on holidays too
        Assert.Throws<InvalidOperationException>(() => deadlines.ExtendedDueAt(Local(2026, 9, 26, 10), urgent));
    }
}
