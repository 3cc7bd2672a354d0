using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Platform.City;

/// <summary>The city's districts as people pick them on forms: in the reader's language, sorted by name.</summary>
public static class DistrictChoices
{
    /// <summary>Every district's name in the reader's language, by code.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(AppDbContext db) =>
        (await db.Set<District>().AsNoTracking().ToListAsync()).ToDictionary(d => d.Code, d => d.Name(CultureInfo.CurrentUICulture));

    /// <summary>A select's options: "none" (the given text) first, then the districts by name.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> ItemsAsync(AppDbContext db, string noneText) =>
        Items((await NamesAsync(db)).Select(d => (d.Key, d.Value)), noneText);

    /// <summary>The same from districts already at hand (code, name in the reader's language), without a database read.</summary>
    public static IReadOnlyList<SelectListItem> Items(IEnumerable<(string Code, string Name)> districts, string noneText) =>
        [new(noneText, ""), .. districts.Select(d => new SelectListItem(d.Name, d.Code)).OrderBy(i => i.Text, StringComparer.Create(CultureInfo.CurrentUICulture, false))];
}
