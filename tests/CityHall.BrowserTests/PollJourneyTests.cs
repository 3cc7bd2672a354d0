using System.Security.Cryptography;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Decisions;
using Microsoft.EntityFrameworkCore;

namespace CityHall.BrowserTests;

/// <summary>From the participation sector to a poll: verify, vote, change the ballot, keep the receipt, see the live results; in Korean and English, axe on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PollJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "ko-KR", "en-US" };

    [Theory, MemberData(nameof(Locales))]
    public async Task Find_a_poll_from_the_sector_verify_vote_and_change_the_ballot(string locale)
    {
        var title = $"새 광장의 이름 {Guid.NewGuid().ToString("N")[..6]}";
        var id = await f.App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var poll = new Poll
            {
                TitleKo = title, TitleEn = "The new square's name " + title[^6..], DescriptionKo = "시청 앞 새 광장의 이름을 골라 주세요.", DescriptionEn = "Choose the name of the new square.",
                Results = ResultsShown.Live, OpensAt = now.AddHours(-1), ClosesAt = now.AddDays(3), PublishedAt = now.AddHours(-1), Salt = RandomNumberGenerator.GetBytes(32),
                CreatedAt = now, UpdatedAt = now, CreatedBy = "browser-test",
            };
            db.Add(poll);
            await db.SaveChangesAsync();
            db.AddRange(new PollOption { PollId = poll.Id, Position = 1, LabelKo = "열린광장", LabelEn = "Open Square" },
                new PollOption { PollId = poll.Id, Position = 2, LabelKo = "시민광장", LabelEn = "Citizens' Square" });
            await db.SaveChangesAsync();
            return poll.Id;
        });

        var page = await f.NewPageAsync(locale);
        await Journeys.SignUpAsync(f, page, $"poll-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync("/sectors/participation");
        await page.ClickAsync("[data-services] a[href='/votes']");
        await page.WaitForURLAsync("**/votes");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync($"[data-poll='{id}'] a");
        await page.WaitForURLAsync($"**/votes/{id}");
        await Axe.AssertNoViolationsAsync(page);

        // Not verified yet: the page says why before any ballot, and verifying comes back here.
        Assert.Equal(1, await page.Locator("[data-why-not='not-verified']").CountAsync());
        await Journeys.VerifyBySmsAsync(f, page, "#ballot a[href^='/account/verify']", $"**/votes/{id}");
        await Axe.AssertNoViolationsAsync(page);

        // Submitting nothing is refused with the reason; then a choice, a receipt, and the live count.
        await page.ClickAsync("form[data-ballot-form] button[type=submit]");
        await page.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("form[data-ballot-form] label >> nth=0");
        await page.ClickAsync("form[data-ballot-form] button[type=submit]");
        await page.WaitForSelectorAsync("#receipt");
        await Axe.AssertNoViolationsAsync(page);
        Assert.Equal("1", await page.GetAttributeAsync("[data-receipt]", "data-receipt"));
        Assert.Equal(["1", "0"], await page.Locator("[data-option-result]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.votes)"));

        // Changing the ballot: the earlier one no longer counts.
        await page.ClickAsync("form[data-ballot-form] label >> nth=1");
        await page.ClickAsync("form[data-ballot-form] button[type=submit]");
        await page.WaitForURLAsync("**done=replaced*");
        Assert.Equal("2", await page.GetAttributeAsync("[data-receipt]", "data-receipt"));
        Assert.Equal(["1", "0"], await page.Locator("[data-option-result]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.votes)"));
        Assert.Equal("1", await page.GetAttributeAsync("[data-voters]", "data-voters"));
        await Axe.AssertNoViolationsAsync(page);

        // The results page: by option, and by district (one voter: too few to break down).
        await page.ClickAsync("[data-results-link]");
        await page.WaitForURLAsync($"**/votes/{id}/results*");
        Assert.Equal(1, await page.Locator("[data-breakdown-none=by-district]").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
        // The chart reflows on a narrow phone: the labels wrap, the bars shrink, nothing scrolls sideways.
        Assert.True(await page.Locator("figure.ch-chart").IsVisibleAsync());
        await page.SetViewportSizeAsync(320, 640);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"));
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.ch-chart svg')].every(s => s.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)"));
        await page.SetViewportSizeAsync(1280, 800);

        // A ranked poll: a rank chosen from a list for each option.
        var ranked = await f.App.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var poll = new Poll { TitleKo = "버스 노선 우선순위 " + title[^6..], TitleEn = "Bus routes, in order", Kind = PollKind.Ranked, MinChoices = 1, MaxChoices = 3, Results = ResultsShown.Live,
                OpensAt = now.AddHours(-1), ClosesAt = now.AddDays(3), PublishedAt = now.AddHours(-1), Salt = RandomNumberGenerator.GetBytes(32), CreatedAt = now, UpdatedAt = now, CreatedBy = "browser-test" };
            db.Add(poll);
            await db.SaveChangesAsync();
            db.AddRange(new PollOption { PollId = poll.Id, Position = 1, LabelKo = "간선", LabelEn = "Trunk" }, new PollOption { PollId = poll.Id, Position = 2, LabelKo = "지선", LabelEn = "Branch" },
                new PollOption { PollId = poll.Id, Position = 3, LabelKo = "마을버스", LabelEn = "Village bus" });
            await db.SaveChangesAsync();
            return poll.Id;
        });
        await page.GotoAsync($"/votes/{ranked}");
        await Axe.AssertNoViolationsAsync(page);
        await page.SelectOptionAsync("form[data-ballot-form] select >> nth=2", "1");
        await page.SelectOptionAsync("form[data-ballot-form] select >> nth=0", "2");
        await page.ClickAsync("form[data-ballot-form] button[type=submit]");
        await page.WaitForSelectorAsync("#receipt");
        var options = await f.App.WithDbAsync(db => db.Set<PollOption>().Where(x => x.PollId == ranked).OrderBy(x => x.Position).Select(x => x.Id).ToListAsync());
        Assert.Equal($"{options[2]},{options[0]}", await f.App.WithDbAsync(db => db.Set<PollVoter>().Where(v => v.PollId == ranked).Select(v => v.Choices).SingleAsync()));
        await page.GotoAsync($"/votes/{ranked}/results");
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
