namespace CityHall.Web.Platform.Hosting;

/// <summary>
/// Where the app finds appsettings.json. The host's default is the working folder, so the published app
/// started from anywhere else ran without the city's settings (no districts, departments or categories)
/// and said nothing. Unless a content root is given, a working folder without appsettings.json means
/// the application's own folder.
/// </summary>
public static class StartupFolder
{
    public static string? ContentRoot(string[] args)
    {
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        if (given || File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))) return null;
        return File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")) ? AppContext.BaseDirectory : null;
    }
}
