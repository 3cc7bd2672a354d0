using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Portal;

public sealed class ContentAdminTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task An_administrator_edits_a_page_the_public_sees_it_sanitized_and_the_change_is_audited()
    {
        var client = await app.SignedInStaffAsync(Roles.Administrator);
        var list = await client.GetPageAsync("/admin/pages");
        Assert.Contains("/admin/pages/privacy", list.QuerySelectorAll("main table a").Select(a => a.GetAttribute("href")));
        var edit = await client.GetPageAsync("/admin/pages/privacy");
        var saved = await client.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.TitleKo"] = "개인정보 처리방침 (개정)", ["Input.TitleEn"] = "Privacy notice",
            ["Input.BodyKo"] = "## 수집 항목\n\n<script>alert(1)</script>이메일만 수집합니다.", ["Input.BodyEn"] = "We collect email only.",
        });
        Assert.Equal("/pages/privacy", saved.Headers.Location!.ToString());

        var publicPage = await app.CreateClient().GetPageAsync("/pages/privacy");
        Assert.Equal("개인정보 처리방침 (개정)", publicPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("수집 항목", publicPage.QuerySelector(".ch-content h2")!.TextContent.Trim());
        Assert.Empty(publicPage.QuerySelectorAll(".ch-content script"));

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Equal(("content-page.updated", "ContentPage", "privacy"), (entry.Action, entry.TargetType, entry.TargetId));
        Assert.Contains("bodyKo", entry.Details);
    }

    [Fact]
    public async Task An_empty_Korean_title_is_refused_with_an_error_summary()
    {
        var client = await app.SignedInStaffAsync(Roles.Administrator);
        var edit = await client.GetPageAsync("/admin/pages/accessibility");
        var page = await Html.ParseAsync(await client.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Input.TitleKo"] = "", ["Input.TitleEn"] = "x", ["Input.BodyKo"] = "본문", ["Input.BodyEn"] = "",
        }));
        Assert.Equal(["한국어 제목을 입력하세요."], page.ErrorSummary());
    }

    [Fact]
    public async Task An_official_without_the_content_permission_cannot_edit_pages()
    {
        var client = await app.SignedInStaffAsync(Roles.Official);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/pages")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/pages/privacy")).StatusCode);
    }
}
