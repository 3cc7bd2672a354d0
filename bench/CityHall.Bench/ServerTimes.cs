using System.Collections.Concurrent;
using System.Globalization;

namespace CityHall.Bench;

/// <summary>
/// The server's own time per request, from its Server-Timing header ("search;dur=…", "nearest;dur=…"): what a
/// p95 target for the server means, without the network, the client or the queue in front of the app.
/// </summary>
public sealed class ServerTimes
{
    private readonly ConcurrentBag<double> times = [];

    public void Add(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var timings)) return;
        foreach (var timing in timings)
        {
            var at = timing.IndexOf("dur=", StringComparison.Ordinal);
            if (at >= 0 && double.TryParse(timing[(at + 4)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)) times.Add(ms);
        }
    }

    public void Clear() => times.Clear();

    public string Summary(string name, string what = "server-side search")
    {
        var sorted = times.ToArray();
        Array.Sort(sorted);
        double P(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];
        return $"{name + ", " + what,-40} p50 {P(0.50):0.000} ms  p95 {P(0.95):0.000} ms  p99 {P(0.99):0.000} ms  max {P(1):0.000} ms  ({sorted.Length:N0} searches)";
    }
}
