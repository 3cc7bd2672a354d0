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

    private Task<(HttpClient Driver, long DriverId, string Plate)> OnDutyNearCityHallAsync(CarFeatures features = CarFeatures.NonSmokingDriver, string languages = "en") =>
        TaxiTestData.OnDutyNearAsync(app, Lat, Lon, features, languages);

    private static Dictionary<string, string> Pickup(double lat, double lon) => TaxiTestData.Pickup(lat, lon);

    private Task<TaxiOffer> OfferForAsync(long driverId, long callId) => TaxiTestData.OfferForAsync(app, driverId, callId);

    [Fact]
    public async Task A_rider_calls_the_nearest_suitable_car_which_accepts_and_the_rider_sees_it_coming_then_cancels_free()
    {
        // Vietnamese-speaking cars only here, so the other tests' cars are never candidates.
        var (driver, driverId, plate) = await OnDutyNearCityHallAsync(CarFeatures.WheelchairAccessible, "vi");
        var (_, plainId, _) = await OnDutyNearCityHallAsync(CarFeatures.NonSmokingDriver, "vi"); // the same spot, without wheelchair access
        var rider = await app.SignedUpCitizenAsync();
        var request = new Dictionary<string, string>(Pickup(Lat, Lon)) { ["Input.Language"] = "vi" };

        var form = await rider.GetPageAsync("/taxi");
        var estimate = await Html.ParseAsync(await rider.SubmitAsync(form, request, "form[data-call-form]"));
        Assert.True(estimate.QuerySelector("[data-estimate-minutes]") is not null, estimate.QuerySelector("main")?.InnerHtml);
        var called = await rider.SubmitAsync(estimate, request, "form[data-call-form]", "/taxi?handler=call");
        var tripPath = Html.RedirectedTo(called);
        var callId = long.Parse(tripPath.Split('/')[^1]);
        var trip = await rider.GetPageAsync(tripPath);
        Assert.Equal("Waiting", trip.QuerySelector("[data-call-state]")!.GetAttribute("data-call-state"));
        Assert.NotNull(trip.QuerySelector("#trip-live[data-refresh-every='5']")); // followed without a reload (no meta refresh: WCAG 2.2.1)
        Assert.Null(trip.QuerySelector("meta[http-equiv=refresh]"));

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
        Assert.NotNull(trip.QuerySelector("#trip-live[data-refresh-every='0']")); // over: nothing more to follow
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

    [Fact]
    public async Task The_driver_arrives_picks_up_sees_the_destination_only_then_and_ends_with_a_fare_the_rider_gets_a_receipt_and_rates_once()
    {
        // The only Mongolian-speaking car: other tests' cars near City Hall are not offered this call.
        var (driver, driverId, plate) = await OnDutyNearCityHallAsync(CarFeatures.WheelchairAccessible, "mn");
        var rider = await app.SignedUpCitizenAsync();
        var tripPath = Html.RedirectedTo(await rider.SubmitAsync(await rider.GetPageAsync("/taxi"), new Dictionary<string, string>(Pickup(Lat, Lon)) { ["Input.Language"] = "mn" },
            "form[data-call-form]", "/taxi?handler=call"));
        var callId = long.Parse(tripPath.Split('/')[^1]);
        await OfferForAsync(driverId, callId);
        Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], "form[data-accept]"));
        async Task<AngleSharp.Dom.IDocument> StepAsync(string form, params KeyValuePair<string, string>[] values) =>
            await Html.ParseAsync(await driver.GetAsync(Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), values, form))));
        TaxiCall Call() => app.WithDbAsync(db => db.Set<TaxiCall>().AsNoTracking().SingleAsync(c => c.Id == callId)).GetAwaiter().GetResult();

        // Ending a trip that never started is refused; so is a second "arrived".
        var page = await driver.GetPageAsync("/taxi/drive");
        Assert.Null(page.QuerySelector("[data-destination]"));
        var early = await Html.ParseAsync(await driver.GetAsync(Html.RedirectedTo(await driver.SubmitAsync(page, [new("fare", "5000")], "form[data-arrived]",
            $"/taxi/drive?handler=step&callId={callId}&step=Completed"))));
        Assert.NotNull(early.QuerySelector("[role=alert]"));
        Assert.Equal(TaxiCallState.Assigned, Call().State);
        page = await StepAsync("form[data-arrived]");
        Assert.Equal(TaxiCallState.Arrived, Call().State);
        Assert.Null(page.QuerySelector("form[data-arrived]"));
        Assert.Equal("Arrived", (await rider.GetPageAsync(tripPath)).QuerySelector("[data-call-state]")!.GetAttribute("data-call-state"));

        // On board: the destination shows, the page stops refreshing, and the rider can no longer cancel.
        page = await StepAsync("form[data-on-board]");
        Assert.Contains("서울역", page.QuerySelector("[data-destination]")!.TextContent);
        Assert.NotNull(page.QuerySelector("#drive-live[data-refresh-every='0']")); // the fare is typed undisturbed
        Assert.Null((await rider.GetPageAsync(tripPath)).QuerySelector("form[data-cancel]"));

        // A fare of zero, a million or words: refused, nothing changed.
        foreach (var fare in new[] { "0", "1000000", "만원", "" })
        {
            Assert.NotNull((await StepAsync("form[data-end-trip]", new KeyValuePair<string, string>("fare", fare))).QuerySelector("[role=alert]"));
            Assert.Equal((TaxiCallState.OnBoard, (long?)null), (Call().State, Call().Fare));
        }
        await StepAsync("form[data-end-trip]", new KeyValuePair<string, string>("fare", "12,300"));
        var ended = Call();
        Assert.Equal((TaxiCallState.Completed, (long?)12_300), (ended.State, ended.Fare));
        Assert.NotNull(ended.PickedUpAt);
        Assert.Equal(DriverState.Free, app.Services.GetRequiredService<DriverMap>().Find(driverId)!.Value.State);

        // The receipt, and one rating (a seventh star is refused).
        var receipt = await rider.GetPageAsync(tripPath);
        Assert.Equal("12300", receipt.QuerySelector("[data-fare]")!.GetAttribute("data-fare"));
        Assert.Contains(plate, receipt.QuerySelector("[data-receipt]")!.TextContent);
        var seven = await Html.ParseAsync(await rider.GetAsync(Html.RedirectedTo(await rider.SubmitAsync(receipt, [new("rating", "7")], "form[data-rate]"))));
        Assert.NotNull(seven.QuerySelector("[role=alert]"));
        Html.RedirectedTo(await rider.SubmitAsync(receipt, [new("rating", "5"), new("comment", "친절했어요")], "form[data-rate]"));
        var twice = await Html.ParseAsync(await rider.GetAsync(Html.RedirectedTo(await rider.SubmitAsync(receipt, [new("rating", "1")], "form[data-rate]"))));
        Assert.NotNull(twice.QuerySelector("[data-rated='5']"));
        Assert.Equal((5, "친절했어요"), (Call().Rating, Call().RatingComment));
        var rated = await app.WithDbAsync(db => db.Set<TaxiDriver>().AsNoTracking().SingleAsync(d => d.Id == driverId));
        Assert.Equal((1, 5), (rated.RatingCount, rated.RatingSum));
    }

    [Fact]
    public async Task A_pickup_typed_as_a_places_name_is_placed_there_and_a_name_many_places_share_is_not()
    {
        await app.WithDbAsync(async db =>
        {
            db.Add(new CityHall.Web.Modules.Places.Place { KindCode = "tourist-spot", NameKo = "택시시험 광장", NameEn = "Taxi Test Square", Latitude = 37.5700, Longitude = 126.9768, Source = "taxi-test", SourceId = "1" });
            foreach (var (lat, id) in new[] { (37.5600, "2"), (37.5500, "3") })
                db.Add(new CityHall.Web.Modules.Places.Place { KindCode = "restaurant", NameKo = "택시시험 분식", Latitude = lat, Longitude = 126.98, Source = "taxi-test", SourceId = id });
            await db.SaveChangesAsync();
        });
        var rider = await app.SignedUpCitizenAsync();
        var form = await rider.GetPageAsync("/taxi");
        Assert.NotNull(form.QuerySelector("[data-map-picker][data-lat-input='pickup-latitude'][data-long-input='pickup-longitude']"));
        Assert.NotNull(form.QuerySelector("input#pickup-latitude[name='Input.Latitude']"));

        // The English name, in any case and spacing, places the pickup at the square.
        var estimate = await Html.ParseAsync(await rider.SubmitAsync(form, new Dictionary<string, string> { ["Input.PickupAddress"] = "  taxi test   SQUARE " }, "form[data-call-form]"));
        Assert.Empty(estimate.ErrorSummary());
        Assert.Equal(("37.57", "126.9768"), (estimate.QuerySelector("input[name='Input.Latitude']")!.GetAttribute("value"), estimate.QuerySelector("input[name='Input.Longitude']")!.GetAttribute("value")));

        // Two restaurants of one name are not a pickup: the rider is asked for more.
        var shared = await Html.ParseAsync(await rider.SubmitAsync(form, new Dictionary<string, string> { ["Input.PickupAddress"] = "택시시험 분식" }, "form[data-call-form]"));
        Assert.Single(shared.ErrorSummary());
        Assert.False(await app.WithDbAsync(db => db.Set<TaxiCall>().AnyAsync(c => c.PickupAddress == "택시시험 분식")));
    }
}
