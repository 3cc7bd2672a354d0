namespace CityHall.Web.Platform.Audit;

/// <param name="HeadHash">Hash of the last entry checked: recorded outside the database, it later proves the tail was not cut off.</param>
public sealed record AuditChainReport(long EntriesChecked, Integrity.ChainBreak? Break, string? HeadHash = null)
{
    public bool IsIntact => Break is null;

    public long? FirstBrokenSequence => Break?.Sequence;
}

/// <summary>Walks the audit chain from the start and reports the first link that does not hold.</summary>
public sealed class AuditChainVerifier(AppDbContext db)
{
    /// <param name="expectedHead">
    /// A head recorded earlier (sequence and hash, as the verb prints them): the chain must still hold
    /// that entry unchanged, which exposes entries deleted from the end, invisible to the chain itself.
    /// </param>
    public async Task<AuditChainReport> VerifyAsync(IProgress<long>? progress = null, AuditHead? expectedHead = null, CancellationToken ct = default)
    {
        var report = await WalkAsync(progress, ct);
        if (!report.IsIntact || expectedHead is null) return report;
        var recorded = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence == expectedHead.Sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        if (recorded is null)
            return report with { Break = new(Integrity.ChainBreakKind.HeadGone, expectedHead.Sequence) };
        if (!string.Equals(recorded, expectedHead.Hash, StringComparison.OrdinalIgnoreCase))
            return report with { Break = new(Integrity.ChainBreakKind.HeadRewritten, expectedHead.Sequence) };
        return report;
    }

    private async Task<AuditChainReport> WalkAsync(IProgress<long>? progress, CancellationToken ct)
    {
        var walk = new Integrity.ChainWalk();
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().OrderBy(x => x.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (walk.Next(entry.Sequence, entry.HashVersion, entry.PreviousHash, entry.Hash, entry.ComputeHash) is { } broken)
                return new(walk.Checked, broken);
            if (walk.Checked % 1000 == 0) progress?.Report(walk.Checked);
        }
        progress?.Report(walk.Checked);
        return new(walk.Checked, null, walk.Checked > 0 ? walk.Head : null);
    }
}

/// <summary>An audit head written down outside the database, as "sequence:hash".</summary>
public sealed record AuditHead(long Sequence, string Hash)
{
    public override string ToString() => $"{Sequence}:{Hash}";

    public static bool TryParse(string? text, out AuditHead? head)
    {
        head = null;
        var parts = text?.Split(':', 2);
        if (parts is not [var seq, var hash] || !long.TryParse(seq, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1 || hash.Length == 0) return false;
        head = new(sequence, hash.Trim());
        return true;
    }
}
