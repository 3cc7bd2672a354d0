using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Tests.Petitions;
using CityHall.Tests.ServiceRequests;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Portal;

/// <summary>"My city" (/my): one page with a citizen's own proposals, reports, questions and notifications, each block leading to its module's page; never anyone else's.</summary>
public sealed class MyCityTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private Task<string> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task A_citizen_sees_their_own_things_in_one_place_and_another_sees_none_of_them()
    {
        var email = $"my-{Guid.NewGuid():N}@example.org";
        var citizen = await app.SignedUpCitizenAsync(email);
        var me = await UserIdAsync(email);
        var proposal = await PetitionTestData.PublishedAsync(app, "우리 동네 도서관 개관 시간을 늘려 주세요", authorId: me);
        var publicReport = ReportPagesTests.ReferenceOf(await ReportPagesTests.ReportAsync(citizen, "litter", "address=" + Uri.EscapeDataString("종로구 종로 1"),
            new() { ["Input.Description"] = "골목에 쓰레기가 쌓여 있습니다.", ["Input.IsPublic"] = "true" }));
        var privateReport = ReportPagesTests.ReferenceOf(await ReportPagesTests.ReportAsync(citizen, "women-safety", "address=" + Uri.EscapeDataString("종로구 종로 2"),
            new() { ["Input.Description"] = "집 앞 골목이 어둡습니다.", ["Input.IsPublic"] = "false" }));
        var question = await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var e = new LiveEvent { TitleKo = "시장과의 대화", TitleEn = "Talk with the mayor", StartsAt = now, EndsAt = now.AddHours(1), State = LiveEventState.Live, CreatedAt = now, UpdatedAt = now };
            db.Add(e);
            await db.SaveChangesAsync();
            var q = new LiveQuestion { EventId = e.Id, Channel = QuestionChannel.Web, ExternalId = Guid.NewGuid().ToString("N"), SenderKey = "k", SenderLabel = "홍길동", UserId = me,
                Text = "도서관 주말 운영은 언제부터인가요?", State = QuestionState.Approved, ReceivedAt = now };
            db.Add(q);
            db.Add(new InAppNotification { UserId = me, Title = "제안이 게시되었습니다", Link = $"/petitions/{proposal}", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return q.Id;
        });

        var page = await citizen.GetPageAsync("/my");
        Assert.False(page.IsErrorPage());
        Assert.Equal(["Petitions/proposals", "ServiceRequests/reports", "Inclusion/applications", "LiveEvents/questions", "Taxi/calls", "Accounts/notifications"],
            page.QuerySelectorAll("[data-my-block]").Select(b => b.GetAttribute("data-my-block")));
        var proposals = page.QuerySelector("[data-my-block='Petitions/proposals']")!;
        Assert.Equal("우리 동네 도서관 개관 시간을 늘려 주세요", proposals.QuerySelector($"[data-petition='{proposal}'] a")!.TextContent);
        Assert.Equal("/petitions/mine", proposals.QuerySelector(".ch-home-block__more a")!.GetAttribute("href"));
        var reports = page.QuerySelector("[data-my-block='ServiceRequests/reports']")!;
        Assert.Equal("2", reports.QuerySelector("[data-reports]")!.GetAttribute("data-reports"));
        Assert.NotNull(reports.QuerySelector($"[data-report='{publicReport}'] a[href='/reports/{publicReport}']"));
        Assert.NotNull(reports.QuerySelector($"[data-report='{privateReport}'] .krds-badge")); // their private one, marked private
        Assert.NotNull(page.QuerySelector("[data-my-block='Inclusion/applications'] [data-empty]"));
        Assert.NotNull(page.QuerySelector("[data-my-block='Inclusion/applications'] a[href='/inclusion/applications']"));
        Assert.Contains("도서관 주말 운영은", page.QuerySelector($"[data-my-block='LiveEvents/questions'] [data-question='{question}']")!.TextContent, StringComparison.Ordinal);
        var notifications = page.QuerySelector("[data-my-block='Accounts/notifications']")!;
        // Theirs, and the receipts of their two reports: all unread.
        var unread = await app.WithDbAsync(db => db.Set<InAppNotification>().CountAsync(n => n.UserId == me && n.ReadAt == null));
        Assert.Equal(3, unread);
        Assert.Equal($"{unread}", notifications.QuerySelector("[data-unread]")!.GetAttribute("data-unread"));
        Assert.Contains(notifications.QuerySelectorAll("[data-notification][data-read=false] a"), a => a.TextContent == "제안이 게시되었습니다");
        Assert.NotNull(page.QuerySelector("header a[href='/my']"));

        // Someone else: every block says there is nothing yet, and none of the first citizen's things show.
        var other = await (await app.SignedUpCitizenAsync()).GetPageAsync("/my");
        Assert.Equal(6, other.QuerySelectorAll("[data-my-block] [data-empty]").Length);
        var html = other.QuerySelector("main")!.InnerHtml;
        foreach (var theirs in new[] { $"/petitions/{proposal}", publicReport, privateReport, "도서관 주말 운영은", "제안이 게시되었습니다" })
            Assert.DoesNotContain(theirs, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_signing_in_it_asks_to_sign_in()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/my");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
