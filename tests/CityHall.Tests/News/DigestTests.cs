using System.Net;
using System.Text.RegularExpressions;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.News;
using CityHall.Web.Modules.News.Subscriptions;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.News;

/// <summary>A city of its own for the digest tests, at 7:00 in Seoul: an hour before the digests go out.</summary>
public sealed class DigestApp() : ClockedApp(InSeoul(2027, 9, 1, 7));

/// <summary>
/// A citizen follows kinds, departments and districts and gets at most one digest a day, from 8:00, of what matches,
/// by the channels their account asks for; every digest ends with a link that stops it without signing in.
/// </summary>
public sealed partial class DigestTests(DigestApp app) : IClassFixture<DigestApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private Task<long> PublishAsync(NewsKind kind, string department, string title, string? districts = null) => app.WithDbAsync(async db =>
    {
        var post = new NewsPost { Kind = kind, DepartmentCode = department, TitleKo = title, BodyKo = "본문", Districts = districts, PublishAt = Now, CreatedAt = Now, UpdatedAt = Now, CreatedBy = "test" };
        db.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    });

    private Task<int> DigestAsync() => app.Services.GetRequiredService<NewsDigest>().SendAsync();

    private Task<List<InAppNotification>> InAppAsync(string userId) =>
        app.WithDbAsync(db => db.Set<InAppNotification>().Where(n => n.UserId == userId && n.Link == "/news").OrderBy(n => n.Id).ToListAsync());

    [GeneratedRegex(@"/news/unsubscribe/[A-Za-z0-9_-]+")]
    private static partial Regex UnsubscribeLink();

    [Fact]
    public async Task A_follower_gets_one_digest_a_day_of_what_matches_and_stops_it_from_the_link_signed_out()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var email = $"digest-{tag}@example.org";
        var citizen = await app.SignedUpCitizenAsync(email);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true).SetProperty(x => x.NotifyByEmail, true)));

        var form = await citizen.GetPageAsync("/news/subscription");
        Html.RedirectedTo(await citizen.SubmitAsync(form, [new("Kinds", "pressrelease"), new("Districts", "11110")], "form[data-subscription-form]"));

        // Published before subscribing: not news to them.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var release = await PublishAsync(NewsKind.PressRelease, "transport", "보도자료 " + tag);
        var jongno = await PublishAsync(NewsKind.News, "culture", "종로 소식 " + tag, "11110");
        await PublishAsync(NewsKind.News, "culture", "강남 소식 " + tag, "11680");
        await PublishAsync(NewsKind.Event, "culture", "시 전체 행사 " + tag);

        // Before 8:00 nothing goes; from 8:00 one digest with the two posts they follow.
        Assert.Equal(0, await DigestAsync());
        Assert.Empty(await InAppAsync(userId));
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await DigestAsync() >= 1);
        var first = Assert.Single(await InAppAsync(userId));
        Assert.Contains($"/news/{release}", first.Body, StringComparison.Ordinal);
        Assert.Contains($"/news/{jongno}", first.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("강남 소식", first.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("시 전체 행사", first.Body, StringComparison.Ordinal);
        var mail = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.UserId == userId && m.Channel == NotificationChannel.Email && m.Body.Contains("/news/")).ToListAsync());
        var link = UnsubscribeLink().Match(Assert.Single(mail).Body).Value;
        Assert.NotEmpty(link);

        // The same day, more news: nothing until the next day's digest, which has only the new post.
        var later = await PublishAsync(NewsKind.PressRelease, "transport", "두 번째 보도자료 " + tag);
        app.Clock.Advance(TimeSpan.FromHours(3));
        await DigestAsync();
        Assert.Single(await InAppAsync(userId));
        app.Clock.Advance(TimeSpan.FromHours(21));
        await DigestAsync();
        var second = (await InAppAsync(userId))[1];
        Assert.Contains($"/news/{later}", second.Body, StringComparison.Ordinal);
        Assert.DoesNotContain($"/news/{release}", second.Body, StringComparison.Ordinal);
        // A day with nothing new sends nothing.
        app.Clock.Advance(TimeSpan.FromDays(1));
        await DigestAsync();
        Assert.Equal(2, (await InAppAsync(userId)).Count);

        // The link works signed out: it asks, then stops; used again it says there is nothing to stop.
        var anyone = app.CreateClient();
        var ask = await anyone.GetPageAsync(link);
        Assert.NotNull(ask.QuerySelector("form[data-unsubscribe-form]"));
        Assert.NotNull((await Html.ParseAsync(await anyone.SubmitAsync(ask, [], "form[data-unsubscribe-form]"))).QuerySelector("[data-unsubscribed]"));
        Assert.False(await app.WithDbAsync(db => db.Set<NewsSubscription>().AnyAsync(s => s.UserId == userId)));
        Assert.NotNull((await anyone.GetPageAsync(link)).QuerySelector("[data-unsubscribe-unknown]"));
        Assert.NotNull((await anyone.GetPageAsync("/news/unsubscribe/not-a-token")).QuerySelector("[data-unsubscribe-unknown]"));
        await PublishAsync(NewsKind.PressRelease, "transport", "세 번째 보도자료 " + tag);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await DigestAsync();
        Assert.Equal(2, (await InAppAsync(userId)).Count);
    }

    [Fact]
    public async Task Following_nothing_or_what_the_city_does_not_know_is_refused_and_signed_out_one_is_sent_to_sign_in()
    {
        var citizen = await app.SignedUpCitizenAsync($"digest-bad-{Guid.NewGuid():N}@example.org");
        var form = await citizen.GetPageAsync("/news/subscription");
        foreach (var values in new KeyValuePair<string, string>[][] { [], [new("Kinds", "gossip")], [new("Departments", "nowhere")], [new("Districts", "99999")] })
        {
            var response = await citizen.SubmitAsync(form, values, "form[data-subscription-form]");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Single((await Html.ParseAsync(response)).ErrorSummary());
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<NewsSubscription>().CountAsync(s => s.UserId != null && s.Kinds == "gossip")));
        var signedOut = await app.CreateClient().GetAsync("/news/subscription");
        Assert.Contains("/account/sign-in", signedOut.Headers.Location?.OriginalString ?? signedOut.RequestMessage!.RequestUri!.ToString(), StringComparison.Ordinal);

        // Stopping from the page.
        Html.RedirectedTo(await citizen.SubmitAsync(form, [new("Departments", "transport")], "form[data-subscription-form]"));
        var subscribed = await citizen.GetPageAsync("/news/subscription");
        Assert.True(subscribed.QuerySelector("input[name=Departments][value=transport]")!.HasAttribute("checked"));
        Html.RedirectedTo(await citizen.SubmitAsync(subscribed, [], "form[data-stop-form]"));
        Assert.Null((await citizen.GetPageAsync("/news/subscription")).QuerySelector("form[data-stop-form]"));
    }
}
