using System.Collections.Concurrent;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Modules.LiveEvents.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.LiveEvents;

/// <summary>Polling a Mastodon server's hashtag timeline: a small stand-in server on a loopback port answers as Mastodon's API does.</summary>
public sealed class MastodonTests : IAsyncLifetime
{
    private WebApplication server = null!;
    private readonly ConcurrentQueue<string> requests = new();
    private readonly List<object> statuses = [];

    private sealed class MastodonApp(string server) : LiveEventsApp(new Dictionary<string, string?>
    {
        ["LiveEvents:Mastodon:Server"] = server,
        ["LiveEvents:Mastodon:PollSeconds"] = "3600", // the test polls by hand
    });

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server = builder.Build();
        server.MapGet("/api/v1/timelines/tag/{tag}", (string tag, HttpRequest request) =>
        {
            requests.Enqueue(request.Path + request.QueryString);
            var minId = request.Query["min_id"].ToString();
            lock (statuses)
            {
                // Newer than min_id, newest first, as Mastodon answers.
                var newer = statuses.Cast<dynamic>().Where(s => minId.Length == 0 || long.Parse((string)s.id) > long.Parse(minId))
                    .OrderByDescending(s => long.Parse((string)s.id)).Cast<object>().ToList();
                return Results.Json(newer);
            }
        });
        await server.StartAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private void Post(string id, string html, string acct, DateTime createdAt)
    {
        lock (statuses) statuses.Add(new { id, created_at = createdAt.ToString("O"), content = html, account = new { acct, display_name = acct } });
    }

    [Fact]
    public async Task Statuses_with_the_hashtag_posted_since_going_live_are_read_once_in_order()
    {
        using var app = new MastodonApp(server.Urls.First());
        var live = await LiveEventData.EventAsync(app, hashtag: "서울시장", sms: null);
        var wentLive = await app.WithDbAsync(db => Task.FromResult(db.Set<LiveEvent>().Single(e => e.Id == live).WentLiveAt!.Value));
        Post("109000000000000001", "<p>방송 전 글</p>", "early", wentLive.AddMinutes(-5));
        Post("109000000000000002", "<p>청년 월세 지원을 <a href=\"https://m.example/tags/서울시장\">#<span>서울시장</span></a> 늘려 주세요&amp;요</p><p>감사합니다</p>", "minji", wentLive.AddMinutes(1));
        Post("109000000000000003", "<p>심야버스<br>노선 확대!</p>", "jun@other.example", wentLive.AddMinutes(2));

        var poller = app.Services.GetRequiredService<MastodonPoller>();
        Assert.Equal(3, await poller.PollOnceAsync());
        var stored = await LiveEventData.QuestionsAsync(app, live);
        Assert.Equal(2, stored.Count);
        var host = new Uri(server.Urls.First()).Host;
        Assert.Equal((QuestionChannel.Mastodon, $"{host}:109000000000000002", "@minji@" + host), (stored[0].Channel, stored[0].ExternalId, stored[0].SenderLabel));
        Assert.Equal("청년 월세 지원을 #서울시장 늘려 주세요&요 감사합니다", stored[0].Text);
        Assert.Equal("심야버스 노선 확대!", stored[1].Text);
        Assert.Equal("mastodon:jun@other.example", stored[1].SenderKey);
        Assert.DoesNotContain("min_id", requests.First());

        Post("109000000000000004", "<p>다음 질문</p>", "minji", wentLive.AddMinutes(3));
        Assert.Equal(1, await poller.PollOnceAsync());
        Assert.EndsWith("min_id=109000000000000003", requests.Last());
        Assert.Equal(3, (await LiveEventData.QuestionsAsync(app, live)).Count);
        Assert.Equal(0, await poller.PollOnceAsync()); // nothing new
    }
}
