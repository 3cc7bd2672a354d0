using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Search;

/// <summary>
/// The city's search: keeps <see cref="SearchEntry"/> in step with the kinds the modules declare (<see cref="SearchKind"/>)
/// (<see cref="ReconcileAsync"/>) and answers queries with the database's own full-text index (FTS5 on SQLite,
/// posting blocks on PostgreSQL) over <see cref="SearchTerms"/>.
/// </summary>
public sealed class SearchIndex(Modules.ModuleRegistry modules, IServiceScopeFactory scopes, IOptions<SearchOptions> options, ILogger<SearchIndex> logger) : IDisposable
{
    public const int PageSize = 20;
    private const int WriteBatch = 1000;
    /// <summary>On PostgreSQL, a reconciliation that wrote this many entries vacuums and analyses the posting blocks at once.</summary>
    private const int VacuumAfter = 1000;

    /// <summary>Every enabled module's kinds, in their order.</summary>
    public IReadOnlyList<SearchKind> Kinds { get; } = modules.Modules.SelectMany(m => m.SearchKinds).OrderBy(s => s.Order).ThenBy(s => s.Kind, StringComparer.Ordinal).ToList();

    public SearchKind? KindOf(string kind) => Kinds.FirstOrDefault(s => s.Kind == kind);

    /// <summary>How many of a kind matched: <see cref="Count"/> exactly, or at least that many when <see cref="More"/> (see <see cref="SearchOptions.CountLimit"/>).</summary>
    public sealed record KindCount(string Kind, int Count, bool More = false);

    /// <summary>What one reconciliation did to a kind.</summary>
    public sealed record Reconciled(string Kind, int Added, int Changed, int Removed);

    /// <summary>A query's answer: its words (for highlighting), how many matched per kind, and the entries to show.</summary>
    public sealed record Result(IReadOnlyList<SearchTerms.Word> Words, IReadOnlyList<KindCount> Counts, IReadOnlyList<SearchEntry> Entries)
    {
        public int Total => Counts.Sum(c => c.Count);

        /// <summary>Whether more matched than <see cref="Total"/>: a kind's count stopped at the limit.</summary>
        public bool More => Counts.Any(c => c.More);
    }

    private readonly SemaphoreSlim reconciling = new(1, 1);

    public void Dispose()
    {
        reconciling.Dispose();
        answers.Dispose();
    }

    /// <summary>
    /// Reads every source whole and writes what changed: new entries, changed ones (by digest), and removes what a
    /// source no longer gives (deleted, or private now) and the kinds no source gives (a module switched off).
    /// </summary>
    public async Task<IReadOnlyList<Reconciled>> ReconcileAsync(CancellationToken ct = default)
    {
        await reconciling.WaitAsync(ct);
        try
        {
            var done = new List<Reconciled>();
            foreach (var source in Kinds) done.Add(await ReconcileAsync(source, ct));
            using var scope = scopes.CreateScope();
            var kinds = Kinds.Select(s => s.Kind).ToList();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var orphans = db.Set<SearchEntry>().Where(e => !kinds.Contains(e.Kind));
            var removed = 0;
            await WriteAsync(db, orphans, async () => { removed = await orphans.ExecuteDeleteAsync(ct); return []; }, ct);
            if (removed > 0) await MoveGenerationAsync(db, ct);
            if (db.Database.IsNpgsql() && removed + done.Sum(d => d.Added + d.Changed + d.Removed) >= VacuumAfter)
            {
                // A block is rewritten each time an entry in its range changes: the old versions are garbage now, not
                // when autovacuum comes by.
                await db.Database.ExecuteSqlRawAsync($"VACUUM (ANALYZE) {PostingBlocks.Table}", ct);
            }
            return done;
        }
        finally { reconciling.Release(); }
    }

