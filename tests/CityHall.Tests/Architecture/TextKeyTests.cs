using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CityHall.Web.Platform.Localization;

namespace CityHall.Tests.Architecture;

/// <summary>
/// The site's texts: the shared file (Platform/Localization/Text.resx) and one per module (Modules/&lt;Name&gt;/Text.resx),
/// each with its English twin. Every key a view or a class asks for by name (T["…"], t["…"]) exists in both languages,
/// in the asking module's own file or the shared one: a missing key shows its own name to citizens, and a key borrowed
/// from another module changes when that module rewords its own page. Keys built at run time (t[$"…{x}"]) cannot be
/// read here; their pages' tests see them.
/// </summary>
public sealed partial class TextKeyTests
{
    private static readonly string WebRoot = CityHall.Tests.Infrastructure.Repository.WebRoot;
    private const string Shared = "Platform";

    /// <summary>Owner ("Platform" for the shared file, else the module's name) → its Korean file's path.</summary>
    private static Dictionary<string, string> TextFiles()
    {
        var files = new Dictionary<string, string> { [Shared] = Path.Combine(WebRoot, "Platform", "Localization", "Text.resx") };
        foreach (var module in Directory.GetDirectories(Path.Combine(WebRoot, "Modules")))
        {
            var file = Path.Combine(module, "Text.resx");
            if (File.Exists(file)) files[Path.GetFileName(module)] = file;
        }
        return files;
    }

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private static string English(string koreanFile) => Path.ChangeExtension(koreanFile, ".en.resx");

