using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CityHall.Tests.Architecture;

/// <summary>
/// Every text key a view or a class asks for by name (T["…"], t["…"]) exists in both languages: a
/// missing key shows its own name to citizens, and nothing else would catch it before they do.
/// Keys built at run time (t[$"…{x}"]) cannot be read here; their pages' tests see them.
/// </summary>
public sealed partial class TextKeyTests
{
    private static readonly string WebRoot = CityHall.Tests.Infrastructure.Repository.WebRoot;


    private static HashSet<string> KeysOf(string file) =>
        XDocument.Load(Path.Combine(WebRoot, "Platform", "Localization", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    /// <summary>(file, key) for every literal key asked for in the web project's source.</summary>
    private static IEnumerable<(string File, string Key)> KeysUsed() =>
        from file in Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
        where (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
            && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        from Match m in KeyUse().Matches(File.ReadAllText(file))
        select (Path.GetRelativePath(WebRoot, file), m.Groups["key"].Value);

    [Fact]
    public void Every_key_asked_for_by_name_exists_in_Korean_and_in_English()
    {
        var (korean, english) = (KeysOf("Text.resx"), KeysOf("Text.en.resx"));
        var used = KeysUsed().ToList();
        Assert.True(used.Count > 1000, $"only {used.Count} keys found: the pattern no longer matches how the code asks for text");
        var missing = used.Where(u => !korean.Contains(u.Key) || !english.Contains(u.Key))
            .Select(u => $"{u.File}: {u.Key} ({(korean.Contains(u.Key) ? "" : "no Korean")}{(korean.Contains(u.Key) || english.Contains(u.Key) ? "" : ", ")}{(english.Contains(u.Key) ? "" : "no English")})")
            .Distinct().ToList();
        Assert.True(missing.Count == 0, "Text keys used but not defined:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    /// <summary>The key prefixes that belong to one module's pages (shared words live under Form., Common., Field. and the like).</summary>
    private static readonly Dictionary<string, string[]> ModuleTexts = new()
    {
        ["Places"] = ["Places."], ["Petitions"] = ["Petitions."], ["LiveEvents"] = ["LiveEvents."], ["Broadcasts"] = ["Broadcasts."],
        ["Inclusion"] = ["Inclusion."], ["ServiceRequests"] = ["Reports.", "ServiceRequests."], ["OpenData"] = ["OpenData."],
    };

    [Fact]
    public void A_module_uses_no_other_modules_texts()
    {
        // A borrowed key changes when its owner rewords its own page (Broadcasts once borrowed Places.Admin.Save).
        var borrowed = KeysUsed()
            .Select(u => (u.File, u.Key, Module: u.File.StartsWith("Modules" + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? u.File.Split(Path.DirectorySeparatorChar)[1] : null))
            .Where(u => u.Module is not null)
            .Where(u => ModuleTexts.Any(m => m.Key != u.Module && m.Value.Any(prefix => u.Key.StartsWith(prefix, StringComparison.Ordinal))
                && !(ModuleTexts.TryGetValue(u.Module!, out var own) && own.Any(prefix => u.Key.StartsWith(prefix, StringComparison.Ordinal)))))
            .Select(u => $"{u.File}: {u.Key}").Distinct().ToList();
        Assert.True(borrowed.Count == 0, "Texts borrowed from another module:" + Environment.NewLine + string.Join(Environment.NewLine, borrowed));
    }

    [Fact]
    public void Both_languages_define_the_same_keys()
    {
        var (korean, english) = (KeysOf("Text.resx"), KeysOf("Text.en.resx"));
        Assert.Empty(korean.Except(english));
        Assert.Empty(english.Except(korean));
    }

    [Fact]
    public void The_check_sees_keys_in_views_and_in_classes()
    {
        Assert.Equal("Petitions.Verify.HashFormat", KeyUse().Match("ModelState.AddModelError(\"hash\", t[\"Petitions.Verify.HashFormat\"]);").Groups["key"].Value);
        Assert.Equal("Error.BackHome", KeyUse().Match("<a href=\"/\">@T[\"Error.BackHome\"]</a>").Groups["key"].Value);
        Assert.DoesNotMatch(KeyUse(), "t[$\"Places.Kind.{kind}\"]");
    }

    [GeneratedRegex(@"\b[Tt]\[""(?<key>[A-Za-z0-9_.]+)""\s*[\],]")]
    private static partial Regex KeyUse();
}