    private async Task<Reconciled> ReconcileAsync(SearchKind source, CancellationToken ct)
    {
        // The source reads in one scope while this writes in another: one context cannot read and save at once.
        using var reading = scopes.CreateScope();
        using var writing = scopes.CreateScope();
        var db = writing.ServiceProvider.GetRequiredService<AppDbContext>();
        var known = await db.Set<SearchEntry>().AsNoTracking().Where(e => e.Kind == source.Kind)
            .Select(e => new { e.Id, e.SourceId, e.Hash }).ToDictionaryAsync(e => e.SourceId, StringComparer.Ordinal, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var (added, changed, pending) = (0, 0, 0);
        async Task FlushAsync()
        {
            if (pending == 0) return;
            var written = db.ChangeTracker.Entries<SearchEntry>().Select(e => e.Entity).ToList();
            var changedIds = written.Where(e => e.Id != 0).Select(e => e.Id).ToList();
            await WriteAsync(db, db.Set<SearchEntry>().Where(e => changedIds.Contains(e.Id)), async () =>
            {
                await db.SaveChangesAsync(ct);
                return written;
            }, ct);
            db.ChangeTracker.Clear();
            pending = 0;
            await MoveGenerationAsync(db, ct);
        }
        await foreach (var item in source.ReadAsync(reading.ServiceProvider, ct))
        {
            if (!seen.Add(item.SourceId)) continue;
            var entry = EntryOf(source.Kind, item);
            if (known.TryGetValue(item.SourceId, out var existing))
            {
                // Most of a city's things have not changed since the last round: the digest says so before any terms are made.
                if (existing.Hash == entry.Hash) continue;
                entry.Id = existing.Id;
                db.Update(entry);
                changed++;
            }
            else
            {
                db.Add(entry);
                added++;
            }
            entry.TitleTerms = SearchTerms.Of(entry.TitleKo, entry.TitleEn);
            entry.BodyTerms = SearchTerms.Of(entry.TextKo, entry.TextEn);
            if (++pending == WriteBatch) await FlushAsync();
        }
        await FlushAsync();
        var gone = known.Where(k => !seen.Contains(k.Key)).Select(k => k.Value.Id).ToList();
        foreach (var chunk in gone.Chunk(500))
        {
            var removing = db.Set<SearchEntry>().Where(e => chunk.Contains(e.Id));
            await WriteAsync(db, removing, async () => { await removing.ExecuteDeleteAsync(ct); return []; }, ct);
            await MoveGenerationAsync(db, ct);
        }
        if (added + changed + gone.Count > 0)
            logger.LogInformation("Search {Kind}: {Added} added, {Changed} changed, {Removed} removed", source.Kind, added, changed, gone.Count);
        return new(source.Kind, added, changed, gone.Count);
    }

    /// <summary>
    /// Runs a write of entries; on PostgreSQL in one transaction with the posting blocks it changes, under the writers'
    /// lock (<see cref="PostingBlocks"/>). <paramref name="touched"/> are the entries it changes or removes — their
    /// terms are read under the lock, so they are what the blocks hold — and the write returns those it saved.
    /// </summary>
    private static async Task WriteAsync(AppDbContext db, IQueryable<SearchEntry> touched, Func<Task<IReadOnlyList<SearchEntry>>> write, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            await write();
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await PostingBlocks.LockAsync(db, ct);
        var before = await touched.AsNoTracking().Select(e => new { e.Id, e.KindKey, e.TitleTerms, e.BodyTerms }).ToListAsync(ct);
        var written = await write();
        await PostingBlocks.WriteAsync(db,
            before.Select(e => new PostingBlocks.EntryTerms(EntryKey(e.KindKey, e.Id), e.TitleTerms, e.BodyTerms)),
            written.Select(e => new PostingBlocks.EntryTerms(EntryKey(e.KindKey, e.Id), e.TitleTerms, e.BodyTerms)), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Tells every node that answers read before now may be out of date. Called after each write has committed, so
    /// an answer kept under the generation read before it can only be older than the index while that generation
    /// lasts, which is until this returns.
    /// </summary>
    private static Task<int> MoveGenerationAsync(AppDbContext db, CancellationToken ct) =>
        db.Set<SearchGeneration>().Where(g => g.Id == SearchGeneration.Row).ExecuteUpdateAsync(s => s.SetProperty(g => g.Value, g => g.Value + 1), ct);

    private static SearchEntry EntryOf(string kind, SearchItem item)
    {
        static string? Cut(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : (text = text.Trim()).Length <= max ? text : text[..max];
        var (titleKo, titleEn) = (Cut(item.TitleKo, SearchItem.MaxTitle) ?? item.SourceId, Cut(item.TitleEn, SearchItem.MaxTitle));
        var (textKo, textEn) = (Cut(item.TextKo, SearchItem.MaxText), Cut(item.TextEn, SearchItem.MaxText));
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', titleKo, titleEn, textKo, textEn, item.Url, item.UpdatedAt.Ticks)));
        return new SearchEntry
        {
            Kind = kind, KindKey = KeyOf(kind), SourceId = item.SourceId, TitleKo = titleKo, TitleEn = titleEn, TextKo = textKo, TextEn = textEn, Url = item.Url,
            UpdatedAt = DateTime.SpecifyKind(item.UpdatedAt, DateTimeKind.Utc),
            // The terms are made only for an entry that is written (see ReconcileAsync).
            TitleTerms = "", BodyTerms = "", Hash = Convert.ToBase64String(digest),
        };
    }

    /// <summary>An entry's key in either index (the SQLite rowid, the PostgreSQL posting key): its kind's number × 2^40 plus its id.</summary>
    internal static long EntryKey(int kindKey, long id) => ((long)kindKey << KindShift) | id;

    /// <summary>The entry id within a key.</summary>
    internal static long IdOf(long key) => key & ((1L << KindShift) - 1);

    private const int KindShift = 40;

    /// <summary>The kind's keys in either index: one range, so a kind's entries are read together and in order.</summary>
    private static (long From, long To) KeyRange(string kind) => (EntryKey(KeyOf(kind), 0), EntryKey(KeyOf(kind) + 1, 0) - 1);

    /// <summary>
    /// A kind's number, the same on every node and every start (FNV-1a of its code, 16 bits, never 0): the high bits of
    /// its entries' keys (<see cref="EntryKey"/>).
    /// </summary>
    public static int KeyOf(string kind)
    {
        var hash = 2166136261u;
        foreach (var c in kind) hash = (hash ^ c) * 16777619u;
        return (int)((hash ^ (hash >> 16)) & 0xFFFF) | 1;
    }

    /// <summary>
    /// The entries matching every word of <paramref name="query"/>: matches in the title first, then the others, each
    /// newest first (an order the index gives without scoring every match, so a word found 20,000 times costs what a
    /// rare one does); a page of <see cref="PageSize"/> of one kind, or the first <paramref name="perKind"/> of each;
    /// with how many matched per kind.
    /// </summary>
    public async Task<Result> SearchAsync(AppDbContext db, string query, string? kind, int page, int perKind, CancellationToken ct)
    {
        var words = SearchTerms.Query(query);
        if (words.Count == 0) return new(words, [], []);
        // The answer (counts and which entries) is kept under the index's generation: the same words asked again
        // before the index changes cost one read of a row, whichever words they are. The entries are read each time.
        var generation = await db.Set<SearchGeneration>().AsNoTracking().Where(g => g.Id == SearchGeneration.Row).Select(g => g.Value).FirstOrDefaultAsync(ct);
        var key = new AnswerKey(generation, string.Join('\u001f', words.Select(w => (w.Prefix ? "*" : "") + string.Join(' ', w.Terms))), kind, kind is null ? 0 : page, perKind);
        if (!answers.TryGetValue(key, out Answer? answer) || answer is null)
        {
            answer = await FindAsync(db, words, kind, page, perKind, ct);
            if (answersKept > 0) answers.Set(key, answer, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = KeepAnswers });
        }
        var (counts, ids) = (answer.Counts, answer.Ids);
        var entries = ids.Count == 0 ? [] : await db.Set<SearchEntry>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        int Rank(string k) => KindOrder.GetValueOrDefault(k, int.MaxValue);
        return new(words, counts.Where(c => c.Value > 0).Select(c => new KindCount(c.Key, Math.Min(c.Value, countLimit), c.Value > countLimit)).OrderBy(c => Rank(c.Kind)).ToList(),
            ids.Where(entries.ContainsKey).Select(id => entries[id]).Where(e => SearchTerms.Matches(words, e.TitleTerms, e.BodyTerms)).ToList());
    }

    /// <summary>Each kind's place in <see cref="Kinds"/>: counts are shown in that order.</summary>
    private IReadOnlyDictionary<string, int> KindOrder => field ??= Kinds.Select((s, i) => (s.Kind, i)).ToDictionary(x => x.Kind, x => x.i);
    private readonly int countLimit = Math.Max(1, options.Value.CountLimit);

    /// <summary>An answer not asked for this long is let go (one under a past generation is never asked for again).</summary>
    private static readonly TimeSpan KeepAnswers = TimeSpan.FromMinutes(10);
    private readonly int answersKept = options.Value.AnswersKept;
    private readonly MemoryCache answers = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.AnswersKept) });

