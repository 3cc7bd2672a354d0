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
        var email = $"drive-{Guid.NewGuid():N}@example.org";
        var client = await app.SignedUpCitizenAsync(email, "이기사");
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
        return (client, ids.Item1, ids.Item2);
    }
}
