using CityHall.Web.Platform.City;

namespace CityHall.Web.Platform.Figures;

/// <summary>The city's own units as groups of a figure (platform tables every module may read).</summary>
public static class FigureGroups
{
    public static async Task<IReadOnlyList<FigureGroup>> DistrictsAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.Set<District>().AsNoTracking().OrderBy(d => d.NameKo).ToListAsync(ct)).Select(d => new FigureGroup(d.Code, d.NameKo, d.NameEn))];

    public static async Task<IReadOnlyList<FigureGroup>> DepartmentsAsync(AppDbContext db, CancellationToken ct) =>
        [.. (await db.Set<Department>().AsNoTracking().OrderBy(d => d.NameKo).ToListAsync(ct)).Select(d => new FigureGroup(d.Code, d.NameKo, d.NameEn))];
}

/// <summary>Groups named by the module's texts (a question's channel, a camera's purpose) in both languages.</summary>
public static class FigureGroupTexts
{
    public static FigureGroup From(IStringLocalizer t, string code, string key) => new(code, In(t, key, "ko"), In(t, key, "en"));

    private static string In(IStringLocalizer t, string key, string culture)
    {
        // The localizer reads the current UI culture; it is set for this one read and put back.
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
            return t[key].Value;
        }
        finally { System.Globalization.CultureInfo.CurrentUICulture = before; }
    }
}