    /// <summary>(owner of the file, file, key) for every literal key asked for in the web project's source.</summary>
    private static IEnumerable<(string Owner, string File, string Key)> KeysUsed() =>
        from file in Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
        where (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
            && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        let relative = Path.GetRelativePath(WebRoot, file)
        let owner = relative.StartsWith("Modules" + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? relative.Split(Path.DirectorySeparatorChar)[1] : Shared
        from Match m in KeyUse().Matches(File.ReadAllText(file))
        from key in m.Groups["key"].Value.Split(',')
        select (owner, relative, key);

    [Fact]
    public void Every_key_asked_for_by_name_exists_in_Korean_and_in_English()
    {
        var files = TextFiles();
        var korean = files.Values.SelectMany(f => Texts(f).Keys).ToHashSet(StringComparer.Ordinal);
        var english = files.Values.SelectMany(f => Texts(English(f)).Keys).ToHashSet(StringComparer.Ordinal);
        var used = KeysUsed().ToList();
        Assert.True(used.Count > 1000, $"only {used.Count} keys found: the pattern no longer matches how the code asks for text");
        var missing = used.Where(u => !korean.Contains(u.Key) || !english.Contains(u.Key))
            .Select(u => $"{u.File}: {u.Key} ({(korean.Contains(u.Key) ? "" : "no Korean ")}{(english.Contains(u.Key) ? "" : "no English")})")
            .Distinct().ToList();
        Assert.True(missing.Count == 0, "Text keys used but not defined:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void A_module_asks_only_for_its_own_texts_and_the_shared_ones()
    {
        var files = TextFiles();
        var keys = files.ToDictionary(f => f.Key, f => Texts(f.Value).Keys.ToHashSet(StringComparer.Ordinal));
        var borrowed = KeysUsed()
            .Where(u => !keys[Shared].Contains(u.Key) && !(keys.TryGetValue(u.Owner, out var own) && own.Contains(u.Key)))
            .Where(u => keys.Values.Any(k => k.Contains(u.Key))) // undefined keys are the other test's finding
            .Select(u => $"{u.File}: {u.Key} (defined in {keys.First(k => k.Value.Contains(u.Key)).Key})").Distinct().ToList();
        Assert.True(borrowed.Count == 0, "Texts taken from another module's file:" + Environment.NewLine + string.Join(Environment.NewLine, borrowed));
    }

    [Fact]
    public void Each_file_defines_the_same_keys_in_both_languages_and_a_key_lives_in_one_file()
    {
        var files = TextFiles();
        Assert.True(files.Count >= 10, $"only {files.Count} text files found");
        foreach (var (owner, file) in files)
        {
            var (korean, english) = (Texts(file).Keys.ToHashSet(), Texts(English(file)).Keys.ToHashSet());
            Assert.True(korean.SetEquals(english), $"{owner}: only in Korean: {string.Join(", ", korean.Except(english))}; only in English: {string.Join(", ", english.Except(korean))}");
        }
        var twice = files.SelectMany(f => Texts(f.Value).Keys.Select(k => (Key: k, Owner: f.Key)))
            .GroupBy(k => k.Key).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Owner))}").ToList();
        Assert.True(twice.Count == 0, "Keys defined in more than one file:" + Environment.NewLine + string.Join(Environment.NewLine, twice));
    }

    [Fact]
    public void Every_text_file_on_disk_is_what_the_site_reads_in_both_languages()
    {
        var texts = new CityTexts();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var (owner, file) in TextFiles())
            {
                foreach (var (culture, path) in new[] { ("ko-KR", file), ("en-US", English(file)) })
                {
                    CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                    foreach (var (key, value) in Texts(path))
                    {
                        var read = texts[key];
                        Assert.False(read.ResourceNotFound, $"{owner}: {key} is not found at run time in {culture}");
                        Assert.Equal(value, read.Value);
                    }
                }
            }
            Assert.True(texts["No.Such.Key"].ResourceNotFound);
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public void The_check_sees_keys_in_views_and_in_classes()
    {
        Assert.Equal("Petitions.Verify.HashFormat", KeyUse().Match("ModelState.AddModelError(\"hash\", t[\"Petitions.Verify.HashFormat\"]);").Groups["key"].Value);
        Assert.Equal("Error.BackHome", KeyUse().Match("<a href=\"/\">@T[\"Error.BackHome\"]</a>").Groups["key"].Value);
        Assert.DoesNotMatch(KeyUse(), "t[$\"Places.Kind.{kind}\"]");
        Assert.Equal("Places.Admin.NameKo", KeyUse().Match("[Display(Name = \"Places.Admin.NameKo\"), Required(ErrorMessage = \"Places.Admin.NameRequired\")]").Groups["key"].Value);
        Assert.Equal("Places.Admin.NameRequired", KeyUse().Matches("[Display(Name = \"Places.Admin.NameKo\"), Required(ErrorMessage = \"Places.Admin.NameRequired\")]")[1].Groups["key"].Value);
        Assert.Equal("Broadcasts.Admin.FrequencyHint", KeyUse().Match("<ch-field for=\"Input.Frequency\" hint=\"Broadcasts.Admin.FrequencyHint\" />").Groups["key"].Value);
        Assert.Equal("SignUp.Step.Account,SignUp.Step.Done", KeyUse().Match("<ch-steps steps=\"SignUp.Step.Account,SignUp.Step.Done\" current=\"2\" />").Groups["key"].Value);
        Assert.DoesNotMatch(KeyUse(), "new ModuleDescriptor { Name = \"Broadcasts\" }");
    }

    /// <summary>
    /// T["key"] and t["key"] in views and classes; [Display(Name = "key")] and ErrorMessage = "key" on form models;
    /// hint="key", label="key" and steps="key,key" on the form tag helpers.
    /// </summary>
    [GeneratedRegex(@"\b[Tt]\[""(?<key>[A-Za-z0-9_.]+)""\s*[\],]|\bDisplay\((?:[^)]*?, )?(?:Name|ShortName|Prompt|Description) = ""(?<key>[A-Za-z0-9_.]+)""|\bErrorMessage = ""(?<key>[A-Za-z0-9_.]+)""|\s(?:hint|label|steps)=""(?<key>[A-Z][A-Za-z0-9_]*\.[A-Za-z0-9_.,]+)""")]
    private static partial Regex KeyUse();
}