    /// <summary>What an answer depends on: the index's generation and the query's terms, kind and page.</summary>
    private sealed record AnswerKey(long Generation, string Terms, string? Kind, int Page, int PerKind);

    /// <summary>How many matched per kind (up to one past the count limit) and the ids to show, in order.</summary>
    private sealed record Answer(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<long> Ids);

    private async Task<Answer> FindAsync(AppDbContext db, IReadOnlyList<SearchTerms.Word> words, string? kind, int page, int perKind, CancellationToken ct)
    {
        // Counted up to one past the limit: enough to tell "exactly this many" from "more than the limit".
        var kinds = kind is null ? Kinds.Select(s => s.Kind).ToList() : [kind];
        IFullTextQuery index = db.Database.IsSqlite() ? new Fts5Query(db, SearchTerms.Fts5(words), countLimit + 1) : new BlocksQuery(db, words, kinds, countLimit + 1);
        var counts = await index.CountAsync(kinds, ct);
        var ids = new List<long>();
        if (kind is null)
        {
            // The first of each kind: its title matches, newest first, all kinds in one statement; then, for the kinds
            // with fewer title matches than that, the other matches (for a common word the title ones are enough).
            var found = counts.Where(c => c.Value > 0).Select(c => c.Key).ToList();
            var firsts = await index.FirstAsync(found, perKind, inTitle: true, ct);
            var fewer = found.Where(k => firsts.Count(f => f.KindKey == KeyOf(k)) < Math.Min(perKind, counts[k])).ToList();
            if (fewer.Count > 0) firsts.AddRange(await index.FirstAsync(fewer, perKind, inTitle: false, ct));
            foreach (var k in kinds)
                ids.AddRange(firsts.Where(f => f.KindKey == KeyOf(k)).OrderByDescending(f => f.InTitle).ThenByDescending(f => f.Id).Take(perKind).Select(f => f.Id));
        }
        else if (Math.Min(counts.GetValueOrDefault(kind), countLimit) is var count and > 0 && (Math.Max(page, 1) - 1) * PageSize is var skip && skip < count)
        {
            // Title matches first, then the rest: a page may straddle the two. None past the count limit.
            var take = Math.Min(PageSize, count - skip);
            var inTitle = await index.CountInTitleAsync(kind, ct);
            var titled = skip < inTitle ? await index.IdsAsync(kind, titleOnly: true, Math.Min(take, inTitle - skip), skip, ct) : [];
            ids.AddRange(titled);
            if (titled.Count < take) ids.AddRange(await index.IdsAsync(kind, titleOnly: false, take - titled.Count, Math.Max(0, skip - inTitle), ct));
        }
        return new(counts, ids);
    }

