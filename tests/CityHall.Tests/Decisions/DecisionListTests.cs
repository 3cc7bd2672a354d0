using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Decisions;
using CityHall.Web.Modules.Decisions.Budgets;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Decisions;

/// <summary>A city of its own for the lists' tests, so they can count exactly what is listed.</summary>
public sealed class DecisionListApp() : ClockedApp(InSeoul(2027, 5, 3, 10));

/// <summary>
/// Lists that grow for as long as the city runs polls and budgets — /votes, /api/v1/polls, a heading's projects and
/// the reviewers' list — are read a page at a time, in the order each promises, with far or absurd pages handled.
/// </summary>
public sealed class DecisionListTests(DecisionListApp app) : IClassFixture<DecisionListApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task Polls_are_listed_open_then_upcoming_then_closed_latest_first_a_page_at_a_time()
    {
        // 25 closed (the nth closed n days ago; one of them closed early), 2 open, 1 coming up, 1 draft.
        var ids = await app.WithDbAsync(async db =>
        {
            Poll Make(string title, DateTime opens, DateTime closes, DateTime? published, DateTime? closedEarly = null) => new()
            {
                TitleKo = title, Kind = PollKind.SingleChoice, MinChoices = 1, MaxChoices = 1, OpensAt = opens, ClosesAt = closes, PublishedAt = published,
                ClosedEarlyAt = closedEarly, Salt = RandomNumberGenerator.GetBytes(32), CreatedAt = Now, UpdatedAt = Now, CreatedBy = "test",
            };
            var closed = Enumerable.Range(1, 25).Select(n => n == 3
                ? Make("closed early 3", Now.AddDays(-40), Now.AddDays(10), Now.AddDays(-41), Now.AddDays(-3))
                : Make($"closed {n}", Now.AddDays(-40), Now.AddDays(-n), Now.AddDays(-41))).ToList();
            var openLater = Make("open, closes later", Now.AddDays(-1), Now.AddDays(5), Now.AddDays(-2));
            var openSooner = Make("open, closes sooner", Now.AddDays(-1), Now.AddDays(2), Now.AddDays(-2));
            var upcoming = Make("upcoming", Now.AddDays(3), Now.AddDays(9), Now.AddDays(-1));
            var draft = Make("draft", Now.AddDays(-1), Now.AddDays(9), null);
            db.AddRange(closed);
            db.AddRange(openLater, openSooner, upcoming, draft);
            await db.SaveChangesAsync();
            return (Closed: closed.Select(p => p.Id).ToArray(), Open: new[] { openSooner.Id, openLater.Id }, Upcoming: upcoming.Id, Draft: draft.Id);
        });
        long[] Listed(AngleSharp.Dom.IDocument page, PollPhase phase) =>
            page.QuerySelectorAll($"[data-polls='{phase}'] [data-poll]").Select(li => long.Parse(li.GetAttribute("data-poll")!, CultureInfo.InvariantCulture)).ToArray();

        var client = app.CreateClient();
        var first = await client.GetPageAsync("/votes");
        Assert.Equal(ids.Open, Listed(first, PollPhase.Open));
        Assert.Equal([ids.Upcoming], Listed(first, PollPhase.Upcoming));
        Assert.Equal(ids.Closed[..20], Listed(first, PollPhase.Closed));
        Assert.Equal("/votes?page=2", first.QuerySelector("[data-polls='Closed'] nav a[rel=next]")!.GetAttribute("href"));

        var second = await client.GetPageAsync("/votes?page=2");
        Assert.Empty(second.QuerySelectorAll("[data-polls='Open'], [data-polls='Upcoming']"));
        Assert.Equal(ids.Closed[20..], Listed(second, PollPhase.Closed));
        Assert.Equal("/votes", second.QuerySelector("nav a[rel=prev]")!.GetAttribute("href"));
        // A page past the last, or an absurd one, is the last or the first, never an error.
        Assert.Equal(ids.Closed[20..], Listed(await client.GetPageAsync("/votes?page=2147483647"), PollPhase.Closed));
        Assert.Equal(ids.Open, Listed(await client.GetPageAsync("/votes?page=-4"), PollPhase.Open));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/votes?page=abc")).StatusCode);

        // The API: the same order, 50 a page, one phase when asked; the draft never.
        long[] Api(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal(ids.Open.Append(ids.Upcoming).Concat(ids.Closed).ToArray(), Api(await client.GetStringAsync("/api/v1/polls")));
        Assert.Empty(Api(await client.GetStringAsync("/api/v1/polls?page=2")));
        Assert.Equal(ids.Closed, Api(await client.GetStringAsync("/api/v1/polls?phase=closed")));
        Assert.Equal(ids.Open, Api(await client.GetStringAsync("/api/v1/polls?phase=Open")));
        Assert.Equal(new[] { ids.Upcoming }, Api(await client.GetStringAsync("/api/v1/polls?phase=upcoming")));
        Assert.Empty(Api(await client.GetStringAsync("/api/v1/polls?page=2147483647")));
        foreach (var bad in new[] { "?phase=draft", "?phase=2", "?phase=soon", "?page=0", "?page=-1" })
        {
            var response = await client.GetAsync("/api/v1/polls" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task A_headings_projects_and_the_review_list_come_a_page_at_a_time()
    {
        // In the support phase: 35 projects on one heading, supports 35 down to 1; the 25 most supported not reviewed yet.
        var (budget, heading, projects) = await app.WithDbAsync(async db =>
        {
            var start = Now.AddDays(-1).AddHours(-1);
            var budget = new Budget
            {
                TitleKo = "목록 예산", Style = BallotStyle.Approval, MaxProjects = 3, IdeasFrom = start, SupportsFrom = start.AddDays(1), ReviewFrom = start.AddDays(2),
                BallotFrom = start.AddDays(3), ResultsFrom = start.AddDays(4), ExecutionFrom = start.AddDays(30), PublishedAt = Now, CreatedAt = Now, UpdatedAt = Now,
                CreatedBy = "test", Salt = RandomNumberGenerator.GetBytes(32),
            };
            db.Add(budget);
            await db.SaveChangesAsync();
            var heading = new BudgetHeading { BudgetId = budget.Id, NameKo = "시 전체", Amount = 1_000 };
            db.Add(heading);
            await db.SaveChangesAsync();
            var projects = Enumerable.Range(0, 35).Select(i => new BudgetProject
            {
                BudgetId = budget.Id, HeadingId = heading.Id, TitleKo = $"사업 {i}", Cost = 10, Supports = 35 - i, Moderation = Moderation.Published,
                Feasibility = i < 25 ? Feasibility.Undecided : Feasibility.Feasible, CreatedAt = Now, UpdatedAt = Now, CreatedBy = "test",
            }).ToList();
            db.AddRange(projects);
            db.Add(new BudgetProject { BudgetId = budget.Id, HeadingId = heading.Id, TitleKo = "검토 전 아이디어", Cost = 10, Supports = 99, Moderation = Moderation.Pending, CreatedAt = Now, UpdatedAt = Now, CreatedBy = "test" });
            await db.SaveChangesAsync();
            return (budget, heading, projects.Select(p => p.Id).ToArray());
        });
        long[] Listed(AngleSharp.Dom.IDocument page, string selector, string attribute) =>
            page.QuerySelectorAll(selector).Select(e => long.Parse(e.GetAttribute(attribute)!, CultureInfo.InvariantCulture)).ToArray();

        var client = app.CreateClient();
        var url = $"/budgets/{budget.Id}/headings/{heading.Id}";
        var first = await client.GetPageAsync(url);
        Assert.Equal(projects[..30], Listed(first, "[data-projects] [data-project]", "data-project"));
        Assert.Equal(url + "?page=2#projects", first.QuerySelector("#projects nav a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(projects[30..], Listed(await client.GetPageAsync(url + "?page=2"), "[data-projects] [data-project]", "data-project"));
        Assert.Equal(projects[30..], Listed(await client.GetPageAsync(url + "?page=99"), "[data-projects] [data-project]", "data-project"));

        var reviewer = await app.SignedInStaffAsync(Roles.Official);
        var review = await reviewer.GetPageAsync("/admin/budgets/review");
        Assert.Equal("25", review.QuerySelector("[data-review-waiting]")!.GetAttribute("data-review-waiting"));
        Assert.Equal(projects[..20], Listed(review, "[data-review-project]", "data-review-project"));
        var second = await reviewer.GetPageAsync("/admin/budgets/review?page=2");
        Assert.Equal(projects[20..], Listed(second, "[data-review-project]", "data-review-project"));
        // A review saved on the second page comes back to it, at the project.
        var form = $"[data-review-project='{projects[21]}'] form[data-review-form]";
        Assert.Equal($"/admin/budgets/review?page=2#project-{projects[21]}",
            Html.RedirectedTo(await reviewer.SubmitAsync(second, second.FilledIn(form).With(("feasibility", "Feasible"), ("cost", "12")), form)));
        Assert.Equal("24", (await reviewer.GetPageAsync("/admin/budgets/review")).QuerySelector("[data-review-waiting]")!.GetAttribute("data-review-waiting"));
    }
}
