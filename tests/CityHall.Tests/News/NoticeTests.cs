using System.Globalization;
using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.News;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.News;

/// <summary>A city of its own for the notice tests, on a clock the scheduled notices move.</summary>
public sealed class NoticeApp() : ClockedApp(InSeoul(2027, 6, 1, 9));

/// <summary>
/// Official notices: written by one person, approved by another of the same department, numbered per department and
/// year on approval (consecutively, even when approved at the same moment), sealed once approved and mended only by a
/// correction that links the original; the public sees number, legal basis, period and status; open data has them all.
/// </summary>
public sealed class NoticeTests(NoticeApp app) : IClassFixture<NoticeApp>
{
    private const string Form = "form[data-post-form]";

    private static string Local(DateTimeOffset utc) => utc.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static long IdIn(string location) => long.Parse(location.Split('/', '?')[3], CultureInfo.InvariantCulture);

    /// <summary>A writer of the department submits a notice for publication (now, or at a time); its id.</summary>
    private static async Task<long> SubmitAsync(HttpClient writer, string department, string title, params (string, string)[] more)
    {
        var form = await writer.GetPageAsync("/admin/news/new");
        return IdIn(Html.RedirectedTo(await writer.SubmitAsync(form, form.FilledIn(Form).With([("Input.Kind", "Notice"), ("Input.Department", department),
            ("Input.TitleKo", title), ("Input.BodyKo", "도시관리계획 결정(변경) 내용을 다음과 같이 고시합니다."),
            ("Input.LegalBasis", "「국토의 계획 및 이용에 관한 법률」 제30조"), ("Input.PeriodFrom", "2027-06-01"), ("Input.PeriodTo", "2027-06-30"),
            ("Input.When", "Now")]).With(more), Form)));
    }

    private static async Task<HttpResponseMessage> ApproveAsync(HttpClient approver, long id)
    {
        var page = await approver.GetPageAsync($"/admin/news/{id}");
        return await approver.SubmitAsync(page, [], "form[data-approve-form]");
    }

