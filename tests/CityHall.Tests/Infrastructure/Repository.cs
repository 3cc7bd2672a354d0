namespace CityHall.Tests.Infrastructure;

/// <summary>Where the repository's sources are, for tests that read them.</summary>
public static class Repository
{
    /// <summary>src/CityHall.Web, found by walking up from the test output to the folder holding CityHall.slnx.</summary>
    public static readonly string WebRoot = FindWebRoot();

    private static string FindWebRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CityHall.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found"), "src", "CityHall.Web");
    }
}
