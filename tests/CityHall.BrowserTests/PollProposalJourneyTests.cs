using CityHall.Web.Modules.Decisions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// A citizen proposes a vote from the votes page (verifying on the way), follows it on their proposals page, and a
/// moderator declines one without a reason (refused, the error linked to its field) and accepts another; in Korean and
/// English, axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PollProposalJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "ko-KR", "en-US" };

    [Theory, MemberData(nameof(Locales))]
    public async Task Propose_a_vote_and_a_moderator_decides(string locale)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var page = await f.NewPageAsync(locale);
        await Journeys.SignUpAsync(f, page, $"propose-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync("/votes");
        await page.ClickAsync("a[data-propose]");
        await page.WaitForURLAsync("**/votes/propose");
        await Axe.AssertNoViolationsAsync(page);
        await Journeys.VerifyBySmsAsync(f, page, "main a[href^='/account/verify']", "**/votes/propose");

        // Sent empty: the summary names what is missing, and its links lead to the fields.
        await page.ClickAsync("form[data-propose-form] button[type=submit]");
        await page.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_Title", "동네 도서관 이름 정하기 " + tag);
        await page.FillAsync("#Input_Description", "새로 여는 동네 도서관의 이름을 주민이 함께 정했으면 합니다.");
        await page.FillAsync("#Input_Options", "책마루\n글터\n이음");
        await page.ClickAsync("form[data-propose-form] button[type=submit]");
        await page.WaitForURLAsync("**/votes/proposals?done=submitted*");
        Assert.Equal("pending", await page.GetAttributeAsync("[data-proposal]", "data-state"));
        await Axe.AssertNoViolationsAsync(page);
        var id = await f.App.WithDbAsync(db => db.Set<Poll>().Where(p => p.TitleKo == "동네 도서관 이름 정하기 " + tag).Select(p => p.Id).SingleAsync());

        var moderator = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, moderator, CityHall.Web.Platform.Identity.Roles.Moderator);
        await moderator.GotoAsync("/admin/votes/proposals");
        await Axe.AssertNoViolationsAsync(moderator);
        await moderator.ClickAsync($"form[data-decline='{id}'] button[type=submit]");
        await moderator.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(moderator);
        Assert.Equal("true", await moderator.GetAttributeAsync($"#note-{id}", "aria-invalid"));
        await moderator.ClickAsync($"form[data-accept='{id}'] button[type=submit]");
        await moderator.WaitForURLAsync("**/admin/votes/proposals?done=accepted");
        await Axe.AssertNoViolationsAsync(moderator);

        await page.GotoAsync("/votes/proposals");
        Assert.Equal("accepted", await page.GetAttributeAsync($"[data-proposal='{id}']", "data-state"));
    }
}
