using System.Security.Cryptography;
using System.Text;

namespace CityHall.Web.Modules.Inclusion.Selection;

/// <summary>An entrant in a selection: their published id (an application reference), the sub-pool they compete in, when they applied.</summary>
public sealed record Entrant(string Id, string Pool, DateTime SubmittedAt);

/// <summary>What a selection run decided for one sub-pool: the selected in order, then the waiting list in order.</summary>
public sealed record PoolResult(string Pool, int Quota, IReadOnlyList<string> Selected, IReadOnlyList<string> Waitlist);

/// <summary>
/// A draw anyone can re-run: each entrant's place is the SHA-256 of the published seed, a line
/// break and their id (UTF-8), lowest first (ties, which SHA-256 makes practically impossible, by
/// id). With the seed and the entrant list published, `printf '%s\n%s' "$SEED" "$ID" | sha256sum`
/// for every entrant and a sort give the same order. Each sub-pool is drawn on its own.
/// </summary>
public static class Lottery
{
    public static IReadOnlyList<PoolResult> Draw(string seed, IEnumerable<Entrant> entrants, IReadOnlyDictionary<string, int> quotas)
    {
        var prefix = Encoding.UTF8.GetBytes(seed + "\n");
        var keyed = entrants.Select(e => (Entrant: e, Key: Key(prefix, e.Id))).ToList();
        return Split(keyed.OrderBy(k => k.Key, KeyComparer.Instance).ThenBy(k => k.Entrant.Id, StringComparer.Ordinal).Select(k => k.Entrant), quotas);
    }

    /// <summary>The entrants' order split per pool into the first <c>quota</c> selected and the rest waiting, in that order.</summary>
    internal static IReadOnlyList<PoolResult> Split(IEnumerable<Entrant> ordered, IReadOnlyDictionary<string, int> quotas)
    {
        var byPool = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pool in quotas.Keys) byPool[pool] = [];
        foreach (var e in ordered)
        {
            if (!byPool.TryGetValue(e.Pool, out var list)) byPool[e.Pool] = list = [];
            list.Add(e.Id);
        }
        return byPool.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var quota = quotas.GetValueOrDefault(p.Key);
            return new PoolResult(p.Key, quota, p.Value.Take(quota).ToList(), p.Value.Skip(quota).ToList());
        }).ToList();
    }

    private static byte[] Key(byte[] prefix, string id)
    {
        var idBytes = Encoding.UTF8.GetBytes(id);
        var buffer = new byte[prefix.Length + idBytes.Length];
        prefix.CopyTo(buffer, 0);
        idBytes.CopyTo(buffer, prefix.Length);
        return SHA256.HashData(buffer);
    }

    private sealed class KeyComparer : IComparer<byte[]>
    {
        public static readonly KeyComparer Instance = new();
        public int Compare(byte[]? a, byte[]? b) => a.AsSpan().SequenceCompareTo(b);
    }
}
