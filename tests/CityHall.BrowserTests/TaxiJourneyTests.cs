using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// A taxi from call to receipt with two browsers, the rider's and the driver's phone: the driver goes on duty and
/// the page shares the car's location; the rider calls from the taxi sector with their own location, the driver accepts
/// the offer, arrives, picks up (only then the destination shows) and ends the trip with the fare; the rider gets the
/// receipt and rates the trip. In Korean and English, axe on every page of both.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class TaxiJourneyTests(BrowserFixture f)
{
    public static TheoryData<string, double, double> Runs => new()
    {
        { "ko-KR", 37.5663, 126.9779 }, // Seoul City Hall
        { "en-US", 37.4979, 127.0276 }, // Gangnam station, far enough that the other run's car is never offered this call
    };

    [Theory, MemberData(nameof(Runs))]
    public async Task A_rider_and_a_driver_go_from_call_to_receipt(string locale, double lat, double lon)
    {
        // The driver's phone: their own account, registered by their company (written here as the fleet page would),
        // on duty, sharing its location 300 m north of the rider.
        var driver = await f.NewPageAsync(locale, width: 400, height: 860, location: new Geolocation { Latitude = (float)(lat + 0.0027), Longitude = (float)lon });
        var driverEmail = await Journeys.SignUpAsync(f, driver, $"taxi-driver-{Guid.NewGuid():N}@example.org");
        var driverId = await f.App.WithDbAsync(async db =>
        {
            var company = new TaxiCompany { NameKo = "서울택시", RegistrationNumber = $"{Random.Shared.Next(100, 999)}-{Random.Shared.Next(10, 99)}-{Random.Shared.Next(10000, 99999)}", Phone = "02-120-0000" };
            db.Add(company);
            await db.SaveChangesAsync();
            var record = new TaxiDriver
            {
                CompanyId = company.Id, UserId = await db.Users.Where(u => u.Email == driverEmail).Select(u => u.Id).SingleAsync(), Name = "이기사",
                LicenceNumber = $"11-{Random.Shared.Next(10, 99)}-{Random.Shared.Next(100000, 999999)}-{Random.Shared.Next(10, 99)}", Phone = "010-0000-0000",
                Plate = $"서울3{Random.Shared.Next(0, 9)}아{Random.Shared.Next(1000, 9999)}", CarModel = "K5", Features = CarFeatures.NonSmokingDriver, Languages = "en", RegisteredBy = "browser-test",
            };
            db.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        await driver.GotoAsync("/taxi/drive");
        await Axe.AssertNoViolationsAsync(driver);
        await driver.ClickAsync("form[data-on-duty] button");
        await driver.WaitForSelectorAsync("[data-position-sharing]");
        await Axe.AssertNoViolationsAsync(driver);
        // The phone is told of offers over the hub (the page's own timer only backs it up).
        await driver.Locator("html[data-live-pushed='true']").WaitForAsync();
        var map = f.App.Services.GetRequiredService<DriverMap>();
        for (var i = 0; i < 100 && map.Find(driverId) is not { HasPosition: true }; i++) await Task.Delay(100);
        Assert.True(map.Find(driverId) is { HasPosition: true }, "the driver's page did not share the car's location");

        // The rider: from the taxi sector to the call form, with their location; the estimate, then the call.
        var rider = await f.NewPageAsync(locale, width: 400, height: 860, location: new Geolocation { Latitude = (float)lat, Longitude = (float)lon });
        await Journeys.SignUpAsync(f, rider, $"taxi-{Guid.NewGuid():N}@example.org");
        await rider.GotoAsync("/sectors/taxi");
        await Axe.AssertNoViolationsAsync(rider);
        await rider.ClickAsync("[data-services] a[href='/taxi']");
        await rider.WaitForURLAsync("**/taxi");
        await rider.Locator("[data-map-picker] .leaflet-container").WaitForAsync(); // the pickup may also be tapped on the map
        await Axe.AssertNoViolationsAsync(rider);
        await rider.ClickAsync("[data-use-location]");
        await Assertions.Expect(rider.Locator("[data-latitude]")).Not.ToHaveValueAsync("");
        await rider.FillAsync("#Input_PickupAddress", locale == "ko-KR" ? "정문 앞" : "By the main gate");
        await rider.FillAsync("#Input_DestinationAddress", "");
        await rider.ClickAsync("form[data-call-form] .ch-actions button[type=submit]:not([formaction])");
        await rider.WaitForSelectorAsync("[data-estimate-minutes]");
        await Axe.AssertNoViolationsAsync(rider);
        await rider.ClickAsync("[data-confirm-call]");
        await rider.WaitForURLAsync("**/taxi/calls/*");
        var callId = long.Parse(rider.Url.Split('/')[^1]);
        await Assertions.Expect(rider.Locator("[data-call-state]")).ToHaveAttributeAsync("data-call-state", "Waiting");
        await rider.Locator("html[data-live-pushed='true']").WaitForAsync();
        await Axe.AssertNoViolationsAsync(rider);

        // The offer reaches the driver's page: the pickup and the seconds left, counting down; accept.
        await driver.Locator("[data-offer]").WaitForAsync();
        var secondsLeft = await driver.Locator("[data-offer-seconds]").TextContentAsync();
        await Assertions.Expect(driver.Locator("[data-offer-seconds]")).Not.ToHaveTextAsync(secondsLeft!, new() { Timeout = 5_000 });
        await Axe.AssertNoViolationsAsync(driver);
        await driver.ClickAsync("form[data-accept] button");
        await driver.Locator($"[data-trip='{callId}']").WaitForAsync();
        await Axe.AssertNoViolationsAsync(driver);

        // The rider's page (told by the hub) shows the car coming.
        await rider.Locator("[data-assigned-car]").WaitForAsync();
        await rider.Locator("[data-trip-map] .leaflet-container").WaitForAsync(); // and the map of it, drawn once a car is assigned
        await Axe.AssertNoViolationsAsync(rider);

        // The city's taxi operators see the car on a trip on their live map and in its figures.
        var operatorPage = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, operatorPage, CityHall.Web.Platform.Identity.Roles.Official, department: "transport");
        await operatorPage.GotoAsync("/admin/taxi/map");
        await operatorPage.Locator("[data-taxi-map] .leaflet-container").WaitForAsync();
        Assert.NotEqual("0", await operatorPage.Locator("[data-kind='OnTrip']").GetAttributeAsync("data-count"));
        await Axe.AssertNoViolationsAsync(operatorPage);
        await operatorPage.GotoAsync("/admin/taxi/call-centre"); // the transport department's call-back queue
        await operatorPage.Locator("[data-queue]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Axe.AssertNoViolationsAsync(operatorPage);
        await operatorPage.Context.CloseAsync();

        // Arrived, on board (the page stops refreshing while the fare is typed), ended with the fare.
        await driver.ClickAsync("form[data-arrived] button");
        await Assertions.Expect(driver.Locator("[data-trip-state]")).ToHaveAttributeAsync("data-trip-state", "Arrived");
        await driver.ClickAsync("form[data-on-board] button");
        await driver.Locator("form[data-end-trip]").WaitForAsync();
        await Axe.AssertNoViolationsAsync(driver);
        await driver.FillAsync("#fare", "12,300");
        await driver.ClickAsync("form[data-end-trip] button");
        try { await Assertions.Expect(driver.Locator($"[data-trip='{callId}']")).ToHaveCountAsync(0, new() { Timeout = 30_000 }); }
        catch (PlaywrightException)
        {
            throw new Xunit.Sdk.XunitException($"the trip did not end; the driver's page at {driver.Url}: {await driver.Locator("main").InnerTextAsync()}");
        }
        Assert.Equal(12_300, await f.App.WithDbAsync(db => db.Set<TaxiCall>().Where(c => c.Id == callId).Select(c => c.Fare).SingleAsync()));
        await Axe.AssertNoViolationsAsync(driver);

        // The receipt, and a rating.
        await rider.ReloadAsync();
        await rider.Locator("[data-receipt]").WaitForAsync();
        Assert.Contains("12,300", await rider.Locator("[data-fare]").TextContentAsync());
        await Axe.AssertNoViolationsAsync(rider);
        await rider.ClickAsync("label[for='rating-5']");
        await rider.ClickAsync("form[data-rate] button[type=submit]");
        await rider.Locator("[data-rated='5']").WaitForAsync();
        await Axe.AssertNoViolationsAsync(rider);

        // Off duty, so the other run's call never meets this car.
        await driver.ClickAsync("form[data-off-duty] button");
        await driver.Locator("form[data-on-duty]").WaitForAsync();
        await driver.Context.CloseAsync();
        await rider.Context.CloseAsync();
    }
}
