using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CityHall.Web.Modules.Inclusion.Selection;

namespace CityHall.Bench;

/// <summary>
/// The seeded lottery at city scale: 100,000 entrants in three sub-pools (school levels), drawn
/// several times with the same seed. Prints each run's time and a digest of the full order, which
/// must be the same every time.
/// </summary>
public static class InclusionBenchmark
{
    public static void Run(int entrants, int runs)
    {
        Console.WriteLine($"# inclusion lottery: {entrants:N0} entrants, {runs} runs, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var start = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        string[] pools = ["elementary", "middle", "high"];
        var list = Enumerable.Range(0, entrants).Select(i => new Entrant($"IN-{i:D7}", pools[i % 3], start.AddSeconds(i))).ToList();
        var quotas = new Dictionary<string, int> { ["elementary"] = 1_500, ["middle"] = 1_000, ["high"] = 500 };
        var times = new List<double>();
        var digests = new HashSet<string>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var result = Lottery.Draw("seoul-2026-free-study-licences", list, quotas);
            clock.Stop();
            times.Add(clock.Elapsed.TotalMilliseconds);
            var order = string.Join('\n', result.SelectMany(p => p.Selected.Append("|").Concat(p.Waitlist)));
            digests.Add(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(order)))[..16]);
        }
        times.Sort();
        Console.WriteLine($"draw: min {times[0]:N0} ms, median {times[times.Count / 2]:N0} ms, max {times[^1]:N0} ms (first run includes JIT)");
        Console.WriteLine($"results: {digests.Count} distinct order(s) over {runs} runs — {(digests.Count == 1 ? "the same every time" : "DIFFERENT")} (digest {digests.First()})");
    }
}
