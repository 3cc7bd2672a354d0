using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Platform.City;

/// <summary>The city's departments as people pick them on forms: in the reader's language, sorted by name.</summary>
public static class DepartmentChoices
{
    /// <summary>A select's options: "none" (the given text, when given) first, then the departments <paramref name="include"/> keeps (all when null) by name.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> ItemsAsync(AppDbContext db, string? noneText = null, Func<string, bool>? include = null, CancellationToken ct = default)
    {
        var culture = CultureInfo.CurrentUICulture;
        var departments = await db.Set<Department>().AsNoTracking().ToListAsync(ct);
        return [.. noneText is null ? [] : new[] { new SelectListItem(noneText, "") },
            .. departments.Where(d => include?.Invoke(d.Code) ?? true).Select(d => new SelectListItem(d.Name(culture), d.Code))
                .OrderBy(i => i.Text, StringComparer.Create(culture, false))];
    }
}
