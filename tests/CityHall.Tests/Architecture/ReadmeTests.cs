using System.Text.RegularExpressions;

namespace CityHall.Tests.Architecture;

/// <summary>The README's module table is the front page of the code: it lists every module, each with its own README.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void The_readme_lists_every_module_folder_with_a_link_to_its_readme()
    {
        var root = Path.GetFullPath(Path.Combine(CityHall.Tests.Infrastructure.Repository.WebRoot, "..", ".."));
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var listed = ModuleRow().Matches(readme).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["path"].Value);
        var folders = Directory.GetDirectories(Path.Combine(CityHall.Tests.Infrastructure.Repository.WebRoot, "Modules")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(folders, listed.Keys.Order());
        foreach (var (name, path) in listed)
        {
            Assert.Equal($"src/CityHall.Web/Modules/{name}/README.md", path);
            Assert.True(File.Exists(Path.Combine(root, path)), $"{path} does not exist");
        }
    }

    [GeneratedRegex(@"^\| \[(?<name>\w+)\]\((?<path>[^)]+)\) \| \S", RegexOptions.Multiline)]
    private static partial Regex ModuleRow();
}
