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
/// Load generators. Closed loop (<see cref="RunAsync"/>): <c>workers</c> loops, each sending its next
/// request as soon as the last one answered, for a fixed time — the throughput a number of busy
/// clients get, but its latencies hide queueing: a slow answer delays the requests that would have
/// been sent meanwhile (coordinated omission). Open loop (<see cref="RunOpenLoopAsync"/>): requests
/// start on a fixed schedule whatever the answers, and each latency is counted from when its request
/// was due — what people arriving at a steady rate experience. Every latency is kept, so the
/// percentiles are exact.
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
        return Summarize(name, latencies.SelectMany(l => l).ToArray(), failures.Sum(), clock.Elapsed);
    }

    /// <summary>
    /// Starts <paramref name="perSecond"/> requests a second for <paramref name="duration"/>, on schedule
    /// whether or not earlier ones have answered (at most <paramref name="maxInFlight"/> at once: beyond
    /// that a request counts as failed, as a person would give up). Latency runs from when the request
    /// was due, so time spent queued behind slow answers is counted.
    /// </summary>
    /// <param name="send">One request by its number; true when it succeeded.</param>
    public static async Task<LoadResult> RunOpenLoopAsync(string name, int perSecond, TimeSpan duration, Func<long, Task<bool>> send,
        int maxInFlight = 20_000, CancellationToken ct = default)
    {
        var total = (long)(perSecond * duration.TotalSeconds);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<long>();
        long failures = 0, inFlight = 0;
        var running = new List<Task>((int)Math.Min(total, 1_000_000));
        var clock = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < total && !ct.IsCancellationRequested; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / perSecond);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > Stopwatch.Frequency / 1000) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct);
            if (Interlocked.Read(ref inFlight) >= maxInFlight) { Interlocked.Increment(ref failures); continue; }
            Interlocked.Increment(ref inFlight);
            var number = i;
            running.Add(Task.Run(async () =>
            {
                bool ok;
                try { ok = await send(number); }
                catch (HttpRequestException) { ok = false; }
                catch (TaskCanceledException) { ok = false; }
                if (ok) latencies.Add(Stopwatch.GetTimestamp() - due);
                else Interlocked.Increment(ref failures);
                Interlocked.Decrement(ref inFlight);
            }, ct));
        }
        await Task.WhenAll(running);
        return Summarize($"{name} @{perSecond:N0}/s", latencies.ToArray(), failures, clock.Elapsed);
    }

    /// <summary>Exact percentiles of the latencies (Stopwatch ticks; the array is sorted in place).</summary>
    private static LoadResult Summarize(string name, long[] latencies, long failures, TimeSpan duration)
    {
        Array.Sort(latencies);
        double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)(latencies.Length * p))] * 1000.0 / Stopwatch.Frequency;
        return new LoadResult(name, latencies.Length, failures, duration, Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }

    /// <summary>Latencies recorded by hand inside a load step (one part of what a step does), with the same percentiles.</summary>
    public sealed class Recorder(string name)
    {
        private readonly System.Collections.Concurrent.ConcurrentBag<long> ticks = new();

        public void Add(long startedTimestamp) => ticks.Add(Stopwatch.GetTimestamp() - startedTimestamp);

        public LoadResult Result(TimeSpan duration) => Summarize(name, ticks.ToArray(), 0, duration);
    }
}
