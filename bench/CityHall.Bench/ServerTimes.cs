using System.Collections.Concurrent;
using System.Globalization;

namespace CityHall.Bench;

/// <summary>
/// The server's own time per request, from its Server-Timing header ("search;dur=…", "nearest;dur=…"): what a
/// p95 target for the server means, without the network, the client or the queue in front of the app. A time may
/// carry a label (the query it answered) so the slowest labels can be named.
/// </summary>
public sealed class ServerTimes
{
    private readonly ConcurrentBag<(string? Label, double Ms)> times = [];

    public void Add(HttpResponseMessage response, string? label = null)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var timings)) return;
        foreach (var timing in timings)
        {
            var at = timing.IndexOf("dur=", StringComparison.Ordinal);
            if (at >= 0 && double.TryParse(timing[(at + 4)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)) times.Add((label, ms));
        }
    }

    public void Clear() => times.Clear();

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];

    public string Summary(string name, string what = "server-side search")
    {
        var sorted = times.Select(t => t.Ms).ToArray();
        Array.Sort(sorted);
        double P(double p) => Percentile(sorted, p);
        return $"{name + ", " + what,-40} p50 {P(0.50):0.000} ms  p95 {P(0.95):0.000} ms  p99 {P(0.99):0.000} ms  max {P(1):0.000} ms  ({sorted.Length:N0} searches)";
    }

    /// <summary>The <paramref name="count"/> labels with the highest p95, one line each.</summary>
    public string Slowest(int count)
    {
        var lines = times.Where(t => t.Label is not null).GroupBy(t => t.Label!)
            .Select(g => (Label: g.Key, Sorted: g.Select(t => t.Ms).Order().ToArray()))
            .OrderByDescending(g => Percentile(g.Sorted, 0.95)).Take(count)
            .Select(g => $"#   {g.Label,-16} p50 {Percentile(g.Sorted, 0.5):0.0} ms  p95 {Percentile(g.Sorted, 0.95):0.0} ms  ({g.Sorted.Length:N0})");
        return string.Join(Environment.NewLine, lines);
    }
}
