namespace CityHall.Web.Modules.Petitions;

public sealed record PetitionChainReport(long EntriesChecked, long? FirstBrokenSequence, string? Problem, int LiveSignatures)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

public enum ReceiptCheck { Included, NotYetCheckpointed, Unknown, Broken }

/// <summary>Checks a proposal's signature chain link by link, its head against the proposal, and its tally against the count shown.</summary>
public sealed class PetitionChainVerifier(AppDbContext db)
{
    public async Task<PetitionChainReport?> VerifyAsync(long petitionId, CancellationToken ct = default)
    {
        var petition = await db.Set<Petition>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == petitionId, ct);
        if (petition is null) return null;
        var walk = new Platform.Integrity.ChainWalk();
        var live = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in db.Set<PetitionChainEntry>().AsNoTracking().Where(e => e.PetitionId == petitionId)
                           .OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (walk.Next(e.Sequence, e.HashVersion, e.PreviousHash, e.Hash, () => SignatureChain.HashOf(e)) is { } problem)
                return new(walk.Checked, walk.Checked + 1, problem, live.Count);
            if (e.Kind == ChainEntryKind.Signature) live.Add(e.Commitment); else live.Remove(e.Commitment);
        }
        var length = walk.Checked;
        if (length != petition.ChainLength || walk.Head != petition.ChainHead)
            return new(length, length + 1, $"the chain ends at entry {length} but the proposal records {petition.ChainLength}: entries were removed", live.Count);
        if (live.Count != petition.SignatureCount)
            return new(length, length, $"the chain counts {live.Count} supports but the proposal shows {petition.SignatureCount}", live.Count);
        return new(length, null, null, live.Count);
    }

    /// <summary>Is this receipt's entry in the chain, and does the chain lead from it to the latest published checkpoint?</summary>
    public async Task<(ReceiptCheck Result, PetitionCheckpoint? Checkpoint)> CheckReceiptAsync(long petitionId, long sequence, string hash, CancellationToken ct = default)
    {
        var entry = await db.Set<PetitionChainEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.PetitionId == petitionId && e.Sequence == sequence, ct);
        if (entry is null || !string.Equals(entry.Hash, hash.Trim(), StringComparison.OrdinalIgnoreCase)) return (ReceiptCheck.Unknown, null);
        var checkpoint = await db.Set<PetitionCheckpoint>().AsNoTracking().Where(c => c.PetitionId == petitionId)
            .OrderByDescending(c => c.Length).FirstOrDefaultAsync(ct);
        if (checkpoint is null || checkpoint.Length < sequence) return (ReceiptCheck.NotYetCheckpointed, checkpoint);
        if (SignatureChain.HashOf(entry) != entry.Hash) return (ReceiptCheck.Broken, checkpoint);
        var walk = new Platform.Integrity.ChainWalk(sequence, entry.Hash);
        await foreach (var e in db.Set<PetitionChainEntry>().AsNoTracking()
                           .Where(e => e.PetitionId == petitionId && e.Sequence > sequence && e.Sequence <= checkpoint.Length)
                           .OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (walk.Next(e.Sequence, e.HashVersion, e.PreviousHash, e.Hash, () => SignatureChain.HashOf(e)) is not null) return (ReceiptCheck.Broken, checkpoint);
        }
        return (walk.Checked == checkpoint.Length && walk.Head == checkpoint.HeadHash ? ReceiptCheck.Included : ReceiptCheck.Broken, checkpoint);
    }
}