    private Task<NewsPost> PostAsync(long id) => app.WithDbAsync(db => db.Set<NewsPost>().AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task A_notice_is_published_only_when_someone_else_approves_it_and_then_it_is_sealed()
    {
        var writerEmail = $"writer-{Guid.NewGuid():N}@city.example";
        var writer = await app.SignedInStaffAsync(Roles.Official, writerEmail, department: "transport");
        var approverEmail = $"approver-{Guid.NewGuid():N}@city.example";
        var approver = await app.SignedInStaffAsync(Roles.Official, approverEmail, department: "transport");
        var id = await SubmitAsync(writer, "transport", "버스전용차로 지정 고시");
        var anyone = app.CreateClient();

        // Waiting: not public; the writer is told someone else must approve, and cannot approve it even by posting.
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/news/{id}")).StatusCode);
        var own = await writer.GetPageAsync($"/admin/news/{id}");
        Assert.Equal("Waiting", own.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.NotNull(own.QuerySelector("[data-awaiting-other]"));
        Assert.Null(own.QuerySelector("form[data-approve-form]"));
        var forged = await writer.PostAsync($"/admin/news/{id}?handler=Approve", new FormUrlEncodedContent(
            [.. own.FilledIn(Form).Where(f => f.Key == "__RequestVerificationToken"), new("version", (await PostAsync(id)).Revision.ToString(CultureInfo.InvariantCulture))]));
        Assert.Single((await Html.ParseAsync(forged)).ErrorSummary());
        Assert.Null((await PostAsync(id)).ApprovedAt);

        // Another department's approver does not find it; one of the same department sees it waiting, and approves.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInStaffAsync(Roles.Official, department: "culture")).GetAsync($"/admin/news/{id}")).StatusCode);
        Assert.NotNull((await approver.GetPageAsync("/admin/news")).QuerySelector($"[data-waiting-notice='{id}']"));
        // Told so in the app (the writer is not told of their own submission).
        var told = await app.WithDbAsync(db => db.Set<CityHall.Web.Platform.Notifications.InAppNotification>().Where(n => n.Link == $"/admin/news/{id}")
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.Email).ToListAsync());
        Assert.Contains(approverEmail, told);
        Assert.DoesNotContain(writerEmail, told);
        Assert.Contains("approved=1", Html.RedirectedTo(await ApproveAsync(approver, id)), StringComparison.Ordinal);

        var notice = await PostAsync(id);
        Assert.Equal(2027, notice.NoticeYear);
        Assert.NotNull(notice.NoticeNumber);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, notice.PublishAt);
        var page = await anyone.GetPageAsync($"/news/{id}");
        Assert.Equal(OfficialNotices.Number(notice), page.QuerySelector("[data-notice-number]")!.GetAttribute("data-notice-number"));
        Assert.Equal("InForce", page.QuerySelector("[data-notice-status]")!.GetAttribute("data-notice-status"));
        Assert.Contains("제30조", page.QuerySelector("[data-legal-basis]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(id, (await anyone.GetPageAsync("/news?kind=notice")).QuerySelectorAll("[data-news] [data-post]").Select(e => long.Parse(e.GetAttribute("data-post")!, CultureInfo.InvariantCulture)));

        // Sealed: a change is refused with a message and nothing written; it cannot be deleted; it can be corrected.
        var sealedPage = await writer.GetPageAsync($"/admin/news/{id}");
        Assert.Null(sealedPage.QuerySelector(Form));
        Assert.NotNull(sealedPage.QuerySelector("[data-write-correction]"));
        var token = new KeyValuePair<string, string>("__RequestVerificationToken", own.FilledIn(Form).Single(f => f.Key == "__RequestVerificationToken").Value);
        var change = await writer.PostAsync($"/admin/news/{id}", new FormUrlEncodedContent([token, new("Input.Kind", "Notice"), new("Input.Department", "transport"),
            new("Input.TitleKo", "바뀐 제목"), new("Input.BodyKo", "바뀐 본문"), new("Input.LegalBasis", "법"), new("Input.PeriodFrom", "2027-06-01"),
            new("Input.PeriodTo", "2027-06-02"), new("Input.When", "Now")]));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Single((await Html.ParseAsync(change)).ErrorSummary());
        Assert.Equal("버스전용차로 지정 고시", (await PostAsync(id)).TitleKo);
        Assert.Equal(HttpStatusCode.BadRequest, (await writer.PostAsync($"/admin/news/{id}?handler=Delete", new FormUrlEncodedContent([token]))).StatusCode);

        Assert.Equal(["news.post.create.submit", "news.notice.approve"], await app.WithDbAsync(db => db.Set<AuditEntry>()
            .Where(a => a.TargetType == "news-post" && a.TargetId == id.ToString(CultureInfo.InvariantCulture)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Twenty_notices_of_one_department_approved_at_once_get_twenty_consecutive_numbers()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var ids = await app.WithDbAsync(async db =>
        {
            var notices = Enumerable.Range(1, 20).Select(i => new NewsPost
            {
                Kind = NewsKind.Notice, DepartmentCode = "culture", TitleKo = $"문화재 보호구역 고시 {i}", BodyKo = "고시합니다.", LegalBasis = "「문화유산법」 제27조",
                PeriodFrom = new DateOnly(2027, 6, 1), PeriodTo = new DateOnly(2027, 7, 1), SubmittedBy = "writer@city.example", SubmittedAt = now,
                CreatedBy = "writer@city.example", CreatedAt = now, UpdatedAt = now,
            }).ToList();
            db.AddRange(notices);
            await db.SaveChangesAsync();
            return notices.Select(n => n.Id).ToList();
        });
        var versions = await app.WithDbAsync(db => db.Set<NewsPost>().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Revision));
        var approver = await app.SignedInStaffAsync(Roles.Official, department: "culture");
        var token = (await approver.GetPageAsync("/admin/news/new")).FilledIn(Form).Single(f => f.Key == "__RequestVerificationToken");

        var responses = await Task.WhenAll(ids.Select(id => approver.PostAsync($"/admin/news/{id}?handler=Approve",
            new FormUrlEncodedContent([token, new("version", versions[id].ToString(CultureInfo.InvariantCulture))]))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var numbers = await app.WithDbAsync(db => db.Set<NewsPost>().Where(p => ids.Contains(p.Id)).Select(p => new { p.NoticeYear, p.NoticeNumber }).ToListAsync());
        Assert.All(numbers, n => Assert.Equal(2027, n.NoticeYear));
        var sorted = numbers.Select(n => n.NoticeNumber!.Value).Order().ToList();
        Assert.Equal(Enumerable.Range(sorted[0], 20), sorted);
        Assert.Equal(sorted[^1], await app.WithDbAsync(db => db.Set<NoticeNumberCounter>().Where(c => c.DepartmentCode == "culture" && c.Year == 2027).Select(c => c.Last).SingleAsync()));
    }

    [Fact]
    public async Task A_correction_links_the_original_which_then_shows_corrected_and_is_never_rewritten()
    {
        var writer = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        var approver = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        var original = await SubmitAsync(writer, "transport", "주차장 요금 조정 공고");
        Html.RedirectedTo(await ApproveAsync(approver, original));
        var before = await PostAsync(original);

        var form = await writer.GetPageAsync($"/admin/news/new?corrects={original}");
        Assert.Equal("[정정] 주차장 요금 조정 공고", form.QuerySelector("#Input_TitleKo")!.GetAttribute("value"));
        var correction = IdIn(Html.RedirectedTo(await writer.SubmitAsync(form, form.FilledIn(Form).With(("Input.BodyKo", "요금표의 오기를 바로잡습니다."), ("Input.When", "Now")), Form)));
        // Not public yet: the original still stands (another address than below: public pages are cached for 2 s).
        Assert.Null((await app.CreateClient().GetPageAsync($"/news/{original}?before=1")).QuerySelector("[data-corrected-by]"));
        Html.RedirectedTo(await ApproveAsync(approver, correction));

        var anyone = app.CreateClient();
        var originalPage = await anyone.GetPageAsync($"/news/{original}");
        Assert.Equal("Corrected", originalPage.QuerySelector("[data-notice-status]")!.GetAttribute("data-notice-status"));
        Assert.Equal(correction.ToString(CultureInfo.InvariantCulture), originalPage.QuerySelector("[data-corrected-by]")!.GetAttribute("data-corrected-by"));
        Assert.Equal(original.ToString(CultureInfo.InvariantCulture), (await anyone.GetPageAsync($"/news/{correction}")).QuerySelector("[data-corrects]")!.GetAttribute("data-corrects"));
        var after = await PostAsync(original);
        Assert.Equal((before.TitleKo, before.BodyKo, before.UpdatedAt, before.NoticeNumber), (after.TitleKo, after.BodyKo, after.UpdatedAt, after.NoticeNumber));
        // The correction has a number of its own; the corrected notice cannot be corrected again (correct the correction).
        Assert.NotEqual(before.NoticeNumber, (await PostAsync(correction)).NoticeNumber);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/admin/news/new?corrects={original}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync($"/admin/news/new?corrects={correction}")).StatusCode);

        // Only those in force: the correction, not the corrected; nor one whose period has ended.
        var ended = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var old = new NewsPost { Kind = NewsKind.Notice, DepartmentCode = "transport", TitleKo = "지난 공고", BodyKo = "본문", LegalBasis = "법", PeriodFrom = new DateOnly(2027, 1, 1),
                PeriodTo = new DateOnly(2027, 1, 31), PublishAt = now.AddDays(-200), ApprovedAt = now.AddDays(-200), ApprovedBy = "a", CreatedBy = "w", CreatedAt = now, UpdatedAt = now };
            db.Add(old);
            await db.SaveChangesAsync();
            return old.Id;
        });
        var inForce = (await anyone.GetPageAsync("/news?kind=notice&status=inforce")).QuerySelectorAll("[data-news] [data-post]").Select(e => long.Parse(e.GetAttribute("data-post")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(correction, inForce);
        Assert.DoesNotContain(original, inForce);
        Assert.DoesNotContain(ended, inForce);
        Assert.Equal("Ended", (await anyone.GetPageAsync($"/news/{ended}")).QuerySelector("[data-notice-status]")!.GetAttribute("data-notice-status"));

        var csv = await anyone.GetStringAsync("/open-data/city-notices.csv");
        var row = csv.Split('\n').Single(l => l.StartsWith(original.ToString(CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal));
        Assert.Contains(",corrected,", row, StringComparison.Ordinal);
        Assert.Contains("," + correction.ToString(CultureInfo.InvariantCulture) + ",", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returned_notice_goes_back_with_the_reason_and_a_scheduled_one_appears_at_its_time_with_that_years_number()
    {
        var writer = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        var approver = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        var at = app.Clock.GetUtcNow().AddHours(3);
        var id = await SubmitAsync(writer, "transport", "택시 승차대 신설 공고", ("Input.When", "At"), ("Input.PublishAt", Local(at)));

        // Returned without a reason: refused; with one: back to the writers, who see why.
        var review = await approver.GetPageAsync($"/admin/news/{id}");
        Assert.Single((await Html.ParseAsync(await approver.SubmitAsync(review, [new("reason", "  ")], "form[data-return-form]"))).ErrorSummary());
        Html.RedirectedTo(await approver.SubmitAsync(review, [new("reason", "법적 근거 조항을 확인하세요.")], "form[data-return-form]"));
        var returned = await writer.GetPageAsync($"/admin/news/{id}");
        Assert.Equal("Returned", returned.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.Contains("법적 근거 조항을 확인하세요.", returned.QuerySelector("[data-return-reason]")!.TextContent, StringComparison.Ordinal);

        // Approving what one read before it was returned and submitted again is refused: it changed meanwhile.
        Assert.Equal("At", returned.QuerySelector("input[name='Input.When'][checked]")?.GetAttribute("value"));
        var stale = review.QuerySelector("form[data-approve-form] input[name=version]")!.GetAttribute("value")!;
        Html.RedirectedTo(await writer.SubmitAsync(returned, returned.FilledIn(Form).With(("Input.LegalBasis", "「도로교통법」 제32조")), Form));
        var changed = await approver.PostAsync($"/admin/news/{id}?handler=Approve", new FormUrlEncodedContent([review.FilledIn("form[data-approve-form]").Single(f => f.Key == "__RequestVerificationToken"), new("version", stale)]));
        Assert.Single((await Html.ParseAsync(changed)).ErrorSummary());
        Assert.Null((await PostAsync(id)).ApprovedAt);

        Html.RedirectedTo(await ApproveAsync(approver, id));
        var notice = await PostAsync(id);
        // The time asked for, to the minute as the form takes it.
        Assert.Equal(Local(at), Local(new DateTimeOffset(notice.PublishAt!.Value, TimeSpan.Zero)));
        Assert.NotNull(notice.NoticeNumber);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/news/{id}")).StatusCode);
        app.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/news/{id}")).StatusCode);
    }

    [Fact]
    public async Task What_is_not_a_notice_is_refused_with_a_message_and_nothing_written()
    {
        var writer = await app.SignedInStaffAsync(Roles.Official, department: "culture");
        var form = await writer.GetPageAsync("/admin/news/new");
        var count = await app.WithDbAsync(db => db.Set<NewsPost>().CountAsync());
        async Task<string[]> Refused(params (string, string)[] values)
        {
            var response = await writer.SubmitAsync(form, form.FilledIn(Form).With([("Input.Kind", "Notice"), ("Input.Department", "culture"), ("Input.TitleKo", "공고"),
                ("Input.BodyKo", "본문"), ("Input.When", "Now")]).With(values), Form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Html.ParseAsync(response)).ErrorSummary();
        }
        Assert.Equal(3, (await Refused()).Length); // no legal basis, no period
        Assert.Single(await Refused(("Input.LegalBasis", "조례"), ("Input.PeriodFrom", "2027-06-10"), ("Input.PeriodTo", "2027-06-09")));
        Assert.Single(await Refused(("Input.LegalBasis", "조례"), ("Input.PeriodFrom", "0001-01-01"), ("Input.PeriodTo", "2027-06-09")));
        Assert.Single(await Refused(("Input.LegalBasis", "조례"), ("Input.PeriodFrom", "yesterday"), ("Input.PeriodTo", "2027-06-09")));
        Assert.Single(await Refused(("Input.LegalBasis", new string('법', 1001)), ("Input.PeriodFrom", "2027-06-01"), ("Input.PeriodTo", "2027-06-09")));
        Assert.Single(await Refused(("Input.LegalBasis", "   "), ("Input.PeriodFrom", "2027-06-01"), ("Input.PeriodTo", "2027-06-09")));
        // A correction of something that is not a published notice of theirs.
        Assert.Single(await Refused(("Input.LegalBasis", "조례"), ("Input.PeriodFrom", "2027-06-01"), ("Input.PeriodTo", "2027-06-09"), ("Input.Corrects", "999999999")));
        Assert.Equal(count, await app.WithDbAsync(db => db.Set<NewsPost>().CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync("/admin/news/new?corrects=999999999")).StatusCode);
    }
}
