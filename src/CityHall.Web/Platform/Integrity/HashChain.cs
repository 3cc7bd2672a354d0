using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CityHall.Web.Platform.Integrity;

/// <summary>
/// The one way records are chained so that changing, removing or reordering one shows: each entry
/// holds the hash of the one before and a hash of its own fields and that link. The audit log and
/// the proposals' tallies use it (and the ballots of votes will). Each entry records the scheme its
/// hash was made with, so entries written before a better scheme still verify:
/// <list type="bullet">
/// <item>Version 1 (until December 2026): the fields joined by a separator — a line break in the
/// audit log, '|' in the tallies. Ambiguous where a field can hold the separator: "a\nb" + "c" and
/// "a" + "b\nc" hashed alike, so an audit entry's text could be moved between fields unseen.</item>
/// <item>Version 2: a tag naming the chain and scheme, then each field as its UTF-8 length (four
/// bytes, big-endian; all ones for a missing value) followed by its bytes. No two different lists of
/// fields, nor the same fields of two chains, are hashed from the same bytes.</item>
/// </list>
/// </summary>
public static class HashChain
{
    /// <summary>What the first entry points at.</summary>
    public static readonly string GenesisHash = new('0', 64);

    public const int LegacyVersion = 1;
    public const int CurrentVersion = 2;

    /// <summary>A version 2 hash of the fields, in lower-case hex.</summary>
    public static string Hash(string chain, params ReadOnlySpan<string?> fields)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(sha, "cityhall-chain-v2");
        Append(sha, chain);
        foreach (var field in fields) Append(sha, field);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>A version 1 hash: the fields joined by <paramref name="separator"/> (missing ones as empty text). Only to verify old entries.</summary>
    public static string LegacyHash(char separator, params ReadOnlySpan<string?> fields)
    {
        var text = new StringBuilder();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) text.Append(separator);
            text.Append(fields[i]);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Both databases keep microseconds: a time is cut there before it is hashed, so a stored time hashes as it was hashed.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % 10, TimeSpan.Zero);

    private static void Append(IncrementalHash sha, string? field)
    {
        Span<byte> length = stackalloc byte[4];
        if (field is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(length, -1);
            sha.AppendData(length);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(field);
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        sha.AppendData(length);
        sha.AppendData(bytes);
    }
}

/// <summary>What is wrong with a chain, for people to read: pages word it from <see cref="ChainBreakKind"/> in their language.</summary>
public enum ChainBreakKind
{
    /// <summary>The entry is not there; <see cref="ChainBreak.Found"/> is the next sequence found.</summary>
    Missing,
    /// <summary>The entry does not point at the hash of the entry before it.</summary>
    NotLinked,
    /// <summary>The entry names a hash scheme this version does not know; <see cref="ChainBreak.Found"/> is that scheme.</summary>
    UnknownScheme,
    /// <summary>The entry claims an older hash scheme than the entries before it.</summary>
    OlderScheme,
    /// <summary>The entry's content does not match its hash.</summary>
    Altered,
    /// <summary>A head recorded outside the database is no longer in the chain: entries were removed from the end.</summary>
    HeadGone,
    /// <summary>A head recorded outside the database has another hash now: the chain was rewritten from there.</summary>
    HeadRewritten,
    /// <summary>The chain ends at <see cref="ChainBreak.Found"/> entries, its owner records <see cref="ChainBreak.Recorded"/>.</summary>
    Shortened,
    /// <summary>The chain counts <see cref="ChainBreak.Found"/>, its owner shows <see cref="ChainBreak.Recorded"/>.</summary>
    CountDiffers,
}

/// <summary>The first place a chain does not hold: its kind, the entry, and the numbers the kind names.</summary>
public sealed record ChainBreak(ChainBreakKind Kind, long Sequence, long Found = 0, long Recorded = 0)
{
    /// <summary>The text key a page words it with: {0} the entry, {1} <see cref="Found"/>, {2} <see cref="Recorded"/>.</summary>
    public string TextKey => $"Integrity.Break.{Kind}";

    public object[] TextArguments => [Sequence, Found, Recorded];

    /// <summary>English, for the command-line verbs and for logs.</summary>
    public override string ToString() => Kind switch
    {
        ChainBreakKind.Missing => $"entry {Sequence} is missing (the next one found is {Found})",
        ChainBreakKind.NotLinked => $"entry {Sequence} does not point at the hash of entry {Sequence - 1}",
        ChainBreakKind.UnknownScheme => $"entry {Sequence} names an unknown hash scheme ({Found})",
        ChainBreakKind.OlderScheme => $"entry {Sequence} claims an older hash scheme than the entries before it",
        ChainBreakKind.Altered => $"entry {Sequence} was altered: its content does not match its hash",
        ChainBreakKind.HeadGone => $"entry {Sequence}, recorded as a head, is gone: entries were removed from the end",
        ChainBreakKind.HeadRewritten => $"entry {Sequence} no longer has the recorded hash: the chain was rewritten from there",
        ChainBreakKind.Shortened => $"the chain ends at entry {Found} but its owner records {Recorded}: entries were removed",
        ChainBreakKind.CountDiffers => $"the chain counts {Found} but its owner shows {Recorded}",
        _ => $"entry {Sequence}: {Kind}",
    };
}

/// <summary>
/// Walks a chain in sequence order and says what is wrong with the first entry that does not hold:
/// a gap, a link that does not point at the entry before, content that does not match its hash, or a
/// scheme older than one already seen (entries are never written with an older scheme).
/// </summary>
public sealed class ChainWalk(long startAfter = 0, string? previousHash = null)
{
    /// <summary>The sequence of the last entry that held (0 before the first).</summary>
    public long Checked { get; private set; } = startAfter;

    /// <summary>The hash of the last entry that held (the genesis hash before the first).</summary>
    public string Head { get; private set; } = previousHash ?? HashChain.GenesisHash;

    private int newestVersion = HashChain.LegacyVersion;

    /// <summary>Null when the entry continues the chain; else what is wrong with it.</summary>
    public ChainBreak? Next(long sequence, int version, string previousHash, string hash, Func<string> computedHash)
    {
        var expected = Checked + 1;
        if (sequence != expected) return new(ChainBreakKind.Missing, expected, Found: sequence);
        if (previousHash != Head) return new(ChainBreakKind.NotLinked, sequence);
        if (version is < HashChain.LegacyVersion or > HashChain.CurrentVersion) return new(ChainBreakKind.UnknownScheme, sequence, Found: version);
        if (version < newestVersion) return new(ChainBreakKind.OlderScheme, sequence);
        if (computedHash() != hash) return new(ChainBreakKind.Altered, sequence);
        newestVersion = version;
        Checked = sequence;
        Head = hash;
        return null;
    }
}
