using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Platform.Identity;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CityHall.Tests.Petitions;

/// <summary>A city with small thresholds (3 supports oblige an answer, 5 open the forum, 3 forum voters oblige the mayor) on a clock the test moves.</summary>
public sealed class PetitionClockApp() : ClockedApp(DateTimeOffset.UtcNow, new Dictionary<string, string?>
{
    ["Petitions:SupportThreshold"] = "3",
    ["Petitions:ForumThreshold"] = "5",
    ["Petitions:MayorThreshold"] = "3",
});

public sealed class StageTests(PetitionClockApp app) : IClassFixture<PetitionClockApp>
{
    private SignatureWriter Writer => app.Services.GetRequiredService<SignatureWriter>();
    private PetitionStages Stages => app.Services.GetRequiredService<PetitionStages>();

    private Task<Petition> LoadAsync(long id) => app.WithDbAsync(db => db.Set<Petition>().AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task Thresholds_set_the_answer_due_and_the_forum_and_the_window_end_decides_closed_or_awaiting()
    {
        var start = app.Clock.GetUtcNow();
        var popular = await PetitionTestData.PublishedAsync(app, "공감을 많이 받는 제안 " + Guid.NewGuid().ToString("N")[..6], now: start);
        var quiet = await PetitionTestData.PublishedAsync(app, "공감을 적게 받는 제안 " + Guid.NewGuid().ToString("N")[..6], now: start);
        for (var i = 0; i < 2; i++) await Writer.SignAsync(popular, $"stage-{popular}-{i}", null!, null);
        Assert.Null((await LoadAsync(popular)).ThresholdReachedAt);

        app.Clock.Advance(TimeSpan.FromDays(3));
        await Writer.SignAsync(popular, $"stage-{popular}-2", null!, null);
        var reached = await LoadAsync(popular);
        Assert.Equal(app.Clock.GetUtcNow(), reached.ThresholdReachedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(app.Clock.GetUtcNow().AddDays(30), reached.AnswerDueAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Null(reached.ForumOpenedAt);
        for (var i = 3; i < 5; i++) await Writer.SignAsync(popular, $"stage-{popular}-{i}", null!, null);
        Assert.Equal(app.Clock.GetUtcNow().AddDays(30), (await LoadAsync(popular)).ForumClosesAt!.Value, TimeSpan.FromMilliseconds(1));
        await Writer.SignAsync(quiet, $"stage-{quiet}-0", null!, null);

        // Nothing moves before the window ends.
        Assert.Equal(0, await Stages.AdvanceAsync());
        app.Clock.Advance(TimeSpan.FromDays(28)); // day 31: both windows are over
        await Stages.AdvanceAsync();
        Assert.Equal(PetitionStatus.AwaitingAnswer, (await LoadAsync(popular)).Status);
        Assert.Equal(PetitionStatus.Closed, (await LoadAsync(quiet)).Status);
        Assert.Equal(SignOutcome.NotOpen, (await Writer.SignAsync(popular, "too-late", null!, null)).Outcome);
    }

    [Fact]
    public async Task The_public_page_shows_overdue_answers_and_the_departments_official_answers()
    {
        var authorEmail = $"stage-author-{Guid.NewGuid():N}@example.org";
        (await app.SignedUpCitizenAsync(authorEmail)).Dispose();
        var authorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == authorEmail).Select(u => u.Id).SingleAsync());
        var id = await PetitionTestData.PublishedAsync(app, "답변이 늦어지는 제안 " + Guid.NewGuid().ToString("N")[..6], now: app.Clock.GetUtcNow(), authorId: authorId);
        for (var i = 0; i < 3; i++) await Writer.SignAsync(id, $"due-{id}-{i}", null!, null);

        var page = await app.CreateClient().GetPageAsync($"/petitions/answers?fresh={Guid.NewGuid():N}");
        Assert.Equal("0", page.QuerySelector($"tr[data-petition='{id}'] [data-days-overdue]")!.GetAttribute("data-days-overdue"));

        app.Clock.Advance(TimeSpan.FromDays(35)); // due 30 days after the threshold: 5 days late
        await Stages.AdvanceAsync();
        page = await app.CreateClient().GetPageAsync($"/petitions/answers?fresh={Guid.NewGuid():N}");
        var row = page.QuerySelector($"tr[data-petition='{id}']")!;
        Assert.Equal("5", row.QuerySelector("[data-days-overdue]")!.GetAttribute("data-days-overdue"));
        Assert.Contains("도시교통실", row.TextContent);

        // Another department's official cannot answer it; the responsible one can.
        var other = await app.SignedInStaffAsync(Roles.Official, department: "culture");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/petitions/answers/{id}")).StatusCode);
        var official = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        var list = await official.GetPageAsync("/admin/petitions/answers");
        Assert.Contains(list.QuerySelectorAll("tbody a"), a => a.GetAttribute("href") == $"/admin/petitions/answers/{id}");
        var form = await official.GetPageAsync($"/admin/petitions/answers/{id}");
        var empty = await Html.ParseAsync(await official.SubmitAsync(form, new Dictionary<string, string> { ["Input.Outcome"] = "", ["Input.Text"] = "" }));
        Assert.Equal(2, empty.ErrorSummary().Length);
        var answered = await official.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Outcome"] = "PartlyAccepted", ["Input.Text"] = "정류장 열 곳에 그늘막을 올여름까지 설치하겠습니다. 나머지는 예산을 검토합니다.",
        });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var petition = await LoadAsync(id);
        Assert.Equal(PetitionStatus.Answered, petition.Status);
        Assert.Equal(AnswerOutcome.PartlyAccepted, petition.AnswerOutcome);
        var shown = await app.CreateClient().GetPageAsync($"/petitions/{id}?fresh={Guid.NewGuid():N}");
        Assert.Contains("그늘막을 올여름까지", shown.QuerySelector("#answer")!.TextContent);
        // The author hears of it in the next digest.
        await app.Services.GetRequiredService<PetitionDigest>().SendAsync();
        Assert.True(await app.WithDbAsync(db => db.Set<InAppNotification>().AnyAsync(n => n.UserId == authorId && n.Link == $"/petitions/{id}")));
        page = await app.CreateClient().GetPageAsync($"/petitions/answers?fresh={Guid.NewGuid():N}");
        Assert.Null(page.QuerySelector($"tr[data-petition='{id}']"));
    }

    [Fact]
    public async Task Signers_addresses_and_mail_domains_are_forgotten_once_the_review_period_after_the_window_is_over()
    {
        var id = await PetitionTestData.PublishedAsync(app, "주소를 잊는 제안 " + Guid.NewGuid().ToString("N")[..6], now: app.Clock.GetUtcNow());
        await Writer.SignAsync(id, $"origin-{id}", null!, null, new SignatureOrigin("198.51.100.20", "example.org", true));
        Task<PetitionSignature> SignatureAsync() => app.WithDbAsync(db => db.Set<PetitionSignature>().AsNoTracking().SingleAsync(s => s.PetitionId == id));

        app.Clock.Advance(TimeSpan.FromDays(31)); // the window is over: still kept for review
        await Stages.AdvanceAsync();
        await Stages.ForgetOriginsAsync();
        Assert.Equal("198.51.100.20", (await SignatureAsync()).ClientIp);

        app.Clock.Advance(TimeSpan.FromDays(90));
        await Stages.ForgetOriginsAsync();
        var forgotten = await SignatureAsync();
        Assert.Equal((null, null, true), (forgotten.ClientIp, forgotten.EmailDomain, forgotten.Flagged));
        Assert.NotNull((await LoadAsync(id)).OriginsForgottenAt);
        Assert.Equal(1, (await LoadAsync(id)).SignatureCount);
    }
}
