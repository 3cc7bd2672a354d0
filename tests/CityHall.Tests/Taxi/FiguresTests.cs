using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Admin;
using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Platform.Identity;

namespace CityHall.Tests.Taxi;

/// <summary>The operators' figures: medians and the share of pickups within 5 minutes, by hour and district, and the page.</summary>
public sealed class FiguresTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static readonly DateTime T0 = new(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc);

    private static TripFigures.Call Call(int calledSecond, int? offerAfter, int? assignAfter, int? arriveAfter, TaxiCallState state) =>
        new(T0.AddSeconds(calledSecond), offerAfter is { } o ? T0.AddSeconds(calledSecond + o) : null, assignAfter is { } a ? T0.AddSeconds(calledSecond + a) : null,
            arriveAfter is { } r ? T0.AddSeconds(calledSecond + r) : null, null, state, "11110");

    [Fact]
    public void Medians_and_the_share_within_five_minutes_count_what_riders_got()
    {
        var figures = TripFigures.Of(
        [
            Call(0, 1, 10, 200, TaxiCallState.Completed),
            Call(5, 1, 20, 290, TaxiCallState.Completed),
            Call(9, 2, 30, 400, TaxiCallState.Completed), // six minutes and forty seconds: late
            Call(12, 1, 40, null, TaxiCallState.Cancelled), // given a car, cancelled before it came
            Call(20, null, null, null, TaxiCallState.NoCar),
            Call(30, 3, null, null, TaxiCallState.Cancelled), // gave up while offers went round
        ], TimeSpan.FromMinutes(5));
        Assert.Equal((6, 4, 2), (figures.Calls, figures.Assigned, figures.Unserved));
        Assert.Equal((1.0, 25.0, 290.0), (figures.MedianToOfferSeconds!.Value, figures.MedianToAssignSeconds!.Value, figures.MedianToPickupSeconds!.Value));
        Assert.Equal((3, 2), (figures.PickedUp, figures.PickedUpInTarget));
        Assert.Equal(2.0 / 3, figures.ShareInTarget!.Value, 6);
        Assert.Null(TripFigures.Of([], TimeSpan.FromMinutes(5)).ShareInTarget);
    }

    [Fact]
    public async Task Operators_see_the_days_figures_by_hour_and_district_and_citizens_are_kept_out()
    {
        var (driver, driverId, _) = await TaxiTestData.OnDutyNearAsync(app, 37.5663, 126.9779, CarFeatures.WheelchairAccessible);
        var rider = await app.SignedUpCitizenAsync();
        var tripPath = Html.RedirectedTo(await rider.SubmitAsync(await rider.GetPageAsync("/taxi"), TaxiTestData.Pickup(37.5663, 126.9779), "form[data-call-form]", "/taxi?handler=call"));
        var callId = long.Parse(tripPath.Split('/')[^1]);
        await TaxiTestData.OfferForAsync(app, driverId, callId);
        Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], "form[data-accept]"));
        Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], "form[data-arrived]"));

        Assert.Equal(HttpStatusCode.Forbidden, (await rider.GetAsync("/admin/taxi/figures")).StatusCode);
        var operatorClient = await app.SignedInStaffAsync(Roles.Official);
        var page = await operatorClient.GetPageAsync("/admin/taxi/figures");
        Assert.Equal("1", page.QuerySelector("[data-day-summary]")!.GetAttribute("data-calls"));
        Assert.Equal(1, page.QuerySelectorAll("#taxi-by-hour tbody tr").Length);
        Assert.Contains("100", page.QuerySelector("#taxi-by-district tbody tr")!.TextContent); // picked up within 5 minutes: 100%
        Assert.NotNull(page.QuerySelector("figure.ch-chart"));
        // Another day: nothing.
        var empty = await operatorClient.GetPageAsync("/admin/taxi/figures?day=2020-01-01");
        Assert.Equal("0", empty.QuerySelector("[data-day-summary]")!.GetAttribute("data-calls"));
        Assert.Null(empty.QuerySelector("#taxi-by-hour"));
        // A day that is not one: the form's value is ignored, today is shown.
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/admin/taxi/figures?day=yesterday")).StatusCode);
        // Days no city had calls on (the ends of the calendar would overflow the time zone): refused with a message, today shown.
        foreach (var absurd in new[] { "0001-01-01", "9999-12-31" })
        {
            var refused = await operatorClient.GetPageAsync("/admin/taxi/figures?day=" + absurd);
            Assert.Single(refused.ErrorSummary());
            Assert.Equal("1", refused.QuerySelector("[data-day-summary]")!.GetAttribute("data-calls"));
        }
    }
}