    /// <summary>One of the first matches of a kind: in its title or not.</summary>
    private sealed class First
    {
        public int KindKey { get; init; }
        public int InTitle { get; init; }
        public long Id { get; init; }
    }

    /// <summary>How many entries of a kind (by its number) matched.</summary>
    private sealed class KindTally
    {
        public int KindKey { get; init; }
        public int Count { get; init; }
    }

    /// <summary>What the two databases' full-text indexes answer: matches per kind, the first of each, in the title, and a slice of ids.</summary>
    private interface IFullTextQuery
    {
        Task<Dictionary<string, int>> CountAsync(IReadOnlyList<string> kinds, CancellationToken ct);
        /// <summary>Up to <paramref name="take"/> matches in the title (or only elsewhere) of each kind, newest first, in one statement.</summary>
        Task<List<First>> FirstAsync(IReadOnlyList<string> kinds, int take, bool inTitle, CancellationToken ct);
        Task<int> CountInTitleAsync(string kind, CancellationToken ct);
        /// <summary>Matches in the title (titleOnly), or matches not in the title; newest first.</summary>
        Task<List<long>> IdsAsync(string kind, bool titleOnly, int take, int skip, CancellationToken ct);
    }

    /// <summary>
    /// SQLite: the contentless FTS5 table search_fts (TitleTerms, BodyTerms), rowid = kind key × 2^40 + entry id. A
    /// kind is a rowid range, so one kind's count and newest-first slices walk only its matches, in index order; the counts of
    /// every kind are one pass grouped by the rowid's high bits.
    /// Only fixed SQL is put together here; the query is a parameter, made of terms only.
    /// </summary>
    private sealed class Fts5Query(AppDbContext db, string match, int countUpTo) : IFullTextQuery
    {
        public async Task<Dictionary<string, int>> CountAsync(IReadOnlyList<string> kinds, CancellationToken ct)
        {
            // One pass over the matches, grouped by kind (the rowid's high bits): a prefix word's terms are gathered
            // into one list once, not once per kind (with eleven kinds, "toilet"* cost 21 ms counted kind by kind).
            // One kind alone: its rowid range, counted up to the limit and no further.
            if (kinds.Count == 1)
            {
                var (from, to) = KeyRange(kinds[0]);
                return new() { [kinds[0]] = await db.Database.SqlQueryRaw<int>(
                    "SELECT CAST(count(*) AS INTEGER) AS \"Value\" FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH {0} AND rowid BETWEEN {1} AND {2} LIMIT {3})",
                    match, from, to, countUpTo).SingleAsync(ct) };
            }
            var rows = await db.Database.SqlQueryRaw<KindTally>(
                "SELECT CAST(rowid >> 40 AS INTEGER) AS \"KindKey\", CAST(count(*) AS INTEGER) AS \"Count\" FROM search_fts WHERE search_fts MATCH {0} GROUP BY 1",
                match).ToListAsync(ct);
            return kinds.ToDictionary(k => k, k => Math.Min(rows.FirstOrDefault(r => r.KindKey == KeyOf(k))?.Count ?? 0, countUpTo));
        }

