using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Petitions.Fraud;

/// <summary>What a person does that is watched for bursts.</summary>
public enum WatchedActivity { Propose, Sign, Comment }

/// <summary>How much of one activity is ordinary, per account and per network address, in a sliding window.</summary>
public sealed class ActivityLimit
{
    public int PerAccount { get; set; }
    public int PerAddress { get; set; }
    public TimeSpan Window { get; set; }
}

/// <summary>The city's limits ("Petitions:Fraud"): above them an act is still accepted, but flagged for review.</summary>
public sealed class FraudOptions
{
    public ActivityLimit Propose { get; set; } = new() { PerAccount = 3, PerAddress = 10, Window = TimeSpan.FromDays(1) };
    public ActivityLimit Sign { get; set; } = new() { PerAccount = 30, PerAddress = 50, Window = TimeSpan.FromMinutes(10) };
    public ActivityLimit Comment { get; set; } = new() { PerAccount = 20, PerAddress = 60, Window = TimeSpan.FromHours(1) };

    /// <summary>How long after a proposal's support window ends its signers' addresses and e-mail domains are kept for review.</summary>
    public TimeSpan OriginRetention { get; set; } = TimeSpan.FromDays(90);

    public ActivityLimit For(WatchedActivity activity) => activity switch
    {
        WatchedActivity.Propose => Propose,
        WatchedActivity.Sign => Sign,
        _ => Comment,
    };
}

/// <summary>
/// Counts each account's and each address's proposals, signatures and comments in sliding windows
/// and says when one goes over the city's limit. Going over is not refused (that would tell a
/// fraudster where the line is, as e-petitions found): the act is accepted and silently flagged,
/// and administrators review flagged signatures and invalidate them in bulk. Counted in this node's
/// memory, so with several nodes behind a balancer each sees its share (the hard per-address
/// request limit stays the backstop).
/// </summary>
public sealed class ActivityWatch(IOptionsMonitor<PetitionOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<WatchedActivity, PartitionedRateLimiter<string>> limiters = new();

    /// <summary>Counts the act; true when the account or the address went over its limit with it.</summary>
    public bool IsBurst(WatchedActivity activity, string? userId, string? address)
    {
        var limiter = limiters.GetOrAdd(activity, Create);
        var overAccount = userId is not null && !Acquire(limiter, "u:" + userId);
        var overAddress = address is not null && !Acquire(limiter, "a:" + address);
        return overAccount || overAddress;
    }

    private static bool Acquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    // Limits are read when a partition is made, so a changed setting applies to accounts and addresses seen afterwards.
    private PartitionedRateLimiter<string> Create(WatchedActivity activity) =>
        PartitionedRateLimiter.Create<string, string>(key =>
        {
            var limit = options.CurrentValue.Fraud.For(activity);
            return RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, key.StartsWith("u:", StringComparison.Ordinal) ? limit.PerAccount : limit.PerAddress),
                Window = limit.Window > TimeSpan.Zero ? limit.Window : TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 10,
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });

    public void Dispose()
    {
        foreach (var limiter in limiters.Values) limiter.Dispose();
    }
}
