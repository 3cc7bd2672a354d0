using System.Diagnostics;

namespace CityHall.Bench;

/// <summary>What one load phase achieved: requests per second and latency percentiles.</summary>
public sealed record LoadResult(string Name, long Requests, long Failures, TimeSpan Duration, double P50Ms, double P95Ms, double P99Ms)
{
    public double PerSecond => Requests / Duration.TotalSeconds;

    public override string ToString() =>
        $"{Name,-28} {PerSecond,10:N0} req/s  p50 {P50Ms,7:N1} ms  p95 {P95Ms,7:N1} ms  p99 {P99Ms,7:N1} ms  ({Requests:N0} ok, {Failures:N0} failed in {Duration.TotalSeconds:N0} s)";
}

/// <summary>
/// A closed-loop load generator: <c>workers</c> loops, each sending its next request as soon as the
/// last one answered, for a fixed time. Every latency is kept, so the percentiles are exact.
/// </summary>
public static class Load
{
    public static HttpClient Client(Uri baseAddress, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <param name="send">One request by worker number and iteration; true when it succeeded.</param>
    public static async Task<LoadResult> RunAsync(string name, int workers, TimeSpan duration, Func<int, long, Task<bool>> send, CancellationToken ct = default)
    {
        var latencies = new List<long>[workers];
        var failures = new long[workers];
        var clock = Stopwatch.StartNew();
        var stopAt = duration;
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<long>(1 << 16);
            for (long i = 0; clock.Elapsed < stopAt && !ct.IsCancellationRequested; i++)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try { ok = await send(w, i); }
                catch (HttpRequestException) { ok = false; }
                catch (TaskCanceledException) { ok = false; }
                if (ok) mine.Add(Stopwatch.GetTimestamp() - started);
                else failures[w]++;
            }
        }, ct)).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(all.Length * p))] * 1000.0 / Stopwatch.Frequency;
        return new LoadResult(name, all.Length, failures.Sum(), elapsed, Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }
}
