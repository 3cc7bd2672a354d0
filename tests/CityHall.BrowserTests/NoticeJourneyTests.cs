using System.Globalization;
using CityHall.Web.Modules.News;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// An official of the transport department writes an official notice for one district and schedules it (refused first
/// without its legal basis and period), attaching its plan as an HWP file; a second official of the department finds it waiting and approves it; when its
/// time comes a visitor finds it from the administration sector by the district and reads its number, legal basis and
/// status, and the plan's text. In Korean and English, axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NoticeJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "ko-KR", "en-US" };

    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    [Theory, MemberData(nameof(Locales))]
    public async Task A_scheduled_notice_approved_by_a_second_official_is_found_by_its_district(string locale)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var writer = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, writer, Roles.Official, department: "transport");
        await writer.GotoAsync("/admin/news/new");
        await writer.ClickAsync("form[data-post-form] .krds-form-check:has([name='Input.Kind'][value='Notice']) label");
        await writer.FillAsync("#Input_TitleKo", "종로구 버스정류장 이전 공고 " + tag);
        await writer.FillAsync("#Input_BodyKo", "다음 정류장을 **옮깁니다**.\n\n- 종로1가 → 종로2가");
        await writer.ClickAsync("form[data-post-form] .krds-form-check:has([name='Input.Districts'][value='11110']) label");
        await writer.ClickAsync("form[data-post-form] .krds-form-check:has([name='Input.When'][value='At']) label");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(1), Seoul);
        await writer.FillAsync("#Input_PublishAt", local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await writer.ClickAsync("form[data-post-form] button[type=submit]");
        // No legal basis, no period: refused, the summary leading to the fields.
        await writer.WaitForSelectorAsync(".ch-error-summary");
        Assert.Equal(3, await writer.Locator(".ch-error-summary li").CountAsync());
        await Axe.AssertNoViolationsAsync(writer);
        await writer.FillAsync("#Input_LegalBasis", "「여객자동차 운수사업법」 제4조");
        await writer.FillAsync("#Input_PeriodFrom", local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await writer.FillAsync("#Input_PeriodTo", local.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await writer.ClickAsync("form[data-post-form] button[type=submit]");
        await writer.WaitForURLAsync("**/admin/news/*?saved=1");
        Assert.Equal("Waiting", await writer.GetAttributeAsync("[data-state]", "data-state"));
        Assert.Equal(1, await writer.Locator("[data-awaiting-other]").CountAsync());
        await Axe.AssertNoViolationsAsync(writer);
        var id = await f.App.WithDbAsync(db => db.Set<NewsPost>().Where(p => p.TitleKo.EndsWith(tag)).Select(p => p.Id).SingleAsync());
        // Its document: the relocation plan as HWP, read by its content.
        await writer.ClickAsync("[data-manage-attachments] a");
        await writer.WaitForURLAsync($"**/admin/news/{id}/attachments");
        await Axe.AssertNoViolationsAsync(writer);
        await writer.SetInputFilesAsync("#Document", new FilePayload { Name = "정류장 이전 계획.hwp", MimeType = "application/x-hwp",
            Buffer = CityHall.Tests.News.TestDocuments.Hwp(["종로1가 정류장을 종로2가로 옮깁니다.", "시행: 공고일부터"]) });
        await writer.ClickAsync("form[data-attachment-form] button[type=submit]");
        await writer.WaitForURLAsync($"**/admin/news/{id}/attachments?added=1");
        Assert.Equal(1, await writer.Locator("[data-attachments] [data-attachment]").CountAsync());
        await Axe.AssertNoViolationsAsync(writer);
        await writer.Context.CloseAsync();

        var approver = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, approver, Roles.Official, department: "transport");
        await approver.GotoAsync("/admin/news");
        await Axe.AssertNoViolationsAsync(approver);
        await approver.ClickAsync($"[data-waiting-notice='{id}'] a");
        await approver.WaitForURLAsync($"**/admin/news/{id}");
        await Axe.AssertNoViolationsAsync(approver);
        await approver.ClickAsync("form[data-approve-form] button[type=submit]");
        await approver.WaitForURLAsync($"**/admin/news/{id}?approved=1");
        Assert.Equal("Scheduled", await approver.GetAttributeAsync("[data-state]", "data-state"));
        var number = await approver.GetAttributeAsync("[data-notice-number]", "data-notice-number");
        Assert.Matches(@"^\d{4}-\d+$", number);
        await Axe.AssertNoViolationsAsync(approver);
        await approver.Context.CloseAsync();

        // Its hour comes (the app runs on the real clock; the embargo itself is tested on a fake one over HTTP).
        await f.App.WithDbAsync(db => db.Set<NewsPost>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PublishAt, DateTime.UtcNow.AddMinutes(-1))));

        var page = await f.NewPageAsync(locale);
        await page.GotoAsync("/sectors/administration");
        await page.ClickAsync("[data-service=notices] a");
        await page.WaitForURLAsync("**/news?kind=notice");
        await page.SelectOptionAsync("select[name=district]", "11110");
        await page.ClickAsync("form[data-news-filters] button[type=submit]");
        await page.WaitForURLAsync("**/news?*district=11110*");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync($"[data-post='{id}'] a");
        await page.WaitForURLAsync($"**/news/{id}");
        Assert.Equal(number, await page.GetAttributeAsync("[data-notice-number]", "data-notice-number"));
        // Its period starts on the day it was scheduled for: today in Seoul, or tomorrow when that hour is past midnight.
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Seoul).Date;
        Assert.Equal(local.Date > today ? "Upcoming" : "InForce", await page.GetAttributeAsync("[data-notice-status]", "data-notice-status"));
        Assert.Contains("제4조", await page.TextContentAsync("[data-legal-basis]"), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(page);
        // The HWP's text, for those without a viewer for it.
        await page.ClickAsync("[data-post-attachments] [data-attachment-text-link]");
        await page.WaitForURLAsync($"**/news/{id}/files/*/text");
        Assert.Contains("종로2가로 옮깁니다", await page.TextContentAsync("[data-attachment-text]"), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
