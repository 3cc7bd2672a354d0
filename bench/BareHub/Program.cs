using CityHall.Bench.BareHub;
using Microsoft.AspNetCore.SignalR;

// The same routes the bench's viewers use: /hubs/live-events (Watch, Heartbeat; Snapshot every 2 s) and /health/ready.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSignalR();
builder.Services.AddSingleton<Viewers>();
builder.Services.AddHostedService<Snapshots>();
var app = builder.Build();
app.MapGet("/health/ready", () => "ready");
app.MapHub<LiveHub>("/hubs/live-events");
app.Run();

namespace CityHall.Bench.BareHub
{
    /// <summary>A viewer joins an event's group and gets its snapshot in the answer (as the app's hub does); a heartbeat now and then.</summary>
    public sealed class LiveHub(Viewers viewers) : Hub
    {
        public async Task<object> Watch(long eventId, string device)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, Snapshots.Group(eventId));
            return Snapshots.Of(eventId, viewers.Joined(eventId));
        }

        public Task Heartbeat(long eventId, string device) => Task.CompletedTask;
    }

    /// <summary>How many watch each event (no device split, no expiry: a bare count).</summary>
    public sealed class Viewers
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<long, int> counts = new();
        public int Joined(long eventId) => counts.AddOrUpdate(eventId, 1, (_, n) => n + 1);
        public IEnumerable<KeyValuePair<long, int>> All => counts;
    }

    /// <summary>
    /// As the app does it: an event's viewers get its snapshot at most every 2 s, and only when something changed (here
    /// the count). The bench's memory phase has no questions yet, so neither has this snapshot.
    /// </summary>
    public sealed class Snapshots(IHubContext<LiveHub> hub, Viewers viewers) : BackgroundService
    {
        public static string Group(long eventId) => $"viewers-{eventId}";

        public static object Of(long eventId, int count) => new
        {
            EventId = eventId, State = "Live", OnStage = (object?)null, Top = Array.Empty<object>(), Received = 0, Approved = 0, Answered = 0,
            ViewersPc = count, ViewersMobile = 0, At = DateTime.UtcNow,
        };

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var sent = new Dictionary<long, int>();
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
            while (await timer.WaitForNextTickAsync(stoppingToken))
                foreach (var (eventId, count) in viewers.All)
                {
                    if (sent.TryGetValue(eventId, out var last) && last == count) continue;
                    sent[eventId] = count;
                    await hub.Clients.Group(Group(eventId)).SendAsync("Snapshot", Of(eventId, count), stoppingToken);
                }
        }
    }
}
