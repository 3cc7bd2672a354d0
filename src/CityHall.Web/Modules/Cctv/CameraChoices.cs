using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Cctv;

/// <summary>The choices the camera pages offer: purposes by name, the city's departments (all, or those the official acts for).</summary>
public static class CameraChoices
{
    public static IReadOnlyList<SelectListItem> Purposes(IStringLocalizer t, string? noneText) =>
        [.. noneText is null ? [] : new[] { new SelectListItem(noneText, "") }, .. Enum.GetValues<CameraPurpose>().Select(p => new SelectListItem(t[p.NameKey()], p.Code()))];

    public static async Task<IReadOnlyList<SelectListItem>> DepartmentsAsync(AppDbContext db, string? noneText, Func<string, bool> include, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var departments = await db.Set<Department>().AsNoTracking().ToListAsync(ct);
        return [.. noneText is null ? [] : new[] { new SelectListItem(noneText, "") },
            .. departments.Where(d => include(d.Code)).OrderBy(d => d.Name(culture), StringComparer.Create(culture, false)).Select(d => new SelectListItem(d.Name(culture), d.Code))];
    }
}
