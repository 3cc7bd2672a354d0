using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>How Open311 clients get an id back: at once, later by token, or never (GeoReport v2 "type").</summary>
public enum ServiceType { Realtime = 0, Batch = 1, Blackbox = 2 }

/// <summary>The input an Open311 attribute asks for (GeoReport v2 "datatype"); the names are the spec's own tokens.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Open311's datatype names")]
public enum AttributeDatatype { String = 0, Number = 1, Datetime = 2, Text = 3, SingleValueList = 4, MultiValueList = 5 }

/// <summary>
/// One kind of complaint or request a citizen can report ("road damage"), with its names in both
/// languages, the Open311 group and keywords, the statutory deadline rule and its questions.
/// </summary>
public sealed class ServiceDefinition
{
    /// <summary>Stable public code (Open311 service_code).</summary>
    public required string Code { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }
    public string DescriptionKo { get; set; } = "";
    public string DescriptionEn { get; set; } = "";
    /// <summary>Open311 group, e.g. "roads", "environment".</summary>
    public string Group { get; set; } = "";
    /// <summary>Comma-separated synonyms in both languages, for search and Open311 keywords.</summary>
    public string Keywords { get; set; } = "";
    public ServiceType Type { get; set; }
    public DeadlineRule Deadline { get; set; } = new();
    public bool Active { get; set; } = true;
    public int Order { get; set; }
    /// <summary>Last change to the service or its questions (UTC): Open311 discovery's changeset.</summary>
    public DateTime UpdatedAt { get; set; }
    public List<ServiceAttribute> Attributes { get; set; } = [];
}

/// <summary>A question a service asks (Open311 attribute): variable ones take input, others only inform.</summary>
public sealed class ServiceAttribute
{
    public long Id { get; set; }
    public required string ServiceCode { get; set; }
    public required string Code { get; set; }
    public bool Variable { get; set; } = true;
    public AttributeDatatype Datatype { get; set; }
    public bool Required { get; set; }
    public string DatatypeDescriptionKo { get; set; } = "";
    public string DatatypeDescriptionEn { get; set; } = "";
    /// <summary>Position on the form, unique within the service, 1 first.</summary>
    public int Order { get; set; }
    public required string DescriptionKo { get; set; }
    public required string DescriptionEn { get; set; }
    /// <summary>The options of a list attribute, in order.</summary>
    public List<AttributeValue> Values { get; set; } = [];
}

/// <summary>One option of a list attribute: the key sent, and its name in both languages.</summary>
public sealed class AttributeValue
{
    public required string Key { get; set; }
    public required string NameKo { get; set; }
    public required string NameEn { get; set; }
}

/// <summary>Which department handles a service: in one district, or everywhere (DistrictCode null) unless a district says otherwise.</summary>
public sealed class ServiceRoute
{
    public long Id { get; set; }
    public required string ServiceCode { get; set; }
    public string? DistrictCode { get; set; }
    public required string DepartmentCode { get; set; }
}

internal sealed class ServiceDefinitionConfiguration : IEntityTypeConfiguration<ServiceDefinition>
{
    public void Configure(EntityTypeBuilder<ServiceDefinition> e)
    {
        e.ToTable("service_definitions");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.NameKo).HasMaxLength(100);
        e.Property(x => x.NameEn).HasMaxLength(100);
        e.Property(x => x.DescriptionKo).HasMaxLength(1000);
        e.Property(x => x.DescriptionEn).HasMaxLength(1000);
        e.Property(x => x.Group).HasMaxLength(50);
        e.Property(x => x.Keywords).HasMaxLength(500);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.OwnsOne(x => x.Deadline, d =>
        {
            d.Property(r => r.Unit).HasColumnName("DeadlineUnit").HasConversion<string>().HasMaxLength(16);
            d.Property(r => r.Amount).HasColumnName("DeadlineAmount");
            d.Property(r => r.Extendable).HasColumnName("DeadlineExtendable");
        });
        e.HasMany(x => x.Attributes).WithOne().HasForeignKey(a => a.ServiceCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceAttributeConfiguration : IEntityTypeConfiguration<ServiceAttribute>
{
    public void Configure(EntityTypeBuilder<ServiceAttribute> e)
    {
        e.ToTable("service_attributes");
        e.HasIndex(x => new { x.ServiceCode, x.Code }).IsUnique();
        e.HasIndex(x => new { x.ServiceCode, x.Order }).IsUnique();
        e.Property(x => x.ServiceCode).HasMaxLength(32);
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Datatype).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.DatatypeDescriptionKo).HasMaxLength(300);
        e.Property(x => x.DatatypeDescriptionEn).HasMaxLength(300);
        e.Property(x => x.DescriptionKo).HasMaxLength(500);
        e.Property(x => x.DescriptionEn).HasMaxLength(500);
        // A handful of options per attribute, always read with it: one JSON column, same on both databases.
        e.OwnsMany(x => x.Values, v => v.ToJson());
    }
}

internal sealed class ServiceRouteConfiguration : IEntityTypeConfiguration<ServiceRoute>
{
    public void Configure(EntityTypeBuilder<ServiceRoute> e)
    {
        e.ToTable("service_routes");
        e.Property(x => x.ServiceCode).HasMaxLength(32);
        e.Property(x => x.DistrictCode).HasMaxLength(32);
        e.Property(x => x.DepartmentCode).HasMaxLength(32);
        e.HasIndex(x => new { x.ServiceCode, x.DistrictCode }).IsUnique();
        e.HasOne<ServiceDefinition>().WithMany().HasForeignKey(x => x.ServiceCode).OnDelete(DeleteBehavior.Cascade);
    }
}
