using System.Text.RegularExpressions;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>Propose, get published, support (verifying on the way), keep the receipt and check it: in Korean and English, axe on every page.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PetitionJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "ko-KR", "en-US" };

    [Theory, MemberData(nameof(Locales))]
    public async Task Propose_support_and_check_the_receipt(string locale)
    {
        var page = await f.NewPageAsync(locale);
        await Journeys.SignUpAsync(f, page, $"petition-{Guid.NewGuid():N}@example.org");
        var title = $"버스 정류장에 그늘막을 설치해 주세요 {Guid.NewGuid().ToString("N")[..6]}";

        await page.GotoAsync("/petitions");
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/petitions/new");
        // Typing the title brings up similar proposals by itself (an earlier run's proposal is one).
        await page.FillAsync("#Input_Title", title);
        await page.WaitForSelectorAsync("#similar p, #similar ul");
        await page.ClickAsync("button[formaction='/petitions/new/similar']");
        await page.WaitForSelectorAsync("#similar p, #similar ul");
        await Axe.AssertNoViolationsAsync(page);
        // The empty details are refused with the error summary first.
        await page.ClickAsync("form[action='/petitions/new'] .ch-actions button.primary");
        await page.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_Body", "여름 한낮에 버스를 기다리는 시민들이 햇볕을 피할 곳이 없습니다. 그늘막을 설치해 주세요.");
        await page.SelectOptionAsync("#Input_CategoryCode", "transport");
        await page.ClickAsync("form[action='/petitions/new'] .ch-actions button.primary");
        await page.WaitForURLAsync("**/petitions/*?done=submitted");
        await Axe.AssertNoViolationsAsync(page);
        var id = long.Parse(IdInUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // A moderator publishes it (the review pages have their own HTTP tests).
        await f.App.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.Status, PetitionStatus.Collecting)
            .SetProperty(p => p.PublishedAt, DateTimeOffset.UtcNow)
            .SetProperty(p => p.SupportDeadline, DateTimeOffset.UtcNow.AddDays(30))));

        // Supporting asks for verification first, then comes back.
        await page.GotoAsync($"/petitions/{id}");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync($"form[action='/petitions/{id}/sign'] button");
        await page.WaitForURLAsync("**/account/verify?returnUrl=*");
        await Journeys.AnswerVerificationAsync(f, page, $"**/petitions/{id}");
        await page.ClickAsync($"form[action='/petitions/{id}/sign'] button");
        await page.WaitForSelectorAsync("#receipt");
        await Axe.AssertNoViolationsAsync(page);
        Assert.Equal("1", await page.TextContentAsync("[data-receipt-sequence]"));

        await f.App.Services.GetRequiredService<CheckpointPublisher>().PublishAsync();
        await page.ClickAsync("#receipt a");
        await page.WaitForSelectorAsync("[data-receipt-result]");
        Assert.Equal("Included", await page.GetAttributeAsync("[data-receipt-result]", "data-receipt-result"));
        await Axe.AssertNoViolationsAsync(page);

        // 99 more supports open the forum: vote in it, then argue for the proposal in the discussion.
        var writer = f.App.Services.GetRequiredService<SignatureWriter>();
        await Task.WhenAll(Enumerable.Range(0, 99).Select(i => writer.SignAsync(id, $"journey-{id}-{i}", null!, null)));
        await page.GotoAsync($"/petitions/{id}");
        await page.ClickAsync("label[for=Choice]"); // KRDS draws the radio on the label
        await page.ClickAsync($"form[action='/petitions/{id}/vote'] button");
        await page.WaitForURLAsync("**/petitions/*?done=voted*");
        Assert.Equal("1", await page.GetAttributeAsync("[data-forum-participants]", "data-forum-participants"));
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync($"a[href='/petitions/{id}/comments#comment-form']");
        await page.FillAsync("#Input_Body", "정류장마다 그늘막이 있으면 어르신들이 훨씬 편해집니다.");
        await page.ClickAsync("label[for=Input_Stance-1]");
        await page.ClickAsync("form[action$='/comments'] button.primary");
        await page.WaitForSelectorAsync("li[data-comment] [data-stance=Pro]");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/petitions/mine");
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/petitions/answers");
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/petitions/(\d+)")]
    private static partial Regex IdInUrl();
}