        public async Task<List<First>> FirstAsync(IReadOnlyList<string> kinds, int take, bool inTitle, CancellationToken ct)
        {
            if (kinds.Count == 0) return [];
            var sql = string.Join(" UNION ALL ", kinds.Select(k => KeyRange(k) is var (from, to) ? string.Create(CultureInfo.InvariantCulture,
                $"SELECT * FROM (SELECT {KeyOf(k)} AS \"KindKey\", {(inTitle ? 1 : 0)} AS \"InTitle\", rowid - {from} AS \"Id\" FROM search_fts WHERE search_fts MATCH {{0}} AND rowid BETWEEN {from} AND {to} ORDER BY rowid DESC LIMIT {take})") : ""));
            return await db.Database.SqlQueryRaw<First>(sql, inTitle ? InTitle : $"({match}) NOT {InTitle}").ToListAsync(ct);
        }

        public Task<int> CountInTitleAsync(string kind, CancellationToken ct)
        {
            var (from, to) = KeyRange(kind);
            return db.Database.SqlQueryRaw<int>(
                "SELECT CAST(count(*) AS INTEGER) AS \"Value\" FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH {0} AND rowid BETWEEN {1} AND {2} LIMIT {3})", InTitle, from, to, countUpTo).SingleAsync(ct);
        }

