using System.Globalization;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// The id segment of an admin editing page that serves both a new thing and an existing one (/admin/…/new, /admin/…/42):
/// 0 for "new", the id for a positive number written plainly, −1 for anything else (a 404, never a 500).
/// </summary>
public static class EditRoutes
{
    public const string New = "new";

    public static long IdOf(string? segment) =>
        segment == New ? 0 : long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1;
}
