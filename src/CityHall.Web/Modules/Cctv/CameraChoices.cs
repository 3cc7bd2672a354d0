using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Cctv;

/// <summary>The purposes as the camera pages offer them, by name.</summary>
public static class CameraChoices
{
    public static IReadOnlyList<SelectListItem> Purposes(IStringLocalizer t, string? noneText) =>
        [.. noneText is null ? [] : new[] { new SelectListItem(noneText, "") }, .. Enum.GetValues<CameraPurpose>().Select(p => new SelectListItem(t[p.NameKey()], p.Code()))];
}
