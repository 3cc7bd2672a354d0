using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Petitions;

/// <summary>Authors and signers hear of each stage change, never more than once a day per proposal.</summary>
public sealed class DigestTests(PetitionClockApp app) : IClassFixture<PetitionClockApp>
{
    private async Task<string> UserIdAsync(string email) =>
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<List<InAppNotification>> MessagesAsync(long petition) =>
        app.WithDbAsync(db => db.Set<InAppNotification>().AsNoTracking().Where(n => n.Link == $"/petitions/{petition}").ToListAsync());

    [Fact]
    public async Task News_reaches_the_author_and_signers_at_most_once_a_day_and_nothing_is_lost()
    {
        var digest = app.Services.GetRequiredService<PetitionDigest>();
        var writer = app.Services.GetRequiredService<SignatureWriter>();
        var emails = Enumerable.Range(0, 3).Select(i => $"digest-{i}-{Guid.NewGuid():N}@example.org").ToList();
        foreach (var email in emails) (await app.SignedUpCitizenAsync(email)).Dispose();
        var author = await UserIdAsync(emails[0]);
        var signers = new[] { await UserIdAsync(emails[1]), await UserIdAsync(emails[2]) };
        var id = await PetitionTestData.PublishedAsync(app, "소식을 받는 제안 " + Guid.NewGuid().ToString("N")[..6], now: app.Clock.GetUtcNow(), authorId: author);

        await writer.SignAsync(id, $"digest-{id}-a", signers[0], null);
        await writer.SignAsync(id, $"digest-{id}-b", signers[1], null);
        await digest.SendAsync();
        Assert.Empty(await MessagesAsync(id)); // nothing has happened yet
        await writer.SignAsync(id, $"digest-{id}-c", null!, null); // the third support crosses the threshold
        await digest.SendAsync();
        var first = await MessagesAsync(id);
        Assert.Equal(new[] { author, signers[0], signers[1] }.Order(), first.Select(m => m.UserId).Order());
        Assert.All(first, m => Assert.Contains("공감 기준을 넘어", m.Body));

        // The forum opens the same day: that news waits for the next day, then comes in one message.
        await writer.SignAsync(id, $"digest-{id}-d", null!, null);
        await writer.SignAsync(id, $"digest-{id}-e", null!, null);
        app.Clock.Advance(TimeSpan.FromHours(20));
        await digest.SendAsync();
        Assert.Equal(3, (await MessagesAsync(id)).Count);
        app.Clock.Advance(TimeSpan.FromHours(5));
        await digest.SendAsync();
        var all = await MessagesAsync(id);
        Assert.Equal(6, all.Count);
        Assert.All(all.Except(first, new ById()), m => Assert.Contains("공론장이 열렸습니다", m.Body));
        await digest.SendAsync();
        Assert.Equal(6, (await MessagesAsync(id)).Count);
    }

    private sealed class ById : IEqualityComparer<InAppNotification>
    {
        public bool Equals(InAppNotification? x, InAppNotification? y) => x?.Id == y?.Id;
        public int GetHashCode(InAppNotification obj) => obj.Id.GetHashCode();
    }
}
