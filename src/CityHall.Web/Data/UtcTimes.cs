using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CityHall.Web.Data;

/// <summary>
/// UTC times that queries filter and sort by. DateTimeOffset cannot be compared in SQL on SQLite,
/// so such columns are UTC <see cref="DateTime"/>s marked with <see cref="IsUtcTime"/>: on
/// PostgreSQL a timestamptz, on SQLite integer ticks (compared, sorted and read without parsing
/// text). Either way they come back labelled UTC.
/// </summary>
public static class UtcTimes
{
    private const string Annotation = "CityHall:UtcTime";

    public static PropertyBuilder<DateTime> IsUtcTime(this PropertyBuilder<DateTime> property) => property.HasAnnotation(Annotation, true);

    public static PropertyBuilder<DateTime?> IsUtcTime(this PropertyBuilder<DateTime?> property) => property.HasAnnotation(Annotation, true);

    /// <summary>Gives every marked property its provider's converter; called once the modules have configured the model.</summary>
    internal static void Apply(ModelBuilder builder, bool sqlite)
    {
        var properties = builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.FindAnnotation(Annotation) is not null);
        foreach (var property in properties)
            property.SetValueConverter(sqlite ? new TicksConverter() : new LabelConverter());
    }

    private sealed class TicksConverter() : ValueConverter<DateTime, long>(v => v.Ticks, v => new DateTime(v, DateTimeKind.Utc));

    private sealed class LabelConverter() : ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
