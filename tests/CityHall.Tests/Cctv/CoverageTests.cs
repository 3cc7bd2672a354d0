using System.Globalization;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Tests.ServiceRequests;
using CityHall.Web.Modules.Cctv;
using CityHall.Web.Modules.Cctv.Coverage;
using CityHall.Web.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Cctv;

/// <summary>
/// The app with one district drawn by hand: a square of 0.01° by 0.01° (37.50–37.51 N, 127.00–127.01 E) under
/// Jongno-gu's code, so its area and the share cameras cover can be worked out on paper.
/// </summary>
public sealed class SquareDistrictApp() : CityHallApp(new Dictionary<string, string?> { ["City:DistrictBoundaries"] = SquareFile.Value })
{
    private static readonly Lazy<string> SquareFile = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"cityhall-square-{Guid.NewGuid():N}.geojson");
        File.WriteAllText(path, """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"11110"},
             "geometry":{"type":"Polygon","coordinates":[[[127.00,37.50],[127.01,37.50],[127.01,37.51],[127.00,37.51],[127.00,37.50]]]}}]}
            """);
        return path;
    });
}

/// <summary>Coverage by district against a hand-computed square, and citizens' requests for a camera on the coverage page.</summary>
public sealed class CoverageTests(SquareDistrictApp app) : IClassFixture<SquareDistrictApp>
{
    // By hand, at the city's map centre (37.5665° N): a degree of latitude is 111,132.92 − 559.82·cos 75.133° + 1.175·cos 150.266°
    // = 110,988.3 m and a degree of longitude 111,412.84·cos 37.5665° − 93.5·cos 112.70° = 88,346.4 m, so the square is
    // 883.46 m by 1,109.88 m: 980,537 m².
    private const double SquareArea = 980_537;

    /// <summary>A camera entered by staff; its district is the one its point lies in (the square's, or none).</summary>
    private async Task AddCameraAsync(HttpClient official, double latitude, double longitude, string purpose)
    {
        var form = await official.GetPageAsync("/admin/cctv/cameras/new");
        Html.RedirectedTo(await official.SubmitAsync(form, [new("Input.Purpose", purpose), new("Input.Department", "safety"), new("Input.District", ""),
            new("Input.Latitude", latitude.ToString(CultureInfo.InvariantCulture)), new("Input.Longitude", longitude.ToString(CultureInfo.InvariantCulture)), new("Input.Count", "1")]));
    }

    [Fact]
    public async Task The_share_of_a_district_within_reach_of_a_camera_is_measured_on_its_boundary()
    {
        var official = await app.SignedInStaffAsync(Roles.Official, department: "safety");
        // A camera in the middle (its whole 100 m disc inside), one on the south-west corner (a quarter inside), one far outside.
        await AddCameraAsync(official, 37.505, 127.005, "crime-prevention");
        await AddCameraAsync(official, 37.50, 127.00, "traffic");
        await AddCameraAsync(official, 37.53, 127.03, "crime-prevention");

        var coverage = app.Services.GetRequiredService<CameraCoverage>();
        var all = (await coverage.ComputeAsync(100, [], CancellationToken.None)).Districts.Single();
        Assert.Equal(SquareArea, all.AreaSquareMetres, SquareArea * 0.001);
        var expected = 1.25 * Math.PI * 100 * 100 / SquareArea; // 4.005%
        Assert.Equal(expected, all.Share, expected * 0.005); // the discs are 64-gons: 0.16% short
        Assert.Equal(2, all.Sites); // the one far outside lies in no district
        // Only crime prevention: the middle disc alone.
        var crime = (await coverage.ComputeAsync(100, [CameraPurpose.CrimePrevention], CancellationToken.None)).Districts.Single();
        Assert.Equal(Math.PI * 100 * 100 / SquareArea, crime.Share, crime.Share * 0.005);
        // A radius of 50 m: a quarter of the area.
        var small = (await coverage.ComputeAsync(50, [], CancellationToken.None)).Districts.Single();
        Assert.Equal(expected / 4, small.Share, expected / 4 * 0.005);

        // The page: the table, the chart, the map's data; a radius out of range is refused.
        var page = await official.GetPageAsync("/admin/cctv/coverage?radius=100");
        var row = page.QuerySelector("[data-coverage] tr[data-district='11110']")!;
        Assert.Equal(expected, double.Parse(row.GetAttribute("data-share")!, CultureInfo.InvariantCulture), 0.0005);
        Assert.NotNull(page.QuerySelector("figure.ch-chart svg"));
        Assert.NotNull((await official.GetPageAsync("/admin/cctv/coverage?radius=5000")).QuerySelector("[data-problem]"));
        var map = JsonDocument.Parse(await official.GetStringAsync("/admin/cctv/coverage?handler=map&radius=100&district=11110")).RootElement;
        var kinds = map.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("kind").GetString()).ToList();
        Assert.Equal(1, kinds.Count(k => k == "district"));
        Assert.Equal(2, kinds.Count(k => k == "camera")); // the district's own
    }

    [Fact]
    public async Task A_citizens_request_for_a_camera_through_the_catalogue_appears_on_the_coverage_page()
    {
        var citizen = await app.SignedUpCitizenAsync();
        var reference = ReportPagesTests.ReferenceOf(await ReportPagesTests.ReportAsync(citizen, "cctv-new", "lat=37.5071&long=127.0032", new()
        {
            ["attribute[reason]"] = "dark", ["Input.Description"] = "골목이 어둡고 밤에 다니는 사람이 없습니다.", ["Input.IsPublic"] = "false",
        }));
        var official = await app.SignedInStaffAsync(Roles.Official, department: "safety");
        var page = await official.GetPageAsync("/admin/cctv/coverage");
        var listed = page.QuerySelector($"[data-camera-requests] [data-request='{reference}']")!;
        Assert.Equal("dark", listed.GetAttribute("data-answers"));
        Assert.Contains("어둡고 인적이 드묾", listed.TextContent); // the answer as the catalogue names it, in the reader's language
        Assert.NotEqual("0", page.QuerySelector("tr[data-district='11110'] [data-requests]")!.TextContent);
        var map = await official.GetStringAsync("/admin/cctv/coverage?handler=map");
        Assert.Contains(reference, map);
        // The reporter's words and account never reach the map.
        Assert.DoesNotContain("골목", map);
    }
}
