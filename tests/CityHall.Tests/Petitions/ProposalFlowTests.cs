using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Petitions;

public sealed class ProposalFlowTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static long IdFrom(HttpResponseMessage response) =>
        long.Parse(response.Headers.Location!.ToString().Split('/', '?')[2], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_proposal_is_reviewed_published_supported_once_per_person_and_withdrawn()
    {
        var authorEmail = $"author-{Guid.NewGuid():N}@example.org";
        var author = await app.SignedUpCitizenAsync(authorEmail);
        var title = "한강 공원에 그늘막을 늘려 주세요 " + Guid.NewGuid().ToString("N")[..6];
        var posted = await author.SubmitAsync(await author.GetPageAsync("/petitions/new"), new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Body"] = "여름에 한강 공원은 그늘이 부족합니다. <script>alert('x')</script> **그늘막**을 늘려 주세요.",
            ["Input.CategoryCode"] = "environment",
            ["Input.DistrictCode"] = "",
        }, "form[action='/petitions/new']");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = IdFrom(posted);

        // Before review: the author sees it, nobody else does.
        Assert.Equal(HttpStatusCode.OK, (await author.GetAsync($"/petitions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/petitions/{id}")).StatusCode);

        var moderator = await app.SignedInStaffAsync(Roles.Moderator);
        var queue = await moderator.GetPageAsync("/admin/petitions");
        Assert.Contains(queue.QuerySelectorAll("tbody a"), a => a.TextContent == title);
        var review = await moderator.GetPageAsync($"/admin/petitions/{id}");
        var noDepartment = await Html.ParseAsync(await moderator.SubmitAsync(review, new Dictionary<string, string> { ["DepartmentCode"] = "" }, "#approve-form"));
        Assert.Equal(["답변할 부서를 고르세요."], noDepartment.ErrorSummary());
        var approved = await moderator.SubmitAsync(review, new Dictionary<string, string> { ["DepartmentCode"] = "transport" }, "#approve-form");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "petition.approved" && e.TargetId == id.ToString())));
        var authorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == authorEmail).Select(u => u.Id).SingleAsync());
        Assert.True(await app.WithDbAsync(db => db.Set<InAppNotification>().AnyAsync(n => n.UserId == authorId && n.Link == $"/petitions/{id}")));
        Assert.Contains(title, (await app.LastEmailToAsync(authorEmail))!.Body);

        // Published: anyone reads it; the script is inert, the Markdown is rendered.
        var page = await app.CreateClient().GetPageAsync($"/petitions/{id}");
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("main .ch-content script"));
        Assert.NotNull(page.QuerySelector("main .ch-content strong"));
        Assert.Equal(title, page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));

        // A verified citizen supports it and gets a receipt; a second try is refused; the count is 1.
        var supporter = await app.VerifiedCitizenAsync();
        var detail = await supporter.GetPageAsync($"/petitions/{id}");
        var signed = await supporter.SubmitAsync(detail, new Dictionary<string, string>(), $"form[action='/petitions/{id}/sign']");
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var receiptPage = await supporter.GetPageAsync(signed.Headers.Location!.ToString());
        Assert.Equal("1", receiptPage.QuerySelector("[data-receipt-sequence]")!.TextContent);
        var hash = receiptPage.QuerySelector("[data-receipt-hash]")!.TextContent;
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal("1", receiptPage.QuerySelector("[data-supports]")!.GetAttribute("data-supports"));

        var again = await supporter.PostAsync($"/petitions/{id}/sign", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", receiptPage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value)]));
        Assert.Equal($"/petitions/{id}?refused=already-signed", again.Headers.Location!.ToString());
        Assert.Equal(["이미 공감한 제안입니다. 한 사람은 한 번만 공감할 수 있습니다."], (await supporter.GetPageAsync(again.Headers.Location!.ToString())).ErrorSummary());
        // A post without the form's token is refused (the 400 page) and changes nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await supporter.PostAsync($"/petitions/{id}/sign", new FormUrlEncodedContent([]))).StatusCode);

        var mine = await supporter.GetPageAsync("/petitions/mine");
        Assert.Contains(mine.QuerySelectorAll("[data-list=signed] a"), a => a.TextContent == title);

        // The receipt checks out once a checkpoint is published.
        var verify = await app.CreateClient().GetPageAsync($"/petitions/verify?petition={id}&entry=1&hash={hash}");
        Assert.Equal("NotYetCheckpointed", verify.QuerySelector("[data-receipt-result]")!.GetAttribute("data-receipt-result"));
        await app.Services.GetRequiredService<CheckpointPublisher>().PublishAsync();
        verify = await app.CreateClient().GetPageAsync($"/petitions/verify?petition={id}&entry=1&hash={hash}");
        Assert.Equal("Included", verify.QuerySelector("[data-receipt-result]")!.GetAttribute("data-receipt-result"));
        var bogus = await app.CreateClient().GetPageAsync($"/petitions/verify?petition={id}&entry=1&hash={new string('a', 64)}");
        Assert.Equal("Unknown", bogus.QuerySelector("[data-receipt-result]")!.GetAttribute("data-receipt-result"));

        // Withdrawing appends to the chain; the count goes back to 0 and the chain still verifies.
        var withdrawn = await supporter.SubmitAsync(await supporter.GetPageAsync($"/petitions/{id}"), new Dictionary<string, string>(), $"form[action='/petitions/{id}/withdraw']");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var api = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/petitions/{id}");
        Assert.Equal(0, api.GetProperty("supports").GetInt32());
        Assert.Equal(2, api.GetProperty("chainLength").GetInt64());
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<PetitionChainVerifier>().VerifyAsync(id);
        Assert.True(report!.IsIntact, report.Break?.ToString());
    }

    [Fact]
    public async Task Supporting_unverified_sends_the_person_to_verify_and_back()
    {
        var id = await PetitionTestData.PublishedAsync(app, "지하철 막차 시간을 늦춰 주세요 " + Guid.NewGuid().ToString("N")[..6]);
        var client = await app.SignedUpCitizenAsync();
        var sign = await client.SubmitAsync(await client.GetPageAsync($"/petitions/{id}"), new Dictionary<string, string>(), $"form[action='/petitions/{id}/sign']");
        Assert.Equal(HttpStatusCode.Redirect, sign.StatusCode);
        Assert.Equal($"/account/verify?returnUrl=%2Fpetitions%2F{id}", sign.Headers.Location!.ToString());
        var verified = await TestAccounts.VerifyBySmsAsync(app, client, TestAccounts.RandomMobile(), returnUrl: $"/petitions/{id}");
        Assert.Equal($"/petitions/{id}", verified.Headers.Location!.ToString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).Select(p => p.SignatureCount).SingleAsync()));

        // Not signed in at all: the page offers signing in first, and comes back.
        var anonymous = app.CreateBrowserLikeClient();
        var page = await anonymous.GetPageAsync($"/petitions/{id}");
        Assert.Null(page.QuerySelector("main form"));
        Assert.Equal($"/account/sign-in?returnUrl=%2Fpetitions%2F{id}", page.QuerySelector("main a.krds-btn.primary")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Similar_titles_are_found_in_Korean_without_spaces_and_unreviewed_ones_stay_hidden()
    {
        var tag = Guid.NewGuid().ToString("N")[..4];
        var shown = await PetitionTestData.PublishedAsync(app, $"버스정류장에 그늘막을 설치해 주세요 {tag}");
        var rejected = await PetitionTestData.PublishedAsync(app, $"버스 정류장 그늘막 설치 요청 {tag}", PetitionStatus.Rejected);
        var hidden = await PetitionTestData.PublishedAsync(app, $"버스정류장 그늘막 설치 {tag}", PetitionStatus.PendingReview);

        var found = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/petitions/similar?title={Uri.EscapeDataString($"버스 정류장 그늘막 설치 {tag}")}");
        var ids = found.EnumerateArray().Select(m => m.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(shown, ids);
        Assert.Contains(rejected, ids);
        Assert.DoesNotContain(hidden, ids);

        // Without JavaScript: the button on the form lists them.
        var client = await app.SignedUpCitizenAsync();
        var form = await client.GetPageAsync("/petitions/new");
        var listed = await Html.ParseAsync(await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = $"버스정류장 그늘막 {tag}" },
            action: "/petitions/new/similar"));
        Assert.Contains(listed.QuerySelectorAll("#similar a"), a => a.GetAttribute("href") == $"/petitions/{shown}");
        Assert.Empty(listed.ErrorSummary());
        Assert.Equal($"버스정류장 그늘막 {tag}", listed.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Title")!.Value);

        // While typing (site.js): the same list as a fragment.
        var fragment = await Html.ParseAsync(await client.GetAsync($"/petitions/new/similar?title={Uri.EscapeDataString($"버스정류장 그늘막 {tag}")}"));
        Assert.Contains(fragment.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/petitions/{shown}");
        Assert.Null(fragment.QuerySelector("header"));
    }

    [Fact]
    public async Task Bad_proposals_are_explained_and_nothing_is_created()
    {
        var client = await app.SignedUpCitizenAsync();
        var before = await app.WithDbAsync(db => db.Set<Petition>().CountAsync());
        var response = await client.SubmitAsync(await client.GetPageAsync("/petitions/new"), new Dictionary<string, string>
        {
            ["Input.Title"] = "짧음", ["Input.Body"] = "", ["Input.CategoryCode"] = "no-such-category",
        }, "form[action='/petitions/new']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["제목은 5자 이상 200자 이하로 입력하세요.", "제안 내용을 입력하세요.", "분야를 고르세요."], (await Html.ParseAsync(response)).ErrorSummary());
        var huge = await client.SubmitAsync(await client.GetPageAsync("/petitions/new"), new Dictionary<string, string>
        {
            ["Input.Title"] = new string('가', 201), ["Input.Body"] = new string('나', 10_001), ["Input.CategoryCode"] = "transport",
        }, "form[action='/petitions/new']");
        Assert.Equal(2, (await Html.ParseAsync(huge)).ErrorSummary().Length);
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<Petition>().CountAsync()));
        // Not signed in: sign in first.
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserLikeClient().GetAsync("/petitions/new")).StatusCode);
    }

    [Fact]
    public async Task Rejected_proposals_show_their_reason_and_cannot_be_supported()
    {
        var id = await PetitionTestData.PublishedAsync(app, "반려될 제안의 제목입니다 " + Guid.NewGuid().ToString("N")[..6], PetitionStatus.Rejected);
        var page = await app.CreateClient().GetPageAsync($"/petitions/{id}");
        Assert.Contains("이미 같은 제안이 있음", page.QuerySelector("main")!.TextContent);
        var client = await app.VerifiedCitizenAsync();
        var token = (await client.GetPageAsync($"/petitions/{id}")).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var refused = await client.PostAsync($"/petitions/{id}/sign", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal($"/petitions/{id}?refused=not-open", refused.Headers.Location!.ToString());
        Assert.Single((await client.GetPageAsync(refused.Headers.Location!.ToString())).ErrorSummary());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PetitionChainEntry>().CountAsync(e => e.PetitionId == id)));
    }

    [Fact]
    public async Task Unknown_proposals_are_404_pages_and_problem_json()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/petitions/987654321")).StatusCode);
        var api = await app.CreateClient().GetAsync("/api/v1/petitions/987654321");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        var bogus = await app.CreateClient().GetPageAsync("/petitions/verify?petition=1&entry=x&hash=nothex");
        Assert.Equal(2, bogus.ErrorSummary().Length);
    }

    [Fact]
    public async Task Supports_are_tabled_by_district_and_every_published_proposal_is_in_the_CSV()
    {
        var title = "자치구별 집계 시험 제안 " + Guid.NewGuid().ToString("N")[..6];
        var id = await PetitionTestData.PublishedAsync(app, title);
        var district = await app.WithDbAsync(db => db.Set<CityHall.Web.Platform.City.District>().OrderBy(d => d.Code).Select(d => new { d.Code, d.NameKo }).FirstAsync());
        var writer = app.Services.GetRequiredService<SignatureWriter>();
        await writer.SignAsync(id, $"district-{id}-1", null!, district.Code);
        await writer.SignAsync(id, $"district-{id}-2", null!, district.Code);
        await writer.SignAsync(id, $"district-{id}-3", null!, null);

        var page = await app.CreateClient().GetPageAsync($"/petitions/{id}");
        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(district.NameKo, StringComparison.Ordinal) && r.Contains('2'));
        Assert.Contains(rows, r => r.Contains("자치구를 밝히지 않음", StringComparison.Ordinal) && r.Contains('1'));

        var csv = await app.CreateClient().GetAsync("/api/v1/petitions.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var line = (await csv.Content.ReadAsStringAsync()).Split('\n').Single(l => l.StartsWith($"{id},", StringComparison.Ordinal));
        Assert.Contains(title, line);
        Assert.Contains(",Collecting,3,", line);
        // Times as in every file of the city: UTC to the second.
        Assert.Matches(@",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,", line);
    }
}
