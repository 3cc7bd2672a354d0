using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Transparency.Budget;

/// <summary>
/// One year of the city's budget as the dashboard reports it: the city's whole budget (the base of the share) and
/// where the figures come from. Amounts are in millions of won, as Korean budget books write them (Seoul's 2012
/// informatization budget: ₩129,501 million).
/// </summary>
public sealed class BudgetYear
{
    public const long MaxAmount = 1_000_000_000; // a million billion won: far beyond any city, short of overflowing sums
    public const int SourceMax = 300;

    public int Year { get; set; }
    public long CityTotal { get; set; }
    /// <summary>The budget book or decision the figures are taken from, as staff cite it.</summary>
    public string? Source { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>An informatization programme's budget in a year: its code (stable across years, so a programme's years can be compared), names and amount.</summary>
public sealed class BudgetLine
{
    public const int CodeMax = 40, NameMax = 200;

    public long Id { get; set; }
    public int Year { get; set; }
    public required string Code { get; set; }
    public required string NameKo { get; set; }
    public string NameEn { get; set; } = "";
    public long Amount { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class BudgetYearConfiguration : IEntityTypeConfiguration<BudgetYear>
{
    public void Configure(EntityTypeBuilder<BudgetYear> e)
    {
        e.ToTable("transparency_budget_years");
        e.HasKey(x => x.Year);
        e.Property(x => x.Year).ValueGeneratedNever();
        e.Property(x => x.Source).HasMaxLength(BudgetYear.SourceMax);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
        e.Property(x => x.UpdatedAt).IsUtcTime();
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> e)
    {
        e.ToTable("transparency_budget_lines");
        e.Property(x => x.Code).HasMaxLength(BudgetLine.CodeMax);
        e.Property(x => x.NameKo).HasMaxLength(BudgetLine.NameMax);
        e.Property(x => x.NameEn).HasMaxLength(BudgetLine.NameMax);
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.HasIndex(x => new { x.Year, x.Code }).IsUnique();
        e.HasOne<BudgetYear>().WithMany().HasForeignKey(x => x.Year).OnDelete(DeleteBehavior.Cascade);
    }
}
