using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.ServiceRequests;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Platform.Identity;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Taxi;

/// <summary>
/// What a rider has around a trip: the safe-ride text and its tracking link (working only while the trip is on),
/// "report a problem" as a case for staff, widening a search no car was found for, their calls on "my city" and the
/// taxi sector, and their data: exported, erased with the account, and forgotten after the retention period.
/// </summary>
public sealed partial class TripServicesTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private const double Lat = 37.5700, Lon = 126.9920; // Jongno 3-ga

    /// <summary>A rider with a call the driver (Japanese-speaking, only here) accepted; the rider's client, the trip's path and id.</summary>
    private async Task<(HttpClient Rider, string RiderEmail, HttpClient Driver, long DriverId, string Plate, string TripPath, long CallId)> AssignedAsync()
    {
        var (driver, driverId, plate) = await TaxiTestData.OnDutyNearAsync(app, Lat, Lon, CarFeatures.WheelchairAccessible, "ja");
        var email = $"rider-{Guid.NewGuid():N}@example.org";
        var rider = await app.SignedUpCitizenAsync(email);
        var tripPath = Html.RedirectedTo(await rider.SubmitAsync(await rider.GetPageAsync("/taxi"),
            new Dictionary<string, string>(TaxiTestData.Pickup(Lat, Lon, "종로 99 종로3가역 앞")) { ["Input.Language"] = "ja" }, "form[data-call-form]", "/taxi?handler=call"));
        var callId = long.Parse(tripPath.Split('/')[^1]);
        await TaxiTestData.OfferForAsync(app, driverId, callId);
        Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], "form[data-accept]"));
        return (rider, email, driver, driverId, plate, tripPath, callId);
    }

    private async Task<AngleSharp.Dom.IDocument> PostAndFollowAsync(HttpClient client, AngleSharp.Dom.IDocument page, string form, IEnumerable<KeyValuePair<string, string>>? values = null) =>
        await Html.ParseAsync(await client.GetAsync(Html.RedirectedTo(await client.SubmitAsync(page, values ?? [], form))));

    private async Task DriveToTheEndAsync(HttpClient driver, long fare)
    {
        foreach (var form in new[] { "form[data-arrived]", "form[data-on-board]" })
            Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], form));
        Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [new("fare", fare.ToString())], "form[data-end-trip]"));
        // Off duty, so the class's next call goes to its own new car.
        Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], "form[data-off-duty]"));
    }

    [GeneratedRegex("/taxi/track/([A-Za-z0-9_-]{32})")]
    private static partial Regex TrackLink();

    private async Task<string> LastSafeRideTokenAsync(string number)
    {
        var text = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Recipient == number).OrderByDescending(m => m.Id).Select(m => m.Body).FirstAsync());
        return TrackLink().Match(text).Groups[1].Value;
    }

    [Fact]
    public async Task A_safe_ride_text_carries_the_car_and_a_link_that_follows_the_trip_until_it_ends()
    {
        var (rider, _, driver, _, plate, tripPath, callId) = await AssignedAsync();
        var trip = await rider.GetPageAsync(tripPath);
        Assert.NotNull(trip.QuerySelector("form[data-safe-ride]"));

        // Not a mobile number: refused, nothing sent.
        var refused = await PostAndFollowAsync(rider, trip, "form[data-safe-ride]", [new("phone", "02-120-0000")]);
        Assert.Single(refused.ErrorSummary());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<TaxiCall>().Where(c => c.Id == callId).Select(c => c.SafeRideTexts).SingleAsync()));

        var sent = await PostAndFollowAsync(rider, trip, "form[data-safe-ride]", [new("phone", "010-2345-6789")]);
        Assert.NotNull(sent.QuerySelector("[data-safe-ride-sent]"));
        var body = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Recipient == "01023456789").Select(m => m.Body).SingleAsync());
        Assert.Contains(plate, body);
        var token = await LastSafeRideTokenAsync("01023456789");

        // Whoever has the link, without an account, follows the car; a made-up link shows nothing.
        var anonymous = app.CreateClient();
        var tracked = await anonymous.GetPageAsync($"/taxi/track/{token}");
        Assert.NotNull(tracked.QuerySelector($"[data-tracked-car='{plate}']"));
        Assert.Equal("Assigned", tracked.QuerySelector("[data-call-state]")!.GetAttribute("data-call-state"));
        Assert.NotNull(tracked.QuerySelector("[data-car-position]"));
        Assert.NotNull(tracked.QuerySelector("meta[name=robots][content=noindex]"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/taxi/track/" + new string('A', 32))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/taxi/track/short")).StatusCode);

        // A new text (a corrected number) replaces the link; a third is the last one allowed.
        await PostAndFollowAsync(rider, trip, "form[data-safe-ride]", [new("phone", "+82 10 3456 7890")]);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/taxi/track/{token}")).StatusCode);
        var second = await LastSafeRideTokenAsync("01034567890");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/taxi/track/{second}")).StatusCode);
        var third = await PostAndFollowAsync(rider, trip, "form[data-safe-ride]", [new("phone", "010-4567-8901")]);
        Assert.Null(third.QuerySelector("form[data-safe-ride]"));
        var fourth = await PostAndFollowAsync(rider, trip, "form[data-safe-ride]", [new("phone", "010-5678-9012")]);
        Assert.Single(fourth.ErrorSummary());
        Assert.False(await app.WithDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Recipient == "01056789012")));

        // Once the trip ends the link shows nothing of it.
        var last = await LastSafeRideTokenAsync("01045678901");
        await DriveToTheEndAsync(driver, 8_800);
        var ended = await anonymous.GetAsync($"/taxi/track/{last}");
        Assert.Equal(HttpStatusCode.Gone, ended.StatusCode);
        var endedPage = await Html.ParseAsync(ended);
        Assert.NotNull(endedPage.QuerySelector("[data-track-ended]"));
        Assert.DoesNotContain(plate, endedPage.Body!.TextContent);
        // And no text can be sent for a trip that is over.
        var over = await rider.GetPageAsync(tripPath);
        Assert.Null(over.QuerySelector("form[data-safe-ride]"));
    }

    [Fact]
    public async Task A_problem_with_a_trip_is_filed_once_as_a_case_with_the_trips_facts_and_only_the_cases_handlers_can_read_the_trip()
    {
        var (rider, _, driver, _, plate, tripPath, callId) = await AssignedAsync();
        await DriveToTheEndAsync(driver, 15_400);
        var trip = await rider.GetPageAsync(tripPath);
        var problemPath = trip.QuerySelector("a[data-report-problem]")!.GetAttribute("href")!;
        Assert.Equal($"/taxi/calls/{callId}/problem", problemPath);
        // Another citizen cannot report on this trip.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedUpCitizenAsync()).GetAsync(problemPath)).StatusCode);

        var form = await rider.GetPageAsync(problemPath);
        Assert.Single((await Html.ParseAsync(await rider.SubmitAsync(form, new Dictionary<string, string> { ["Input.Problem"] = "sidecar" }))).ErrorSummary());
        Assert.Equal([ "무엇이 문제였는지 골라 주세요." ], (await Html.ParseAsync(await rider.SubmitAsync(form, new Dictionary<string, string> { ["Input.Problem"] = "" }))).ErrorSummary());
        Assert.Single((await Html.ParseAsync(await rider.SubmitAsync(form, new Dictionary<string, string> { ["Input.Problem"] = "lost-property" }))).ErrorSummary());
        Assert.Null(await app.WithDbAsync(db => db.Set<TaxiCall>().Where(c => c.Id == callId).Select(c => c.ProblemCase).SingleAsync()));

        var filed = Html.RedirectedTo(await rider.SubmitAsync(form, new Dictionary<string, string> { ["Input.Problem"] = "lost-property", ["Input.Details"] = "뒷좌석에 검은 우산" }));
        var reference = filed.Split('/')[^1];
        var report = await app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().SingleAsync(r => r.Reference == reference));
        Assert.Equal(("taxi-trip", $"/taxi/calls/{callId}", false), (report.ServiceCode, report.SubjectPath, report.IsPublic));
        Assert.Contains("검은 우산", report.Description);
        Assert.Contains(plate, report.Description);
        Assert.Contains("15,400", report.Description);
        Assert.Equal(reference, await app.WithDbAsync(db => db.Set<TaxiCall>().Where(c => c.Id == callId).Select(c => c.ProblemCase).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await rider.GetAsync(filed)).StatusCode);

        // Once only: the trip's page and the form lead to the case.
        Assert.NotNull((await rider.GetPageAsync(tripPath)).QuerySelector($"[data-problem-case='{reference}']"));
        Assert.Equal($"/reports/{reference}", Html.RedirectedTo(await rider.GetAsync(problemPath)));

        // An official of the department handling the case follows its link and reads the trip, without the rider's forms;
        // an official of another department (taxi operators included) does not.
        var handler = await app.SignedInStaffAsync(Roles.Official, $"taxi-case-{Guid.NewGuid():N}@seoul.go.kr", department: "transport");
        var asHandler = await handler.GetPageAsync(tripPath);
        Assert.NotNull(asHandler.QuerySelector("[data-receipt]"));
        Assert.Null(asHandler.QuerySelector("form[data-rate]"));
        Assert.Null(asHandler.QuerySelector("a[data-report-problem]"));
        Assert.Equal(HttpStatusCode.NotFound, (await handler.SubmitAsync(asHandler, [new("rating", "1")], "form[action='/account/sign-out']", $"{tripPath}?handler=rate")).StatusCode);
        var otherOfficial = await app.SignedInStaffAsync(Roles.Official, $"taxi-ops-{Guid.NewGuid():N}@seoul.go.kr", department: "welfare");
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficial.GetAsync(tripPath)).StatusCode);
        // A trip nobody reported on is its rider's alone.
        var (_, _, _, _, _, quietPath, _) = await AssignedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync(quietPath)).StatusCode);
    }

    [Fact]
    public async Task A_driver_who_erases_their_account_is_taken_off_the_map()
    {
        var (_, driverId, _) = await TaxiTestData.OnDutyNearAsync(app, 37.50, 127.03, CarFeatures.None, "zh");
        var driverUser = await app.WithDbAsync(db => db.Set<TaxiDriver>().Where(d => d.Id == driverId).Select(d => d.UserId!).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetServices<IPersonalDataContributor>().Single(c => c.Section == "taxi").EraseAsync(driverUser, CancellationToken.None);
        Assert.Null(app.Services.GetRequiredService<DriverMap>().Find(driverId));
        var registered = await app.WithDbAsync(db => db.Set<TaxiDriver>().AsNoTracking().SingleAsync(d => d.Id == driverId));
        Assert.Equal((null, false, null), (registered.UserId, registered.Active, registered.OnDutySince));
    }

    [Fact]
    public async Task A_rider_told_no_car_was_found_can_look_further()
    {
        var rider = await app.SignedUpCitizenAsync();
        // Nobody here speaks Russian: the call waits.
        var tripPath = Html.RedirectedTo(await rider.SubmitAsync(await rider.GetPageAsync("/taxi"),
            new Dictionary<string, string>(TaxiTestData.Pickup(Lat, Lon)) { ["Input.Language"] = "ru" }, "form[data-call-form]", "/taxi?handler=call"));
        var callId = long.Parse(tripPath.Split('/')[^1]);
        Assert.Null((await rider.GetPageAsync(tripPath)).QuerySelector("form[data-widen]"));
        // As the dispatch loop records it after five minutes without a car.
        await app.WithDbAsync(db => db.Set<TaxiCall>().Where(c => c.Id == callId).ExecuteUpdateAsync(u => u.SetProperty(c => c.NoCarSince, DateTime.UtcNow)));
        var page = await rider.GetPageAsync(tripPath);
        Assert.NotNull(page.QuerySelector("[data-no-car]"));
        var widened = await PostAndFollowAsync(rider, page, "form[data-widen]");
        Assert.Null(widened.QuerySelector("form[data-widen]"));
        var call = await app.WithDbAsync(db => db.Set<TaxiCall>().AsNoTracking().SingleAsync(c => c.Id == callId));
        Assert.Equal((8_000d, (DateTime?)null), (call.SearchRadiusMeters, call.NoCarSince));
        // Twice is refused; nothing changes.
        Assert.Single((await PostAndFollowAsync(rider, page, "form[data-widen]")).ErrorSummary());
        Html.RedirectedTo(await rider.SubmitAsync(widened, [], "form[data-cancel]"));
    }

    [Fact]
    public async Task Riders_find_their_calls_on_my_city_and_the_taxi_sector_and_their_data_is_exported_erased_and_forgotten_in_time()
    {
        var (rider, email, driver, driverId, plate, tripPath, callId) = await AssignedAsync();
        await DriveToTheEndAsync(driver, 9_900);
        Html.RedirectedTo(await rider.SubmitAsync(await rider.GetPageAsync(tripPath), [new("rating", "4"), new("comment", "집 앞까지 와 주셨어요")], "form[data-rate]"));

        var sector = await rider.GetPageAsync("/sectors/taxi");
        Assert.NotNull(sector.QuerySelector("main a[href='/taxi']"));
        Assert.NotNull(sector.QuerySelector("main a[href='/taxi/calls']"));
        var my = await rider.GetPageAsync("/my");
        Assert.Equal("1", my.QuerySelector("[data-taxi-calls]")!.GetAttribute("data-taxi-calls"));
        Assert.NotNull(my.QuerySelector($"[data-call='{callId}'] a[href='{tripPath}']"));
        var mine = await rider.GetPageAsync("/taxi/calls");
        Assert.Contains(plate, mine.QuerySelector($"tr[data-call='{callId}']")!.TextContent);
        Assert.Null((await (await app.SignedUpCitizenAsync()).GetPageAsync("/taxi/calls")).QuerySelector("tr[data-call]"));

        using (var export = JsonDocument.Parse(await rider.GetStringAsync("/account/data/download")))
        {
            var call = export.RootElement.GetProperty("taxi").GetProperty("calls")[0];
            Assert.Equal(("종로 99 종로3가역 앞", "집 앞까지 와 주셨어요"), (call.GetProperty("pickupAddress").GetString(), call.GetProperty("ratingComment").GetString()));
        }
        using (var export = JsonDocument.Parse(await driver.GetStringAsync("/account/data/download")))
            Assert.Equal(plate, export.RootElement.GetProperty("taxi").GetProperty("driver").GetProperty("plate").GetString());

        // The rider deletes their account: the trip stays for the figures, without them or where they went.
        var riderId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetServices<IPersonalDataContributor>().Single(c => c.Section == "taxi").EraseAsync(riderId, CancellationToken.None);
        var kept = await app.WithDbAsync(db => db.Set<TaxiCall>().AsNoTracking().SingleAsync(c => c.Id == callId));
        Assert.Equal((null, null, null, null, null), (kept.RiderId, kept.PickupAddress, kept.DestinationAddress, kept.DestinationLatitude, kept.RatingComment));
        Assert.Equal((37.57, 126.99, 9_900L, 4), (kept.PickupLatitude, kept.PickupLongitude, kept.Fare!.Value, kept.Rating!.Value));
        Assert.NotNull(kept.DetailsForgottenAt);

        // The driver deletes theirs: the company's register keeps the driver, inactive, off the map, without the account.
        var driverUser = await app.WithDbAsync(db => db.Set<TaxiDriver>().Where(d => d.Id == driverId).Select(d => d.UserId!).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetServices<IPersonalDataContributor>().Single(c => c.Section == "taxi").EraseAsync(driverUser, CancellationToken.None);
        var registered = await app.WithDbAsync(db => db.Set<TaxiDriver>().AsNoTracking().SingleAsync(d => d.Id == driverId));
        Assert.Equal((null, false, null), (registered.UserId, registered.Active, registered.OnDutySince));

        // Another rider's trip of long ago: its details are forgotten by the retention job; today's are kept.
        var (other, _, otherDriver, _, _, otherPath, otherId) = await AssignedAsync();
        await DriveToTheEndAsync(otherDriver, 4_800);
        var retention = app.Services.GetRequiredService<TripDetailsRetention>();
        await retention.ForgetDueAsync(CancellationToken.None);
        Assert.NotNull(await app.WithDbAsync(db => db.Set<TaxiCall>().Where(c => c.Id == otherId).Select(c => c.PickupAddress).SingleAsync()));
        await app.WithDbAsync(db => db.Set<TaxiCall>().Where(c => c.Id == otherId).ExecuteUpdateAsync(u => u.SetProperty(c => c.CalledAt, c => c.CalledAt.AddDays(-181))));
        Assert.True(await retention.ForgetDueAsync(CancellationToken.None) >= 1);
        var old = await app.WithDbAsync(db => db.Set<TaxiCall>().AsNoTracking().SingleAsync(c => c.Id == otherId));
        Assert.Equal((null, null, 4_800L), (old.PickupAddress, old.DestinationAddress, old.Fare!.Value));
        Assert.NotNull(old.RiderId); // still the rider's own trip, shown among their calls
        Assert.NotNull((await other.GetPageAsync("/taxi/calls")).QuerySelector($"tr[data-call='{otherId}']"));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(otherPath)).StatusCode);
    }
}
