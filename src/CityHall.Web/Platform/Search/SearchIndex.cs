using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CityHall.Web.Platform.Search;

/// <summary>
/// The city's search: keeps <see cref="SearchEntry"/> in step with the kinds the modules declare (<see cref="SearchKind"/>)
/// (<see cref="ReconcileAsync"/>) and answers queries with the database's own full-text index (FTS5 on SQLite,
/// to_tsvector/GIN on PostgreSQL) over <see cref="SearchTerms"/>.
/// </summary>
public sealed class SearchIndex(Modules.ModuleRegistry modules, IServiceScopeFactory scopes, ILogger<SearchIndex> logger) : IDisposable
{
    public const int PageSize = 20;
    private const int WriteBatch = 1000;

    /// <summary>Every enabled module's kinds, in their order.</summary>
    public IReadOnlyList<SearchKind> Kinds { get; } = modules.Modules.SelectMany(m => m.SearchKinds).OrderBy(s => s.Order).ThenBy(s => s.Kind, StringComparer.Ordinal).ToList();

    public SearchKind? KindOf(string kind) => Kinds.FirstOrDefault(s => s.Kind == kind);

    public sealed record KindCount(string Kind, int Count);

    /// <summary>What one reconciliation did to a kind.</summary>
    public sealed record Reconciled(string Kind, int Added, int Changed, int Removed);

    /// <summary>A query's answer: its words (for highlighting), how many matched per kind, and the entries to show.</summary>
    public sealed record Result(IReadOnlyList<SearchTerms.Word> Words, IReadOnlyList<KindCount> Counts, IReadOnlyList<SearchEntry> Entries)
    {
        public int Total => Counts.Sum(c => c.Count);
    }

    private readonly SemaphoreSlim reconciling = new(1, 1);

