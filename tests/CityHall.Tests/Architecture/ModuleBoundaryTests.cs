using System.Text.RegularExpressions;

namespace CityHall.Tests.Architecture;

/// <summary>
/// The rules of ../shared/DESIGN.md, checked on the source (C# and Razor alike):
/// Platform never uses a module; a module uses other modules only through their Contracts.
/// </summary>
public sealed partial class ModuleBoundaryTests
{
    private static readonly string WebRoot = FindWebRoot();

    private static string FindWebRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CityHall.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Repository root not found"), "src", "CityHall.Web");
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(WebRoot, folder), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void Platform_never_references_a_module()
    {
        var offenders = SourceFiles("Platform")
            .Where(f => ModuleReference().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(WebRoot, f)).ToList();
        Assert.True(offenders.Count == 0, "Platform uses Modules in: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Modules_use_each_other_only_through_Contracts()
    {
        var offenders = new List<string>();
        foreach (var moduleDir in Directory.GetDirectories(Path.Combine(WebRoot, "Modules")))
        {
            var module = Path.GetFileName(moduleDir);
            foreach (var file in SourceFiles(Path.Combine("Modules", module)))
            {
                foreach (Match m in ModuleReference().Matches(File.ReadAllText(file)))
                {
                    var other = m.Groups["module"].Value;
                    var sub = m.Groups["sub"].Value;
                    if (other != module && sub != "Contracts")
                        offenders.Add($"{Path.GetRelativePath(WebRoot, file)} uses {m.Value}");
                }
            }
        }
        Assert.True(offenders.Count == 0, string.Join(Environment.NewLine, offenders));
    }

    [Fact]
    public void Every_module_has_a_README_and_a_module_file()
    {
        foreach (var moduleDir in Directory.GetDirectories(Path.Combine(WebRoot, "Modules")))
        {
            var module = Path.GetFileName(moduleDir);
            Assert.True(File.Exists(Path.Combine(moduleDir, "README.md")), $"{module} has no README.md");
            Assert.True(File.Exists(Path.Combine(moduleDir, $"{module}Module.cs")), $"{module} has no {module}Module.cs");
        }
    }

    [Fact]
    public void The_boundary_check_catches_a_reference_to_another_modules_internals()
    {
        // Guards the guard: the pattern must see both a using directive and a qualified name.
        Assert.Matches(ModuleReference(), "using CityHall.Web.Modules.Petitions.Public;");
        var m = ModuleReference().Match("var x = new CityHall.Web.Modules.Accounts.Contracts.Verified();");
        Assert.Equal(("Accounts", "Contracts"), (m.Groups["module"].Value, m.Groups["sub"].Value));
    }

    [GeneratedRegex(@"CityHall\.Web\.Modules\.(?<module>[A-Za-z0-9_]+)(\.(?<sub>[A-Za-z0-9_]+))?")]
    private static partial Regex ModuleReference();
}
