using CityHall.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CityHall.Tests.Inclusion;

/// <summary>Half past midnight on 16 June 2026 in Seoul, still the 15th in UTC.</summary>
public sealed class EarlyMorningApp() : ClockedApp(InSeoul(2026, 6, 16, 0, 30));

/// <summary>Dates a citizen gives are the city's dates, not UTC's: between 00:00 and 09:00 in Seoul they differ.</summary>
public sealed class CityDateTests(EarlyMorningApp app) : IClassFixture<EarlyMorningApp>
{
    [Fact]
    public async Task A_birth_date_of_today_in_the_city_is_accepted_before_nine_in_the_morning()
    {
        var parent = await app.SignedUpCitizenAsync();
        var (_, next) = await ApplicationTests.AnswerAsync(parent, "senior-smart-class", "종로 1길 5", birth: "2026-06-16");
        Assert.EndsWith("/check", next, StringComparison.Ordinal);
    }
}
