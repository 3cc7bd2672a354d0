using CityHall.Web.Platform.Integrity;

namespace CityHall.Web.Modules.Petitions;

public sealed record PetitionChainReport(long EntriesChecked, ChainBreak? Break, int LiveSignatures)
{
    public bool IsIntact => Break is null;

    public long? FirstBrokenSequence => Break?.Sequence;
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
            if (walk.Next(e.Sequence, e.HashVersion, e.PreviousHash, e.Hash, () => SignatureChain.HashOf(e)) is { } broken)
                return new(walk.Checked, broken, live.Count);
            if (e.Kind == ChainEntryKind.Signature) live.Add(e.Commitment); else live.Remove(e.Commitment);
        }
        var length = walk.Checked;
        if (length != petition.ChainLength || walk.Head != petition.ChainHead)
            return new(length, new(ChainBreakKind.Shortened, length + 1, Found: length, Recorded: petition.ChainLength), live.Count);
        if (live.Count != petition.SignatureCount)
            return new(length, new(ChainBreakKind.CountDiffers, length, Found: live.Count, Recorded: petition.SignatureCount), live.Count);
        return new(length, null, live.Count);
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

/// <summary>Every petition's signature-chain head, for a backup's manifest and the check of its restore.</summary>
public sealed class PetitionChainHeads : Platform.Backup.IChainHeads
{
    public string Name => "petitions";

    public async Task<string> ReadAsync(AppDbContext db, CancellationToken ct) =>
        Platform.Backup.ChainHeadDigest.Of((await db.Set<Petition>().AsNoTracking().Select(p => new { p.Id, p.ChainHead }).ToListAsync(ct))
            .Select(p => (p.Id, p.ChainHead)));
}
