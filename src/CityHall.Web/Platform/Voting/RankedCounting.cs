namespace CityHall.Web.Platform.Voting;

/// <summary>
/// A ranked poll's results, both published: Borda points, and instant runoff round by round. A ballot is the options'
/// indices, most preferred first; a voter need not rank them all.
/// </summary>
public static class RankedCounting
{
    /// <summary>
    /// Borda: with m options, the first on a ballot earns m − 1 points, the next m − 2, and so on; an option a voter
    /// left unranked earns nothing from them (so ranking fewer never gives an option more than ranking all would).
    /// </summary>
    public static long[] Borda(int options, IEnumerable<IReadOnlyList<int>> ballots)
    {
        var points = new long[options];
        foreach (var ballot in ballots)
            for (var rank = 0; rank < ballot.Count; rank++) points[ballot[rank]] += options - 1 - rank;
        return points;
    }

    /// <summary>One round of an instant runoff: each continuing option's votes, the ballots with no continuing option left, and who went out.</summary>
    public sealed record Round(IReadOnlyList<int> Votes, int Exhausted, int? Eliminated);

    public sealed record RunoffResult(int? Winner, IReadOnlyList<Round> Rounds);

    /// <summary>
    /// Instant runoff: each ballot counts for its highest-ranked option still in the count; an option with more than
    /// half of the ballots still counting wins; otherwise the option with fewest votes goes out and its ballots move to
    /// their next choice. A tie for fewest goes against the option with fewer votes in the round before (and the one
    /// before that), and, failing that, against the one listed last. Eliminated options show -1 votes.
    /// </summary>
    public static RunoffResult InstantRunoff(int options, IReadOnlyList<IReadOnlyList<int>> ballots)
    {
        var continuing = Enumerable.Repeat(true, options).ToArray();
        var rounds = new List<Round>();
        var history = new List<int[]>();
        while (true)
        {
            var votes = new int[options];
            var exhausted = 0;
            foreach (var ballot in ballots)
            {
                var choice = ballot.FirstOrDefault(o => continuing[o], -1);
                if (choice < 0) exhausted++;
                else votes[choice]++;
            }
            var counting = ballots.Count - exhausted;
            var shown = votes.Select((v, o) => continuing[o] ? v : -1).ToArray();
            history.Add(votes);
            var left = Enumerable.Range(0, options).Where(o => continuing[o]).ToList();
            if (left.Count == 0 || counting == 0)
            {
                rounds.Add(new(shown, exhausted, null));
                return new(null, rounds);
            }
            var leader = left.OrderByDescending(o => votes[o]).ThenBy(o => o).First();
            if (votes[leader] * 2 > counting || left.Count == 1)
            {
                rounds.Add(new(shown, exhausted, null));
                return new(leader, rounds);
            }
            var fewest = left.Min(o => votes[o]);
            var tied = left.Where(o => votes[o] == fewest).ToList();
            for (var back = history.Count - 2; back >= 0 && tied.Count > 1; back--)
            {
                var earlier = history[back];
                var least = tied.Min(o => earlier[o]);
                tied = tied.Where(o => earlier[o] == least).ToList();
            }
            var outgoing = tied.Max();
            continuing[outgoing] = false;
            rounds.Add(new(shown, exhausted, outgoing));
        }
    }
}
