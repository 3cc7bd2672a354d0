using System.Buffers;
using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CityHall.Web.Platform.Search;

/// <summary>
/// PostgreSQL's search index: for each term, its postings — the entry's key (<see cref="SearchIndex.EntryKey"/>) and where
/// the term stands in the title and in the text (bitmasks of positions modulo 62) — packed in blocks, one row per term
/// and 1,024 consecutive keys (<c>search_blocks</c>: term, bucket = key ÷ 1,024, 24 bytes per posting in key order).
/// Every beginning of a term up to <see cref="PrefixLength"/> characters is a term too ("bench" is also b, be, ben,
/// benc), so a word typed as a prefix is one term like any other.
/// <para>
/// Why blocks: a query reads each of its terms' postings in one indexed statement (a common Korean term, 20,000
/// postings, is some 100 rows of a few hundred bytes after compression; planning is trivial whatever the number of
/// terms), and the terms meet on the key here, in memory, at a few nanoseconds a posting. One row per posting, the
/// terms merge-joined in SQL, cost a quarter of a microsecond a posting plus 5–10 ms of planning a six-way self-join,
/// and ten times the space (docs/benchmarks.md, search).
/// </para>
/// <para>
/// Only <see cref="SearchIndex"/>'s reconciler writes, under a transaction-scoped advisory lock so that two nodes never
/// rewrite the same block from different versions; a block is read, changed and written back in the transaction that
/// writes the entries, so the index is never out of step with <see cref="SearchEntry"/>.
/// </para>
/// </summary>
internal static class PostingBlocks
{
    public const string Table = "search_blocks";

    /// <summary>The longest beginning of a term kept as a term of its own.</summary>
    public const int PrefixLength = 16;

    /// <summary>A block holds the postings of 2^10 consecutive keys.</summary>
    private const int BucketBits = 10;

    /// <summary>Key, title positions, text positions: three big-endian 64-bit numbers.</summary>
    private const int RecordSize = 24;

    /// <summary>Positions are kept modulo this (62 bits of a bigint, as the masks stay non-negative).</summary>
    private const int Positions = 62;

    /// <summary>The advisory lock every writer of the index holds until its transaction ends (any fixed number; "search" in hex-ish).</summary>
    private const long WritersLock = 0x5EA2C4_0001;

    /// <summary>At most this many terms are read per query (a long Korean word is covered by every other term).</summary>
    private const int MaxTerms = 10;

    /// <summary>An entry's key and terms, as written or as they were before a change.</summary>
    public sealed record EntryTerms(long Key, string TitleTerms, string BodyTerms);

    /// <summary>
    /// What a query matched in one kind (a key range): how many, up to the cap asked for, and the ids of those matched
    /// with every word in the title and of the others, each newest first and up to the cap.
    /// </summary>
    public sealed record KindMatches(int Count, IReadOnlyList<long> InTitle, IReadOnlyList<long> Elsewhere)
    {
        public static readonly KindMatches None = new(0, [], []);
    }

    /// <summary>
    /// An entry's postings: each term of the title and the text and every beginning of it, with the positions (modulo
    /// <see cref="Positions"/>) where it stands in the title and in the text.
    /// </summary>
    public static Dictionary<string, (long Title, long Body)> Of(string titleTerms, string bodyTerms)
    {
        var postings = new Dictionary<string, (long Title, long Body)>(StringComparer.Ordinal);
        void Add(string terms, bool title)
        {
            var n = 0;
            foreach (var term in terms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var bit = 1L << (n++ % Positions);
                for (var length = 1; length <= Math.Min(term.Length, PrefixLength); length++)
                {
                    var prefix = term[..length];
                    var (t, b) = postings.GetValueOrDefault(prefix);
                    postings[prefix] = title ? (t | bit, b) : (t, b | bit);
                }
            }
        }
        Add(titleTerms, title: true);
        Add(bodyTerms, title: false);
        return postings;
    }

