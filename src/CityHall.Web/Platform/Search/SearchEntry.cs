using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Platform.Search;

/// <summary>
/// One public thing the city's search finds (a proposal, a report, a place, …), as its module's search source gave
/// it: what the results show in both languages, where it is, and its terms (<see cref="SearchTerms"/>), which the
/// database indexes (on SQLite a contentless FTS5 table kept by triggers, its rowid the kind's key and the entry's
/// id; on PostgreSQL the posting blocks search_blocks, written with the entries: PostingBlocks). Only public things are ever written here, so a
/// search cannot show what is private.
/// </summary>
public sealed class SearchEntry
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    /// <summary>The kind as a number (<see cref="SearchIndex.KeyOf"/>): on SQLite the high bits of the entry's rowid in the full-text index, so a kind is a rowid range.</summary>
    public int KindKey { get; set; }
    public required string SourceId { get; set; }
    public required string TitleKo { get; set; }
    public string? TitleEn { get; set; }
    public string? TextKo { get; set; }
    public string? TextEn { get; set; }
    public required string Url { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>The title's terms in both languages: a match here ranks first.</summary>
    public required string TitleTerms { get; set; }
    /// <summary>The text's terms in both languages (the title's are in <see cref="TitleTerms"/>; a query matches across both).</summary>
    public required string BodyTerms { get; set; }
    /// <summary>A digest of all the above: the reconciler rewrites an entry only when its source changed it.</summary>
    public required string Hash { get; set; }
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public const string Table = "search_entries";

    public void Configure(EntityTypeBuilder<SearchEntry> e)
    {
        e.ToTable(Table);
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.SourceId).HasMaxLength(64);
        e.Property(x => x.TitleKo).HasMaxLength(SearchItem.MaxTitle);
        e.Property(x => x.TitleEn).HasMaxLength(SearchItem.MaxTitle);
        e.Property(x => x.TextKo).HasMaxLength(SearchItem.MaxText);
        e.Property(x => x.TextEn).HasMaxLength(SearchItem.MaxText);
        e.Property(x => x.Url).HasMaxLength(300);
        e.Property(x => x.Hash).HasMaxLength(44);
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.HasIndex(x => new { x.Kind, x.SourceId }).IsUnique();
        e.HasIndex(x => new { x.KindKey, x.Id });
    }
}
