using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Decisions;
using CityHall.Web.Modules.Decisions.Budgets;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Decisions;

/// <summary>The app on a clock the budget tests move through the phases (stopped on a Tuesday morning in Seoul).</summary>
public sealed class BudgetClockApp() : ClockedApp(InSeoul(2027, 3, 2, 9));

public sealed class BudgetTests(BudgetClockApp app) : IClassFixture<BudgetClockApp>
{
    private BallotWriter Writer => app.Services.GetRequiredService<BallotWriter>();
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private static string At(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(9)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A published budget whose phases start a day apart from <paramref name="ideasIn"/> from now (ideas, supports,
    /// review, ballot, results; execution a month later), with a city-wide heading of 100 and a district one of 50,
    /// and projects on the city-wide heading, all feasible and selected.
    /// </summary>
    private Task<(Budget Budget, BudgetHeading City, BudgetHeading District, long[] Projects)> BudgetAsync(TimeSpan ideasIn, BallotStyle style = BallotStyle.Knapsack,
        params (string Title, long Cost)[] projects) => app.WithDbAsync(async db =>
    {
        var start = Now + ideasIn;
        var budget = new Budget
        {
            TitleKo = "참여예산 " + Guid.NewGuid().ToString("N")[..6], TitleEn = "Budget", Style = style, MinSharePercent = 70, MaxProjects = 2,
            IdeasFrom = start, SupportsFrom = start.AddDays(1), ReviewFrom = start.AddDays(2), BallotFrom = start.AddDays(3), ResultsFrom = start.AddDays(4),
            ExecutionFrom = start.AddDays(30), PublishedAt = Now, CreatedAt = Now, UpdatedAt = Now, CreatedBy = "test", Salt = RandomNumberGenerator.GetBytes(32),
        };
        db.Add(budget);
        await db.SaveChangesAsync();
        var city = new BudgetHeading { BudgetId = budget.Id, NameKo = "시 전체", NameEn = "Whole city", Amount = 100 };
        var district = new BudgetHeading { BudgetId = budget.Id, NameKo = "종로구", DistrictCode = "11110", Amount = 50 };
        db.AddRange(city, district);
        await db.SaveChangesAsync();
        var rows = projects.Select(p => new BudgetProject
        {
            BudgetId = budget.Id, HeadingId = city.Id, TitleKo = p.Title, Cost = p.Cost, Feasibility = Feasibility.Feasible, Selected = true,
            CreatedAt = Now, UpdatedAt = Now, CreatedBy = "test",
        }).ToList();
        db.AddRange(rows);
        db.Add(new BudgetProject { BudgetId = budget.Id, HeadingId = district.Id, TitleKo = "골목 화단", Cost = 40, Feasibility = Feasibility.Feasible, Selected = true, CreatedAt = Now, UpdatedAt = Now, CreatedBy = "test" });
        await db.SaveChangesAsync();
        return (budget, city, district, rows.Select(r => r.Id).ToArray());
    });

    /// <summary>Draws up the budget's ballots and gives the city-wide heading's poll and its options by project, in the order given.</summary>
    private async Task<(long Poll, long[] Options, long DistrictPoll)> BallotsAsync(Budget budget, BudgetHeading city, BudgetHeading district, long[] projects)
    {
        await app.WithDbAsync(db => Budgets.PrepareBallotsAsync(db, budget.Id, "test", Now, CancellationToken.None));
        return await app.WithDbAsync(async db =>
        {
            var poll = await db.Set<BudgetHeading>().Where(h => h.Id == city.Id).Select(h => h.PollId!.Value).SingleAsync();
            var options = await db.Set<PollOption>().Where(o => o.PollId == poll).ToDictionaryAsync(o => o.ProjectId!.Value, o => o.Id);
            var districtPoll = await db.Set<BudgetHeading>().Where(h => h.Id == district.Id).Select(h => h.PollId!.Value).SingleAsync();
            return (poll, projects.Select(p => options[p]).ToArray(), districtPoll);
        });
    }

    [Fact]
    public async Task Staff_prepare_a_budget_whose_phases_follow_the_clock_and_draw_up_ballots_that_are_then_fixed()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var form = await staff.GetPageAsync("/admin/budgets/new");
        var title = "2027 시민참여예산 " + Guid.NewGuid().ToString("N")[..6];
        var start = app.Clock.GetUtcNow().AddHours(1);
        (string, string)[] Dates(DateTimeOffset from) =>
        [
            ("Input.IdeasFrom", At(from)), ("Input.SupportsFrom", At(from.AddDays(1))), ("Input.ReviewFrom", At(from.AddDays(2))),
            ("Input.BallotFrom", At(from.AddDays(3))), ("Input.ResultsFrom", At(from.AddDays(4))), ("Input.ExecutionFrom", At(from.AddDays(30))),
        ];

        // Mistakes come back in the error summary: no name, a phase before the one it follows, a share over 100.
        var wrong = await Html.ParseAsync(await staff.SubmitAsync(form, form.FilledIn("form[data-budget-form]").With(Dates(start)).With(("Input.TitleKo", ""),
            ("Input.ReviewFrom", At(start.AddHours(-5))), ("Input.Style", "Knapsack"), ("Input.MinSharePercent", "150")), "form[data-budget-form]"));
        Assert.Equal(3, wrong.ErrorSummary().Length);
        // Values no form offers: messages, not a 500.
        var absurd = await staff.SubmitAsync(form, form.FilledIn("form[data-budget-form]").With(Dates(start)).With(("Input.TitleKo", title),
            ("Input.Style", "9"), ("Input.IdeasFrom", "0001-01-01T00:00"), ("Input.MinSharePercent", "many")), "form[data-budget-form]");
        Assert.Equal(HttpStatusCode.OK, absurd.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(absurd)).ErrorSummary());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Budget>().CountAsync(b => b.TitleKo == title)));

        var saved = await staff.SubmitAsync(form, form.FilledIn("form[data-budget-form]").With(Dates(start)).With(("Input.TitleKo", title), ("Input.TitleEn", "2027 Citizens' Budget"),
            ("Input.Style", "Knapsack"), ("Input.MinSharePercent", "70")), "form[data-budget-form]");
        var id = long.Parse(Html.RedirectedTo(saved).Split('/', '?')[3], CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/budgets/{id}")).StatusCode);

        // Headings: a name and an amount are needed; a district must be one of the city's.
        var page = await staff.GetPageAsync($"/admin/budgets/{id}");
        var noHeading = await Html.ParseAsync(await staff.SubmitAsync(page, [], "form[data-publish]"));
        Assert.Single(noHeading.ErrorSummary());
        var badHeading = await Html.ParseAsync(await staff.SubmitAsync(page, page.FilledIn("form[data-heading-form]").With(("Heading.NameKo", ""), ("Heading.Amount", "0"), ("Heading.DistrictCode", "99999")), "form[data-heading-form]"));
        Assert.Equal(3, badHeading.ErrorSummary().Length);
        Html.RedirectedTo(await staff.SubmitAsync(page, page.FilledIn("form[data-heading-form]").With(("Heading.NameKo", "시 전체"), ("Heading.NameEn", "Whole city"), ("Heading.Amount", "1000000000")), "form[data-heading-form]"));
        Html.RedirectedTo(await staff.SubmitAsync(page, page.FilledIn("form[data-heading-form]").With(("Heading.NameKo", "종로구"), ("Heading.DistrictCode", "11110"), ("Heading.Amount", "300000000")), "form[data-heading-form]"));
        var headings = await app.WithDbAsync(db => db.Set<BudgetHeading>().Where(h => h.BudgetId == id).OrderBy(h => h.Id).ToListAsync());
        Assert.Equal([null, "11110"], headings.Select(h => h.DistrictCode));

        // Projects: an unfeasible one needs its reasons; only a feasible one goes on the ballot.
        var projectForm = await staff.GetPageAsync($"/admin/budgets/{id}/projects/new");
        var cityHeading = headings[0].Id.ToString(CultureInfo.InvariantCulture);
        var refused = await Html.ParseAsync(await staff.SubmitAsync(projectForm, projectForm.FilledIn("form[data-project-form]").With(("Input.HeadingId", cityHeading),
            ("Input.TitleKo", "한강 수영장"), ("Input.Cost", "0"), ("Input.Feasibility", "Unfeasible"), ("Input.Selected", "true"), ("Input.Latitude", "37.5")), "form[data-project-form]"));
        Assert.Equal(4, refused.ErrorSummary().Length); // cost, place half given, selected though not feasible, reasons missing
        async Task<long> ProjectAsync(string name, long cost, string feasibility, bool selected, string? reasons = null)
        {
            var fields = projectForm.FilledIn("form[data-project-form]").With(("Input.HeadingId", cityHeading), ("Input.TitleKo", name), ("Input.Cost", cost.ToString(CultureInfo.InvariantCulture)),
                ("Input.Feasibility", feasibility), ("Input.ReviewNoteKo", reasons ?? ""), ("Input.Latitude", "37.5665"), ("Input.Longitude", "126.978"));
            if (selected) fields = fields.With(("Input.Selected", "true"));
            Html.RedirectedTo(await staff.SubmitAsync(projectForm, fields, "form[data-project-form]"));
            return await app.WithDbAsync(db => db.Set<BudgetProject>().Where(p => p.BudgetId == id && p.TitleKo == name).Select(p => p.Id).SingleAsync());
        }
        var library = await ProjectAsync("작은 도서관", 400_000_000, "Feasible", selected: true);
        var unfeasible = await ProjectAsync("한강 수영장", 900_000_000, "Unfeasible", selected: false, reasons: "하천법상 설치할 수 없습니다.");
        // Nothing selected can fill 70% of the amount: the ballots cannot be drawn up yet, and staff are told why.
        page = await staff.GetPageAsync($"/admin/budgets/{id}");
        Assert.NotNull(page.QuerySelector("[data-ballot-problems]"));
        Html.RedirectedTo(await staff.SubmitAsync(page, [], "form[data-publish]"));
        var notYet = await Html.ParseAsync(await staff.SubmitAsync(page, [], "form[data-prepare]"));
        Assert.Contains(notYet.ErrorSummary(), m => m.Contains("70%", StringComparison.Ordinal));
        await ProjectAsync("공원 그늘막", 350_000_000, "Feasible", selected: true);

        // Published: phases follow the clock.
        var client = app.CreateClient();
        Assert.NotNull((await client.GetPageAsync("/budgets")).QuerySelector($"[data-budget='{id}'] [data-phase='Upcoming']"));
        app.Clock.Advance(TimeSpan.FromHours(2));
        var ideas = await client.GetPageAsync($"/budgets/{id}?at=ideas");
        Assert.Equal("Ideas", ideas.QuerySelector("[data-phase]")!.GetAttribute("data-phase"));
        Assert.Equal("Ideas", ideas.QuerySelector("[data-timeline] [aria-current=step]")!.GetAttribute("data-timeline-phase"));
        Assert.Equal(2, ideas.QuerySelectorAll("[data-headings] [data-heading]").Length);
        var unfeasiblePage = await client.GetPageAsync($"/budgets/projects/{unfeasible}");
        Assert.Equal("Unfeasible", unfeasiblePage.QuerySelector("[data-feasibility]")!.GetAttribute("data-feasibility"));
        Assert.Contains("하천법", unfeasiblePage.QuerySelector("[data-review-note]")!.TextContent, StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal("Review", (await client.GetPageAsync($"/budgets/{id}?at=review")).QuerySelector("[data-phase]")!.GetAttribute("data-phase"));

        // The ballots drawn up: one per heading with selected projects, a knapsack within the amount and at least 70% of it.
        // (Two days on, a staff session has long ended: staff sign in again.)
        staff = await app.SignedInStaffAsync(Roles.Official);
        page = await staff.GetPageAsync($"/admin/budgets/{id}");
        Assert.Null(page.QuerySelector("[data-ballot-problems]"));
        Html.RedirectedTo(await staff.SubmitAsync(page, [], "form[data-prepare]"));
        var poll = await app.WithDbAsync(db => db.Set<Poll>().SingleAsync(p => p.BudgetHeadingId == headings[0].Id));
        Assert.Equal((PollKind.Knapsack, 1_000_000_000L, 700_000_000L, (string?)null), (poll.Kind, poll.Amount, poll.MinAmount, poll.Districts));
        var options = await app.WithDbAsync(db => db.Set<PollOption>().Where(o => o.PollId == poll.Id).OrderBy(o => o.Position).ToListAsync());
        Assert.Equal([400_000_000L, 350_000_000L], options.Select(o => o.Cost!.Value));
        Assert.Equal(library, options[0].ProjectId);
        Assert.Null(await app.WithDbAsync(db => db.Set<BudgetHeading>().Where(h => h.Id == headings[1].Id).Select(h => h.PollId).SingleAsync()));
        // Budget ballots are reached from their budget, not listed among the city's polls.
        Assert.Null((await client.GetPageAsync("/votes?budget=listed")).QuerySelector($"[data-poll='{poll.Id}']"));

        // Fixed from now on: the ballot's dates and style, the headings, what a ballot shows of a project.
        page = await staff.GetPageAsync($"/admin/budgets/{id}");
        Assert.Null(page.QuerySelector("form[data-heading-form]"));
        var moved = await Html.ParseAsync(await staff.SubmitAsync(page, page.FilledIn("form[data-budget-form]").With(("Input.BallotFrom", At(start.AddDays(3).AddHours(1)))), "form[data-budget-form]"));
        Assert.Single(moved.ErrorSummary());
        var libraryForm = await staff.GetPageAsync($"/admin/budgets/{id}/projects/{library}");
        var recosted = await Html.ParseAsync(await staff.SubmitAsync(libraryForm, libraryForm.FilledIn("form[data-project-form]").With(("Input.Cost", "1")), "form[data-project-form]"));
        Assert.Single(recosted.ErrorSummary());
        Html.RedirectedTo(await staff.SubmitAsync(libraryForm, libraryForm.FilledIn("form[data-project-form]").With(("Input.ReviewNoteKo", "부지는 구청 소유입니다.")), "form[data-project-form]"));
        Assert.Equal(400_000_000L, await app.WithDbAsync(db => db.Set<BudgetProject>().Where(p => p.Id == library).Select(p => p.Cost).SingleAsync()));

        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.TargetType == "budget" && a.TargetId == id.ToString(CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync());
        Assert.Equal(["decisions.budget.ballots", "decisions.budget.create", "decisions.budget.heading", "decisions.budget.heading", "decisions.budget.publish"], actions.Order());
        var citizen = await app.SignedUpCitizenAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync("/admin/budgets/new")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync($"/admin/budgets/{id}/projects/new")).StatusCode);
    }

    [Fact]
    public async Task A_knapsack_ballot_must_fit_the_amount_and_its_result_is_counted_by_votes_and_by_equal_shares()
    {
        // Amount 100, at least 70 of it: A 60, B 50, C 40, D 30.
        var (budget, city, district, projects) = await BudgetAsync(TimeSpan.FromHours(-1), BallotStyle.Knapsack, ("가 사업", 60), ("나 사업", 50), ("다 사업", 40), ("라 사업", 30));
        var (poll, o, districtPoll) = await BallotsAsync(budget, city, district, projects);
        var (a, b, c, d) = (o[0], o[1], o[2], o[3]);
        var client = app.CreateClient();
        var before = await client.GetPageAsync($"/budgets/{budget.Id}/headings/{city.Id}?at=before");
        Assert.Null(before.QuerySelector("[data-ballot-link]"));
        Assert.Equal(BallotOutcome.NotOpen, (await Writer.CastAsync(new(poll, "early-" + poll, null, [a, d]))).Outcome);

        app.Clock.Advance(TimeSpan.FromDays(3)); // the ballot phase
        var open = await client.GetPageAsync($"/budgets/{budget.Id}/headings/{city.Id}?at=ballot");
        Assert.Equal($"/votes/{poll}", open.QuerySelector("[data-ballot-link]")!.GetAttribute("href"));

        // Through the page: over the amount, under the minimum, another heading's project — each refused with its reason, nothing written.
        var voter = await app.VerifiedCitizenAsync();
        var ballot = await voter.GetPageAsync($"/votes/{poll}");
        Assert.Equal(4, ballot.QuerySelectorAll("form[data-ballot-form] input[type=checkbox][data-cost]").Length);
        Assert.Equal("100", ballot.QuerySelector("[data-remaining]")!.GetAttribute("data-amount"));
        Assert.Equal($"/budgets/{budget.Id}/headings/{city.Id}", ballot.QuerySelector($"nav a[href='/budgets/{budget.Id}/headings/{city.Id}']")?.GetAttribute("href"));
        async Task<string> CastAsync(params long[] choices) => Html.RedirectedTo(await voter.SubmitAsync(ballot,
            choices.Select(x => new KeyValuePair<string, string>("choice", x.ToString(CultureInfo.InvariantCulture))), "form[data-ballot-form]"));
        Assert.Equal($"/votes/{poll}?refused=over-amount&chosen={a},{b}#ballot", await CastAsync(a, b));
        Assert.Equal($"/votes/{poll}?refused=under-minimum&chosen={b}#ballot", await CastAsync(b));
        var districtOption = await app.WithDbAsync(db => db.Set<PollOption>().Where(x => x.PollId == districtPoll).Select(x => x.Id).SingleAsync());
        Assert.Equal($"/votes/{poll}?refused=invalid-choices&chosen={a},{districtOption}#ballot", await CastAsync(a, districtOption));
        // The refused ballot comes back ticked as it was sent (only this ballot's projects), with the reason and what it is over by.
        var refusedPage = await voter.GetPageAsync($"/votes/{poll}?refused=over-amount&chosen={a},{b},{districtOption},x");
        Assert.Single(refusedPage.ErrorSummary());
        Assert.Equal([a.ToString(CultureInfo.InvariantCulture), b.ToString(CultureInfo.InvariantCulture)], refusedPage.QuerySelectorAll("input[data-cost][checked]").Select(i => i.GetAttribute("value")!));
        Assert.Equal("over", refusedPage.QuerySelector("[data-remaining]")!.GetAttribute("data-state"));
        Assert.Equal(0L, await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == poll).Select(p => p.ChainLength).SingleAsync()));
        Assert.Equal($"/votes/{poll}?done=cast&receipt=1#receipt", await CastAsync(a, d));
        var mine = await voter.GetPageAsync($"/votes/{poll}");
        Assert.Equal("ok", mine.QuerySelector("[data-remaining]")!.GetAttribute("data-state"));
        Assert.Equal(2, mine.QuerySelectorAll("input[data-cost][checked]").Length);

        // The district's heading is for its residents only.
        Assert.Equal(BallotOutcome.OutsideDistrict, (await Writer.CastAsync(new(districtPoll, "elsewhere-" + poll, "11140", [districtOption]))).Outcome);
        Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(districtPoll, "resident-" + poll, "11110", [districtOption]))).Outcome);

        // The hand-worked case: five voters (the page's voter is the first: A+D), one of whom changes their ballot.
        Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(poll, "v2-" + poll, null, [a, c]))).Outcome);
        Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(poll, "v3-" + poll, null, [b, c]))).Outcome);
        Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(poll, "v4-" + poll, null, [a, c]))).Outcome);
        Assert.Equal(BallotOutcome.Replaced, (await Writer.CastAsync(new(poll, "v4-" + poll, null, [b, d]))).Outcome);
        Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(poll, "v5-" + poll, null, [c, b]))).Outcome);
        Assert.Null((await client.GetPageAsync($"/budgets/{budget.Id}/headings/{city.Id}?at=during")).QuerySelector("[data-budget-results]"));

        app.Clock.Advance(TimeSpan.FromDays(1)); // the results phase: the ballot has closed
        Assert.Equal(BallotOutcome.NotOpen, (await Writer.CastAsync(new(poll, "late-" + poll, null, [a, d]))).Outcome);
        // Counted in the background as it closed: the crowd coming for the results does not wait for the count.
        Assert.True(await app.Services.GetRequiredService<BudgetResultsWarmer>().WarmAsync() >= 1);
        var closedPoll = await app.WithDbAsync(db => db.Set<Poll>().AsNoTracking().SingleAsync(p => p.Id == poll));
        Assert.True(app.Services.GetRequiredService<BudgetResultsCache>().HasCounted(closedPoll));
        var results = await client.GetPageAsync($"/budgets/{budget.Id}/headings/{city.Id}?at=results");
        string Row(long project, string attribute) => results.QuerySelector($"[data-project-result='{project}']")!.GetAttribute(attribute)!;
        // Votes A 2, B 3, C 3, D 2. By votes: C (40) and B (50) fit, D and A no longer do — 90 spent.
        Assert.Equal(["no", "yes", "yes", "no"], projects.Select(p => Row(p, "data-funded")));
        Assert.Equal("90", results.QuerySelector("[data-spent]")!.GetAttribute("data-spent"));
        // Equal shares (20 each): C at 13.33 a supporter, then D at 15 (B's supporters have 18.33 left between them) — 70 spent.
        Assert.Equal(["no", "no", "yes", "yes"], projects.Select(p => Row(p, "data-funded-shares")));
        Assert.Equal(["C", "B", "D", "A"], results.QuerySelectorAll("[data-project-result]").Select(r => "ABCD"[Array.IndexOf(projects, long.Parse(r.GetAttribute("data-project-result")!, CultureInfo.InvariantCulture))].ToString()));
        // The chart above the table: the same order, bars the share of voters choosing each, those funded by votes marked.
        var chart = results.QuerySelector("#results figure.ch-chart")!;
        Assert.Equal(["60%", "60%", "40%", "40%"], chart.QuerySelectorAll("rect.ch-chart-bar").Select(r => r.GetAttribute("width")!));
        Assert.Equal(["3 ✓", "3 ✓", "2", "2"], chart.QuerySelectorAll(".ch-chart-figure").Select(t => t.TextContent));

        await using var scope = app.Services.CreateAsyncScope();
        var report = (await scope.ServiceProvider.GetRequiredService<BallotChainVerifier>().VerifyAsync(poll))!;
        Assert.True(report.IsIntact, report.Break?.ToString());
        Assert.Equal((6L, 5), (report.EntriesChecked, report.Voters));
    }

    [Fact]
    public async Task Citizens_propose_ideas_that_wait_for_a_moderator_and_each_verified_person_supports_once()
    {
        var (budget, city, district, _) = await BudgetAsync(TimeSpan.FromHours(-1));
        var form = $"/budgets/{budget.Id}/ideas/new";
        // The home page says it takes ideas now, and until when.
        Assert.NotNull((await app.CreateClient().GetPageAsync($"/?ideas={budget.Id}")).QuerySelector($"[data-home-block='Decisions/budgets'] [data-budget='{budget.Id}'][data-phase='Ideas'] a[href='/budgets/{budget.Id}']"));

        // Told before they start: not verified yet.
        var unverified = await app.SignedUpCitizenAsync();
        Assert.NotNull((await unverified.GetPageAsync(form)).QuerySelector("[data-why-not='not-verified']"));
        Assert.StartsWith("/account/sign-in", (await app.CreateClient().GetAsync(form)).RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal); // signed out: sent to sign in

        var author = await app.VerifiedCitizenAsync();
        var page = await author.GetPageAsync(form);
        var wrong = await Html.ParseAsync(await author.SubmitAsync(page, page.FilledIn("form[data-idea-form]").With(("Input.HeadingId", ""), ("Input.Title", "짧음"),
            ("Input.Description", "어린이 놀이터의 그늘이 부족해 여름에 아이들이 놀 수 없습니다."), ("Input.Cost", "0")), "form[data-idea-form]"));
        Assert.Equal(3, wrong.ErrorSummary().Length);
        async Task<long> ProposeAsync(string title, long heading)
        {
            var sent = Html.RedirectedTo(await author.SubmitAsync(page, page.FilledIn("form[data-idea-form]").With(("Input.HeadingId", heading.ToString(CultureInfo.InvariantCulture)),
                ("Input.Title", title), ("Input.Description", "어린이 놀이터의 그늘이 부족해 여름에 아이들이 놀 수 없습니다."), ("Input.Cost", "30"),
                ("Input.Latitude", "37.57"), ("Input.Longitude", "126.98")), "form[data-idea-form]"));
            Assert.EndsWith("?done=submitted", sent, StringComparison.Ordinal);
            return long.Parse(sent.Split('/', '?')[3], CultureInfo.InvariantCulture);
        }
        var shade = await ProposeAsync("놀이터 그늘막 설치 " + budget.Id, city.Id);
        var alley = await ProposeAsync("골목 가로등 교체 " + budget.Id, district.Id);
        var spam = await ProposeAsync("광고 문구가 담긴 제안 " + budget.Id, city.Id);
        // With a picture: the alt text is asked for; the picture is the author's to see until the idea is published.
        var picture = TestImages.RedLeftBlueRight(800, 600);
        var fields = page.FilledIn("form[data-idea-form]").With(("Input.HeadingId", city.Id.ToString(CultureInfo.InvariantCulture)), ("Input.Title", "벽화 골목 " + budget.Id),
            ("Input.Description", "낡은 담장에 주민이 함께 그린 벽화를 만들면 좋겠습니다."), ("Input.Cost", "20"));
        Assert.Single((await Html.ParseAsync(await author.SubmitMultipartAsync(page, fields, [("Input.Image", "wall.jpg", picture, "image/jpeg")], "form[data-idea-form]"))).ErrorSummary());
        var mural = long.Parse(Html.RedirectedTo(await author.SubmitMultipartAsync(page, fields.With(("Input.ImageAlt", "낙서로 덮인 골목 담장")),
            [("Input.Image", "wall.jpg", picture, "image/jpeg")], "form[data-idea-form]")).Split('/', '?')[3], CultureInfo.InvariantCulture);
        var muralPicture = (await author.GetPageAsync($"/budgets/projects/{mural}")).QuerySelector("[data-picture]")!;
        Assert.Equal("낙서로 덮인 골목 담장", muralPicture.GetAttribute("alt"));
        Assert.Equal("image/jpeg", (await author.GetAsync(muralPicture.GetAttribute("src"))).Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(muralPicture.GetAttribute("src"))).StatusCode);

        // Waiting: its author sees it and that it waits; no one else does.
        var mine = await author.GetPageAsync($"/budgets/projects/{shade}?done=submitted");
        Assert.Equal("Pending", mine.QuerySelector("[data-moderation]")!.GetAttribute("data-moderation"));
        Assert.NotNull(mine.QuerySelector("[data-done]"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/budgets/projects/{shade}")).StatusCode);
        Assert.Null((await app.CreateClient().GetPageAsync($"/budgets/{budget.Id}/headings/{city.Id}?at=pending")).QuerySelector($"[data-project='{shade}']"));

        // Officials who manage the budget publish one on its page; the city's moderators, from their queue, publish one and
        // decline one with the reason its author reads (a reason is required).
        var staff = await app.SignedInStaffAsync(Roles.Official);
        Html.RedirectedTo(await staff.SubmitAsync(await staff.GetPageAsync($"/admin/budgets/{budget.Id}/projects/{shade}"), [], "form[data-publish-idea]"));
        var moderator = await app.SignedInStaffAsync(Roles.Moderator);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync($"/admin/budgets/{budget.Id}/projects/{spam}")).StatusCode);
        var queue = await moderator.GetPageAsync("/admin/votes/proposals");
        Assert.Null(queue.QuerySelector($"[data-idea='{shade}']"));
        Assert.Equal("낙서로 덮인 골목 담장", queue.QuerySelector($"[data-idea='{mural}'] img")!.GetAttribute("alt"));
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync(queue.QuerySelector($"[data-idea='{mural}'] img")!.GetAttribute("src"))).StatusCode);
        Assert.Equal("/admin/votes/proposals?done=idea-published#ideas", Html.RedirectedTo(await moderator.SubmitAsync(queue, [], $"form[data-publish-idea='{alley}']")));
        Assert.Single((await Html.ParseAsync(await moderator.SubmitAsync(queue, [new("note", "")], $"form[data-decline-idea='{spam}']"))).ErrorSummary());
        Html.RedirectedTo(await moderator.SubmitAsync(queue, [new("note", "광고는 받을 수 없습니다.")], $"form[data-decline-idea='{spam}']"));
        var authorId = await app.WithDbAsync(db => db.Set<BudgetProject>().Where(p => p.Id == spam).Select(p => p.AuthorId).SingleAsync());
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<CityHall.Web.Platform.Notifications.InAppNotification>().CountAsync(n => n.UserId == authorId
            && (n.Link == $"/budgets/projects/{shade}" || n.Link == $"/budgets/projects/{alley}" || n.Link == $"/budgets/projects/{spam}"))));
        Assert.Contains("광고는", (await author.GetPageAsync($"/budgets/projects/{spam}")).QuerySelector("[data-moderation='Declined']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/budgets/projects/{spam}")).StatusCode);
        Assert.NotNull((await app.CreateClient().GetPageAsync($"/budgets/{budget.Id}/headings/{city.Id}?at=published")).QuerySelector($"[data-project='{shade}']"));
        // Published ideas are found by the city's search; a declined one is not.
        await app.Services.GetRequiredService<CityHall.Web.Platform.Search.SearchIndex>().ReconcileAsync();
        var found = await app.CreateClient().GetPageAsync("/search?q=" + Uri.EscapeDataString("그늘막 " + budget.Id) + "&kind=budget-project");
        Assert.NotNull(found.QuerySelector($"a[href='/budgets/projects/{shade}']"));
        Assert.Null((await app.CreateClient().GetPageAsync("/search?q=" + Uri.EscapeDataString("광고 문구") + "&kind=budget-project")).QuerySelector($"a[href='/budgets/projects/{spam}']"));
        // A declined idea cannot be put on the ballot.
        var selectSpam = await staff.GetPageAsync($"/admin/budgets/{budget.Id}/projects/{spam}");
        Assert.NotEmpty((await Html.ParseAsync(await staff.SubmitAsync(selectSpam, selectSpam.FilledIn("form[data-project-form]").With(("Input.Feasibility", "Feasible"), ("Input.Selected", "true")), "form[data-project-form]"))).ErrorSummary());

        // Supports are taken in their own phase only.
        var supporter = await app.VerifiedCitizenAsync();
        Assert.Null((await supporter.GetPageAsync($"/budgets/projects/{shade}")).QuerySelector("form[data-support-form]"));
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.NotNull((await app.CreateClient().GetPageAsync($"/budgets/projects/{shade}?at=supports")).QuerySelector("#support a[href^='/account/sign-in']"));
        // (A day on, sessions have ended: people sign in again.)
        Assert.NotNull((await (await app.SignedUpCitizenAsync()).GetPageAsync($"/budgets/projects/{shade}")).QuerySelector("[data-why-not='not-verified']"));
        supporter = await app.VerifiedCitizenAsync();
        var toSupport = await supporter.GetPageAsync($"/budgets/projects/{shade}");
        Assert.Equal($"/budgets/projects/{shade}?done=supported#support", Html.RedirectedTo(await supporter.SubmitAsync(toSupport, [], "form[data-support-form]")));
        Html.RedirectedTo(await supporter.SubmitAsync(toSupport, [], "form[data-support-form]")); // again: still one
        var after = await supporter.GetPageAsync($"/budgets/projects/{shade}");
        Assert.Equal("1", after.QuerySelector("[data-supports]")!.GetAttribute("data-supports"));
        Assert.NotNull(after.QuerySelector("[data-supported]"));
        // Many clicks at once by one person (two devices), and twenty other people: twenty-one supports.
        var identity = new CityHall.Web.Modules.Accounts.Contracts.VerifiedCitizen("same-" + budget.Id, null);
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => app.WithDbAsync(db => BudgetSupports.SupportAsync(db, shade, identity, Now, CancellationToken.None)))));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => app.WithDbAsync(db => BudgetSupports.SupportAsync(db, shade, new("other-" + i + "-" + budget.Id, null), Now, CancellationToken.None))));
        Assert.Equal((22, 22), await app.WithDbAsync(async db => (await db.Set<BudgetProject>().Where(p => p.Id == shade).Select(p => p.Supports).SingleAsync(),
            await db.Set<BudgetSupport>().CountAsync(s => s.ProjectId == shade))));
        // A district's idea: its residents only.
        Assert.NotNull((await supporter.GetPageAsync($"/budgets/projects/{alley}")).QuerySelector("[data-why-not]"));
        Assert.Equal(SupportOutcome.OutsideDistrict, await app.WithDbAsync(db => BudgetSupports.SupportAsync(db, alley, new("elsewhere-" + budget.Id, "11140"), Now, CancellationToken.None)));
        Assert.Equal(SupportOutcome.Supported, await app.WithDbAsync(db => BudgetSupports.SupportAsync(db, alley, new("resident-" + budget.Id, "11110"), Now, CancellationToken.None)));
        Assert.Equal(SupportOutcome.NotFound, await app.WithDbAsync(db => BudgetSupports.SupportAsync(db, spam, new("resident-" + budget.Id, "11110"), Now, CancellationToken.None)));

        app.Clock.Advance(TimeSpan.FromDays(1)); // review: supports closed
        Assert.Equal(SupportOutcome.NotOpen, await app.WithDbAsync(db => BudgetSupports.SupportAsync(db, shade, new("late-" + budget.Id, null), Now, CancellationToken.None)));

        // The author's data: their ideas; erased, the unpublished one goes and the published ones stay without them.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var data = scope.ServiceProvider.GetServices<CityHall.Web.Platform.Identity.IPersonalDataContributor>().Single(c => c.Section == "participatory-budgets");
            var exported = System.Text.Json.JsonSerializer.Serialize(await data.ExportAsync(authorId!, CancellationToken.None));
            Assert.All(new[] { shade, alley, spam }, id => Assert.Contains($"\"Id\":{id},", exported, StringComparison.Ordinal));
            await data.EraseAsync(authorId!, CancellationToken.None);
        }
        var left = await app.WithDbAsync(db => db.Set<BudgetProject>().Where(p => p.Id == shade || p.Id == alley || p.Id == spam || p.Id == mural).Select(p => new { p.Id, p.AuthorId }).ToListAsync());
        Assert.Equal(new[] { shade, alley }.Order(), left.Select(p => p.Id).Order());
        Assert.All(left, p => Assert.Null(p.AuthorId));
    }

    [Fact]
    public async Task A_funded_project_shows_its_execution_milestone_by_milestone_with_photos()
    {
        var (budget, city, district, projects) = await BudgetAsync(TimeSpan.FromHours(-1), BallotStyle.Knapsack, ("도서관", 60), ("쉼터", 50), ("벤치", 30));
        var (poll, o, _) = await BallotsAsync(budget, city, district, projects);
        app.Clock.Advance(TimeSpan.FromDays(3));
        for (var i = 0; i < 3; i++) Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(poll, $"exec-{poll}-{i}", null, [o[0], o[2]]))).Outcome);
        var staff = await app.SignedInStaffAsync(Roles.Official);
        Assert.Null((await staff.GetPageAsync($"/admin/budgets/{budget.Id}/projects/{projects[0]}")).QuerySelector("form[data-milestone-form]")); // not before the results
        app.Clock.Advance(TimeSpan.FromDays(1));
        staff = await app.SignedInStaffAsync(Roles.Official);

        var admin = await staff.GetPageAsync($"/admin/budgets/{budget.Id}/projects/{projects[0]}");
        var bad = await Html.ParseAsync(await staff.SubmitMultipartAsync(admin, [new("Milestone.On", ""), new("Milestone.TitleKo", "착공"), new("Milestone.PercentComplete", "150")], [], "form[data-milestone-form]"));
        Assert.Equal(2, bad.ErrorSummary().Length);
        var photo = TestImages.RedLeftBlueRight(1200, 900);
        Html.RedirectedTo(await staff.SubmitMultipartAsync(admin, [new("Milestone.On", "2027-04-01"), new("Milestone.TitleKo", "설계 완료"), new("Milestone.PercentComplete", "10")], [], "form[data-milestone-form]"));
        Html.RedirectedTo(await staff.SubmitMultipartAsync(admin, [new("Milestone.On", "2027-06-15"), new("Milestone.TitleKo", "착공"), new("Milestone.TitleEn", "Building starts"),
            new("Milestone.PercentComplete", "40"), new("Milestone.PhotoAlt", "터를 닦는 굴착기")], [("Milestone.Photo", "site.jpg", photo, "image/jpeg")], "form[data-milestone-form]"));

        var page = await app.CreateClient().GetPageAsync($"/budgets/projects/{projects[0]}?at=execution");
        Assert.Equal("yes", page.QuerySelector("[data-funded]")!.GetAttribute("data-funded"));
        Assert.Equal("40", page.QuerySelector("[data-percent]")!.GetAttribute("data-percent"));
        Assert.Equal(2, page.QuerySelectorAll("[data-milestones] [data-milestone]").Length);
        var img = page.QuerySelector("[data-milestones] img")!;
        Assert.Equal("터를 닦는 굴착기", img.GetAttribute("alt"));
        var served = await app.CreateClient().GetAsync(img.GetAttribute("src"));
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Contains("public", served.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("no", (await app.CreateClient().GetPageAsync($"/budgets/projects/{projects[1]}?at=execution")).QuerySelector("[data-funded]")!.GetAttribute("data-funded"));
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == "decisions.project.milestone" && a.TargetId == projects[0].ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(2, audit);
    }

    [Fact]
    public async Task Reviewers_record_feasibility_cost_and_reasons_which_are_published_with_the_project()
    {
        var (budget, city, district, projects) = await BudgetAsync(TimeSpan.FromDays(-1).Add(TimeSpan.FromMinutes(-1)), BallotStyle.Knapsack, ("하천 산책로 조명", 45));
        // (The helper's projects arrive reviewed and selected: this one is put back to "not reviewed".)
        await app.WithDbAsync(db => db.Set<BudgetProject>().Where(p => p.Id == projects[0]).ExecuteUpdateAsync(u => u.SetProperty(p => p.Feasibility, Feasibility.Undecided)));
        var reviewer = await app.SignedInStaffAsync(Roles.Official);
        var page = await reviewer.GetPageAsync("/admin/budgets/review");
        var form = $"[data-review-project='{projects[0]}'] form[data-review-form]";
        Assert.Equal("Undecided", page.QuerySelector($"[data-review-project='{projects[0]}']")!.GetAttribute("data-feasibility"));

        var refused = await Html.ParseAsync(await reviewer.SubmitAsync(page, page.FilledIn(form).With(("feasibility", "Unfeasible"), ("cost", "0")), form));
        Assert.Equal(2, refused.ErrorSummary().Length); // the cost, and the reasons a "not feasible" needs
        Html.RedirectedTo(await reviewer.SubmitAsync(page, page.FilledIn(form).With(("feasibility", "Unfeasible"), ("cost", "60"), ("noteKo", "하천 구역이라 조명 설치 허가가 나지 않습니다.")), form));
        var reviewed = await app.WithDbAsync(db => db.Set<BudgetProject>().SingleAsync(p => p.Id == projects[0]));
        Assert.Equal((Feasibility.Unfeasible, 60L, false), (reviewed.Feasibility, reviewed.Cost, reviewed.Selected));
        var published = await app.CreateClient().GetPageAsync($"/budgets/projects/{projects[0]}?at=reviewed");
        Assert.Contains("허가", published.QuerySelector("[data-review-note]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("decisions.project.review", await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.TargetId == projects[0].ToString(CultureInfo.InvariantCulture) && a.TargetType == "budget-project")
            .OrderByDescending(a => a.Sequence).Select(a => a.Action).FirstAsync()));
        // A moderator of citizens' texts is not a reviewer.
        Assert.NotEqual(HttpStatusCode.OK, (await (await app.SignedInStaffAsync(Roles.Moderator)).GetAsync("/admin/budgets/review")).StatusCode);
    }

    [Fact]
    public async Task An_approval_ballot_takes_up_to_its_number_of_projects()
    {
        var (budget, city, district, projects) = await BudgetAsync(TimeSpan.FromDays(-3).Add(TimeSpan.FromMinutes(-1)), BallotStyle.Approval, ("가", 60), ("나", 50), ("다", 40));
        var (poll, o, _) = await BallotsAsync(budget, city, district, projects);
        var drawn = await app.WithDbAsync(db => db.Set<Poll>().SingleAsync(p => p.Id == poll));
        Assert.Equal((PollKind.MultipleChoice, 2, (long?)null), (drawn.Kind, drawn.MaxChoices, drawn.MinAmount));
        Assert.Equal(BallotOutcome.InvalidChoices, (await Writer.CastAsync(new(poll, "all-" + poll, null, [o[0], o[1], o[2]]))).Outcome);
        // An approval ballot has no amount to fit: two projects costing more than it together are fine.
        Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(poll, "two-" + poll, null, [o[0], o[1]]))).Outcome);
        var page = await (await app.VerifiedCitizenAsync()).GetPageAsync($"/votes/{poll}");
        Assert.Equal(3, page.QuerySelectorAll("form[data-ballot-form] input[type=checkbox]").Length);
        Assert.Null(page.QuerySelector("[data-remaining]"));
        // Unknown ids are not found, never an error page.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/budgets/{budget.Id}/headings/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/budgets/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/budgets/projects/999999999")).StatusCode);
    }
}
