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
    private static readonly System.Globalization.CultureInfo Korean = System.Globalization.CultureInfo.GetCultureInfo("ko-KR"), English = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    public static FigureGroup From(IStringLocalizer t, string code, string key) =>
        new(code, InCulture.Run(Korean, () => t[key].Value), InCulture.Run(English, () => t[key].Value));
}
