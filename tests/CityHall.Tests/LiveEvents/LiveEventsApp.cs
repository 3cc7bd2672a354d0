using System.Security.Cryptography;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.LiveEvents.Live;
using CityHall.Web.Modules.LiveEvents.Questions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.LiveEvents;

/// <summary>The app with the SMS and social webhooks configured and snapshots sent often enough for tests to wait little.</summary>
public class LiveEventsApp : CityHallApp
{
    public const string SmsToken = "test-twilio-auth-token";
    public const string SocialSecret = "test-social-secret";
    public const string SmsNumber = "+82215880120";

    public LiveEventsApp() : this(new Dictionary<string, string?>()) { }

    protected LiveEventsApp(IDictionary<string, string?> overrides) : base(Merge(overrides)) { }

    private static Dictionary<string, string?> Merge(IDictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["LiveEvents:SenderHashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["LiveEvents:Sms:AuthToken"] = SmsToken,
            ["LiveEvents:Social:Secret"] = SocialSecret,
            ["LiveEvents:SnapshotSeconds"] = "0.3",
            ["LiveEvents:CountsSeconds"] = "0.6",
            ["RequestLimits:CitizenWrite:PermitLimit"] = "1000",
        };
        foreach (var (k, v) in overrides) settings[k] = v;
        return settings;
    }

    /// <summary>A connection to the live events hub, optionally signed in (a Cookie header).</summary>
    public HubConnection Hub(string? cookie = null) => Hub(LiveEventHub.Path, cookie);
}

/// <summary>Events and questions made straight in the database, for tests of what happens to them.</summary>
public static class LiveEventData
{
    /// <summary>An event as staff would have made it (the directory forgets what it cached, as staff's changes make it do).</summary>
    public static async Task<long> EventAsync(CityHallApp app, LiveEventState state = LiveEventState.Live, AskPolicy ask = AskPolicy.SignedIn,
        string? sms = LiveEventsApp.SmsNumber, string? hashtag = null, string? keywords = null, DateTime? startsAt = null)
    {
        var id = await InsertEventAsync(app, state, ask, sms, hashtag, keywords, startsAt);
        app.Services.GetRequiredService<LiveEventDirectory>().Forget(id);
        return id;
    }

    private static Task<long> InsertEventAsync(CityHallApp app, LiveEventState state, AskPolicy ask, string? sms, string? hashtag, string? keywords, DateTime? startsAt) =>
        app.WithDbAsync(async db =>
        {
            var starts = startsAt ?? DateTime.UtcNow.AddMinutes(-10);
            var ev = new LiveEvent
            {
                TitleKo = "시장 취임식 " + Guid.NewGuid().ToString("N")[..6], TitleEn = "Mayor's inauguration", DescriptionKo = "온라인 취임식",
                StartsAt = starts, EndsAt = starts.AddMinutes(40), State = state, AskPolicy = ask, SmsNumber = sms, Hashtag = hashtag,
                HoldKeywords = keywords, StreamKind = StreamKind.YouTube, StreamUrl = "dQw4w9WgXcQ",
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, WentLiveAt = state == LiveEventState.Live ? starts : null,
            };
            db.Add(ev);
            await db.SaveChangesAsync();
            return ev.Id;
        });

    public static Task<long> QuestionAsync(CityHallApp app, long eventId, string text, QuestionState state = QuestionState.Approved,
        string? sender = null, int supports = 0) =>
        app.WithDbAsync(async db =>
        {
            var q = new LiveQuestion
            {
                EventId = eventId, Channel = QuestionChannel.Web, ExternalId = "test:" + Guid.NewGuid().ToString("N"),
                SenderKey = sender ?? "viewer:" + Guid.NewGuid().ToString("N"), SenderLabel = "시민", Text = text, State = state,
                Supports = supports, ReceivedAt = DateTime.UtcNow,
            };
            db.Add(q);
            await db.SaveChangesAsync();
            return q.Id;
        });

    /// <summary>A moderator's approval through the same service the console uses.</summary>
    public static async Task ApproveAsync(CityHallApp app, long eventId, long question)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var moderator = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.Name, "moderator")], "test"));
        Assert.Equal(ModerationRefusal.None, await scope.ServiceProvider.GetRequiredService<Moderation>().ApplyAsync(moderator, eventId, question, ModerationAction.Approve));
    }

    public static Task<List<LiveQuestion>> QuestionsAsync(CityHallApp app, long eventId) =>
        app.WithDbAsync(db => db.Set<LiveQuestion>().AsNoTracking().Where(q => q.EventId == eventId).OrderBy(q => q.Id).ToListAsync());

    public static Task<LiveQuestion> QuestionAsync(CityHallApp app, long id) =>
        app.WithDbAsync(db => db.Set<LiveQuestion>().AsNoTracking().SingleAsync(q => q.Id == id));
}
