using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Platform.City;

/// <summary>A district or a department: a stable code that modules store, and a name in both languages.</summary>
public interface ICityUnit
{
    string Code { get; }
    string NameKo { get; set; }
    string NameEn { get; set; }
}

public static class CityUnitNames
{
    public static string Name(this ICityUnit unit, System.Globalization.CultureInfo culture) =>
        LocalizedText.Pick(culture, unit.NameKo, unit.NameEn);
}

/// <summary>An administrative district (gu). Modules keep its code, never a navigation.</summary>
public sealed class District : ICityUnit
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }
}

/// <summary>A department of city hall; officials belong to departments and answer for their cases.</summary>
public sealed class Department : ICityUnit
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }
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
