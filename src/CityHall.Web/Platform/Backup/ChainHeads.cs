using System.Security.Cryptography;
using System.Text;

namespace CityHall.Web.Platform.Backup;

/// <summary>
/// A hash chain a module keeps (petition signatures, poll ballots, the audit log). A backup's manifest
/// records its heads; a restore must find them unchanged, which proves no entry was lost or altered on
/// the way, beyond what equal row counts can show. Register with <c>AddScoped&lt;IChainHeads, …&gt;()</c>.
/// </summary>
public interface IChainHeads
{
    /// <summary>A stable name for the manifest ("petitions", "polls").</summary>
    string Name { get; }

    Task<string> ReadAsync(AppDbContext db, CancellationToken ct);
}

public static class ChainHeadDigest
{
    /// <summary>
    /// Many chains' heads (one per petition or poll) as one line for the manifest: how many chains and the
    /// SHA-256 of "id:head" lines in id order, so two databases agree only if every head does.
    /// </summary>
    public static string Of(IEnumerable<(long Id, string Head)> heads)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var count = 0;
        foreach (var (id, head) in heads.OrderBy(h => h.Id))
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{id}:{head}\n"));
            count++;
        }
        return $"{count} chains, {Convert.ToHexStringLower(sha.GetHashAndReset())}";
    }
}

/// <summary>The audit log's head: its last entry's sequence and hash (what verify-audit prints).</summary>
public sealed class AuditChainHeads : IChainHeads
{
    public string Name => "audit";

    public async Task<string> ReadAsync(AppDbContext db, CancellationToken ct)
    {
        var last = await db.Set<Audit.AuditEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return last is null ? "empty" : new Audit.AuditHead(last.Sequence, last.Hash).ToString();
    }
}
