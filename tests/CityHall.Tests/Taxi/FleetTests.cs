using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Modules.Taxi.Fleet;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Taxi;

/// <summary>
/// The fleet registry: the city's operators register companies and name their staff; a company's staff register its
/// drivers and cars; nobody sees another company's fleet; bad numbers, plates and photos are refused with nothing saved.
/// </summary>
public sealed class FleetTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public void Registry_numbers_are_read_as_written_and_private_cars_plates_are_not_taxis()
    {
        Assert.Equal("123-45-67890", FleetRules.RegistrationNumber(" 1234567890 "));
        Assert.Equal("123-45-67890", FleetRules.RegistrationNumber("123-45-67890"));
        Assert.Null(FleetRules.RegistrationNumber("123-45-6789"));
        Assert.Equal("11-23-456789-01", FleetRules.LicenceNumber("112345678901"));
        Assert.Null(FleetRules.LicenceNumber("11-23-456789-0"));
        Assert.Equal("서울32바1234", FleetRules.TaxiPlate("서울 32바 1234"));
        Assert.Equal("123사4567", FleetRules.TaxiPlate("123사4567"));
        Assert.Null(FleetRules.TaxiPlate("12가3456")); // a private car
        Assert.Null(FleetRules.TaxiPlate("서울32바123"));
        Assert.Null(FleetRules.TaxiPlate(null));
        Assert.Equal("02-120-1234", FleetRules.Phone(" 02-120-1234 "));
        Assert.Equal("+82 10 1234 5678", FleetRules.Phone("+82 10 1234 5678"));
        Assert.Null(FleetRules.Phone("120"));
        Assert.Null(FleetRules.Phone("12-3456-7890")); // no leading zero
        Assert.True(FleetRules.TryRecordId("new", out var none) && none is null);
        Assert.True(FleetRules.TryRecordId("42", out var id) && id == 42);
        Assert.False(FleetRules.TryRecordId("-1", out _));
        Assert.False(FleetRules.TryRecordId("x", out _));
    }

    [Fact]
    public async Task Operators_register_companies_staff_register_drivers_and_no_one_sees_another_companys_fleet()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var operatorClient = await app.SignedInStaffAsync(Roles.Official, $"taxi-operator-{suffix}@seoul.go.kr");
        var registration = $"{Random.Shared.Next(100, 999)}-{Random.Shared.Next(10, 99)}-{Random.Shared.Next(10000, 99999)}";

        // Bad numbers: refused, nothing saved.
        var form = await operatorClient.GetPageAsync("/admin/taxi/companies/new");
        var refused = await Html.ParseAsync(await operatorClient.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.NameKo"] = "", ["Input.RegistrationNumber"] = "12345", ["Input.Phone"] = "call us", ["Input.Active"] = "true",
        }, "form[data-company-form]"));
        Assert.Equal(3, refused.ErrorSummary().Length);
        Assert.False(await app.WithDbAsync(db => db.Set<TaxiCompany>().AnyAsync(c => c.NameKo == "" || c.RegistrationNumber == "12345")));

        var created = await operatorClient.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.NameKo"] = $"한빛택시 {suffix}", ["Input.NameEn"] = "Hanbit Taxi", ["Input.RegistrationNumber"] = registration.Replace("-", ""),
            ["Input.Phone"] = "02-1234-5678", ["Input.Active"] = "true",
        }, "form[data-company-form]");
        var companyPath = Html.RedirectedTo(created);
        var company = await app.WithDbAsync(db => db.Set<TaxiCompany>().SingleAsync(c => c.RegistrationNumber == registration));
        Assert.Equal($"/admin/taxi/companies/{company.Id}", companyPath);
        Assert.Equal(("02-1234-5678", true), (company.Phone, company.Active));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "taxi.company.create" && a.TargetId == company.Id.ToString())));

        // The same registration number again is refused.
        var again = await Html.ParseAsync(await operatorClient.SubmitAsync(await operatorClient.GetPageAsync("/admin/taxi/companies/new"), new Dictionary<string, string>
        {
            ["Input.NameKo"] = "다른 택시", ["Input.RegistrationNumber"] = registration, ["Input.Phone"] = "02-1234-0000", ["Input.Active"] = "true",
        }, "form[data-company-form]"));
        Assert.Single(again.ErrorSummary());

        // Staff: an unknown e-mail is refused; a signed-up person is added.
        var staffEmail = $"fleet-{suffix}@hanbit.example";
        var staffClient = await app.SignedUpCitizenAsync(staffEmail, "김담당");
        var page = await operatorClient.GetPageAsync(companyPath);
        var unknown = await Html.ParseAsync(await operatorClient.SubmitAsync(page, new Dictionary<string, string> { ["StaffEmail"] = "nobody@nowhere.example" }, "form[data-add-staff]"));
        Assert.Single(unknown.ErrorSummary());
        Html.RedirectedTo(await operatorClient.SubmitAsync(page, new Dictionary<string, string> { ["StaffEmail"] = staffEmail }, "form[data-add-staff]"));
        page = await operatorClient.GetPageAsync(companyPath);
        Assert.NotNull(page.QuerySelector($"[data-staff-member='{staffEmail}']"));

        // The staff member lands on their company's fleet and registers a driver with a photo.
        var fleet = await staffClient.GetAsync("/taxi/fleet");
        Assert.Equal($"/taxi/fleet/{company.Id}", Html.RedirectedTo(fleet));
        var driverEmail = $"driver-{suffix}@example.org";
        await app.SignedUpCitizenAsync(driverEmail, "박기사");
        var plate = $"서울3{Random.Shared.Next(0, 9)}바{Random.Shared.Next(1000, 9999)}";
        var licence = $"{Random.Shared.Next(10, 99)}{Random.Shared.Next(10, 99)}{Random.Shared.Next(100000, 999999)}{Random.Shared.Next(10, 99)}";
        var driverForm = await staffClient.GetPageAsync($"/taxi/fleet/{company.Id}/drivers/new");
        List<KeyValuePair<string, string>> Driver(string email, string licenceNumber, string plateNumber) =>
        [
            new("Input.AccountEmail", email), new("Input.Name", "박기사"), new("Input.LicenceNumber", licenceNumber), new("Input.Phone", "010-1234-5678"),
            new("Input.Plate", plateNumber), new("Input.CarModel", "쏘나타 하이브리드"), new("Input.Features", "WheelchairAccessible"),
            new("Input.Features", "NonSmokingDriver"), new("Input.Languages", "en"), new("Input.Languages", "ja"), new("Input.Active", "true"),
        ];
        var bad = await Html.ParseAsync(await staffClient.SubmitMultipartAsync(driverForm, Driver("nobody@nowhere.example", "1234", "12가3456"),
            [("Photo", "face.jpg", "not a picture"u8.ToArray(), "image/jpeg")], "form[data-driver-form]"));
        Assert.Equal(4, bad.ErrorSummary().Length); // account, licence, plate, photo
        var wrongOption = await Html.ParseAsync(await staffClient.SubmitAsync(driverForm,
            [.. Driver(driverEmail, licence, plate), new("Input.Features", "Helicopter"), new("Input.Languages", "tlh")], "form[data-driver-form]"));
        Assert.Equal(2, wrongOption.ErrorSummary().Length);
        Assert.False(await app.WithDbAsync(db => db.Set<TaxiDriver>().AnyAsync(d => d.CompanyId == company.Id)));

        var registered = await staffClient.SubmitMultipartAsync(driverForm, Driver(driverEmail, licence, plate),
            [("Photo", "face.png", TestImages.RedLeftBlueRight(600, 800, SkiaSharp.SKEncodedImageFormat.Png), "image/png")], "form[data-driver-form]");
        Assert.Equal($"/taxi/fleet/{company.Id}", Html.RedirectedTo(registered));
        var driver = await app.WithDbAsync(db => db.Set<TaxiDriver>().SingleAsync(d => d.CompanyId == company.Id));
        Assert.Equal((plate, $"{licence[..2]}-{licence[2..4]}-{licence[4..10]}-{licence[10..]}", "en ja"), (driver.Plate, driver.LicenceNumber, driver.Languages));
        Assert.Equal(CarFeatures.WheelchairAccessible | CarFeatures.NonSmokingDriver, driver.Features);
        Assert.True(driver.Traits.Languages.SetEquals(["en", "ja"]));
        Assert.Equal("image/jpeg", driver.PhotoType);
        var list = await staffClient.GetPageAsync($"/taxi/fleet/{company.Id}");
        Assert.NotNull(list.QuerySelector($"[data-driver='{plate}']"));
        var photo = await staffClient.GetAsync($"/taxi/fleet/{company.Id}/drivers/{driver.Id}?handler=photo");
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);

        // The account, the licence and the plate are each one driver's.
        var twice = await Html.ParseAsync(await staffClient.SubmitAsync(await staffClient.GetPageAsync($"/taxi/fleet/{company.Id}/drivers/new"),
            Driver(driverEmail, licence, plate), "form[data-driver-form]"));
        Assert.Equal(3, twice.ErrorSummary().Length);

        // Another company's staff, a citizen and an anonymous visitor see nothing of this fleet.
        var otherStaff = await app.SignedUpCitizenAsync($"other-fleet-{suffix}@example.org");
        await app.WithDbAsync(async db =>
        {
            var other = new TaxiCompany { NameKo = $"다른택시 {suffix}", RegistrationNumber = $"999-{Random.Shared.Next(10, 99)}-{Random.Shared.Next(10000, 99999)}", Phone = "02-000-0000" };
            db.Add(other);
            await db.SaveChangesAsync();
            var userId = await db.Users.Where(u => u.Email == $"other-fleet-{suffix}@example.org").Select(u => u.Id).SingleAsync();
            db.Add(new TaxiCompanyStaff { CompanyId = other.Id, UserId = userId, AddedBy = "test" });
            await db.SaveChangesAsync();
        });
        foreach (var path in new[] { $"/taxi/fleet/{company.Id}", $"/taxi/fleet/{company.Id}/drivers/{driver.Id}", $"/taxi/fleet/{company.Id}/drivers/new",
                     $"/taxi/fleet/{company.Id}/drivers/{driver.Id}?handler=photo" })
            Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.GetAsync(path)).StatusCode);
        var citizen = await app.SignedUpCitizenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/taxi/fleet/{company.Id}")).StatusCode);
        Assert.NotNull((await citizen.GetPageAsync("/taxi/fleet")).QuerySelector("main p"));
        Assert.Contains("/account/sign-in", Html.RedirectedTo(await app.CreateBrowserLikeClient().GetAsync($"/taxi/fleet/{company.Id}")));
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync("/admin/taxi/companies/nope")).StatusCode);

        // The operator's registry counts the company's drivers.
        var registry = await operatorClient.GetPageAsync("/admin/taxi");
        Assert.Equal("1", registry.QuerySelector($"[data-company='{company.Id}'] td:nth-child(4)")!.TextContent.Trim());
    }
}
