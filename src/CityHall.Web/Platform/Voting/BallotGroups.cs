using System.Numerics;
using System.Runtime.InteropServices;

namespace CityHall.Web.Platform.Voting;

/// <summary>
/// A budget heading's ballots grouped by set of projects: each different set once, with how many voters chose it.
/// The sets lie end to end in one array (<see cref="ProjectsOf"/> gives a group's, in ascending order), so half a million
/// different ballots are three arrays rather than half a million small ones for the collector to walk.
/// </summary>
public sealed class BallotGroups
{
    private readonly int[] starts;
    private readonly int[] projects;
    private readonly int[] weights;

    private BallotGroups(int[] starts, int[] projects, int[] weights, int voters) =>
        (this.starts, this.projects, this.weights, Voters) = (starts, projects, weights, voters);

    /// <summary>How many different sets.</summary>
    public int Count => weights.Length;

    /// <summary>How many ballots in all.</summary>
    public int Voters { get; }

    public ReadOnlySpan<int> ProjectsOf(int group) => projects.AsSpan(starts[group], starts[group + 1] - starts[group]);

    public int WeightOf(int group) => weights[group];

    /// <summary>Each project's votes (a ballot counts once for each project on it).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public int[] Votes(int projectCount)
    {
        var votes = new int[projectCount];
        for (var g = 0; g < weights.Length; g++)
            foreach (var p in ProjectsOf(g)) votes[p] += weights[g];
        return votes;
    }

    /// <summary>Ballots given as project numbers (a project twice on one ballot counts once), each with how many cast it.</summary>
    public static BallotGroups Of(int projectCount, IEnumerable<(IReadOnlyList<int> Ballot, int Weight)> ballots)
    {
        if (projectCount <= 64)
        {
            var sets = new SetCounter();
            foreach (var (ballot, weight) in ballots)
            {
                var mask = 0UL;
                foreach (var p in ballot) mask |= 1UL << p;
                sets.Add(mask, weight);
            }
            return sets.ToGroups();
        }
        // More than 64 projects: each set keyed by its project numbers in order.
        var byText = new Dictionary<string, (int[] Projects, int Weight)>(StringComparer.Ordinal);
        var voters = 0;
        foreach (var (ballot, weight) in ballots)
        {
            voters += weight;
            var set = ballot.Distinct().Order().ToArray();
            var key = string.Join(',', set);
            byText[key] = byText.TryGetValue(key, out var g) ? (g.Projects, g.Weight + weight) : (set, weight);
        }
        var starts = new int[byText.Count + 1];
        var flat = new List<int>();
        var counts = new int[byText.Count];
        var i = 0;
        foreach (var (set, weight) in byText.Values)
        {
            flat.AddRange(set);
            counts[i] = weight;
            starts[++i] = flat.Count;
        }
        return new(starts, [.. flat], counts, voters);
    }

    /// <summary>
    /// Sets of up to 64 projects counted as they are read (a bit a project): for a caller that reads ballots as text and
    /// can turn each into its set without making an array for it.
    /// </summary>
    public sealed class SetCounter(int capacity = 0)
    {
        private readonly Dictionary<ulong, int> counts = new(capacity);
        private int voters;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Add(ulong set, int weight)
        {
            voters += weight;
            CollectionsMarshal.GetValueRefOrAddDefault(counts, set, out _) += weight;
        }

        // Run once per count, over up to a million sets: compiled fully optimized at once rather than first in the quick tier.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public BallotGroups ToGroups()
        {
            var starts = new int[counts.Count + 1];
            var weights = new int[counts.Count];
            var size = 0;
            foreach (var set in counts.Keys) size += BitOperations.PopCount(set);
            var projects = new int[size];
            var (g, at) = (0, 0);
            foreach (var (set, weight) in counts)
            {
                for (var rest = set; rest != 0; rest &= rest - 1) projects[at++] = BitOperations.TrailingZeroCount(rest);
                weights[g] = weight;
                starts[++g] = at;
            }
            return new(starts, projects, weights, voters);
        }
    }
}
