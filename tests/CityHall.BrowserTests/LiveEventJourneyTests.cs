using CityHall.Tests.LiveEvents;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Platform.Identity;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// A live event in the browser: a viewer asks, a moderator sees the question arrive and approves it,
/// the viewer sees it appear and the presenter sees it go on stage — none of them reloading — with
/// no axe violation on the viewer's, moderator's and presenter's pages, in Korean and English.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveEventJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "ko-KR", "en-US" };

    /// <summary>Marks the document, so a later check can tell it was updated in place rather than loaded again.</summary>
    private static async Task MarkAsync(IPage page) => await page.EvaluateAsync("() => { window.__notReloaded = true; }");

    private static async Task AssertNotReloadedAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"), $"{page.Url} was loaded again");

    [Theory, MemberData(nameof(Locales))]
    public async Task A_question_goes_from_a_viewer_to_the_moderator_back_to_viewers_and_onto_the_presenters_screen_without_reloads(string locale)
    {
        var live = await LiveEventData.EventAsync(f.App, ask: AskPolicy.AnyoneNamed, sms: null, hashtag: "시민의질문");
        var text = locale == "ko-KR" ? "도서관 운영 시간을 밤 10시까지 늘려 주세요" : "Could libraries stay open until 10 pm?";

        var viewer = await f.NewPageAsync(locale);
        await viewer.GotoAsync($"/live/{live}?mode=text");
        await Axe.AssertNoViolationsAsync(viewer);

        var moderator = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, moderator, Roles.Moderator);
        await moderator.GotoAsync($"/admin/live/{live}");
        await Axe.AssertNoViolationsAsync(moderator);
        await moderator.WaitForFunctionAsync("() => window.signalR !== undefined");
        await MarkAsync(moderator);

        // The viewer asks (a plain form post) …
        await viewer.FillAsync("#Ask_DisplayName", "도서관 이용자");
        await viewer.FillAsync("#Ask_Text", text);
        await viewer.ClickAsync("[data-ask-form] button[type=submit]");
        await viewer.WaitForURLAsync("**done=asked*");
        await Axe.AssertNoViolationsAsync(viewer);
        await MarkAsync(viewer);

        // … the moderator's queue shows it without a reload, and the moderator approves it.
        var arrived = moderator.Locator("[data-queue] [data-question]", new() { HasText = text });
        await arrived.WaitForAsync(new() { Timeout = 15_000 });
        await AssertNotReloadedAsync(moderator);
        await Axe.AssertNoViolationsAsync(moderator);
        var question = await arrived.GetAttributeAsync("data-question");
        await moderator.ClickAsync($"[data-question='{question}'] button[value=Approve]");
        await moderator.WaitForURLAsync("**done=Approve*");

        // The viewer sees it among the questions without reloading.
        await viewer.Locator($"[data-top] [data-question='{question}']").WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(text, await viewer.Locator($"[data-top] [data-question='{question}'] [data-text]").TextContentAsync());
        await AssertNotReloadedAsync(viewer);
        await Axe.AssertNoViolationsAsync(viewer);

        // The presenter's screen: the moderator puts it on stage and it appears there (and for the viewer) without reloads.
        var presenter = await moderator.Context.NewPageAsync();
        await presenter.GotoAsync($"/admin/live/{live}/presenter");
        await Axe.AssertNoViolationsAsync(presenter);
        await presenter.WaitForFunctionAsync("() => window.signalR !== undefined");
        await MarkAsync(presenter);
        await moderator.GotoAsync($"/admin/live/{live}?show=approved");
        await moderator.ClickAsync($"[data-question='{question}'] button[value=Stage]");
        await moderator.WaitForURLAsync("**done=Stage*");
        await presenter.Locator($"[data-on-stage] [data-stage-question='{question}']").WaitForAsync(new() { Timeout = 15_000 });
        await AssertNotReloadedAsync(presenter);
        await Axe.AssertNoViolationsAsync(presenter);
        await viewer.Locator($"[data-on-stage] [data-stage-question='{question}']").WaitForAsync(new() { Timeout = 15_000 });
        await AssertNotReloadedAsync(viewer);
    }
}
