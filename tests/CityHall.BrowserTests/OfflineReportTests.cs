using CityHall.Web.Modules.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace CityHall.BrowserTests;

/// <summary>
/// A report written while the connection is down: kept on the device with a clear message, sent when the connection
/// returns, and its reference shown then — one report stored, not two.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineReportTests(BrowserFixture f)
{
    /// <summary>A new citizen at the form for a broken pavement at City Hall.</summary>
    private async Task OpenReportFormAsync(Microsoft.Playwright.IPage page, string who)
    {
        await Journeys.SignUpAsync(f, page, $"{who}-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync("/reports/new/details?service=road-damage&lat=37.5663&long=126.9779&address=%EC%84%B8%EC%A2%85%EB%8C%80%EB%A1%9C%20110&district=11140");
    }

    [Theory]
    [InlineData("ko-KR")]
    [InlineData("en-US")]
    public async Task A_report_written_offline_is_sent_when_the_connection_returns_and_its_reference_shown(string locale)
    {
        var page = await f.NewPageAsync(locale, width: 390, height: 844);
        await OpenReportFormAsync(page, "offline-report");
        var description = $"오프라인에서 쓴 신고 {Guid.NewGuid():N}: 보도블록이 깨져 있습니다.";
        await page.ClickAsync("label[for='attribute_damage_type_-pothole']");
        await page.FillAsync("#Input_Description", description);

        await page.Context.SetOfflineAsync(true);
        await page.ClickAsync("form[data-report-form] .ch-actions button");
        await page.WaitForSelectorAsync("[data-offline-report-notice]");
        Assert.Contains(locale == "ko-KR" ? "이 기기에 저장했습니다" : "kept on this device", await page.TextContentAsync("[data-offline-report-notice]"), StringComparison.Ordinal);
        Assert.True(await page.IsDisabledAsync("form[data-report-form] .ch-actions button"));
        await Axe.AssertNoViolationsAsync(page);
        Assert.Equal(0, await f.App.WithDbAsync(db => db.Set<ServiceRequest>().CountAsync(r => r.Description == description)));

        await page.Context.SetOfflineAsync(false);
        await page.WaitForSelectorAsync("[data-offline-report-notice] a[href^='/reports/']:not([href='/reports/new'])");
        var href = await page.GetAttributeAsync("[data-offline-report-notice] a[href^='/reports/']:not([href='/reports/new'])", "href");
        var reference = href!["/reports/".Length..];
        Assert.Contains(reference, string.Join(" ", await page.Locator("[data-offline-report-notice]").AllTextContentsAsync()), StringComparison.Ordinal);
        Assert.Equal(reference, await f.App.WithDbAsync(db => db.Set<ServiceRequest>().Where(r => r.Description == description).Select(r => r.Reference).SingleAsync()));
        await Axe.AssertNoViolationsAsync(page);

        // Nothing waits any more: another page sends nothing again.
        await page.GotoAsync("/reports/mine");
        Assert.Equal(0, await page.Locator("[data-offline-report-notice]").CountAsync());
        Assert.Equal(1, await f.App.WithDbAsync(db => db.Set<ServiceRequest>().CountAsync(r => r.Description == description)));
    }

    [Fact]
    public async Task A_report_whose_sending_fails_underway_while_the_device_says_it_is_online_is_kept_and_sent_later()
    {
        // Service workers off: the routes below then see the page's own requests.
        var page = await f.NewPageAsync("ko-KR", width: 390, height: 844, serviceWorkers: false);
        await OpenReportFormAsync(page, "lie-fi-report");
        var description = $"연결이 끊긴 채 보낸 신고 {Guid.NewGuid():N}: 보도블록이 깨져 있습니다.";
        await page.ClickAsync("label[for='attribute_damage_type_-pothole']");
        await page.FillAsync("#Input_Description", description);

        // The connection fails as the report goes, though the device still says it is online.
        await page.RouteAsync("**/reports/new/details**", async route =>
        {
            if (route.Request.Method == "POST") await route.AbortAsync("connectionreset");
            else await route.ContinueAsync();
        });
        Assert.True(await page.EvaluateAsync<bool>("navigator.onLine"));
        await page.ClickAsync("form[data-report-form] .ch-actions button");
        await page.WaitForSelectorAsync("[data-offline-report-notice]");
        Assert.Contains("이 기기에 저장했습니다", await page.TextContentAsync("[data-offline-report-notice]"), StringComparison.Ordinal);
        Assert.Equal(0, await f.App.WithDbAsync(db => db.Set<ServiceRequest>().CountAsync(r => r.Description == description)));

        // The next page opened with a working connection sends it, and says under which reference.
        await page.UnrouteAllAsync();
        await page.GotoAsync("/reports/mine");
        await page.WaitForSelectorAsync("[data-offline-report-notice] a[href^='/reports/']:not([href='/reports/new'])");
        var href = await page.GetAttributeAsync("[data-offline-report-notice] a[href^='/reports/']:not([href='/reports/new'])", "href");
        Assert.Equal(href!["/reports/".Length..], await f.App.WithDbAsync(db => db.Set<ServiceRequest>().Where(r => r.Description == description).Select(r => r.Reference).SingleAsync()));
    }

    [Fact]
    public async Task A_report_sent_by_the_script_lands_on_its_page_and_one_with_a_mistake_shows_the_forms_messages()
    {
        var page = await f.NewPageAsync("en-US");
        await OpenReportFormAsync(page, "script-report");
        // No description: the form comes back with its error summary, as without JavaScript.
        await page.ClickAsync("label[for='attribute_damage_type_-pothole']");
        await page.ClickAsync("form[data-report-form] .ch-actions button");
        await page.WaitForSelectorAsync(".ch-error-summary");
        Assert.Equal(0, await page.Locator("[data-offline-report-notice]").CountAsync());

        var description = $"Sent by the script {Guid.NewGuid():N}: a broken paving stone.";
        await page.ClickAsync("label[for='attribute_damage_type_-pothole']");
        await page.FillAsync("#Input_Description", description);
        await page.ClickAsync("form[data-report-form] .ch-actions button");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/reports/[^/?]+\?new=true$"));
        var reference = new Uri(page.Url).AbsolutePath["/reports/".Length..];
        Assert.Equal(reference, await f.App.WithDbAsync(db => db.Set<ServiceRequest>().Where(r => r.Description == description).Select(r => r.Reference).SingleAsync()));
    }
}
