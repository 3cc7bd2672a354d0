using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Dispatch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Taxi;

/// <summary>Drivers go on and off duty from their page; the car's phone reports positions with the shift's token; bad reports change nothing.</summary>
public sealed class DrivingTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private const double Lat = 37.5663, Lon = 126.9779;

    private Task<(HttpClient Driver, long DriverId, long CompanyId)> DriverAsync(bool companyActive = true) => TaxiTestData.DriverAsync(app, companyActive);

    internal static async Task<HttpResponseMessage> ReportAsync(HttpClient client, string? token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/taxi/positions") { Content = JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_driver_goes_on_duty_reports_positions_with_the_shifts_token_and_goes_off_duty()
    {
        var (driver, driverId, _) = await DriverAsync();
        var map = app.Services.GetRequiredService<DriverMap>();
        var page = await driver.GetPageAsync("/taxi/drive");
        Assert.NotNull(page.QuerySelector("[data-duty=off]"));
        Assert.Null(page.QuerySelector("[data-position-sharing]"));
        Assert.Equal("/taxi/drive", Html.RedirectedTo(await driver.SubmitAsync(page, [], "form[data-on-duty]")));
        page = await driver.GetPageAsync("/taxi/drive");
        Assert.NotNull(page.QuerySelector("[data-duty=on]"));
        var token = page.QuerySelector("[data-position-sharing]")!.GetAttribute("data-token")!;
        Assert.NotNull(await app.WithDbAsync(db => db.Set<TaxiDriver>().Where(d => d.Id == driverId).Select(d => d.OnDutySince).SingleAsync()));

        var api = app.CreateClient();
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.NoContent, (await ReportAsync(api, token, new { latitude = Lat, longitude = Lon, at = now.AddSeconds(-5) })).StatusCode);
        var spot = map.Find(driverId)!.Value;
        Assert.Equal((Lat, Lon, DriverState.Free), (spot.Latitude, spot.Longitude, spot.State));
        Assert.Single(map.Candidates(Lat, Lon, 500, 5, new CallNeeds(CarFeatures.NonSmokingDriver, "en")), c => c.DriverId == driverId);

        // Bad reports: problem+json, and the position held does not move.
        async Task Refused(HttpStatusCode status, string? withToken, object body, string? reason = null)
        {
            var response = await ReportAsync(api, withToken, body);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(Lat, map.Find(driverId)?.Latitude ?? Lat);
            // The driver's page reloads only when the shift is over, not when a newer position is held.
            if (reason is not null)
                Assert.Equal(reason, System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("reason").GetString());
        }
        // The same fix again (a reloaded page sending the phone's cached fix): accepted, nothing changes.
        Assert.Equal(HttpStatusCode.NoContent, (await ReportAsync(api, token, new { latitude = Lat, longitude = Lon, at = now.AddSeconds(-5) })).StatusCode);
        await Refused(HttpStatusCode.Unauthorized, null, new { latitude = Lat + 0.001, longitude = Lon });
        await Refused(HttpStatusCode.Unauthorized, token[..^4] + "AAAA", new { latitude = Lat + 0.001, longitude = Lon });
        await Refused(HttpStatusCode.BadRequest, token, new { longitude = Lon });
        await Refused(HttpStatusCode.UnprocessableEntity, token, new { latitude = 35.1796, longitude = 129.0756 }); // Busan
        await Refused(HttpStatusCode.UnprocessableEntity, token, new { latitude = Lat + 0.05, longitude = Lon, at = now }); // 5.5 km in 5 s
        await Refused(HttpStatusCode.UnprocessableEntity, token, new { latitude = Lat + 0.001, longitude = Lon, at = now.AddMinutes(5) });
        await Refused(HttpStatusCode.Conflict, token, new { latitude = Lat + 0.001, longitude = Lon, at = now.AddSeconds(-30) }, "outdated");
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("/api/v1/taxi/positions", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"))).StatusCode);

        // A node that has not seen this driver (another node put them on duty) reads them once and takes the report.
        map.OffDuty(driverId);
        Assert.Equal(HttpStatusCode.NoContent, (await ReportAsync(api, token, new { latitude = Lat + 0.0005, longitude = Lon })).StatusCode);
        Assert.Equal(Lat + 0.0005, map.Find(driverId)!.Value.Latitude);

        // Off duty: off the map, and the shift's token no longer places the car.
        Assert.Equal("/taxi/drive", Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], "form[data-off-duty]")));
        Assert.Null(map.Find(driverId));
        await Refused(HttpStatusCode.Conflict, token, new { latitude = Lat + 0.001, longitude = Lon }, "not-on-duty");
        Assert.Null(map.Find(driverId));
    }

    [Fact]
    public async Task A_suspended_company_or_an_inactive_driver_cannot_go_on_duty_and_a_citizen_has_no_driving_page()
    {
        var (driver, driverId, _) = await DriverAsync(companyActive: false);
        var page = await driver.GetPageAsync("/taxi/drive");
        page = await Html.ParseAsync(await driver.GetAsync(Html.RedirectedTo(await driver.SubmitAsync(page, [], "form[data-on-duty]"))));
        Assert.NotNull(page.QuerySelector("[role=alert]"));
        Assert.NotNull(page.QuerySelector("[data-duty=off]"));
        Assert.Null(await app.WithDbAsync(db => db.Set<TaxiDriver>().Where(d => d.Id == driverId).Select(d => d.OnDutySince).SingleAsync()));

        var (inactive, inactiveId, _) = await DriverAsync();
        await app.WithDbAsync(db => db.Set<TaxiDriver>().Where(d => d.Id == inactiveId).ExecuteUpdateAsync(u => u.SetProperty(d => d.Active, false)));
        Html.RedirectedTo(await inactive.SubmitAsync(await inactive.GetPageAsync("/taxi/drive"), [], "form[data-on-duty]"));
        Assert.Null(app.Services.GetRequiredService<DriverMap>().Find(inactiveId));

        var citizen = await app.SignedUpCitizenAsync();
        var none = await citizen.GetPageAsync("/taxi/drive");
        Assert.Null(none.QuerySelector("form[data-on-duty]"));
        // Posting "go on duty" anyway (with the citizen's own antiforgery token, from the sign-out form) finds no driver.
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.SubmitAsync(none, [], "form[action='/account/sign-out']", "/taxi/drive?handler=onDuty")).StatusCode);
    }
}
