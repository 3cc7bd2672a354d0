using System.Threading.Channels;

namespace CityHall.Web.Platform.Hosting;

/// <summary>What a group-commit writer does when a batch fails.</summary>
public enum BatchFailure
{
    /// <summary>
    /// The items are independent (reports, questions): write them one by one, so that only the item
    /// at fault fails.
    /// </summary>
    OneByOne,

    /// <summary>
    /// The items build on each other (signatures extend one chain): when another writer got in the way
    /// (<see cref="Data.DatabaseConflicts"/>), read again and redo the whole batch, after a pause that
    /// grows with each try; any other failure fails the batch.
    /// </summary>
    RetryOnConflict,
}

/// <summary>
/// Group commit for writes that arrive faster than one transaction each can take (a single-writer
/// database commits one transaction at a time, and each commit waits for the disk): callers queue
/// their item and wait; one loop commits whatever has gathered as one transaction and then answers
/// every caller with its item's result. What happens when a batch fails is the writer's
/// <see cref="BatchFailure"/> policy. The one loop behind reports, live questions and signatures.
/// </summary>
public abstract class GroupCommitWriter<TItem, TResult>(ILogger logger, BatchFailure onFailure, int queueCapacity = 100_000) : BackgroundService
{
    /// <summary>How many tries a batch gets under <see cref="BatchFailure.RetryOnConflict"/>.</summary>
    public const int MaxAttempts = 10;

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(queueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>How many items go into one transaction at most (read at each batch: it may be a setting).</summary>
    protected abstract int BatchSize { get; }

    /// <summary>Writes and commits the batch as one transaction; returns each item's result, in order.</summary>
    protected abstract Task<IReadOnlyList<TResult>> CommitAsync(IReadOnlyList<TItem> batch, CancellationToken ct);

    /// <summary>Completes with the item's result once it is committed, or throws what writing it threw.</summary>
    protected async Task<TResult> EnqueueAsync(TItem item, CancellationToken ct)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(pending, ct);
        // Once queued the item is written or refused whatever the caller does; waiting can stop.
        return await pending.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>();
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            var size = Math.Max(1, BatchSize);
            while (batch.Count < size && queue.Reader.TryRead(out var pending)) batch.Add(pending);
            if (onFailure == BatchFailure.OneByOne) await CommitOrOneByOneAsync(batch, stoppingToken);
            else await CommitRetryingConflictsAsync(batch, stoppingToken);
        }
    }

    private async Task CommitOrOneByOneAsync(List<Pending> batch, CancellationToken ct)
    {
        try
        {
            Complete(batch, await CommitAsync([.. batch.Select(p => p.Item)], ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (batch.Count > 1) logger.LogInformation(ex, "{Writer}: a batch of {Count} failed; writing its items one by one", GetType().Name, batch.Count);
            foreach (var p in batch)
            {
                try
                {
                    Complete([p], await CommitAsync([p.Item], ct));
                }
                catch (Exception one) when (one is not OperationCanceledException)
                {
                    p.Done.TrySetException(one);
                }
            }
        }
    }

    private async Task CommitRetryingConflictsAsync(List<Pending> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Complete(batch, await CommitAsync([.. batch.Select(p => p.Item)], ct));
                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts && Data.DatabaseConflicts.IsConflict(ex))
            {
                // Another node wrote what this batch builds on between our read and our commit: read again
                // and redo, after a moment that grows with each try so the two stop colliding.
                logger.LogInformation(ex, "{Writer}: a batch of {Count} conflicted; retrying", GetType().Name, batch.Count);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Writer}: a batch of {Count} failed", GetType().Name, batch.Count);
                foreach (var p in batch) p.Done.TrySetException(ex);
                return;
            }
        }
    }

    private static void Complete(List<Pending> batch, IReadOnlyList<TResult> results)
    {
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
    }
}

/// <summary>
/// A group-commit writer of entities added through EF: the writer adds a batch (and anything to commit
/// with it, such as receipts in the outbox) to a fresh context and the loop saves it; items that fail
/// together are written one by one.
/// </summary>
public abstract class GroupCommitWriter<TItem>(IServiceScopeFactory scopes, ILogger logger, int batchSize = 500)
    : GroupCommitWriter<TItem, bool>(logger, BatchFailure.OneByOne)
{
    protected override int BatchSize => batchSize;

    /// <summary>
    /// Adds the items to the given context, with anything that must be committed with them (a receipt in
    /// the outbox), using services of the same scope; the caller saves nothing, the loop commits.
    /// </summary>
    protected abstract Task WriteAsync(IServiceProvider scope, AppDbContext db, IReadOnlyList<TItem> batch, CancellationToken ct);

    /// <summary>Completes once the item is committed, or throws what writing it alone threw.</summary>
    public Task WriteAsync(TItem item, CancellationToken ct = default) => EnqueueAsync(item, ct);

    protected override async Task<IReadOnlyList<bool>> CommitAsync(IReadOnlyList<TItem> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await WriteAsync(scope.ServiceProvider, db, batch, ct);
        await db.SaveChangesAsync(ct);
        return new bool[batch.Count];
    }
}
