using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Platform.Search;

/// <summary>
/// How many times the search index has been written to, kept in one row that every node reads: a query's answer
/// depends only on the index, so a node may keep answers under the generation they were read at and use them until
/// the generation moves on (<see cref="SearchIndex"/>), whichever node's reconciliation moved it.
/// </summary>
public sealed class SearchGeneration
{
    /// <summary>The one row's key.</summary>
    public const int Row = 1;

    public int Id { get; set; }
    public long Value { get; set; }
}

internal sealed class SearchGenerationConfiguration : IEntityTypeConfiguration<SearchGeneration>
{
    public void Configure(EntityTypeBuilder<SearchGeneration> e)
    {
        e.ToTable("search_generation");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasData(new SearchGeneration { Id = SearchGeneration.Row, Value = 0 });
    }
}
