using System.Threading.Channels;

namespace CityHall.Web.Platform.Hosting;

/// <summary>
/// Group commit for inserts that arrive faster than one transaction each can take (a single-writer
/// database commits one transaction at a time, and each commit waits for the disk): callers queue
/// their item and wait; one loop writes whatever has gathered as one transaction and then
/// completes every caller. If a batch fails, its items are written one by one so that only the
/// item at fault fails.
/// </summary>
public abstract class GroupCommitWriter<TItem>(IServiceScopeFactory scopes, ILogger logger, int batchSize = 500) : BackgroundService
    where TItem : class
{
    private sealed record Pending(TItem Item, TaskCompletionSource Done);

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(100_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>
    /// Adds the items to the given context, with anything that must be committed with them (a receipt in
    /// the outbox), using services of the same scope; the caller saves nothing, the loop commits.
    /// </summary>
    protected abstract Task WriteAsync(IServiceProvider scope, AppDbContext db, IReadOnlyList<TItem> batch, CancellationToken ct);

    /// <summary>Completes once the item is committed, or throws what writing it alone threw.</summary>
    public async Task WriteAsync(TItem item, CancellationToken ct = default)
    {
        var pending = new Pending(item, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(pending, ct);
        // Once queued the item is written or refused whatever the caller does; waiting can stop.
        await pending.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(batchSize);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < batchSize && queue.Reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                await CommitAsync(batch.Select(p => p.Item).ToList(), stoppingToken);
                foreach (var p in batch) p.Done.TrySetResult();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (batch.Count > 1) logger.LogInformation(ex, "{Writer}: a batch of {Count} failed; writing its items one by one", GetType().Name, batch.Count);
                foreach (var p in batch)
                {
                    try
                    {
                        await CommitAsync([p.Item], stoppingToken);
                        p.Done.TrySetResult();
                    }
                    catch (Exception one) when (one is not OperationCanceledException)
                    {
                        p.Done.TrySetException(one);
                    }
                }
            }
        }
    }

    private async Task CommitAsync(IReadOnlyList<TItem> items, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await WriteAsync(scope.ServiceProvider, db, items, ct);
        await db.SaveChangesAsync(ct);
    }
}
