using System.Security.Cryptography;
using System.Text;

namespace CityHall.Web.Platform.Search;

/// <summary>
/// The city's search: keeps <see cref="SearchEntry"/> in step with the modules' <see cref="ISearchSource"/>s
/// (<see cref="ReconcileAsync"/>) and answers queries with the database's own full-text index (FTS5 on SQLite,
/// to_tsvector/GIN on PostgreSQL) over <see cref="SearchTerms"/>.
/// </summary>
public sealed class SearchIndex(IEnumerable<ISearchSource> sources, IServiceScopeFactory scopes, ILogger<SearchIndex> logger) : IDisposable
{
    public const int PageSize = 20;
    private const int WriteBatch = 1000;

    public IReadOnlyList<ISearchSource> Sources { get; } = sources.OrderBy(s => s.Order).ThenBy(s => s.Kind, StringComparer.Ordinal).ToList();

    public ISearchSource? SourceOf(string kind) => Sources.FirstOrDefault(s => s.Kind == kind);

    public sealed record KindCount(string Kind, int Count);

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
    public async Task ReconcileAsync(CancellationToken ct = default)
    {
        await reconciling.WaitAsync(ct);
        try
        {
            foreach (var source in Sources) await ReconcileAsync(source, ct);
            using var scope = scopes.CreateScope();
            var kinds = Sources.Select(s => s.Kind).ToList();
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SearchEntry>().Where(e => !kinds.Contains(e.Kind)).ExecuteDeleteAsync(ct);
        }
        finally { reconciling.Release(); }
    }

    private async Task ReconcileAsync(ISearchSource source, CancellationToken ct)
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
    }

    private static SearchEntry EntryOf(string kind, SearchItem item)
    {
        static string? Cut(string? text, int max) => string.IsNullOrWhiteSpace(text) ? null : (text = text.Trim()).Length <= max ? text : text[..max];
        var (titleKo, titleEn) = (Cut(item.TitleKo, SearchItem.MaxTitle) ?? item.SourceId, Cut(item.TitleEn, SearchItem.MaxTitle));
        var (textKo, textEn) = (Cut(item.TextKo, SearchItem.MaxText), Cut(item.TextEn, SearchItem.MaxText));
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', titleKo, titleEn, textKo, textEn, item.Url, item.UpdatedAt.Ticks)));
        return new SearchEntry
        {
            Kind = kind, SourceId = item.SourceId, TitleKo = titleKo, TitleEn = titleEn, TextKo = textKo, TextEn = textEn, Url = item.Url,
            UpdatedAt = DateTime.SpecifyKind(item.UpdatedAt, DateTimeKind.Utc),
            Terms = SearchTerms.Of(titleKo, titleEn, textKo, textEn), Hash = Convert.ToBase64String(digest),
        };
    }

    /// <summary>
    /// The entries matching every word of <paramref name="query"/>, best first: a page of <see cref="PageSize"/> of one
    /// kind, or the first <paramref name="perKind"/> of each kind; with how many matched per kind.
    /// </summary>
    public async Task<Result> SearchAsync(AppDbContext db, string query, string? kind, int page, int perKind, CancellationToken ct)
    {
        var words = SearchTerms.Query(query);
        if (words.Count == 0) return new(words, [], []);
        var sqlite = db.Database.IsSqlite();
        var match = sqlite ? SearchTerms.Fts5(words) : SearchTerms.TsQuery(words);
        // The same matching rows for counts and for entries: on SQLite the FTS5 table joined to the entries, on
        // PostgreSQL the GIN-indexed expression. Ranks: bm25 (lower is better), ts_rank (higher is better).
        var (from, score) = sqlite
            ? ("search_fts JOIN search_entries e ON e.\"Id\" = search_fts.rowid WHERE search_fts MATCH {0}", "bm25(search_fts)")
            : ("search_entries e WHERE to_tsvector('simple'::regconfig, e.\"Terms\") @@ to_tsquery('simple'::regconfig, {0})",
               "-ts_rank(to_tsvector('simple'::regconfig, e.\"Terms\"), to_tsquery('simple'::regconfig, {0}))");
        const string columns = "\"Id\", \"Kind\", \"SourceId\", \"TitleKo\", \"TitleEn\", \"TextKo\", \"TextEn\", \"Url\", \"UpdatedAt\", \"Terms\", \"Hash\"";
        // Only fixed SQL is put together here; what the visitor typed is a parameter ({0}), and only as terms.
        var countSql = $"SELECT e.\"Kind\" AS \"Kind\", CAST(COUNT(*) AS INTEGER) AS \"Count\" FROM {from} GROUP BY e.\"Kind\"";
        var counts = await db.Database.SqlQueryRaw<KindCount>(countSql, match).ToListAsync(ct);
        List<SearchEntry> entries;
        if (kind is not null)
        {
            var pageSql = $"SELECT {Prefixed(columns, "e")} FROM {from} AND e.\"Kind\" = {{1}} ORDER BY {score}, e.\"Id\" LIMIT {{2}} OFFSET {{3}}";
            entries = await db.Set<SearchEntry>().FromSqlRaw(pageSql, match, kind, PageSize, (Math.Max(page, 1) - 1) * PageSize).AsNoTracking().ToListAsync(ct);
        }
        else
        {
            // The score is worked out in the inner query: SQLite allows bm25() only next to its MATCH.
            var firstSql = $"SELECT {columns} FROM (SELECT {columns}, ROW_NUMBER() OVER (PARTITION BY \"Kind\" ORDER BY \"Score\", \"Id\") AS \"Row\" " +
                $"FROM (SELECT {Prefixed(columns, "e")}, {score} AS \"Score\" FROM {from}) scored) ranked WHERE \"Row\" <= {{1}} ORDER BY \"Kind\", \"Row\"";
            entries = await db.Set<SearchEntry>().FromSqlRaw(firstSql, match, perKind).AsNoTracking().ToListAsync(ct);
        }
        var order = Sources.Select((s, i) => (s.Kind, i)).ToDictionary(x => x.Kind, x => x.i);
        int Rank(string k) => order.GetValueOrDefault(k, int.MaxValue);
        return new(words, counts.OrderBy(c => Rank(c.Kind)).ToList(), kind is null ? entries.OrderBy(e => Rank(e.Kind)).ToList() : entries);
    }

    private static string Prefixed(string columns, string alias) =>
        string.Join(", ", columns.Split(", ").Select(c => $"{alias}.{c}"));
}