    public void Dispose() => reconciling.Dispose();

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
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SearchEntry>().Where(e => !kinds.Contains(e.Kind)).ExecuteDeleteAsync(ct);
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
        await foreach (var item in source.ReadAsync(reading.ServiceProvider, ct))
        {
            if (!seen.Add(item.SourceId)) continue;
            var entry = EntryOf(source.Kind, item);
            if (known.TryGetValue(item.SourceId, out var existing))
            {
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
            if (++pending == WriteBatch) { await db.SaveChangesAsync(ct); db.ChangeTracker.Clear(); pending = 0; }
        }
        await db.SaveChangesAsync(ct);
        var gone = known.Where(k => !seen.Contains(k.Key)).Select(k => k.Value.Id).ToList();
        foreach (var chunk in gone.Chunk(500))
            await db.Set<SearchEntry>().Where(e => chunk.Contains(e.Id)).ExecuteDeleteAsync(ct);
        if (added + changed + gone.Count > 0)
            logger.LogInformation("Search {Kind}: {Added} added, {Changed} changed, {Removed} removed", source.Kind, added, changed, gone.Count);
        return new(source.Kind, added, changed, gone.Count);
    }

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
            TitleTerms = SearchTerms.Of(titleKo, titleEn), BodyTerms = SearchTerms.Of(textKo, textEn), Hash = Convert.ToBase64String(digest),
        };
    }

    /// <summary>
    /// A kind's number, the same on every node and every start (FNV-1a of its code, 16 bits, never 0): on SQLite an
    /// entry's rowid in the full-text index is this times 2^40 plus its id, so one kind's entries are one rowid range.
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
        IFullTextQuery index = db.Database.IsSqlite() ? new Fts5Query(db, SearchTerms.Fts5(words)) : new TsQuery(db, SearchTerms.TsQuery(words));
        var kinds = kind is null ? Kinds.Select(s => s.Kind).ToList() : [kind];
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
        else if (counts.GetValueOrDefault(kind) is var count and > 0 && (Math.Max(page, 1) - 1) * PageSize is var skip && skip < count)
        {
            // Title matches first, then the rest: a page may straddle the two.
            var inTitle = await index.CountInTitleAsync(kind, ct);
            var titled = skip < inTitle ? await index.IdsAsync(kind, titleOnly: true, Math.Min(PageSize, inTitle - skip), skip, ct) : [];
            ids.AddRange(titled);
            if (titled.Count < PageSize) ids.AddRange(await index.IdsAsync(kind, titleOnly: false, PageSize - titled.Count, Math.Max(0, skip - inTitle), ct));
        }
        var entries = ids.Count == 0 ? [] : await db.Set<SearchEntry>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var order = Kinds.Select((s, i) => (s.Kind, i)).ToDictionary(x => x.Kind, x => x.i);
        int Rank(string k) => order.GetValueOrDefault(k, int.MaxValue);
        return new(words, counts.Where(c => c.Value > 0).Select(c => new KindCount(c.Key, c.Value)).OrderBy(c => Rank(c.Kind)).ToList(),
            ids.Where(entries.ContainsKey).Select(id => entries[id]).ToList());
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
    /// kind is a rowid range, so counts and newest-first slices walk only that kind's matches, in index order.
    /// Only fixed SQL is put together here; the query is a parameter, made of terms only.
    /// </summary>
    private sealed class Fts5Query(AppDbContext db, string match) : IFullTextQuery
    {
        private const long Span = 1L << 40;

        private static (long From, long To) Range(string kind) => ((long)KeyOf(kind) * Span, ((long)KeyOf(kind) + 1) * Span - 1);

        public async Task<Dictionary<string, int>> CountAsync(IReadOnlyList<string> kinds, CancellationToken ct)
        {
            // One statement, one count per kind: each walks only its kind's rowid range. Ranges are numbers from KeyOf.
            var sql = string.Join(" UNION ALL ", kinds.Select(k => Range(k) is var (from, to)
                ? string.Create(CultureInfo.InvariantCulture, $"SELECT {KeyOf(k)} AS \"KindKey\", (SELECT count(*) FROM search_fts WHERE search_fts MATCH {{0}} AND rowid BETWEEN {from} AND {to}) AS \"Count\"")
                : ""));
            var rows = await db.Database.SqlQueryRaw<KindTally>(sql, match).ToListAsync(ct);
            return kinds.ToDictionary(k => k, k => rows.FirstOrDefault(r => r.KindKey == KeyOf(k))?.Count ?? 0);
        }

        public async Task<List<First>> FirstAsync(IReadOnlyList<string> kinds, int take, bool inTitle, CancellationToken ct)
        {
            if (kinds.Count == 0) return [];
            var sql = string.Join(" UNION ALL ", kinds.Select(k => Range(k) is var (from, to) ? string.Create(CultureInfo.InvariantCulture,
                $"SELECT * FROM (SELECT {KeyOf(k)} AS \"KindKey\", {(inTitle ? 1 : 0)} AS \"InTitle\", rowid - {from} AS \"Id\" FROM search_fts WHERE search_fts MATCH {{0}} AND rowid BETWEEN {from} AND {to} ORDER BY rowid DESC LIMIT {take})") : ""));
            return await db.Database.SqlQueryRaw<First>(sql, inTitle ? InTitle : $"({match}) NOT {InTitle}").ToListAsync(ct);
        }

        public Task<int> CountInTitleAsync(string kind, CancellationToken ct)
        {
            var (from, to) = Range(kind);
            return db.Database.SqlQueryRaw<int>(
                "SELECT CAST(count(*) AS INTEGER) AS \"Value\" FROM search_fts WHERE search_fts MATCH {0} AND rowid BETWEEN {1} AND {2}", InTitle, from, to).SingleAsync(ct);
        }

        public async Task<List<long>> IdsAsync(string kind, bool titleOnly, int take, int skip, CancellationToken ct)
        {
            var (from, to) = Range(kind);
            var rowids = await db.Database.SqlQueryRaw<long>(
                "SELECT rowid AS \"Value\" FROM search_fts WHERE search_fts MATCH {0} AND rowid BETWEEN {1} AND {2} ORDER BY rowid DESC LIMIT {3} OFFSET {4}",
                titleOnly ? InTitle : $"({match}) NOT {InTitle}", from, to, take, skip).ToListAsync(ct);
            return rowids.Select(r => r - from).ToList();
        }

        private string InTitle => $"{{TitleTerms}} : ({match})";
    }

    /// <summary>
    /// PostgreSQL: stored tsvector columns "TitleVector" and "Vector" (title and text), each GIN-indexed, and the
    /// (KindKey, Id) index for newest first within a kind.
    /// </summary>
    private sealed class TsQuery(AppDbContext db, string query) : IFullTextQuery
    {
        public async Task<Dictionary<string, int>> CountAsync(IReadOnlyList<string> kinds, CancellationToken ct)
        {
            var rows = await db.Database.SqlQueryRaw<KindCount>(
                "SELECT e.\"Kind\" AS \"Kind\", CAST(count(*) AS INTEGER) AS \"Count\" FROM search_entries e WHERE e.\"Vector\" @@ to_tsquery('simple'::regconfig, {0}) GROUP BY e.\"Kind\"",
                query).ToListAsync(ct);
            return kinds.ToDictionary(k => k, k => rows.FirstOrDefault(r => r.Kind == k)?.Count ?? 0);
        }

        public async Task<List<First>> FirstAsync(IReadOnlyList<string> kinds, int take, bool inTitle, CancellationToken ct)
        {
            if (kinds.Count == 0) return [];
            var where = inTitle ? $"e.\"TitleVector\" @@ {Parsed}" : $"e.\"Vector\" @@ {Parsed} AND NOT (e.\"TitleVector\" @@ {Parsed})";
            var sql = string.Join(" UNION ALL ", kinds.Select(k => string.Create(CultureInfo.InvariantCulture,
                $"(SELECT e.\"KindKey\" AS \"KindKey\", {(inTitle ? 1 : 0)} AS \"InTitle\", e.\"Id\" AS \"Id\" FROM search_entries e WHERE e.\"KindKey\" = {KeyOf(k)} AND {where} ORDER BY e.\"Id\" DESC LIMIT {take})")));
            return await db.Database.SqlQueryRaw<First>(sql, query).ToListAsync(ct);
        }

        private const string Parsed = "to_tsquery('simple'::regconfig, {0})";

        public Task<int> CountInTitleAsync(string kind, CancellationToken ct) => db.Database.SqlQueryRaw<int>(
            "SELECT CAST(count(*) AS INTEGER) AS \"Value\" FROM search_entries e WHERE e.\"KindKey\" = {1} AND e.\"TitleVector\" @@ to_tsquery('simple'::regconfig, {0})",
            query, KeyOf(kind)).SingleAsync(ct);

        public Task<List<long>> IdsAsync(string kind, bool titleOnly, int take, int skip, CancellationToken ct) => db.Database.SqlQueryRaw<long>(
            titleOnly
                ? "SELECT e.\"Id\" AS \"Value\" FROM search_entries e WHERE e.\"KindKey\" = {1} AND e.\"TitleVector\" @@ to_tsquery('simple'::regconfig, {0}) ORDER BY e.\"Id\" DESC LIMIT {2} OFFSET {3}"
                : "SELECT e.\"Id\" AS \"Value\" FROM search_entries e WHERE e.\"KindKey\" = {1} AND e.\"Vector\" @@ to_tsquery('simple'::regconfig, {0}) AND NOT (e.\"TitleVector\" @@ to_tsquery('simple'::regconfig, {0})) ORDER BY e.\"Id\" DESC LIMIT {2} OFFSET {3}",
            query, KeyOf(kind), take, skip).ToListAsync(ct);
    }
}
