using CityHall.Tests.Infrastructure;
using CityHall.Web.Data;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Accounts;

public sealed class NotificationsPageTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task A_citizen_sees_only_their_own_notifications_and_marks_them_read()
    {
        var email = $"inapp-{Guid.NewGuid():N}@example.org";
        var client = await app.SignedUpCitizenAsync(email);
        var other = await app.SignedUpCitizenAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            notifier.InApp(userId, "제안이 답변을 받았습니다", "담당 부서가 답변했습니다.", "/pages/participation");
            notifier.InApp(userId, "두 번째 알림", "본문");
            await db.SaveChangesAsync();
        }
        var page = await client.GetPageAsync("/account/notifications");
        Assert.Equal("2", page.QuerySelector("[data-unread]")!.GetAttribute("data-unread"));
        Assert.Equal(["두 번째 알림", "제안이 답변을 받았습니다"], page.QuerySelectorAll(".ch-notifications h2").Select(h => h.TextContent.Trim()).ToArray());

        var othersPage = await other.GetPageAsync("/account/notifications");
        Assert.Empty(othersPage.QuerySelectorAll(".ch-notifications li"));

        await client.SubmitAsync(page, new Dictionary<string, string>(), "main form[method=post]");
        var after = await client.GetPageAsync("/account/notifications");
        Assert.Equal("0", after.QuerySelector("[data-unread]")!.GetAttribute("data-unread"));
        Assert.All(after.QuerySelectorAll(".ch-notifications li"), li => Assert.Equal("true", li.GetAttribute("data-read")));
    }
}
