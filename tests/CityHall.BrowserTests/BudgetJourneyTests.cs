using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Decisions;
using CityHall.Web.Modules.Decisions.Budgets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// From the participation sector to a budget heading's ballot: verify, then fill the knapsack with the keyboard alone,
/// hearing what is left of the amount change, be refused when over it, and vote; in Korean and English, axe on every page.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class BudgetJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "ko-KR", "en-US" };

    [Theory, MemberData(nameof(Locales))]
    public async Task Fill_a_knapsack_ballot_with_the_keyboard_alone_seeing_what_is_left(string locale)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (budgetId, headingId, pollId) = await f.App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var budget = new Budget
            {
                TitleKo = "2027 시민참여예산 " + tag, TitleEn = "2027 Citizens' Budget " + tag, Style = BallotStyle.Knapsack, MinSharePercent = 70,
                IdeasFrom = now.AddDays(-4), SupportsFrom = now.AddDays(-3), ReviewFrom = now.AddDays(-2), BallotFrom = now.AddHours(-1), ResultsFrom = now.AddDays(3),
                ExecutionFrom = now.AddDays(60), PublishedAt = now.AddDays(-5), CreatedAt = now, UpdatedAt = now, CreatedBy = "browser-test",
            };
            db.Add(budget);
            await db.SaveChangesAsync();
            var heading = new BudgetHeading { BudgetId = budget.Id, NameKo = "시 전체", NameEn = "Whole city", Amount = 1_000_000_000 };
            db.Add(heading);
            await db.SaveChangesAsync();
            db.AddRange(new[] { ("작은 도서관", "A small library", 600_000_000L), ("공원 그늘막", "Shade in the parks", 300_000_000L), ("마을 버스 정류장 의자", "Benches at bus stops", 200_000_000L) }
                .Select(p => new BudgetProject
                {
                    BudgetId = budget.Id, HeadingId = heading.Id, TitleKo = p.Item1, TitleEn = p.Item2, Cost = p.Item3, Feasibility = Feasibility.Feasible, Selected = true,
                    CreatedAt = now, UpdatedAt = now, CreatedBy = "browser-test",
                }));
            await db.SaveChangesAsync();
            var polls = await Budgets.PrepareBallotsAsync(db, budget.Id, "browser-test", now, CancellationToken.None);
            return (budget.Id, heading.Id, polls.Single().Id);
        });

        var page = await f.NewPageAsync(locale);
        await Journeys.SignUpAsync(f, page, $"budget-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync("/sectors/participation");
        await page.ClickAsync("[data-services] a[href='/budgets']");
        await page.WaitForURLAsync("**/budgets");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync($"[data-budget='{budgetId}'] a");
        await page.WaitForURLAsync($"**/budgets/{budgetId}");
        Assert.Equal("Ballot", await page.GetAttributeAsync("[data-timeline] [aria-current=step]", "data-timeline-phase"));
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync($"[data-heading='{headingId}'] a");
        await page.WaitForURLAsync($"**/budgets/{budgetId}/headings/{headingId}");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("[data-ballot-link]");
        await page.WaitForURLAsync($"**/votes/{pollId}");
        await Journeys.VerifyBySmsAsync(f, page, "#ballot a[href^='/account/verify']", $"**/votes/{pollId}");
        await Axe.AssertNoViolationsAsync(page);

        // Keyboard only: Tab to the first project, tick it with the space bar; what is left changes, and is announced.
        var remaining = page.Locator("[data-remaining]");
        Assert.Equal("polite", await remaining.GetAttributeAsync("aria-live"));
        Assert.Equal("under", await remaining.GetAttributeAsync("data-state"));
        var before = await remaining.TextContentAsync();
        for (var i = 0; i < 80 && !await page.EvaluateAsync<bool>("() => document.activeElement?.id === 'choice'"); i++) await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.id === 'choice'"), "Tab never reached the first project");
        await page.Keyboard.PressAsync("Space"); // the library: 600,000,000 of 1,000,000,000 — under the 70% minimum
        await Assertions.Expect(remaining).Not.ToHaveTextAsync(before!);
        Assert.Equal("under", await remaining.GetAttributeAsync("data-state"));
        Assert.Contains("400,000,000", await remaining.TextContentAsync(), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space"); // and the shade: 900,000,000
        await Assertions.Expect(remaining).ToHaveAttributeAsync("data-state", "ok");
        Assert.Contains("100,000,000", await remaining.TextContentAsync(), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space"); // and the benches: 1,100,000,000 — over
        await Assertions.Expect(remaining).ToHaveAttributeAsync("data-state", "over");
        await Axe.AssertNoViolationsAsync(page);

        // Sent over the amount anyway: refused with the reason, nothing counted.
        for (var i = 0; i < 10 && !await page.EvaluateAsync<bool>("() => document.activeElement?.type === 'submit'"); i++) await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**refused=over-amount*");
        await page.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(page);
        Assert.Equal(0, await f.App.WithDbAsync(db => db.Set<PollVoter>().CountAsync(v => v.PollId == pollId)));

        // The refused ballot comes back as it was sent: untick the benches with the keyboard, and send: the receipt.
        Assert.Equal(3, await page.Locator("form[data-ballot-form] input[data-cost]:checked").CountAsync());
        Assert.Equal("over", await remaining.GetAttributeAsync("data-state"));
        await page.Locator("form[data-ballot-form] input[data-cost] >> nth=2").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(remaining).ToHaveAttributeAsync("data-state", "ok");
        await page.Locator("form[data-ballot-form] button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#receipt");
        await Axe.AssertNoViolationsAsync(page);
        var options = await f.App.WithDbAsync(db => db.Set<PollOption>().Where(o => o.PollId == pollId).OrderBy(o => o.Position).Select(o => o.Id).ToListAsync());
        Assert.Equal($"{options[0]},{options[1]}", await f.App.WithDbAsync(db => db.Set<PollVoter>().Where(v => v.PollId == pollId).Select(v => v.Choices).SingleAsync()));
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task Propose_an_idea_choosing_its_place_on_the_map(string locale)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (budgetId, headingId) = await f.App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var budget = new Budget
            {
                TitleKo = "2028 시민참여예산 " + tag, TitleEn = "2028 Citizens' Budget " + tag, IdeasFrom = now.AddDays(-1), SupportsFrom = now.AddDays(10), ReviewFrom = now.AddDays(20),
                BallotFrom = now.AddDays(30), ResultsFrom = now.AddDays(40), ExecutionFrom = now.AddDays(60), PublishedAt = now.AddDays(-2),
                Salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), CreatedAt = now, UpdatedAt = now, CreatedBy = "browser-test",
            };
            db.Add(budget);
            await db.SaveChangesAsync();
            var heading = new BudgetHeading { BudgetId = budget.Id, NameKo = "시 전체", NameEn = "Whole city", Amount = 1_000_000_000 };
            db.Add(heading);
            await db.SaveChangesAsync();
            return (budget.Id, heading.Id);
        });

        var page = await f.NewPageAsync(locale);
        await Journeys.SignUpAsync(f, page, $"idea-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync($"/budgets/{budgetId}");
        await page.ClickAsync("[data-propose]");
        await page.WaitForURLAsync($"**/budgets/{budgetId}/ideas/new");
        await Axe.AssertNoViolationsAsync(page);
        await Journeys.VerifyBySmsAsync(f, page, "main a[href^='/account/verify']", $"**/budgets/{budgetId}/ideas/new");
        await Axe.AssertNoViolationsAsync(page);

        await page.SelectOptionAsync("#Input_HeadingId", headingId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#Input_Title", "놀이터 그늘막 " + tag);
        await page.FillAsync("#Input_Description", "여름에 놀이터가 너무 뜨거워 아이들이 놀 수 없습니다. 그늘막을 설치해 주세요.");
        await page.FillAsync("#Input_Cost", "30000000");
        // The map fills the coordinates (announced politely); they can still be typed.
        await page.ClickAsync("[data-map-picker] [data-map]");
        await Assertions.Expect(page.Locator("#Input_Latitude")).Not.ToHaveValueAsync("");
        Assert.NotEqual("", await page.InputValueAsync("#Input_Longitude"));
        Assert.NotEqual("", await page.Locator("[data-map-chosen]").TextContentAsync());
        await page.ClickAsync("form[data-idea-form] button[type=submit]");
        await page.WaitForURLAsync("**done=submitted*");
        Assert.Equal("Pending", await page.GetAttributeAsync("[data-moderation]", "data-moderation"));
        await Axe.AssertNoViolationsAsync(page);
        var stored = await f.App.WithDbAsync(db => db.Set<BudgetProject>().SingleAsync(p => p.BudgetId == budgetId));
        Assert.InRange(stored.Latitude!.Value, 37.4, 37.72);
        await page.Context.CloseAsync();
    }
}
