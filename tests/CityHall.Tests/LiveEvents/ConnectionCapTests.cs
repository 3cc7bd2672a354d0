using System.Collections.Concurrent;
using System.Net;
using CityHall.Web.Modules.LiveEvents.Live;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Platform.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.LiveEvents;

/// <summary>A node at its connection cap (here 3 real-time clients) refuses further viewers with 503 and goes on serving those connected and pages.</summary>
public sealed class ConnectionCapTests
{
    private sealed class SmallNode() : LiveEventsApp(new Dictionary<string, string?>
    {
        ["Hosting:Connections:Max"] = "20",
        ["Hosting:Connections:RealtimeHeadroom"] = "17",
    });

    [Fact]
    public void The_limit_is_the_soft_open_file_limit_less_a_reserve()
    {
        const string limits = """
            Limit                     Soft Limit           Hard Limit           Units
            Max processes             unlimited            unlimited            processes
            Max open files            20000                20000                files
            Max locked memory         8388608              8388608              bytes
            """;
        Assert.Equal(20000, ConnectionLimits.ParseOpenFileLimit(limits));
        Assert.Null(ConnectionLimits.ParseOpenFileLimit("Max open files            unlimited            unlimited            files"));
        var node = new ConnectionLimits(new ConnectionLimitOptions(), 20_000);
        Assert.Equal((19_600, 19_450), (node.MaxConnections, node.MaxRealtime));
        Assert.Equal((null, null), (new ConnectionLimits(new ConnectionLimitOptions(), null).MaxConnections, new ConnectionLimits(new ConnectionLimitOptions(), null).MaxRealtime));
        // This machine's own limit is read.
        Assert.Equal(ConnectionLimits.ParseOpenFileLimit(File.ReadAllText("/proc/self/limits")), ConnectionLimits.ReadOpenFileLimit());
    }

    private sealed class Upgradable(bool upgradable) : Microsoft.AspNetCore.Http.Features.IHttpUpgradeFeature
    {
        public bool IsUpgradableRequest => upgradable;
        public Task<Stream> UpgradeAsync() => throw new NotSupportedException();
    }

    [Fact]
    public async Task Only_a_hubs_lasting_connection_skips_the_pages_middleware_and_its_short_requests_keep_problem_json_errors()
    {
        static Microsoft.AspNetCore.Http.DefaultHttpContext Request(string path, bool upgrade, string? accept = null)
        {
            var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            context.Request.Method = "GET";
            context.Request.Path = path;
            if (accept is not null) context.Request.Headers.Accept = accept;
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpUpgradeFeature>(new Upgradable(upgrade));
            return context;
        }
        Assert.True(ConnectionLimitsRegistration.IsLastingRealtimeConnection(Request(LiveEventHub.Path, upgrade: true)));
        Assert.True(ConnectionLimitsRegistration.IsLastingRealtimeConnection(Request(LiveEventHub.Path, upgrade: false, "text/event-stream")));
        Assert.False(ConnectionLimitsRegistration.IsLastingRealtimeConnection(Request(LiveEventHub.Path + "/negotiate", upgrade: false)));
        Assert.False(ConnectionLimitsRegistration.IsLastingRealtimeConnection(Request("/live/1", upgrade: true)));

        // A hub's short requests take the whole pipeline: a path no hub serves is a problem+json 404, as any API's.
        using var app = new SmallNode();
        var missing = await app.CreateClient().PostAsync("/hubs/no-such-hub/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Viewers_beyond_the_cap_get_503_with_a_retry_time_and_those_connected_keep_receiving()
    {
        using var app = new SmallNode();
        var live = await LiveEventData.EventAsync(app);
        var question = await LiveEventData.QuestionAsync(app, live, "정원 초과 시험", QuestionState.Pending);
        var connected = new List<HubConnection>();
        var received = new ConcurrentBag<long>();
        for (var i = 0; i < 3; i++)
        {
            var viewer = app.Hub();
            viewer.On<LiveSnapshot>(nameof(ILiveEventClient.Snapshot), s => { if (s.Top.Count > 0) received.Add(s.Top[0].Id); });
            await viewer.StartAsync();
            await viewer.InvokeAsync<LiveSnapshot>(nameof(LiveEventHub.Watch), live, "pc");
            connected.Add(viewer);
        }
        Assert.Equal(3, app.Services.GetRequiredService<ConnectionLimits>().Realtime);

        await using var refused = app.Hub();
        // Refused for the cap (503), not for any other reason a connection could fail.
        var refusal = await Assert.ThrowsAnyAsync<Exception>(() => refused.StartAsync());
        Assert.Contains("503", refusal.ToString(), StringComparison.Ordinal);
        var negotiate = await app.CreateClient().PostAsync("/hubs/live-events/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, negotiate.StatusCode);
        Assert.InRange(negotiate.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 2, 15);

        // Pages are still served, and the three connected still get what happens.
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync($"/live/{live}")).StatusCode);
        await LiveEventData.ApproveAsync(app, live, question);
        var until = DateTime.UtcNow.AddSeconds(5);
        while (received.Count(id => id == question) < 3 && DateTime.UtcNow < until) await Task.Delay(50);
        Assert.Equal(3, received.Count(id => id == question));

        // One leaves: one more may join.
        await connected[0].DisposeAsync();
        until = DateTime.UtcNow.AddSeconds(5);
        while (app.Services.GetRequiredService<ConnectionLimits>().Realtime > 2 && DateTime.UtcNow < until) await Task.Delay(50);
        await using var next = app.Hub();
        await next.StartAsync();
        Assert.Equal(live, (await next.InvokeAsync<LiveSnapshot>(nameof(LiveEventHub.Watch), live, "pc")).EventId);
        foreach (var c in connected.Skip(1)) await c.DisposeAsync();
    }
}