        public async Task<List<long>> IdsAsync(string kind, bool titleOnly, int take, int skip, CancellationToken ct)
        {
            var (from, to) = KeyRange(kind);
            var rowids = await db.Database.SqlQueryRaw<long>(
                "SELECT rowid AS \"Value\" FROM search_fts WHERE search_fts MATCH {0} AND rowid BETWEEN {1} AND {2} ORDER BY rowid DESC LIMIT {3} OFFSET {4}",
                titleOnly ? InTitle : $"({match}) NOT {InTitle}", from, to, take, skip).ToListAsync(ct);
            return rowids.Select(r => r - from).ToList();
        }

        private string InTitle => $"{{TitleTerms}} : ({match})";
    }

    /// <summary>
    /// PostgreSQL: the query's terms read from the posting blocks in one statement and met in memory
    /// (<see cref="PostingBlocks"/>), once for all the kinds asked; every count and slice is then taken from what each
    /// kind matched (newest first, up to the count limit, as the pages never go further).
    /// </summary>
    private sealed class BlocksQuery(AppDbContext db, IReadOnlyList<SearchTerms.Word> query, IReadOnlyList<string> kinds, int countUpTo) : IFullTextQuery
    {
        private Dictionary<string, PostingBlocks.KindMatches>? matches;

        private async Task<PostingBlocks.KindMatches> MatchesAsync(string kind, CancellationToken ct)
        {
            if (matches is null)
            {
                var found = await PostingBlocks.FindAsync(db, query, kinds.Select(KeyRange).ToList(), countUpTo, ct);
                matches = kinds.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => found[x.i]);
            }
            return matches.GetValueOrDefault(kind) ?? PostingBlocks.KindMatches.None;
        }

        public async Task<Dictionary<string, int>> CountAsync(IReadOnlyList<string> kinds, CancellationToken ct)
        {
            var counts = new Dictionary<string, int>();
            foreach (var k in kinds) counts[k] = (await MatchesAsync(k, ct)).Count;
            return counts;
        }

        public async Task<List<First>> FirstAsync(IReadOnlyList<string> kinds, int take, bool inTitle, CancellationToken ct)
        {
            var firsts = new List<First>();
            foreach (var k in kinds)
            {
                var m = await MatchesAsync(k, ct);
                firsts.AddRange((inTitle ? m.InTitle : m.Elsewhere).Take(take).Select(id => new First { KindKey = KeyOf(k), InTitle = inTitle ? 1 : 0, Id = id }));
            }
            return firsts;
        }

        public async Task<int> CountInTitleAsync(string kind, CancellationToken ct) => (await MatchesAsync(kind, ct)).InTitle.Count;

        public async Task<List<long>> IdsAsync(string kind, bool titleOnly, int take, int skip, CancellationToken ct) =>
            (titleOnly ? (await MatchesAsync(kind, ct)).InTitle : (await MatchesAsync(kind, ct)).Elsewhere).Skip(skip).Take(take).ToList();
    }
}
