namespace CityHall.Web.Platform.Audit;

public sealed record AuditChainReport(long EntriesChecked, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// <summary>Walks the audit chain from the start and reports the first link that does not hold.</summary>
public sealed class AuditChainVerifier(AppDbContext db)
{
    public async Task<AuditChainReport> VerifyAsync(IProgress<long>? progress = null, CancellationToken ct = default)
    {
        long expectedSequence = 1;
        var previousHash = AuditEntry.GenesisHash;
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().OrderBy(x => x.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expectedSequence)
                return new(expectedSequence - 1, expectedSequence, $"entry {expectedSequence} is missing (next found is {entry.Sequence})");
            if (entry.PreviousHash != previousHash)
                return new(expectedSequence - 1, entry.Sequence, $"entry {entry.Sequence} does not point at the hash of entry {entry.Sequence - 1}");
            if (entry.ComputeHash() != entry.Hash)
                return new(expectedSequence - 1, entry.Sequence, $"entry {entry.Sequence} was altered: its content does not match its hash");
            previousHash = entry.Hash;
            expectedSequence++;
            if (expectedSequence % 1000 == 0) progress?.Report(expectedSequence - 1);
        }
        progress?.Report(expectedSequence - 1);
        return new(expectedSequence - 1, null, null);
    }
}
