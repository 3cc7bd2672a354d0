using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Portal;

/// <summary>A simple page staff write in Markdown, in both languages (sector pages, accessibility, privacy).</summary>
public sealed class ContentPage
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public string TitleKo { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string BodyKo { get; set; } = "";
    public string BodyEn { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public string Title(CultureInfo culture) => LocalizedText.Pick(culture, TitleKo, TitleEn);
    public string Body(CultureInfo culture) => LocalizedText.Pick(culture, BodyKo, BodyEn);
}

internal sealed class ContentPageConfiguration : IEntityTypeConfiguration<ContentPage>
{
    public void Configure(EntityTypeBuilder<ContentPage> e)
    {
        e.ToTable("portal_pages");
        e.HasIndex(x => x.Slug).IsUnique();
        e.Property(x => x.Slug).HasMaxLength(100);
        e.Property(x => x.TitleKo).HasMaxLength(200);
        e.Property(x => x.TitleEn).HasMaxLength(200);
        e.Property(x => x.UpdatedBy).HasMaxLength(200);
    }
}
