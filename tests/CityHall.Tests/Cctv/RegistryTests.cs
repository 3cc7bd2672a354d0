using System.Net;
using System.Text;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Cctv;
using CityHall.Web.Modules.Cctv.Registry;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Cctv;

/// <summary>The camera registry: importing the national standard data, staff's edits by department, the public registry and notices, the open data.</summary>
public sealed class RegistryTests(CctvApp app) : IClassFixture<CctvApp>
{
    [Fact]
    public void Views_and_months_are_read_from_the_sources_words()
    {
        Assert.Equal((null, 360), ViewReading.Read("360도 전방면"));
        Assert.Equal((0, null), ViewReading.Read("북측"));
        Assert.Equal((45, null), ViewReading.Read("북동 방향"));
        Assert.Equal((270, null), ViewReading.Read("W"));
        Assert.Equal((null, null), ViewReading.Read("정문 앞"));
        Assert.Equal(new DateOnly(2015, 3, 1), CameraImporter.ReadMonth("2015-03"));
        Assert.Equal(new DateOnly(2015, 3, 1), CameraImporter.ReadMonth("201503"));
        Assert.Equal(new DateOnly(2019, 7, 1), CameraImporter.ReadMonth("2019년 7월"));
        Assert.Null(CameraImporter.ReadMonth("2015-13"));
        Assert.Null(CameraImporter.ReadMonth("언젠가"));
    }

