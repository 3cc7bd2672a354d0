using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Platform.City;

/// <summary>An administrative district (gu). Modules keep its code, never a navigation.</summary>
public sealed class District
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }

    public string Name(System.Globalization.CultureInfo culture) => LocalizedText.Pick(culture, NameKo, NameEn);
}

public sealed class Department
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }

    public string Name(System.Globalization.CultureInfo culture) => LocalizedText.Pick(culture, NameKo, NameEn);
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> e)
    {
        e.ToTable("city_districts");
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.NameKo).HasMaxLength(100);
        e.Property(x => x.NameEn).HasMaxLength(100);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.ToTable("city_departments");
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.NameKo).HasMaxLength(200);
        e.Property(x => x.NameEn).HasMaxLength(200);
    }
}
