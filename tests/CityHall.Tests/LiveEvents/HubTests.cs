using System.Collections.Concurrent;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.LiveEvents.Live;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Platform.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.LiveEvents;

/// <summary>The hub with the .NET SignalR client: snapshots to viewers (coalesced), every change to moderators, viewer counts.</summary>
public sealed class HubTests(LiveEventsApp app) : IClassFixture<LiveEventsApp>
{
    private static async Task<T> WithinAsync<T>(Func<T?> probe, TimeSpan limit, string what) where T : class
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            if (probe() is { } found) return found;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"Not within {limit.TotalSeconds} s: {what}");
    }

    [Fact]
    public async Task A_viewer_gets_a_snapshot_on_joining_and_a_new_one_when_a_moderator_approves_a_question()
    {
        var live = await LiveEventData.EventAsync(app);
        var question = await LiveEventData.QuestionAsync(app, live, "공공 도서관을 밤까지 열어 주세요", QuestionState.Pending);
        await using var viewer = app.Hub();
        var received = new ConcurrentQueue<LiveSnapshot>();
        viewer.On<LiveSnapshot>(nameof(ILiveEventClient.Snapshot), received.Enqueue);
        await viewer.StartAsync();
        var first = await viewer.InvokeAsync<LiveSnapshot>(nameof(LiveEventHub.Watch), live, "pc");
        Assert.Equal(live, first.EventId);
        Assert.Equal("Live", first.State);
        Assert.Empty(first.Top);
        Assert.Equal(1, first.Received);

        var moderator = await app.SignedInStaffAsync(Roles.Moderator);
        var page = await moderator.GetPageAsync($"/admin/live/{live}");
        var form = $"[data-question='{question}'] form.ch-inline-form";
        await moderator.SubmitAsync(page, page.FilledIn(form).With(("decision", "Approve")), form);

        var shown = await WithinAsync(() => received.FirstOrDefault(s => s.Top.Any(q => q.Id == question)), TimeSpan.FromSeconds(5), "the approved question");
        Assert.Equal("공공 도서관을 밤까지 열어 주세요", shown.Top.Single().Text);
        Assert.Equal(1, shown.Approved);

        // After a reconnect the client asks again and gets the current state at once.
        var again = await viewer.InvokeAsync<LiveSnapshot>(nameof(LiveEventHub.Watch), live, "pc");
        Assert.Contains(again.Top, q => q.Id == question);
        await Assert.ThrowsAsync<HubException>(() => viewer.InvokeAsync<LiveSnapshot>(nameof(LiveEventHub.Watch), 987654L, "pc"));
    }

    [Fact]
    public async Task Many_votes_in_a_moment_reach_viewers_as_a_few_snapshots_not_one_message_per_vote()
    {
        var live = await LiveEventData.EventAsync(app);
        var question = await LiveEventData.QuestionAsync(app, live, "공감을 많이 받을 질문");
        await using var viewer = app.Hub();
        var received = new ConcurrentQueue<LiveSnapshot>();
        viewer.On<LiveSnapshot>(nameof(ILiveEventClient.Snapshot), received.Enqueue);
        await viewer.StartAsync();
        await viewer.InvokeAsync<LiveSnapshot>(nameof(LiveEventHub.Watch), live, "mobile");
        // Snapshots from before the votes (the join's own, a periodic one) show no supports: only those after are counted.
        IEnumerable<LiveSnapshot> AfterVoting() => received.Where(s => s.Top.Any(q => q.Supports > 0));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var started = DateTime.UtcNow;
            for (var i = 0; i < 60; i++)
                Assert.Equal(SupportOutcome.Supported, await scope.ServiceProvider.GetRequiredService<QuestionSupports>().SupportAsync(live, question, $"viewer:vote-{i}"));
            var votingTook = DateTime.UtcNow - started;
            var last = await WithinAsync(() => AfterVoting().LastOrDefault(s => s.Top.Any(q => q.Supports == 60)), TimeSpan.FromSeconds(5), "all 60 supports");
            // Votes change counts only: one snapshot per counts period (0.6 s here) at most, plus the one that carries the last votes.
            var periods = (int)Math.Ceiling((DateTime.UtcNow - started).TotalSeconds / 0.6);
            var sent = AfterVoting().Count();
            Assert.InRange(sent, 1, periods + 1);
            Assert.True(sent < 60, $"{sent} snapshots for 60 votes in {votingTook.TotalMilliseconds:F0} ms");
            Assert.Equal(60, last.Top.Single().Supports);
        }
    }

    [Fact]
    public async Task Moderators_hear_of_every_question_at_once_and_viewers_cannot_join_as_moderators()
    {
        var live = await LiveEventData.EventAsync(app, ask: AskPolicy.AnyoneNamed);
        await using var stranger = app.Hub();
        await stranger.StartAsync();
        await Assert.ThrowsAnyAsync<HubException>(() => stranger.InvokeAsync<List<ModeratedQuestion>>(nameof(LiveEventHub.Moderate), live));

        var (_, cookie) = await app.SignInStaffAsync(Roles.Moderator);
        await using var moderator = app.Hub(cookie);
        var heard = new ConcurrentQueue<ModeratedQuestion>();
        moderator.On<ModeratedQuestion>(nameof(ILiveEventClient.Question), heard.Enqueue);
        await moderator.StartAsync();
        var queue = await moderator.InvokeAsync<List<ModeratedQuestion>>(nameof(LiveEventHub.Moderate), live);
        Assert.Empty(queue);

        var guest = app.CreateBrowserLikeClient();
        var page = await guest.GetPageAsync($"/live/{live}");
        await guest.SubmitAsync(page, page.FilledIn("[data-ask-form]").With(("Ask.DisplayName", "은평 주민"), ("Ask.Text", "도서관 주차장을 늘려 주세요")), "[data-ask-form]");
        var arrived = await WithinAsync(() => heard.FirstOrDefault(q => q.Text == "도서관 주차장을 늘려 주세요"), TimeSpan.FromSeconds(3), "the new question");
        Assert.Equal(("Pending", "은평 주민", "Web"), (arrived.State, arrived.Sender, arrived.Channel));

        // Another moderator approves it on their console: this one hears the decision as it is made.
        var colleague = await app.SignedInStaffAsync(Roles.Moderator, email: $"colleague-{Guid.NewGuid():N}@city.example");
        var console = await colleague.GetPageAsync($"/admin/live/{live}");
        var form = $"[data-question='{arrived.Id}'] form.ch-inline-form";
        await colleague.SubmitAsync(console, console.FilledIn(form).With(("decision", "Approve")), form);
        var decided = await WithinAsync(() => heard.FirstOrDefault(q => q.Id == arrived.Id && q.State == "Approved"), TimeSpan.FromSeconds(3), "the colleague's approval");
        Assert.StartsWith("colleague-", decided.DecidedBy);
    }

    [Fact]
    public async Task Viewers_are_counted_by_device_from_heartbeats_and_the_peak_is_kept()
    {
        var live = await LiveEventData.EventAsync(app);
        await using var pc = app.Hub();
        await using var phone = app.Hub();
        var received = new ConcurrentQueue<LiveSnapshot>();
        pc.On<LiveSnapshot>(nameof(ILiveEventClient.Snapshot), received.Enqueue);
        await pc.StartAsync();
        await phone.StartAsync();
        await pc.InvokeAsync<LiveSnapshot>(nameof(LiveEventHub.Watch), live, "pc");
        await phone.InvokeAsync<LiveSnapshot>(nameof(LiveEventHub.Watch), live, "mobile");
        await phone.InvokeAsync(nameof(LiveEventHub.Heartbeat), live, "mobile");
        var counted = await WithinAsync(() => received.FirstOrDefault(s => s.ViewersPc == 1 && s.ViewersMobile == 1), TimeSpan.FromSeconds(10), "one PC and one phone");
        Assert.Equal(2, counted.Viewers);
        var peak = await WithinAsync(() => app.WithDbAsync(db => db.Set<LiveEvent>().AsNoTracking().SingleAsync(e => e.Id == live)).Result is { PeakTotal: 2 } e ? e : null,
            TimeSpan.FromSeconds(10), "the peak written");
        Assert.Equal((1, 1), (peak.PeakPc, peak.PeakMobile));
        Assert.Equal((1, 1), (peak.TotalPc, peak.TotalMobile));
    }
}
