using System.Threading.RateLimiting;

namespace CityHall.Web.Modules.Developers.Keys;

/// <summary>
/// Each key's own budget of calls per minute, for all its APIs together, on this node (a key's rate is per node: two
/// nodes allow it twice, which the key's rate is set with in mind). A key whose rate changes gets a fresh window.
/// </summary>
public sealed class KeyRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<(long Key, int PerMinute)> limiter = PartitionedRateLimiter.Create<(long Key, int PerMinute), (long, int)>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, k.Item2), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    /// <summary>Spends one call; when none is left, how long until the window opens again.</summary>
    public (bool Allowed, TimeSpan? RetryAfter) TryCall(long keyId, int perMinute)
    {
        using var lease = limiter.AttemptAcquire((keyId, perMinute));
        if (lease.IsAcquired) return (true, null);
        return (false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1));
    }

    public void Dispose() => limiter.Dispose();
}