    /// <summary>Takes the writers' lock until the current transaction ends: writers on every node take turns.</summary>
    public static Task LockAsync(AppDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({WritersLock})", ct);

    /// <summary>
    /// Takes the postings of <paramref name="before"/> out of the blocks and puts those of <paramref name="after"/> in
    /// (an entry changed is in both; one removed only in the first), in the current transaction, under the writers' lock.
    /// </summary>
    public static async Task WriteAsync(AppDbContext db, IEnumerable<EntryTerms> before, IEnumerable<EntryTerms> after, CancellationToken ct)
    {
        var changes = new Dictionary<(string Term, long Bucket), (HashSet<long> Out, List<(long Key, long Title, long Body)> In)>();
        (HashSet<long> Out, List<(long, long, long)> In) Change(string term, long key)
        {
            var at = (term, key >> BucketBits);
            if (!changes.TryGetValue(at, out var change)) changes[at] = change = ([], []);
            return change;
        }
        foreach (var entry in before)
            foreach (var term in Of(entry.TitleTerms, entry.BodyTerms).Keys)
                Change(term, entry.Key).Out.Add(entry.Key);
        foreach (var entry in after)
            foreach (var (term, (title, body)) in Of(entry.TitleTerms, entry.BodyTerms))
            {
                var change = Change(term, entry.Key);
                change.Out.Add(entry.Key);
                change.In.Add((entry.Key, title, body));
            }
        if (changes.Count == 0) return;

        var blocks = new Dictionary<(string, long), byte[]>();
        await using (var read = Command(db,
            $"SELECT b.\"Term\", b.\"Bucket\", b.\"Postings\" FROM {Table} b JOIN unnest(@terms, @buckets) AS c(term, bucket) ON b.\"Term\" = c.term AND b.\"Bucket\" = c.bucket",
            Terms(changes.Keys.Select(c => c.Term)), Buckets(changes.Keys.Select(c => c.Bucket))))
        {
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                blocks[(reader.GetString(0), reader.GetInt64(1))] = reader.GetFieldValue<byte[]>(2);
        }

        var (kept, keptTerms, keptBuckets, emptied, emptiedTerms) = (new List<byte[]>(), new List<string>(), new List<long>(), new List<long>(), new List<string>());
        foreach (var ((term, bucket), (remove, add)) in changes)
        {
            var postings = blocks.TryGetValue((term, bucket), out var bytes) ? Decode(bytes).Where(p => !remove.Contains(p.Key)).ToList() : [];
            postings.AddRange(add);
            if (postings.Count == 0)
            {
                if (bytes is not null) { emptiedTerms.Add(term); emptied.Add(bucket); }
                continue;
            }
            postings.Sort((a, b) => a.Key.CompareTo(b.Key));
            keptTerms.Add(term);
            keptBuckets.Add(bucket);
            kept.Add(Encode(postings));
        }
        if (kept.Count > 0)
        {
            await using var write = Command(db,
                $"INSERT INTO {Table} (\"Term\", \"Bucket\", \"Postings\") SELECT * FROM unnest(@terms, @buckets, @postings) ON CONFLICT (\"Term\", \"Bucket\") DO UPDATE SET \"Postings\" = EXCLUDED.\"Postings\"",
                Terms(keptTerms), Buckets(keptBuckets), new NpgsqlParameter("postings", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = kept.ToArray() });
            await write.ExecuteNonQueryAsync(ct);
        }
        if (emptied.Count > 0)
        {
            await using var delete = Command(db,
                $"DELETE FROM {Table} b USING unnest(@terms, @buckets) AS c(term, bucket) WHERE b.\"Term\" = c.term AND b.\"Bucket\" = c.bucket",
                Terms(emptiedTerms), Buckets(emptied));
            await delete.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// The entries of each key range (a kind) that hold every word of the query, each within the title or within the
    /// text: a prefix word as the beginning of a term, any other as its terms side by side (checked with the positions);
    /// counted and listed up to <paramref name="upTo"/> per range.
    /// </summary>
    public static async Task<KindMatches[]> FindAsync(AppDbContext db, IReadOnlyList<SearchTerms.Word> query, IReadOnlyList<(long From, long To)> ranges, int upTo, CancellationToken ct)
    {
        // Each word's terms with their place in the word: a prefix word its last term (cut as the index cuts it),
        // a Korean word every other term and the last, which cover it (어린 이공 공원 for 어린이공원).
        var words = new List<List<(string Term, int Offset)>>();
        var count = 0;
        foreach (var word in query)
        {
            List<(string Term, int Offset)> covering = word.Prefix
                ? [(word.Terms[^1].Length <= PrefixLength ? word.Terms[^1] : word.Terms[^1][..PrefixLength], 0)]
                : Enumerable.Range(0, word.Terms.Count).Where(i => i % 2 == 0 || i == word.Terms.Count - 1).Select(i => (word.Terms[i], i)).ToList();
            covering = covering.Take(MaxTerms - count).ToList();
            count += covering.Count;
            if (covering.Count > 0) words.Add(covering);
        }
        var terms = words.SelectMany(w => w.Select(t => t.Term)).Distinct(StringComparer.Ordinal).ToArray();
        if (terms.Length == 0 || ranges.Count == 0) return ranges.Select(_ => KindMatches.None).ToArray();
        var (from, to) = (ranges.Min(r => r.From), ranges.Max(r => r.To));
        var postings = await ReadAsync(db, terms, from, to, ct);
        var (keys, inTitle) = (Array.Empty<long>(), Array.Empty<bool>());
        try
        {
            if (terms.Any(t => !postings.ContainsKey(t))) return ranges.Select(_ => KindMatches.None).ToArray();
            var lists = terms.Select(t => postings[t]).ToArray();
            var chains = words.Select(w => w.Select(t => (List: Array.IndexOf(terms, t.Term), t.Offset)).ToArray()).ToArray();
            // The rarest term leads; the others are sought forward from where they stood (galloping), so a common
            // term costs the rare one's length times a logarithm, not its own length.
            var order = Enumerable.Range(0, lists.Length).OrderBy(i => lists[i].Count).ToArray();
            var lead = lists[order[0]];
            (keys, inTitle) = (ArrayPool<long>.Shared.Rent(lead.Count), ArrayPool<bool>.Shared.Rent(lead.Count));
            var at = new int[lists.Length];
            var (found, exhausted) = (0, false);
            for (var i = 0; i < lead.Count && !exhausted; i++)
            {
                var key = lead.Keys[i];
                at[order[0]] = i;
                var all = true;
                for (var j = 1; j < order.Length && all; j++)
                {
                    var list = lists[order[j]];
                    var p = at[order[j]] = Seek(list.Keys, at[order[j]], list.Count, key);
                    // A term with no key left ends the search: nothing further can hold every term.
                    exhausted = p == list.Count;
                    all = !exhausted && list.Keys[p] == key;
                }
                if (!all) continue;
                var (matched, titled) = (true, true);
                foreach (var chain in chains)
                {
                    var here = Chain(chain, lists, at, title: true) != 0;
                    if (!here && Chain(chain, lists, at, title: false) == 0) { matched = false; break; }
                    titled &= here;
                }
                if (!matched) continue;
                keys[found] = key;
                inTitle[found++] = titled;
            }
            return ranges.Select(r =>
            {
                var (start, end) = Within(keys, found, r.From, r.To);
                var (titleIds, otherIds) = (new List<long>(), new List<long>());
                for (var i = end - 1; i >= start && (titleIds.Count < upTo || otherIds.Count < upTo); i--)
                {
                    var ids = inTitle[i] ? titleIds : otherIds;
                    if (ids.Count < upTo) ids.Add(SearchIndex.IdOf(keys[i]));
                }
                return new KindMatches(Math.Min(end - start, upTo), titleIds, otherIds);
            }).ToArray();
        }
        finally
        {
            if (keys.Length > 0) ArrayPool<long>.Shared.Return(keys);
            if (inTitle.Length > 0) ArrayPool<bool>.Shared.Return(inTitle);
            foreach (var list in postings.Values) list.Return();
        }
    }

    /// <summary>A term's postings in key order: the first <see cref="Count"/> of arrays borrowed from the pool (a common term's are large, and a search should not churn the large-object heap).</summary>
    private sealed class TermPostings
    {
        public long[] Keys = ArrayPool<long>.Shared.Rent(256);
        public long[] Title = ArrayPool<long>.Shared.Rent(256);
        public long[] Body = ArrayPool<long>.Shared.Rent(256);
        public int Count;

        public void Add(ReadOnlySpan<byte> records)
        {
            var n = records.Length / RecordSize;
            if (Count + n > Keys.Length)
            {
                var size = Math.Max(Keys.Length * 2, Count + n);
                Keys = Grow(Keys, size);
                Title = Grow(Title, size);
                Body = Grow(Body, size);
            }
            for (var i = 0; i < n; i++, Count++)
                (Keys[Count], Title[Count], Body[Count]) = Record(records.Slice(i * RecordSize, RecordSize));
        }

        public void Return()
        {
            ArrayPool<long>.Shared.Return(Keys);
            ArrayPool<long>.Shared.Return(Title);
            ArrayPool<long>.Shared.Return(Body);
        }

        private long[] Grow(long[] array, int size)
        {
            var grown = ArrayPool<long>.Shared.Rent(size);
            Array.Copy(array, grown, Count);
            ArrayPool<long>.Shared.Return(array);
            return grown;
        }
    }

    /// <summary>
    /// Each term's postings with keys from..to, read in one statement (the blocks that cover the range, in order). The
    /// ranges asked for are kinds', which start and end on a block's bounds (a kind is 2^40 keys, a block 2^10), so no
    /// block reaches past them.
    /// </summary>
    private static async Task<Dictionary<string, TermPostings>> ReadAsync(AppDbContext db, string[] terms, long from, long to, CancellationToken ct)
    {
        var postings = new Dictionary<string, TermPostings>(StringComparer.Ordinal);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var read = Command(db,
                $"SELECT \"Term\", \"Postings\" FROM {Table} WHERE \"Term\" = ANY(@terms) AND \"Bucket\" BETWEEN @from AND @to ORDER BY \"Term\", \"Bucket\"",
                Terms(terms), new NpgsqlParameter("from", NpgsqlDbType.Bigint) { Value = from >> BucketBits }, new NpgsqlParameter("to", NpgsqlDbType.Bigint) { Value = to >> BucketBits });
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var term = reader.GetString(0);
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = new TermPostings();
                var length = (int)reader.GetBytes(1, 0, null, 0, 0);
                if (length > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(length);
                }
                reader.GetBytes(1, 0, buffer, 0, length);
                list.Add(buffer.AsSpan(0, length));
            }
        }
        catch
        {
            foreach (var list in postings.Values) list.Return();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            await db.Database.CloseConnectionAsync();
        }
        return postings;
    }

    /// <summary>A statement on the context's connection, in its transaction if one is open.</summary>
    private static NpgsqlCommand Command(AppDbContext db, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Terms(IEnumerable<string> terms) => new("terms", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = terms.ToArray() };

    private static NpgsqlParameter Buckets(IEnumerable<long> buckets) => new("buckets", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = buckets.ToArray() };

    /// <summary>The first index at or after <paramref name="start"/> (below <paramref name="count"/>) whose key is not less than <paramref name="key"/>: steps that double, then a binary search.</summary>
    private static int Seek(long[] keys, int start, int count, long key)
    {
        if (start >= count || keys[start] >= key) return start;
        var (low, high, step) = (start, start + 1, 1);
        while (high < count && keys[high] < key)
        {
            low = high;
            high += step <<= 1;
        }
        // keys[low] < key, and keys[high] >= key unless high is past the end.
        var last = Math.Min(high, count - 1);
        var i = Array.BinarySearch(keys, low + 1, last - low, key);
        return i >= 0 ? i : ~i;
    }

    /// <summary>The index range [start, end) of the keys from..to (inclusive) among the first <paramref name="count"/> of sorted <paramref name="keys"/>.</summary>
    private static (int Start, int End) Within(long[] keys, int count, long from, long to)
    {
        int LowerBound(long key) => Array.BinarySearch(keys, 0, count, key) is var i && i >= 0 ? i : ~i;
        return (LowerBound(from), LowerBound(to + 1));
    }

    /// <summary>Where a word's terms stand side by side: the first term's positions, each moved on to where the next should stand and kept where it does.</summary>
    private static long Chain((int List, int Offset)[] word, TermPostings[] lists, int[] at, bool title)
    {
        long Mask(int i) => title ? lists[word[i].List].Title[at[word[i].List]] : lists[word[i].List].Body[at[word[i].List]];
        var chain = Mask(0);
        for (var i = 1; i < word.Length && chain != 0; i++)
            chain = Rotate(chain, word[i].Offset - word[i - 1].Offset) & Mask(i);
        return chain;
    }

    /// <summary>The mask with every position moved on by <paramref name="by"/>, modulo <see cref="Positions"/> (as positions are folded).</summary>
    private static long Rotate(long mask, int by)
    {
        by %= Positions;
        return by == 0 ? mask : ((mask << by) | (mask >>> (Positions - by))) & ((1L << Positions) - 1);
    }

    /// <summary>One posting as the blocks hold it: key, title positions, text positions, big-endian (as int8send writes them).</summary>
    private static (long Key, long Title, long Body) Record(ReadOnlySpan<byte> record) =>
        (BinaryPrimitives.ReadInt64BigEndian(record), BinaryPrimitives.ReadInt64BigEndian(record[8..]), BinaryPrimitives.ReadInt64BigEndian(record[16..]));

    private static IEnumerable<(long Key, long Title, long Body)> Decode(byte[] bytes)
    {
        for (var offset = 0; offset + RecordSize <= bytes.Length; offset += RecordSize)
            yield return Record(bytes.AsSpan(offset, RecordSize));
    }

    private static byte[] Encode(List<(long Key, long Title, long Body)> postings)
    {
        var bytes = new byte[postings.Count * RecordSize];
        for (var i = 0; i < postings.Count; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(i * RecordSize), postings[i].Key);
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(i * RecordSize + 8), postings[i].Title);
            BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(i * RecordSize + 16), postings[i].Body);
        }
        return bytes;
    }
}
