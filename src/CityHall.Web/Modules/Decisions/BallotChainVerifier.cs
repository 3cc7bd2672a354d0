using CityHall.Web.Platform.Integrity;

namespace CityHall.Web.Modules.Decisions;

/// <summary>What a check of a poll's chain found: how far it held, the first break, and the counts recounted from it.</summary>
public sealed record BallotChainReport(long EntriesChecked, ChainBreak? Break, int Voters, IReadOnlyDictionary<long, int> Votes)
{
    public bool IsIntact => Break is null;
}

/// <summary>
/// Recounts a poll from its chain: every ballot linked to the one before and matching its hash, passing through every
/// published checkpoint, each voter's last ballot counted once; then the chain's head against the poll, and the recount
/// against the voters and the counts by option that the pages show. What anyone can do with the published chain and
/// checkpoints (/api/v1/polls/{id}/ballots, /checkpoints).
/// </summary>
public sealed class BallotChainVerifier(AppDbContext db)
{
    public async Task<BallotChainReport?> VerifyAsync(long pollId, CancellationToken ct = default)
    {
        var poll = await db.Set<Poll>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pollId, ct);
        if (poll is null) return null;
        var options = await db.Set<PollOption>().AsNoTracking().Where(o => o.PollId == pollId).ToDictionaryAsync(o => o.Id, ct);
        var checkpoints = (await db.Set<PollCheckpoint>().AsNoTracking().Where(c => c.PollId == pollId).Select(c => new { c.Length, c.HeadHash }).ToListAsync(ct))
            .GroupBy(c => c.Length).ToDictionary(g => g.Key, g => g.Select(c => c.HeadHash).ToList());
        var walk = new ChainWalk();
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var b in db.Set<PollBallot>().AsNoTracking().Where(b => b.PollId == pollId).OrderBy(b => b.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (walk.Next(b.Sequence, b.HashVersion, b.PreviousHash, b.Hash, () => PollBallot.HashOf(b)) is { } broken)
                return new(walk.Checked, broken, last.Count, Recount(poll, last, options.Keys));
            // A checkpoint published at this length must hold this entry's hash: otherwise the chain was rewritten from here.
            if (checkpoints.TryGetValue(b.Sequence, out var heads) && heads.Any(h => !string.Equals(h, b.Hash, StringComparison.Ordinal)))
                return new(walk.Checked, new(ChainBreakKind.HeadRewritten, b.Sequence), last.Count, Recount(poll, last, options.Keys));
            last[b.Commitment] = b.Choices;
        }
        var votes = Recount(poll, last, options.Keys);
        var length = walk.Checked;
        if (checkpoints.Keys.Where(l => l > length).Order().FirstOrDefault() is var gone and > 0)
            return new(length, new(ChainBreakKind.HeadGone, gone, Found: length, Recorded: gone), last.Count, votes);
        if (length != poll.ChainLength || walk.Head != poll.ChainHead)
            return new(length, new(ChainBreakKind.Shortened, length + 1, Found: length, Recorded: poll.ChainLength), last.Count, votes);
        if (last.Count != poll.VoterCount)
            return new(length, new(ChainBreakKind.CountDiffers, length, Found: last.Count, Recorded: poll.VoterCount), last.Count, votes);
        foreach (var (id, option) in options)
            if (votes[id] != option.Votes)
                return new(length, new(ChainBreakKind.CountDiffers, length, Found: votes[id], Recorded: option.Votes), last.Count, votes);
        return new(length, null, last.Count, votes);
    }

    /// <summary>Each voter's last ballot, counted once per option it counts for (an option not on the poll counts nowhere).</summary>
    private static Dictionary<long, int> Recount(Poll poll, Dictionary<string, string> last, IEnumerable<long> options)
    {
        var votes = options.ToDictionary(o => o, _ => 0);
        foreach (var choices in last.Values)
            foreach (var option in poll.Counted(PollBallot.Parse(choices)))
                if (votes.TryGetValue(option, out var count)) votes[option] = count + 1;
        return votes;
    }

    /// <summary>
    /// Is this receipt's ballot in the poll's chain as it was cast, and does the chain lead from it, link by link, through
    /// the first checkpoint published after it, to the head the poll shows now? (Reads the chain from the entry to the
    /// head.) The checkpoint is returned (null while none holds the ballot yet): it fixes the ballot in public.
    /// </summary>
    public async Task<(BallotReceiptCheck Result, long Length, PollCheckpoint? Checkpoint)> CheckReceiptAsync(long pollId, long sequence, string hash, CancellationToken ct = default)
    {
        var poll = await db.Set<Poll>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == pollId && p.PublishedAt != null, ct);
        var entry = poll is null ? null : await db.Set<PollBallot>().AsNoTracking().FirstOrDefaultAsync(b => b.PollId == pollId && b.Sequence == sequence, ct);
        if (poll is null || entry is null || !string.Equals(entry.Hash, hash.Trim(), StringComparison.OrdinalIgnoreCase)) return (BallotReceiptCheck.Unknown, 0, null);
        var checkpoint = await db.Set<PollCheckpoint>().AsNoTracking().Where(c => c.PollId == pollId && c.Length >= sequence).OrderBy(c => c.Length).FirstOrDefaultAsync(ct);
        if (PollBallot.HashOf(entry) != entry.Hash || checkpoint?.Length == sequence && checkpoint.HeadHash != entry.Hash)
            return (BallotReceiptCheck.Broken, poll.ChainLength, checkpoint);
        var walk = new ChainWalk(sequence, entry.Hash);
        await foreach (var b in db.Set<PollBallot>().AsNoTracking().Where(b => b.PollId == pollId && b.Sequence > sequence).OrderBy(b => b.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (walk.Next(b.Sequence, b.HashVersion, b.PreviousHash, b.Hash, () => PollBallot.HashOf(b)) is not null) return (BallotReceiptCheck.Broken, poll.ChainLength, checkpoint);
            if (b.Sequence == checkpoint?.Length && b.Hash != checkpoint.HeadHash) return (BallotReceiptCheck.Broken, poll.ChainLength, checkpoint);
        }
        return (walk.Checked == poll.ChainLength && walk.Head == poll.ChainHead ? BallotReceiptCheck.Included : BallotReceiptCheck.Broken, poll.ChainLength, checkpoint);
    }
}

/// <summary>What a receipt check found: the ballot is in an intact chain up to the poll's head; no such entry with that hash; or the chain does not hold.</summary>
public enum BallotReceiptCheck { Included, Unknown, Broken }

/// <summary>Every poll's ballot-chain head, for a backup's manifest and the check of its restore.</summary>
public sealed class PollChainHeads : Platform.Backup.IChainHeads
{
    public string Name => "polls";

    public async Task<string> ReadAsync(AppDbContext db, CancellationToken ct) =>
        Platform.Backup.ChainHeadDigest.Of((await db.Set<Poll>().AsNoTracking().Select(p => new { p.Id, p.ChainHead }).ToListAsync(ct))
            .Select(p => (p.Id, p.ChainHead)));
}
