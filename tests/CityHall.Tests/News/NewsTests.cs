using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.News;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.News;

/// <summary>A city of its own for the news tests (counts are exact), on a clock the embargo tests move.</summary>
public sealed class NewsApp() : ClockedApp(InSeoul(2027, 4, 5, 9));

/// <summary>
/// Staff write news, press releases and events for their department, now or embargoed until a set time; the public
/// lists, pages and feeds show them only from that time; other departments never see their drafts.
/// </summary>
public sealed class NewsTests(NewsApp app) : IClassFixture<NewsApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private static string Local(DateTimeOffset utc) => utc.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<SyndicationItem>> FeedAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/news/feed.atom" + query);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.Empty(AtomConformance.Problems(xml));
        using var reader = XmlReader.Create(new StringReader(xml));
        return SyndicationFeed.Load(reader).Items.ToList();
    }

    private static long[] Listed(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-news] [data-post]").Select(li => long.Parse(li.GetAttribute("data-post")!, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public async Task An_embargoed_press_release_appears_nowhere_until_its_time_then_everywhere()
    {
        var writer = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        var form = await writer.GetPageAsync("/admin/news/new");
        var embargo = app.Clock.GetUtcNow().AddHours(2);
        var saved = Html.RedirectedTo(await writer.SubmitAsync(form, form.FilledIn().With(("Input.Kind", "PressRelease"), ("Input.Department", "transport"),
            ("Input.TitleKo", "심야버스 노선 확대"), ("Input.TitleEn", "More night bus routes"), ("Input.BodyKo", "# 심야버스\n\n다음 달부터 **네 개** 노선을 늘립니다.<script>alert(1)</script>"),
            ("Input.When", "At"), ("Input.PublishAt", Local(embargo)))));
        var id = long.Parse(saved.Split('/', '?')[3], CultureInfo.InvariantCulture);
        var anyone = app.CreateClient();

        // Before its time: not in the list, not found, not in the feed; "scheduled" to its department.
        Assert.DoesNotContain(id, Listed(await anyone.GetPageAsync("/news?kind=pressrelease")));
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/news/{id}")).StatusCode);
        Assert.DoesNotContain(await FeedAsync(anyone), i => i.Id.EndsWith($"/news/{id}", StringComparison.Ordinal));
        Assert.Equal("Scheduled", (await writer.GetPageAsync("/admin/news")).QuerySelector($"[data-admin-post='{id}']")!.GetAttribute("data-state"));

        app.Clock.Advance(TimeSpan.FromHours(2));
        var list = await anyone.GetPageAsync("/news?kind=pressrelease&page=1&x=1");
        Assert.Contains(id, Listed(list));
        var page = await anyone.GetPageAsync($"/news/{id}");
        Assert.Equal("심야버스 노선 확대", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        // Raw HTML is text in Markdown here: shown as written, never run.
        Assert.Equal("심야버스 다음 달부터 네 개 노선을 늘립니다.<script>alert(1)</script>", page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
        Assert.EndsWith($"/news/{id}", page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"), StringComparison.Ordinal);
        var body = page.QuerySelector("[data-post-body]")!;
        Assert.NotNull(body.QuerySelector("h1, h2, strong"));
        Assert.Null(body.QuerySelector("script"));
        Assert.Equal("transport", page.QuerySelector("[data-department]")!.GetAttribute("data-department"));
        var item = Assert.Single(await FeedAsync(anyone, "?kind=pressrelease"), i => i.Id.EndsWith($"/news/{id}", StringComparison.Ordinal));
        Assert.Equal("심야버스 노선 확대", item.Title.Text);
        Assert.Equal("pressrelease", Assert.Single(item.Categories).Name);
        // In English, the English title.
        var english = app.CreateClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        Assert.Equal("More night bus routes", (await english.GetPageAsync($"/news/{id}")).QuerySelector("h1")!.TextContent);

        Assert.Equal(["news.post.create"], await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.TargetType == "news-post" && a.TargetId == id.ToString(CultureInfo.InvariantCulture))
            .Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task What_is_not_a_post_is_refused_with_a_message_and_nothing_written()
    {
        var writer = await app.SignedInStaffAsync(Roles.Official, department: "culture");
        var form = await writer.GetPageAsync("/admin/news/new");
        var before = await app.WithDbAsync(db => db.Set<NewsPost>().CountAsync());
        async Task<string[]> Refused(params (string, string)[] values)
        {
            var response = await writer.SubmitAsync(form, form.FilledIn().With(values));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Html.ParseAsync(response)).ErrorSummary();
        }
        Assert.Equal(2, (await Refused(("Input.TitleKo", ""), ("Input.BodyKo", "   "))).Length);
        Assert.Single(await Refused(("Input.TitleKo", "축제"), ("Input.BodyKo", "본문"), ("Input.When", "At"), ("Input.PublishAt", "")));
        Assert.Single(await Refused(("Input.TitleKo", "축제"), ("Input.BodyKo", "본문"), ("Input.When", "At"), ("Input.PublishAt", Local(app.Clock.GetUtcNow().AddHours(-1)))));
        Assert.Single(await Refused(("Input.TitleKo", "축제"), ("Input.BodyKo", "본문"), ("Input.When", "At"), ("Input.PublishAt", "not a time")));
        Assert.Single(await Refused(("Input.TitleKo", "축제"), ("Input.BodyKo", "본문"), ("Input.When", "At"), ("Input.PublishAt", "0001-01-01T00:00")));
        Assert.Single(await Refused(("Input.TitleKo", "축제"), ("Input.BodyKo", "본문"), ("Input.When", "At"), ("Input.PublishAt", "9999-12-31T23:59")));
        Assert.Single(await Refused(("Input.TitleKo", "축제"), ("Input.BodyKo", "본문"), ("Input.Department", "transport"))); // not theirs
        Assert.Single(await Refused(("Input.TitleKo", "축제"), ("Input.BodyKo", "본문"), ("Input.Kind", "99")));
        Assert.Single(await Refused(("Input.TitleKo", "축제"), ("Input.BodyKo", "본문"), ("Input.Districts", "nowhere")));
        Assert.Single(await Refused(("Input.TitleKo", new string('가', 301)), ("Input.BodyKo", "본문")));
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<NewsPost>().CountAsync()));

        // The public side's bad input: ignored filters still list; a feed of an unknown kind or district is a problem.
        var anyone = app.CreateClient();
        foreach (var url in new[] { "/news?kind=%3Cscript%3E&department=nowhere&district=x&month=13-2027&page=-3", "/news?month=2027-99", "/news?month=0001-01", "/news?month=9999-12", "/news?district=11110&month=0001-01", "/news/999999999" })
            Assert.True((await anyone.GetAsync(url)).StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, url);
        // A month off the calendar's ends is no month: the whole list, not an error.
        Assert.Null((await anyone.GetPageAsync("/news?month=9999-12")).QuerySelector("#MonthText[value='9999-12']"));
        foreach (var query in new[] { "?kind=bulletin", "?kind=1", "?district=nowhere" })
        {
            var response = await anyone.GetAsync("/news/feed.atom" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Another_departments_drafts_are_not_found_and_administrators_see_every_department()
    {
        var culture = await app.SignedInStaffAsync(Roles.Official, department: "culture");
        var form = await culture.GetPageAsync("/admin/news/new");
        var id = long.Parse(Html.RedirectedTo(await culture.SubmitAsync(form, form.FilledIn().With(("Input.Kind", "Event"), ("Input.Department", "culture"),
            ("Input.TitleKo", "봄 축제 (초안)"), ("Input.BodyKo", "아직 확정되지 않았습니다."), ("Input.When", "Draft")))).Split('/', '?')[3], CultureInfo.InvariantCulture);

        var transport = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        Assert.Null((await transport.GetPageAsync("/admin/news")).QuerySelector($"[data-admin-post='{id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await transport.GetAsync($"/admin/news/{id}")).StatusCode);
        var theirs = await transport.GetPageAsync("/admin/news/new");
        Assert.Equal(HttpStatusCode.NotFound, (await transport.PostAsync($"/admin/news/{id}?handler=Delete",
            new FormUrlEncodedContent(theirs.FilledIn().Where(f => f.Key == "__RequestVerificationToken")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/news/{id}")).StatusCode);
        var citizen = await app.VerifiedCitizenAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync("/admin/news")).StatusCode);

        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        Assert.Equal("Draft", (await admin.GetPageAsync("/admin/news")).QuerySelector($"[data-admin-post='{id}']")!.GetAttribute("data-state"));
        // Its own department publishes it now, then cannot delete it any more; the draft's time is now.
        var edit = await culture.GetPageAsync($"/admin/news/{id}");
        Assert.NotNull(edit.QuerySelector("form[data-delete-form]"));
        Html.RedirectedTo(await culture.SubmitAsync(edit, edit.FilledIn("form[data-post-form]").With(("Input.When", "Now")), "form[data-post-form]"));
        Assert.Equal(Now, await app.WithDbAsync(db => db.Set<NewsPost>().Where(p => p.Id == id).Select(p => p.PublishAt).SingleAsync()));
        Assert.Null((await culture.GetPageAsync($"/admin/news/{id}")).QuerySelector("form[data-delete-form]"));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/news/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_list_is_narrowed_by_kind_department_district_with_the_city_wide_and_month_20_a_page()
    {
        // 25 published news of "transport" a day apart (the 1st for Jongno-gu, the 2nd for Gangnam-gu, the rest city-wide),
        // one event of "culture", one draft.
        var (news, jongno, gangnam, festival) = await app.WithDbAsync(async db =>
        {
            NewsPost Post(NewsKind kind, string department, string title, DateTime? at, string? districts = null) => new()
            {
                Kind = kind, DepartmentCode = department, TitleKo = title, BodyKo = "본문", PublishAt = at, Districts = districts, CreatedAt = Now, UpdatedAt = Now, CreatedBy = "test",
            };
            var posts = Enumerable.Range(1, 25).Select(i => Post(NewsKind.News, "transport", $"교통 소식 {i}", Now.AddDays(-100 - i), i == 1 ? "11110" : i == 2 ? "11680" : null)).ToList();
            var festival = Post(NewsKind.Event, "culture", "한강 축제", Now.AddDays(-100.5));
            db.AddRange(posts);
            db.AddRange(festival, Post(NewsKind.News, "transport", "초안", null));
            await db.SaveChangesAsync();
            return (posts.Select(p => p.Id).ToArray(), posts[0].Id, posts[1].Id, festival.Id);
        });
        var anyone = app.CreateClient();
        var first = await anyone.GetPageAsync("/news?department=transport&kind=news");
        Assert.Equal(news[..20], Listed(first));
        Assert.Equal(news[20..], Listed(await anyone.GetPageAsync("/news?department=transport&kind=news&page=2")));
        Assert.Contains("page=2", first.QuerySelector("nav a[rel=next]")!.GetAttribute("href"), StringComparison.Ordinal);
        var events = Listed(await anyone.GetPageAsync("/news?kind=event&department=culture"));
        Assert.Contains(festival, events);
        Assert.DoesNotContain(news[0], events);
        // Jongno-gu: its own news and the city-wide, not Gangnam-gu's.
        var inJongno = (await FeedAsync(anyone, "?district=11110")).Select(i => long.Parse(i.Id.Split('/')[^1], CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(jongno, inJongno);
        Assert.DoesNotContain(gangnam, inJongno);
        Assert.Contains(news[5], inJongno);
        // A month in the city's calendar: exactly the news published in it.
        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");
        string MonthOf(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(utc, TimeSpan.Zero), seoul).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var month = MonthOf(Now.AddDays(-101));
        var expected = Enumerable.Range(1, 25).Where(i => MonthOf(Now.AddDays(-100 - i)) == month).Select(i => news[i - 1]).Take(20).ToArray();
        Assert.Equal(expected, Listed(await anyone.GetPageAsync($"/news?department=transport&kind=news&month={month}")));
        Assert.Empty(Listed(await anyone.GetPageAsync($"/news?department=transport&month=1999-01")));
    }

    [Fact]
    public async Task Published_news_is_on_the_home_page_in_the_search_and_in_open_data_and_a_citizens_district_comes_first()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (published, embargoed, forJongno) = await app.WithDbAsync(async db =>
        {
            NewsPost Post(string title, DateTime at, string? districts = null) => new()
            {
                Kind = NewsKind.News, DepartmentCode = "culture", TitleKo = title, BodyKo = "한강공원 야간 개장 " + tag, PublishAt = at, Districts = districts, CreatedAt = Now, UpdatedAt = Now, CreatedBy = "test",
            };
            var published = Post("여름밤 한강공원 " + tag, Now.AddMinutes(-1));
            var embargoed = Post("내일 발표 " + tag, Now.AddDays(1));
            var forJongno = Post("종로 골목 축제 " + tag, Now.AddMinutes(-2), "11110");
            db.AddRange(published, embargoed, forJongno);
            await db.SaveChangesAsync();
            return (published.Id, embargoed.Id, forJongno.Id);
        });
        var anyone = app.CreateClient();
        var home = await anyone.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector($"[data-home-post='{published}']"));
        Assert.Null(home.QuerySelector($"[data-home-post='{embargoed}']"));

        await app.Services.GetRequiredService<CityHall.Web.Platform.Search.SearchIndex>().ReconcileAsync();
        var found = await anyone.GetPageAsync("/search?kind=news&q=" + Uri.EscapeDataString(tag));
        var ids = found.QuerySelectorAll("[data-results='news'] [data-result]").Select(r => r.GetAttribute("data-result")).ToList();
        Assert.Contains(published.ToString(CultureInfo.InvariantCulture), ids);
        Assert.DoesNotContain(embargoed.ToString(CultureInfo.InvariantCulture), ids);

        var csv = await anyone.GetStringAsync("/open-data/city-news.csv");
        Assert.Contains("여름밤 한강공원 " + tag, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("내일 발표 " + tag, csv, StringComparison.Ordinal);

        // A citizen of Jongno-gu sees its news first; one of another district does not get that block.
        var email = $"jongno-{tag}@example.org";
        var citizen = await app.SignedUpCitizenAsync(email);
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.DistrictCode, "11110")));
        Html.RedirectedTo(await TestAccounts.VerifyBySmsAsync(app, citizen, TestAccounts.RandomMobile()));
        var mine = await citizen.GetPageAsync("/news");
        Assert.Equal("11110", mine.QuerySelector("[data-home-district]")!.GetAttribute("data-home-district"));
        Assert.Contains(forJongno.ToString(CultureInfo.InvariantCulture), mine.QuerySelectorAll("[data-district-post]").Select(e => e.GetAttribute("data-district-post")));
        Assert.DoesNotContain(published.ToString(CultureInfo.InvariantCulture), mine.QuerySelectorAll("[data-district-post]").Select(e => e.GetAttribute("data-district-post")));
        Assert.Null((await anyone.GetPageAsync("/news")).QuerySelector("[data-home-district]"));
        Assert.Null((await citizen.GetPageAsync("/news?district=11680")).QuerySelector("[data-home-district]"));
    }
}
