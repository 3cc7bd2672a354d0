using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Notifications;

/// <summary>
/// Sends what the outbox holds, retrying with exponential back-off, and gives up after
/// NotificationOptions.MaxAttempts (the message stays in the table with its last error).
/// Several nodes may run it: each claims a message by moving its next-attempt time forward
/// (a conditional UPDATE only one node can win), so a message is sent once, or again only
/// after a node died holding it.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<NotificationOptions> options,
    TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatchAsync(stoppingToken) > 0) { }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Outbox dispatch failed; will try again");
            }
            try { await Task.Delay(options.Value.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Sends one batch of due messages; returns how many were attempted.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var email = scope.ServiceProvider.GetRequiredService<IEmailSender>();
        var sms = scope.ServiceProvider.GetRequiredService<ISmsSender>();
        var o = options.Value;
        var now = clock.GetUtcNow();

        var nowMs = now.ToUnixTimeMilliseconds();
        var candidates = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null && !m.GaveUp && m.NextAttemptAtMs <= nowMs)
            .OrderBy(m => m.Id).Take(o.BatchSize)
            .Select(m => new { m.Id, m.NextAttemptAtMs }).ToListAsync(ct);
        var leaseUntilMs = (now + o.SendLease).ToUnixTimeMilliseconds();
        var claimed = new List<long>();
        foreach (var c in candidates)
        {
            var won = await db.Set<OutboxMessage>()
                .Where(m => m.Id == c.Id && m.NextAttemptAtMs == c.NextAttemptAtMs && m.SentAt == null && !m.GaveUp)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAtMs, leaseUntilMs), ct);
            if (won == 1) claimed.Add(c.Id);
        }
        var due = await db.Set<OutboxMessage>().Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(ct);
        foreach (var message in due)
        {
            message.Attempts++;
            try
            {
                if (message.Channel == NotificationChannel.Email)
                    await email.SendAsync(message.Recipient, message.Subject ?? "", message.Body, ct);
                else
                    await sms.SendAsync(message.Recipient, message.Body, ct);
                message.SentAt = clock.GetUtcNow();
                message.LastError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                message.GaveUp = message.Attempts >= o.MaxAttempts;
                message.NextAttemptAtMs = (clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Pow(2, message.Attempts) * 5)).ToUnixTimeMilliseconds();
                logger.LogWarning(ex, "Sending outbox message {Id} failed (attempt {Attempt})", message.Id, message.Attempts);
            }
            await db.SaveChangesAsync(ct);
        }
        return due.Count;
    }
}
