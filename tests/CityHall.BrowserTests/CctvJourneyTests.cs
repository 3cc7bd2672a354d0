using System.Text;
using CityHall.Web.Platform.Identity;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// The CCTV registry: an official imports the district's camera list, adds a recorder (its key shown once) and puts the
/// cameras on it, reads the coverage by district with its chart and map; the public finds the cameras on the registry's
/// map with their view wedges and reads a notice. Axe on every page, in Korean and English.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class CctvJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "en-US", "ko-KR" };

    [Theory, MemberData(nameof(Locales))]
    public async Task An_official_imports_cameras_puts_them_on_a_recorder_reads_the_coverage_and_the_public_sees_them_on_the_map(string locale)
    {
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var file = string.Join('\n',
            "관리기관명,소재지도로명주소,소재지지번주소,설치목적구분,카메라대수,카메라화소수,촬영방면정보,보관일수,설치연월,관리기관전화번호,WGS84위도,WGS84경도,데이터기준일자",
            $"서울특별시 종로구청,서울특별시 종로구 삼봉로 43 {tag},,생활방범,2,200,360도 전방면,30,2015-03,02-2148-1114,37.5735,126.9790,2026-10-31",
            $"서울특별시 종로구청,서울특별시 종로구 종로 1 {tag},,교통단속,1,200,북측,14,2019-07,02-2148-1114,37.5702,126.9822,2026-10-31",
            $"서울특별시 종로구청,서울특별시 종로구 종로 2 {tag},,주차관리,1,200,,30,2020-01,02-2148-1114,37.5703,126.9830,2026-10-31") + "\n";

        var staff = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, staff, Roles.Official, department: "safety");
        await staff.GotoAsync("/admin/cctv/import");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.SetInputFilesAsync("#Input_File", new FilePayload { Name = "jongno-cctv.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(file) });
        await staff.ClickAsync("main form button[type=submit]");
        await staff.WaitForSelectorAsync("[data-import-summary]");
        Assert.Equal("2", (await staff.TextContentAsync("[data-created]"))!.Trim());
        Assert.Equal(1, await staff.Locator("[data-skips] tbody tr").CountAsync());
        await Axe.AssertNoViolationsAsync(staff);

        await staff.GotoAsync("/admin/cctv?q=" + tag);
        await Axe.AssertNoViolationsAsync(staff);
        var codes = await staff.Locator("[data-cameras] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.camera)");
        Assert.Equal(2, codes.Length);
        await staff.ClickAsync($"[data-cameras] a:has-text('{codes[0]}')");
        await staff.WaitForURLAsync("**/admin/cctv/cameras/*");
        await Axe.AssertNoViolationsAsync(staff);

        // A recorder: its key is shown once; the cameras go on it.
        await staff.GotoAsync("/admin/cctv/recorders");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.FillAsync("#Input_Code", "NVR-" + tag);
        await staff.FillAsync("#Input_Name", "Jongno " + tag);
        await staff.ClickAsync("form[action='/admin/cctv/recorders'] button[type=submit]");
        await staff.WaitForSelectorAsync("[data-issued-key] [data-key]");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.SelectOptionAsync("#Assign_Recorder", new SelectOptionValue { Label = $"NVR-{tag} — Jongno {tag}" });
        await staff.FillAsync("#Assign_Codes", string.Join('\n', codes));
        await staff.ClickAsync("form[action$='handler=assign'] button[type=submit]");
        await staff.WaitForURLAsync("**/admin/cctv/recorders?assigned=2");
        await Axe.AssertNoViolationsAsync(staff);

        // Coverage by district: the table, the chart drawn on the server, the map with the district's cameras.
        await staff.GotoAsync("/admin/cctv/coverage?radius=100&district=11110");
        await staff.WaitForSelectorAsync("[data-coverage-map]:not([hidden]) .leaflet-container svg path");
        Assert.NotEqual("0.0000", await staff.GetAttributeAsync("[data-coverage] tr[data-district='11110']", "data-share"));
        Assert.NotNull(await staff.QuerySelectorAsync("figure.ch-chart svg"));
        await Axe.AssertNoViolationsAsync(staff);
        await staff.GotoAsync("/admin/cctv/outages");
        await Axe.AssertNoViolationsAsync(staff);

        // The public registry: the two cameras on the map with what they look at, then a notice.
        var visitor = await f.NewPageAsync(locale);
        await visitor.GotoAsync("/cctv?q=" + tag);
        await visitor.WaitForSelectorAsync("[data-cctv-map]:not([hidden]) .leaflet-container svg path");
        Assert.Equal(2, await visitor.Locator("[data-cameras] [data-camera]").CountAsync());
        // A dome's circle and a north-facing wedge, each with its dot.
        Assert.True(await visitor.Locator("[data-cctv-map] svg path").CountAsync() >= 4);
        await Axe.AssertNoViolationsAsync(visitor);
        await visitor.ClickAsync($"[data-camera='{codes[0]}'] a");
        await visitor.WaitForURLAsync($"**/cctv/{codes[0]}");
        await visitor.WaitForSelectorAsync("[data-notice]");
        await Axe.AssertNoViolationsAsync(visitor);
    }
}
