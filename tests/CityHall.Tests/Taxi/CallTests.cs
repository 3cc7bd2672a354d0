using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Taxi;

/// <summary>A rider calls, sees the estimate, the nearest suitable car is offered the call, the driver accepts, the rider sees the car and cancels.</summary>
public sealed class CallTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private const double Lat = 37.5663, Lon = 126.9779; // Seoul City Hall

    private async Task<(HttpClient Driver, long DriverId, string Plate)> OnDutyNearCityHallAsync(CarFeatures features = CarFeatures.NonSmokingDriver)
    {
        var (driver, driverId, _) = await TaxiTestData.DriverAsync(app, features: features);
        Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], "form[data-on-duty]"));
        var token = (await driver.GetPageAsync("/taxi/drive")).QuerySelector("[data-position-sharing]")!.GetAttribute("data-token");
        Assert.Equal(HttpStatusCode.NoContent, (await DrivingTests.ReportAsync(app.CreateClient(), token, new { latitude = Lat + 0.004, longitude = Lon })).StatusCode);
        var plate = await app.WithDbAsync(db => db.Set<TaxiDriver>().Where(d => d.Id == driverId).Select(d => d.Plate).SingleAsync());
        return (driver, driverId, plate);
    }

    private static Dictionary<string, string> Pickup(double lat, double lon, string address = "세종대로 110 시청 정문") => new()
    {
        ["Input.PickupAddress"] = address, ["Input.Latitude"] = lat.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Longitude"] = lon.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.DestinationAddress"] = "서울역 2번 출구",
        ["Input.DestinationLatitude"] = "37.5547", ["Input.DestinationLongitude"] = "126.9707", // as the page's map sets them
        ["Input.Features"] = "WheelchairAccessible",
    };

    private async Task<TaxiOffer> OfferForAsync(long driverId, long callId)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await app.WithDbAsync(db => db.Set<TaxiOffer>().AsNoTracking().FirstOrDefaultAsync(o => o.DriverId == driverId && o.CallId == callId && o.Outcome == null)) is { } offer)
                return offer;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"no offer to driver {driverId} for call {callId}");
    }

    [Fact]
    public async Task A_rider_calls_the_nearest_suitable_car_which_accepts_and_the_rider_sees_it_coming_then_cancels_free()
    {
        var (driver, driverId, plate) = await OnDutyNearCityHallAsync(CarFeatures.WheelchairAccessible);
        var (_, plainId, _) = await OnDutyNearCityHallAsync(); // nearer? the same spot, but without wheelchair access
        var rider = await app.SignedUpCitizenAsync();

        var form = await rider.GetPageAsync("/taxi");
        var estimate = await Html.ParseAsync(await rider.SubmitAsync(form, Pickup(Lat, Lon), "form[data-call-form]"));
        Assert.True(estimate.QuerySelector("[data-estimate-minutes]") is not null, estimate.QuerySelector("main")?.InnerHtml);
        var called = await rider.SubmitAsync(estimate, Pickup(Lat, Lon), "form[data-call-form]", "/taxi?handler=call");
        var tripPath = Html.RedirectedTo(called);
        var callId = long.Parse(tripPath.Split('/')[^1]);
        var trip = await rider.GetPageAsync(tripPath);
        Assert.Equal("Waiting", trip.QuerySelector("[data-call-state]")!.GetAttribute("data-call-state"));
        Assert.NotNull(trip.QuerySelector("meta[http-equiv=refresh]"));

        // Only the wheelchair-accessible car is offered the call; its page shows the pickup, not the destination.
        var offer = await OfferForAsync(driverId, callId);
        Assert.False(await app.WithDbAsync(db => db.Set<TaxiOffer>().AnyAsync(o => o.DriverId == plainId && o.CallId == callId)));
        var drive = await driver.GetPageAsync("/taxi/drive");
        var offered = drive.QuerySelector($"[data-offer='{offer.Id}']")!;
        Assert.Contains("시청 정문", offered.TextContent);
        Assert.DoesNotContain("서울역", drive.Body!.TextContent);
        Assert.Equal("/taxi/drive", Html.RedirectedTo(await driver.SubmitAsync(drive, [], "form[data-accept]")));
        Assert.Equal(DriverState.Busy, app.Services.GetRequiredService<DriverMap>().Find(driverId)!.Value.State);
        drive = await driver.GetPageAsync("/taxi/drive");
        Assert.NotNull(drive.QuerySelector($"[data-trip='{callId}']"));

        trip = await rider.GetPageAsync(tripPath);
        Assert.Equal("Assigned", trip.QuerySelector("[data-call-state]")!.GetAttribute("data-call-state"));
        Assert.NotNull(trip.QuerySelector($"[data-assigned-car='{plate}']"));
        Assert.NotNull(trip.QuerySelector("[data-arrival-minutes]"));
        // Someone else cannot see the call.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedUpCitizenAsync()).GetAsync(tripPath)).StatusCode);

        // Cancelled within the first minute: free, and the car is free again.
        Html.RedirectedTo(await rider.SubmitAsync(trip, [], "form[data-cancel]"));
        var cancelled = await app.WithDbAsync(db => db.Set<TaxiCall>().AsNoTracking().SingleAsync(c => c.Id == callId));
        Assert.Equal((TaxiCallState.Cancelled, (long?)null), (cancelled.State, cancelled.CancellationFee));
        Assert.Equal(DriverState.Free, app.Services.GetRequiredService<DriverMap>().Find(driverId)!.Value.State);
        trip = await rider.GetPageAsync(tripPath);
        Assert.Null(trip.QuerySelector("form[data-cancel]"));
        Assert.Null(trip.QuerySelector("meta[http-equiv=refresh]"));
    }

    [Fact]
    public async Task A_declined_offer_goes_to_another_car_and_bad_calls_and_answers_are_refused_with_nothing_changed()
    {
        var (first, firstId, _) = await OnDutyNearCityHallAsync(CarFeatures.PetsWelcome);
        var riderEmail = $"rider-{Guid.NewGuid():N}@example.org";
        var rider = await app.SignedUpCitizenAsync(riderEmail);
        var form = await rider.GetPageAsync("/taxi");
        var pets = new Dictionary<string, string>(Pickup(Lat, Lon)) { ["Input.Features"] = "PetsWelcome" };

        // Outside the city, an unknown address without a point, an unknown option: refused, no call.
        Assert.Single((await Html.ParseAsync(await rider.SubmitAsync(form, Pickup(35.1796, 129.0756), "form[data-call-form]", "/taxi?handler=call"))).ErrorSummary());
        Assert.Single((await Html.ParseAsync(await rider.SubmitAsync(form, new Dictionary<string, string> { ["Input.PickupAddress"] = "없는길 999" }, "form[data-call-form]", "/taxi?handler=call"))).ErrorSummary());
        Assert.Single((await Html.ParseAsync(await rider.SubmitAsync(form, new Dictionary<string, string>(Pickup(Lat, Lon)) { ["Input.Features"] = "Sidecar" }, "form[data-call-form]", "/taxi?handler=call"))).ErrorSummary());
        var riderId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == riderEmail).Select(u => u.Id).SingleAsync());
        Assert.False(await app.WithDbAsync(db => db.Set<TaxiCall>().AnyAsync(c => c.RiderId == riderId)));

        var callId = long.Parse(Html.RedirectedTo(await rider.SubmitAsync(form, pets, "form[data-call-form]", "/taxi?handler=call")).Split('/')[^1]);
        // One open call at a time: a second is refused, and the page leads to the open one.
        var again = await Html.ParseAsync(await rider.SubmitAsync(form, pets, "form[data-call-form]", "/taxi?handler=call"));
        Assert.NotNull(again.QuerySelector($"[data-open-call] a[href='/taxi/calls/{callId}']"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<TaxiCall>().CountAsync(c => c.RiderId == riderId)));
        Assert.NotNull((await rider.GetPageAsync("/taxi")).QuerySelector("[data-open-call]"));

        var offer = await OfferForAsync(firstId, callId);
        var (second, secondId, _) = await OnDutyNearCityHallAsync(CarFeatures.PetsWelcome);
        var drive = await first.GetPageAsync("/taxi/drive");
        Html.RedirectedTo(await first.SubmitAsync(drive, [], "form[data-decline]"));
        Assert.Equal(TaxiOfferOutcome.Declined, await app.WithDbAsync(db => db.Set<TaxiOffer>().Where(o => o.Id == offer.Id).Select(o => o.Outcome).SingleAsync()));
        // The declined offer cannot be accepted after all; the call goes to the other car.
        var late = await Html.ParseAsync(await first.GetAsync(Html.RedirectedTo(await first.SubmitAsync(drive, [], "form[data-accept]"))));
        Assert.NotNull(late.QuerySelector("[role=alert]"));
        var next = await OfferForAsync(secondId, callId);
        Assert.Equal(TaxiCallState.Waiting, await app.WithDbAsync(db => db.Set<TaxiCall>().Where(c => c.Id == callId).Select(c => c.State).SingleAsync()));
        // Accepting someone else's offer is refused.
        var otherForm = await first.GetPageAsync("/taxi/drive");
        Assert.Equal("/taxi/drive", Html.RedirectedTo(await first.SubmitAsync(otherForm, [], "form[action='/account/sign-out']", $"/taxi/drive?handler=accept&offerId={next.Id}")));
        Assert.Null(await app.WithDbAsync(db => db.Set<TaxiOffer>().Where(o => o.Id == next.Id).Select(o => o.Outcome).SingleAsync()));
        Html.RedirectedTo(await second.SubmitAsync(await second.GetPageAsync("/taxi/drive"), [], "form[data-accept]"));
        var assigned = await app.WithDbAsync(db => db.Set<TaxiCall>().AsNoTracking().SingleAsync(c => c.Id == callId));
        Assert.Equal((TaxiCallState.Assigned, (long?)secondId), (assigned.State, assigned.DriverId));
    }
}
