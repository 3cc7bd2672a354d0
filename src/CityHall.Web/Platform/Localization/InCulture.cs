using System.Globalization;

namespace CityHall.Web.Platform.Localization;

/// <summary>
/// Work done as a reader of another language would see it: texts read in that language, dates and numbers written
/// as its readers write them; the caller's culture as it was afterwards. For what is written for someone other than
/// the person asking (a notification in a citizen's language, a manifest for ?lang=, the index in both languages).
/// </summary>
public static class InCulture
{
    public static T Run<T>(CultureInfo culture, Func<T> work)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
            return work();
        }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats); }
    }

    public static async Task<T> RunAsync<T>(CultureInfo culture, Func<Task<T>> work)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
            return await work();
        }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats); }
    }
}
