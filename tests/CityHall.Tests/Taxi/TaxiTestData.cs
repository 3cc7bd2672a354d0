using System.Globalization;
using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Taxi;

/// <summary>A company and a driver with their own signed-in account, written straight to the database.</summary>
public static class TaxiTestData
{
    public static async Task<(HttpClient Driver, long DriverId, long CompanyId)> DriverAsync(CityHallApp app, bool companyActive = true,
        CarFeatures features = CarFeatures.NonSmokingDriver, string languages = "en")
    {
        var (client, _, driverId, companyId) = await DriverAccountAsync(app, companyActive, features, languages);
        return (client, driverId, companyId);
    }

    /// <summary>As <see cref="DriverAsync"/>, with the driver's sign-in cookie (for hub connections).</summary>
    public static async Task<(HttpClient Driver, string Cookie, long DriverId, long CompanyId)> DriverAccountAsync(CityHallApp app, bool companyActive = true,
        CarFeatures features = CarFeatures.NonSmokingDriver, string languages = "en")
    {
        var email = $"drive-{Guid.NewGuid():N}@example.org";
        var (client, cookie) = await app.SignUpCitizenAsync(email, "이기사");
        var ids = await app.WithDbAsync(async db =>
        {
            var company = new TaxiCompany
            {
                NameKo = "서울택시", RegistrationNumber = $"{Random.Shared.Next(100, 999)}-{Random.Shared.Next(10, 99)}-{Random.Shared.Next(10000, 99999)}",
                Phone = "02-120-0000", Active = companyActive,
            };
            db.Add(company);
            await db.SaveChangesAsync();
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var driver = new TaxiDriver
            {
                CompanyId = company.Id, UserId = userId, Name = "이기사",
                LicenceNumber = $"11-{Random.Shared.Next(10, 99)}-{Random.Shared.Next(100000, 999999)}-{Random.Shared.Next(10, 99)}",
                Phone = "010-0000-0000", Plate = $"서울3{Random.Shared.Next(0, 9)}아{Random.Shared.Next(1000, 9999)}", CarModel = "K5", Features = features,
                Languages = languages, RegisteredBy = "test",
            };
            db.Add(driver);
            await db.SaveChangesAsync();
            return (driver.Id, company.Id);
        });
        return (client, cookie, ids.Item1, ids.Item2);
    }

    /// <summary>A new driver on duty, their car reported 450 m north of the point; their client, id and plate.</summary>
    public static async Task<(HttpClient Driver, long DriverId, string Plate)> OnDutyNearAsync(CityHallApp app, double latitude, double longitude,
        CarFeatures features = CarFeatures.NonSmokingDriver, string languages = "en")
    {
        var (driver, driverId, _) = await DriverAsync(app, features: features, languages: languages);
        Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], "form[data-on-duty]"));
        var token = (await driver.GetPageAsync("/taxi/drive")).QuerySelector("[data-position-sharing]")!.GetAttribute("data-token");
        Assert.Equal(HttpStatusCode.NoContent, (await DrivingTests.ReportAsync(app.CreateClient(), token, new { latitude = latitude + 0.004, longitude })).StatusCode);
        var plate = await app.WithDbAsync(db => db.Set<TaxiDriver>().Where(d => d.Id == driverId).Select(d => d.Plate).SingleAsync());
        return (driver, driverId, plate);
    }

    /// <summary>The call form's fields for a pickup at the point (as the page's location button fills them) and a destination at Seoul Station.</summary>
    public static Dictionary<string, string> Pickup(double latitude, double longitude, string address = "세종대로 110 시청 정문") => new()
    {
        ["Input.PickupAddress"] = address, ["Input.Latitude"] = latitude.ToString(CultureInfo.InvariantCulture),
        ["Input.Longitude"] = longitude.ToString(CultureInfo.InvariantCulture), ["Input.DestinationAddress"] = "서울역 2번 출구",
        ["Input.DestinationLatitude"] = "37.5547", ["Input.DestinationLongitude"] = "126.9707", // as the page's map sets them
        ["Input.Features"] = "WheelchairAccessible",
    };

    /// <summary>The open offer of the call to the driver, once the dispatch loop has made it (5 s at most).</summary>
    public static async Task<TaxiOffer> OfferForAsync(CityHallApp app, long driverId, long callId)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await app.WithDbAsync(db => db.Set<TaxiOffer>().AsNoTracking().FirstOrDefaultAsync(o => o.DriverId == driverId && o.CallId == callId && o.Outcome == null)) is { } offer)
                return offer;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"no offer to driver {driverId} for call {callId}");
    }
}
