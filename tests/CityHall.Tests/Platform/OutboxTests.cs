using System.Collections.Concurrent;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CityHall.Tests.Platform;

/// <summary>An e-mail gateway that records what it was given and can be told to fail.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    public ConcurrentBag<string> Sent { get; } = [];
    private int failuresLeft;

    /// <summary>How many of the next sends fail.</summary>
    public int FailuresLeft { get => Volatile.Read(ref failuresLeft); set => Volatile.Write(ref failuresLeft, value); }

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        if (Interlocked.Decrement(ref failuresLeft) >= 0) throw new InvalidOperationException("SMTP 451: try again later");
        await Task.Delay(20, ct); // a gateway takes a moment: long enough for two dispatchers to overlap
        Sent.Add(to);
    }
}

public sealed class OutboxApp() : ClockedApp(DateTimeOffset.UtcNow)
{
    public RecordingEmailSender Email { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<IEmailSender>(Email);
    }
}

public sealed class OutboxTests(OutboxApp app) : IClassFixture<OutboxApp>
{
    private async Task<string> QueueAsync(int count)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var scope = app.Services.CreateAsyncScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        for (var i = 0; i < count; i++) notifier.Email($"{tag}-{i}@example.org", "제목", "본문");
        await scope.ServiceProvider.GetRequiredService<CityHall.Web.Data.AppDbContext>().SaveChangesAsync();
        return tag;
    }

    private Task<List<OutboxMessage>> MessagesAsync(string tag) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Recipient.StartsWith(tag)).OrderBy(m => m.Id).ToListAsync());

    private OutboxDispatcher Dispatcher => app.Services.GetRequiredService<OutboxDispatcher>();

    [Fact]
    public async Task A_failing_gateway_is_retried_with_growing_waits_and_then_given_up_on()
    {
        try
        {
            var tag = await QueueAsync(1);
            app.Email.FailuresLeft = int.MaxValue;
            var waits = new List<TimeSpan>();
            for (var attempt = 1; attempt <= 8; attempt++)
            {
                Assert.Equal(1, await Dispatcher.DispatchBatchAsync(CancellationToken.None));
                var message = (await MessagesAsync(tag)).Single();
                Assert.Equal(attempt, message.Attempts);
                Assert.Equal("SMTP 451: try again later", message.LastError);
                Assert.Equal(attempt == 8, message.GaveUp);
                // Nothing is due until the back-off has passed.
                Assert.Equal(0, await Dispatcher.DispatchBatchAsync(CancellationToken.None));
                var wait = DateTimeOffset.FromUnixTimeMilliseconds(message.NextAttemptAtMs) - app.Clock.GetUtcNow();
                waits.Add(wait);
                app.Clock.Advance(wait + TimeSpan.FromSeconds(1));
            }
            Assert.True(waits.Zip(waits.Skip(1)).Take(6).All(p => p.Second > p.First), string.Join(", ", waits));
            Assert.Equal(0, await Dispatcher.DispatchBatchAsync(CancellationToken.None)); // given up: never again
            Assert.DoesNotContain(app.Email.Sent, s => s.StartsWith(tag, StringComparison.Ordinal));
        }
        finally { app.Email.FailuresLeft = 0; }
    }

    [Fact]
    public async Task A_message_that_failed_once_goes_out_on_the_retry()
    {
        try
        {
            var tag = await QueueAsync(1);
            app.Email.FailuresLeft = 1;
            await Dispatcher.DispatchBatchAsync(CancellationToken.None);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await Dispatcher.DispatchBatchAsync(CancellationToken.None);
            var message = (await MessagesAsync(tag)).Single();
            Assert.NotNull(message.SentAt);
            Assert.Null(message.LastError);
            Assert.Equal(2, message.Attempts);
            Assert.Single(app.Email.Sent, s => s.StartsWith(tag, StringComparison.Ordinal));
        }
        finally { app.Email.FailuresLeft = 0; }
    }

    [Fact]
    public async Task Dispatchers_on_several_nodes_send_each_message_once()
    {
        var tag = await QueueAsync(30);
        // Three dispatchers draining the same table at once, as three nodes would.
        var runs = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (await Dispatcher.DispatchBatchAsync(CancellationToken.None) > 0) { }
        }));
        await Task.WhenAll(runs);
        var sent = app.Email.Sent.Where(s => s.StartsWith(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(30, sent.Count);
        Assert.Equal(30, sent.Distinct().Count());
        Assert.All(await MessagesAsync(tag), m => Assert.Equal(1, m.Attempts));
    }

    [Fact]
    public async Task A_message_held_by_a_node_that_died_is_sent_after_its_lease_runs_out()
    {
        var tag = await QueueAsync(1);
        var id = (await MessagesAsync(tag)).Single().Id;
        // A node claimed it (moved its next attempt two minutes on) and then died before sending.
        var lease = app.Clock.GetUtcNow().AddMinutes(2).ToUnixTimeMilliseconds();
        await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAtMs, lease)));
        Assert.Equal(0, await Dispatcher.DispatchBatchAsync(CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await Dispatcher.DispatchBatchAsync(CancellationToken.None));
        Assert.NotNull((await MessagesAsync(tag)).Single().SentAt);
    }
}
