using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Bench;

/// <summary>A running deploy/local-cluster.sh cluster as the benchmarks that use one see it: its addresses, its verbs, its processes.</summary>
public static class LocalCluster
{
    /// <summary>What <c>local-cluster.sh env</c> prints: CLUSTER_URL, CLUSTER_PRIMARY, CLUSTER_NODES…</summary>
    public static async Task<Dictionary<string, string>> EnvAsync(string script, CancellationToken ct)
    {
        var output = await RunAsync(script, ct, "env");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim());
    }

    /// <summary>Runs one of the script's verbs; a verb that fails throws with what it printed on stderr.</summary>
    public static async Task<string> RunAsync(string script, CancellationToken ct, params string[] args)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{script} {string.Join(' ', args)} failed: {await errors}");
        return await output;
    }

    /// <summary>A look at the primary of the bench's own: unpooled, since a drill restarts the server under any pooled connection.</summary>
    public static CityHall.Web.Data.PostgresAppDbContext Database(string connection) =>
        new(new DbContextOptionsBuilder<CityHall.Web.Data.PostgresAppDbContext>()
            .UseNpgsql(new Npgsql.NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString).Options);

    /// <summary>Verified citizens numbered 0 to <paramref name="citizens"/> − 1 (a cluster benched before keeps those it has: only the missing are added; not saved).</summary>
    public static async Task AddCitizensAsync(CityHall.Web.Data.AppDbContext db, int citizens, CancellationToken ct)
    {
        var existing = await db.Users.CountAsync(u => u.Email!.EndsWith("@bench.example"), ct);
        BenchCitizens.Add(db, citizens, from: existing);
    }

    /// <summary><paramref name="count"/> proposals open for support for a month (each citizen supports each once; not saved).</summary>
    public static List<CityHall.Web.Modules.Petitions.Petition> OpenProposals(int count, string title, string body, string author)
    {
        var now = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, count).Select(i => new CityHall.Web.Modules.Petitions.Petition
        {
            Title = $"{title} {now:HHmmss}-{i}", Body = body, CategoryCode = "transport", AuthorName = author,
            Status = CityHall.Web.Modules.Petitions.PetitionStatus.Collecting, CreatedAt = now, PublishedAt = now,
            SupportDeadline = now.AddDays(30), DepartmentCode = "transport", Salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
        }).ToList();
    }

    /// <summary>
    /// CPU seconds used by the cluster's parts (each node, nginx, PostgreSQL primary and replica, Redis), each a
    /// process with its children, read from /proc: where the machine's cores went during a phase.
    /// </summary>
    public sealed class CpuMeter(string clusterDir, IReadOnlyList<string> nodes)
    {
        private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

        public Dictionary<string, double> Read()
        {
            var parents = new Dictionary<int, int>();
            var ticks = new Dictionary<int, long>();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    // After the command's closing parenthesis: state, ppid, … utime (14th field), stime (15th).
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                    ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
                catch (IOException) { } // gone meanwhile
            }
            double Tree(int? root)
            {
                if (root is not { } r || !ticks.ContainsKey(r)) return 0;
                var sum = 0L;
                var stack = new Stack<int>([r]);
                while (stack.Count > 0)
                {
                    var p = stack.Pop();
                    sum += ticks.GetValueOrDefault(p);
                    foreach (var (child, parent) in parents) if (parent == p) stack.Push(child);
                }
                return sum / TicksPerSecond;
            }
            var parts = new Dictionary<string, double>();
            foreach (var n in nodes) parts[$"node {n}"] = Tree(Pid($"nodes/{n}/pid"));
            parts["nginx"] = Tree(Pid("nginx/nginx.pid"));
            parts["PostgreSQL primary"] = Tree(Pid("pg/primary/postmaster.pid"));
            parts["replica"] = Tree(Pid("pg/replica/postmaster.pid"));
            parts["Redis"] = Tree(Pid("redis/redis.pid"));
            parts["load generator"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            return parts;
        }

        private int? Pid(string file)
        {
            var path = Path.Combine(clusterDir, file);
            try
            {
                return File.Exists(path) && int.TryParse(File.ReadLines(path).FirstOrDefault()?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
            }
            catch (IOException) { return null; }
        }

        /// <summary>Each part's share of the machine between two readings, largest first ("node 1 38 %, …").</summary>
        public static string Shares(Dictionary<string, double> before, Dictionary<string, double> after, TimeSpan elapsed) =>
            string.Join(", ", after.Select(a => (a.Key, Used: a.Value - before.GetValueOrDefault(a.Key)))
                .Where(a => a.Used > 0.05).OrderByDescending(a => a.Used)
                .Select(a => $"{a.Key} {a.Used / elapsed.TotalSeconds / Environment.ProcessorCount:P0}"));
    }
}