    [Fact]
    public async Task The_national_standard_data_is_imported_skipping_what_cannot_be_used_and_updated_on_the_next_import()
    {
        var official = await app.SignedInStaffAsync(Roles.Official, department: "safety");
        var tag = CctvTestData.Unique("R");
        // CP949, as the portal serves it.
        var summary = await CctvTestData.ImportAsync(official, CctvTestData.StandardFile(tag), encoding: Encoding.GetEncoding(949));
        Assert.Equal("5", summary.QuerySelector("[data-read]")!.TextContent);
        Assert.Equal("2", summary.QuerySelector("[data-created]")!.TextContent);
        Assert.Equal("3", summary.QuerySelector("[data-skipped]")!.TextContent);
        var reasons = summary.QuerySelectorAll("[data-skips] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(reasons, r => r.Contains('4') && r.Contains("주차관리"));
        Assert.Contains(reasons, r => r.Contains('5'));
        Assert.Contains(reasons, r => r.Contains('6'));

        var cameras = await app.WithDbAsync(db => db.Set<Camera>().Where(c => c.Address!.Contains(tag)).OrderBy(c => c.Latitude).ToListAsync());
        var (gangnam, jongno) = (cameras[0], cameras[1]);
        Assert.Equal((CameraPurpose.CrimePrevention, 2, 360, (int?)null, 30), (jongno.Purpose, jongno.Count, jongno.ViewAngle!.Value, jongno.ViewDirection, jongno.RetentionDays!.Value));
        Assert.Equal((CameraPurpose.Traffic, 0, 14), (gangnam.Purpose, gangnam.ViewDirection!.Value, gangnam.RetentionDays!.Value));
        // No district column: the district is the one the point lies in.
        Assert.Equal(("11110", "11680"), (jongno.DistrictCode, gangnam.DistrictCode));
        Assert.Equal((new DateOnly(2015, 3, 1), "02-2148-1114", "safety"), (jongno.InstalledOn!.Value, jongno.OperatorContact, jongno.DepartmentCode));
        Assert.Equal(CameraCodes.For("korea-cctv-standard", jongno.SourceId!), jongno.Code);
        Assert.Equal(CameraHealth.NotReporting, jongno.Health);

        // The same file with Jongno's retention changed: one updated, one unchanged, none created; the code stays.
        summary = await CctvTestData.ImportAsync(official, CctvTestData.StandardFile(tag, jongnoRetention: "60"));
        Assert.Equal(("0", "1", "1"), (summary.QuerySelector("[data-created]")!.TextContent, summary.QuerySelector("[data-updated]")!.TextContent,
            summary.QuerySelector("[data-unchanged]")!.TextContent));
        Assert.Equal((60, jongno.Code), await app.WithDbAsync(db => db.Set<Camera>().Where(c => c.Id == jongno.Id).Select(c => new ValueTuple<int, string>(c.RetentionDays!.Value, c.Code)).SingleAsync()));

        // A file without the mapped columns is refused whole, and nothing is written.
        var before = await app.WithDbAsync(db => db.Set<Camera>().CountAsync());
        var refused = await CctvTestData.ImportAsync(official, "a,b\n1,2\n");
        Assert.NotNull(refused.QuerySelector("[data-import-refused]"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Camera>().CountAsync()));
        // Another department cannot be chosen.
        Assert.NotEmpty((await CctvTestData.ImportAsync(official, CctvTestData.StandardFile(CctvTestData.Unique("X")), department: "transport")).ErrorSummary());
    }

    [Fact]
    public async Task Staff_add_and_correct_their_departments_cameras_and_others_only_read_them()
    {
        var official = await app.SignedInStaffAsync(Roles.Official, department: "safety");
        var form = await official.GetPageAsync("/admin/cctv/cameras/new");
        // Bad input: a point outside the city, a direction of 400 degrees, no purpose.
        var bad = await Html.ParseAsync(await official.SubmitAsync(form, [new("Input.Purpose", ""), new("Input.Department", "safety"), new("Input.Latitude", "35.1"),
            new("Input.Longitude", "129.0"), new("Input.Count", "1"), new("Input.ViewDirection", "400")]));
        Assert.Equal(3, bad.ErrorSummary().Length);
        var address = "서울특별시 중구 세종대로 110 " + CctvTestData.Unique("A");
        var saved = Html.RedirectedTo(await official.SubmitAsync(form, [new("Input.Purpose", "parks"), new("Input.Department", "safety"), new("Input.Latitude", "37.5663"),
            new("Input.Longitude", "126.9779"), new("Input.Count", "3"), new("Input.ViewDirection", "180"), new("Input.ViewAngle", "90"), new("Input.RetentionDays", "30"),
            new("Input.Address", address), new("Input.OperatorContact", "02-120"), new("Input.Notice", "서울광장 안전을 위해 설치했습니다.")]));
        var id = int.Parse(saved.Split('/')[^1].Split('?')[0]);
        var camera = await app.WithDbAsync(db => db.Set<Camera>().SingleAsync(c => c.Id == id));
        Assert.Equal(("11140", CameraPurpose.Parks, 3), (camera.DistrictCode, camera.Purpose, camera.Count)); // Jung-gu from the point
        Assert.StartsWith("CAM-", camera.Code);

        // An official of another department reads it, cannot change it.
        var other = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        var read = await other.GetPageAsync($"/admin/cctv/cameras/{id}");
        Assert.NotNull(read.QuerySelector("[data-read-only]"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.SubmitAsync(read, read.FilledIn("main form").With(("Input.Count", "9")))).StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<Camera>().Where(c => c.Id == id).Select(c => c.Count).SingleAsync()));
        // A citizen has no registry.
        var citizen = await app.SignedUpCitizenAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync("/admin/cctv")).StatusCode);

        // The public notice: purpose, place, view, retention, contact, the department's words; no status for parks.
        var notice = await app.CreateClient().GetPageAsync($"/cctv/{camera.Code}");
        Assert.Equal("parks", notice.QuerySelector("[data-purpose]")!.GetAttribute("data-purpose"));
        Assert.Contains("30", notice.QuerySelector("[data-retention]")!.TextContent);
        Assert.Contains("서울광장", notice.QuerySelector("[data-notice-text]")!.TextContent);
        Assert.Null(notice.QuerySelector("[data-notice] [data-health]"));
        var list = await app.CreateClient().GetPageAsync("/cctv?district=11140&purpose=parks");
        Assert.NotNull(list.QuerySelector($"[data-camera='{camera.Code}']"));

        // Taken down: off the public registry and the open data.
        var edit = await official.GetPageAsync($"/admin/cctv/cameras/{id}");
        Html.RedirectedTo(await official.SubmitAsync(edit, edit.FilledIn("main form").With(("Input.RemovedOn", "2026-12-01"))));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/cctv/{camera.Code}")).StatusCode);
        Assert.DoesNotContain(camera.Code, await app.CreateClient().GetStringAsync("/open-data/cctv-cameras.csv"));
    }

    [Fact]
    public async Task The_public_sees_the_status_only_of_the_purposes_the_city_publishes_and_never_in_the_open_data()
    {
        var official = await app.SignedInStaffAsync(Roles.Official, department: "safety");
        var tag = CctvTestData.Unique("P");
        await CctvTestData.ImportAsync(official, CctvTestData.StandardFile(tag));
        var cameras = await app.WithDbAsync(db => db.Set<Camera>().Where(c => c.Address!.Contains(tag)).ToListAsync());
        var traffic = cameras.Single(c => c.Purpose == CameraPurpose.Traffic);
        var security = cameras.Single(c => c.Purpose == CameraPurpose.CrimePrevention);
        var client = app.CreateClient();
        Assert.NotNull((await client.GetPageAsync($"/cctv/{traffic.Code}")).QuerySelector("[data-notice] [data-health]"));
        Assert.Null((await client.GetPageAsync($"/cctv/{security.Code}")).QuerySelector("[data-notice] [data-health]"));
        var list = await client.GetPageAsync("/cctv?q=" + Uri.EscapeDataString(tag));
        Assert.Equal(2, list.QuerySelectorAll("[data-cameras] [data-camera]").Length);
        Assert.NotNull(list.QuerySelector($"[data-camera='{traffic.Code}'] [data-health]"));
        Assert.Null(list.QuerySelector($"[data-camera='{security.Code}'] [data-health]"));

        // In the city's search by a word of the address, leading to the notices.
        await app.Services.GetRequiredService<CityHall.Web.Platform.Search.SearchIndex>().ReconcileAsync();
        var found = await client.GetPageAsync("/search?q=" + tag.Split('-')[1] + "&kind=cctv-camera");
        Assert.Equal(new[] { security.Code, traffic.Code }.Order(), found.QuerySelectorAll("[data-results='cctv-camera'] [data-result]").Select(r => r.GetAttribute("data-result")!).Order());

        var csv = await client.GetStringAsync("/open-data/cctv-cameras.csv");
        var header = csv.Split('\n')[0];
        Assert.DoesNotContain("health", header);
        Assert.Contains("retention_days", header);
        var row = csv.Split('\n').Single(l => l.StartsWith(security.Code, StringComparison.Ordinal));
        Assert.Contains("crime-prevention", row);
        Assert.Contains("02-2148-1114", row);
    }

    [Fact]
    public async Task The_command_line_imports_a_camera_list_for_a_department()
    {
        _ = app.Services;
        var tag = CctvTestData.Unique("C");
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, CctvTestData.StandardFile(tag));
        try
        {
            var (code, output) = await Verbs.RunAsync(app, "import", "cameras", file, "--department", "safety");
            Assert.True(code == 0, output);
            Assert.Contains("5 rows read (utf-8): 2 created", output, StringComparison.Ordinal);
            Assert.Equal(2, await app.WithDbAsync(db => db.Set<Camera>().CountAsync(c => c.Address!.Contains(tag) && c.DepartmentCode == "safety")));
            var (refused, why) = await Verbs.RunAsync(app, "import", "cameras", file, "--department", "no-such-department");
            Assert.Equal(1, refused);
            Assert.Contains("no-such-department", why, StringComparison.Ordinal);
        }
        finally { File.Delete(file); }
    }
}
