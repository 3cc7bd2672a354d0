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
    public static async Task<IReadOnlyList<SelectListItem>> ItemsAsync(AppDbContext db, string noneText)
    {
        var byName = (await NamesAsync(db)).Select(d => new SelectListItem(d.Value, d.Key))
            .OrderBy(i => i.Text, StringComparer.Create(CultureInfo.CurrentUICulture, false));
        return [new(noneText, ""), .. byName];
    }
}
