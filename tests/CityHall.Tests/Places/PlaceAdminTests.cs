using System.Net;
using System.Text;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Places;
using CityHall.Web.Modules.Places.Import;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Places;

/// <summary>Staff import a file in admin (progress, then the summary; a refused file writes nothing) and add, correct and remove places, each audited.</summary>
public sealed class PlaceAdminTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private async Task<(HttpResponseMessage Response, Guid? Run)> UploadAsync(HttpClient staff, byte[] file, string fileName, string kind = "public-toilet")
    {
        var form = await staff.GetPageAsync("/admin/places/import");
        var response = await staff.SubmitMultipartAsync(form, new Dictionary<string, string> { ["Input.Kind"] = kind, ["Input.Mapping"] = "seoul-smart-map-toilets", ["Input.Encoding"] = "auto" },
            [("Input.File", fileName, file, "text/csv")]);
        if (response.StatusCode != HttpStatusCode.Redirect) return (response, null);
        var id = Guid.Parse(response.Headers.Location!.OriginalString["/admin/places/imports/".Length..]);
        await app.Services.GetRequiredService<PlaceImportJobs>().WhenDoneAsync(id);
        return (response, id);
    }

    [Fact]
    public async Task An_uploaded_file_imports_in_the_background_and_its_page_shows_the_summary_or_why_nothing_was_written()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official, "places-official@seoul.go.kr");
        var (_, run) = await UploadAsync(staff, await File.ReadAllBytesAsync(ImportTests.SeoulToilets), "seoul-public-toilets.csv");
        var summary = await staff.GetPageAsync($"/admin/places/imports/{run}");
        Assert.Equal(("4,586", "4,586", "0", "0"), (summary.QuerySelector("[data-read]")!.TextContent, summary.QuerySelector("[data-created]")!.TextContent,
            summary.QuerySelector("[data-updated]")!.TextContent, summary.QuerySelector("[data-skipped]")!.TextContent));
        Assert.Null(summary.QuerySelector("progress")); // done: no progress bar
        var status = JsonDocument.Parse(await staff.GetStringAsync($"/admin/places/imports/{run}?handler=status")).RootElement;
        Assert.Equal(("succeeded", 4586), (status.GetProperty("status").GetString(), status.GetProperty("read").GetInt32()));
        Assert.Equal(4586, await app.WithDbAsync(db => db.Set<Place>().CountAsync(p => p.Source == "seoul-smart-map")));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == "places.import" && a.TargetId == run.ToString())));

        // Rows the importer cannot use are listed by line; an unusable file is refused whole.
        var broken = Encoding.UTF8.GetBytes(string.Join('\n', File.ReadLines(ImportTests.SeoulToilets, Encoding.GetEncoding(949)).Take(1))
            + "\nbroken-admin-1,테스트,,,,,,,,,,,,,,,,,,,,,,,,,\n");
        var (_, brokenRun) = await UploadAsync(staff, broken, "broken.csv");
        var brokenPage = await staff.GetPageAsync($"/admin/places/imports/{brokenRun}");
        Assert.Single(brokenPage.QuerySelectorAll("[data-skips] tbody tr"));
        var (_, refusedRun) = await UploadAsync(staff, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], "places.xlsx");
        var refused = await staff.GetPageAsync($"/admin/places/imports/{refusedRun}");
        Assert.Contains("CSV", refused.QuerySelector("[data-import-refused]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4586, await app.WithDbAsync(db => db.Set<Place>().CountAsync(p => p.Source == "seoul-smart-map")));

        // No file, no kind: the form says so and nothing starts.
        var form = await staff.GetPageAsync("/admin/places/import");
        var missing = await staff.SubmitMultipartAsync(form, new Dictionary<string, string> { ["Input.Kind"] = "castle", ["Input.Mapping"] = "seoul-smart-map-toilets", ["Input.Encoding"] = "auto" }, []);
        Assert.Equal(2, (await Html.ParseAsync(missing)).ErrorSummary().Length);

        var list = await staff.GetPageAsync("/admin/places");
        Assert.Equal(3, list.QuerySelectorAll("[data-imports] li").Length);
        var citizen = await app.SignedUpCitizenAsync("places-citizen@example.org");
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync("/admin/places/import")).StatusCode);
    }

    [Fact]
    public async Task Staff_add_correct_and_remove_a_place_and_near_me_follows_at_once()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official, "places-editor@seoul.go.kr");
        var client = app.CreateClient();
        var form = await staff.GetPageAsync("/admin/places/new");
        var values = new Dictionary<string, string>
        {
            ["Input.Kind"] = "shelter", ["Input.NameKo"] = "시청 무더위 쉼터", ["Input.NameEn"] = "City Hall cooling shelter", ["Input.RoadAddress"] = "세종대로 110",
            ["Input.District"] = "11140", ["Input.Latitude"] = "37.5663", ["Input.Longitude"] = "126.9779", ["Input.Website"] = "https://www.seoul.go.kr",
            ["Input.OpeningHours"] = "매일 09:00~18:00", ["Input.AlwaysOpen"] = "false", ["Input.OpensAt"] = "09:00", ["Input.ClosesAt"] = "18:00",
            ["Input.WheelchairAccess"] = "true", ["Input.AccessibleToilet"] = "", ["Input.BabyChanging"] = "false", ["Input.EmergencyBell"] = "", ["Input.Cctv"] = "",
        };
        var created = await staff.SubmitAsync(form, values);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(created.Headers.Location!.OriginalString["/admin/places/".Length..].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
        var place = await app.WithDbAsync(db => db.Set<Place>().AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(18, 0), true, false, (string?)null), (place.OpensAt!.Value, place.ClosesAt!.Value,
            place.Accessibility.WheelchairAccess!.Value, place.Accessibility.BabyChanging!.Value, place.Source));
        var near = await client.GetPageAsync("/places/near?kind=shelter&lat=37.5663&lon=126.9779");
        Assert.Equal("시청 무더위 쉼터", near.QuerySelector("[data-places] li a")!.TextContent);

        var edit = await staff.GetPageAsync($"/admin/places/{id}");
        Assert.Equal("시청 무더위 쉼터", edit.QuerySelector("#Input_NameKo")!.GetAttribute("value"));
        values["Input.NameKo"] = "시청 무더위 쉼터 (본관)";
        values["Input.AlwaysOpen"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(edit, values)).StatusCode);
        place = await app.WithDbAsync(db => db.Set<Place>().AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(("시청 무더위 쉼터 (본관)", true, (TimeOnly?)null), (place.NameKo, place.AlwaysOpen, place.OpensAt));
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.TargetType == "place" && a.TargetId == id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal(["places.create", "places.edit"], audit);

        // Bad values are explained and nothing changes.
        var bad = new Dictionary<string, string>(values) { ["Input.Latitude"] = "35.1", ["Input.OpensAt"] = "9시", ["Input.AlwaysOpen"] = "false", ["Input.Website"] = "javascript:alert(1)", ["Input.NameKo"] = "" };
        var refused = await Html.ParseAsync(await staff.SubmitAsync(await staff.GetPageAsync($"/admin/places/{id}"), bad));
        Assert.Equal(5, refused.ErrorSummary().Length); // name, outside the city, website, time, both times
        Assert.Equal("시청 무더위 쉼터 (본관)", await app.WithDbAsync(db => db.Set<Place>().Where(p => p.Id == id).Select(p => p.NameKo).SingleAsync()));

        var delete = await staff.SubmitAsync(await staff.GetPageAsync($"/admin/places/{id}"), [], "form[action$='handler=delete']");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/places/{id}")).StatusCode);
        Assert.Empty((await client.GetPageAsync("/places/near?kind=shelter&lat=37.5663&lon=126.9779")).QuerySelectorAll("[data-places] li"));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/admin/places/987654321")).StatusCode);
    }

    [Fact]
    public async Task A_citizen_reports_a_wrong_entry_and_it_arrives_as_a_case_linked_to_the_place()
    {
        var place = new Place { KindCode = "public-toilet", NameKo = "을지로입구역 화장실", RoadAddress = "을지로 42", DistrictCode = "11140", Latitude = 37.5660, Longitude = 126.9826,
            Source = "report-test", SourceId = "1", UpdatedAt = DateTime.UtcNow };
        await app.WithDbAsync(async db => { db.Add(place); await db.SaveChangesAsync(); });
        var anonymous = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/places/{place.Id}/report")).StatusCode); // to sign in first

        var citizen = await app.SignedUpCitizenAsync("wrong-entry@example.org");
        var page = await citizen.GetPageAsync($"/places/{place.Id}");
        Assert.NotNull(page.QuerySelector($"a[href='/places/{place.Id}/report']"));
        var form = await citizen.GetPageAsync($"/places/{place.Id}/report");
        var refused = await Html.ParseAsync(await citizen.SubmitAsync(form, new Dictionary<string, string> { ["Input.Problem"] = "other", ["Input.Details"] = "" }));
        Assert.Single(refused.ErrorSummary()); // "something else" needs the details
        var sent = await citizen.SubmitAsync(form, new Dictionary<string, string> { ["Input.Problem"] = "hours", ["Input.Details"] = "주말에는 문을 닫습니다." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var reference = sent.Headers.Location!.OriginalString["/reports/".Length..];

        var filed = await app.WithDbAsync(db => db.Set<CityHall.Web.Modules.ServiceRequests.ServiceRequest>().AsNoTracking().SingleAsync(r => r.Reference == reference));
        Assert.Equal(("place-correction", $"/places/{place.Id}", "을지로입구역 화장실", "11140", false), (filed.ServiceCode, filed.SubjectPath, filed.SubjectTitle, filed.DistrictCode, filed.IsPublic));
        Assert.Equal((place.Latitude, place.Longitude), (filed.Latitude!.Value, filed.Longitude!.Value));
        Assert.Contains("주말에는 문을 닫습니다.", filed.Description, StringComparison.Ordinal);
        var tracking = await citizen.GetPageAsync($"/reports/{reference}");
        Assert.Equal($"/places/{place.Id}", tracking.QuerySelector("[data-subject] a")!.GetAttribute("href"));

        var official = await app.SignedInStaffAsync(Roles.Administrator, "places-cases@seoul.go.kr");
        var staffCase = await official.GetPageAsync($"/admin/service-requests/{reference}");
        Assert.Equal("을지로입구역 화장실", staffCase.QuerySelector("[data-subject] a")!.TextContent);
    }
}
