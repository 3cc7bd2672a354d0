using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Localization;

/// <summary>
/// One localizer over the shared texts and every module's Text.resx. A key belongs to exactly one file
/// (the start fails if two files define it), so a lookup is one dictionary read and one resource read,
/// whichever module owns the key. Pages ask by key as before; which module may use which texts is
/// checked by the architecture tests, not here: the admin pages legitimately show every module's
/// permission and menu titles.
/// </summary>
public sealed class CityTexts : IStringLocalizer
{
    /// <summary>The resource name of the shared file; module files are named CityHall.Web.Modules.&lt;Name&gt;.Text.</summary>
    private static readonly string SharedResources = typeof(Text).FullName!;

    private readonly FrozenDictionary<string, ResourceManager> owners;

    public CityTexts() : this(typeof(Text).Assembly) { }

    internal CityTexts(Assembly assembly)
    {
        var owners = new Dictionary<string, ResourceManager>(StringComparer.Ordinal);
        foreach (var baseName in ResourceFiles(assembly))
        {
            var resources = new ResourceManager(baseName, assembly);
            var neutral = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
                ?? throw new InvalidOperationException($"The text resources {baseName} could not be read.");
            foreach (System.Collections.DictionaryEntry entry in neutral)
            {
                var key = (string)entry.Key;
                if (!owners.TryAdd(key, resources))
                    throw new InvalidOperationException($"The text key {key} is defined in both {owners[key].BaseName} and {baseName}: a key belongs to one file.");
            }
        }
        this.owners = owners.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The shared file and each module's, as compiled into the assembly (neutral language only).</summary>
    public static IReadOnlyList<string> ResourceFiles(Assembly assembly) =>
    [
        SharedResources,
        .. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("CityHall.Web.Modules.", StringComparison.Ordinal) && n.EndsWith(".Text.resources", StringComparison.Ordinal))
            .Select(n => n[..^".resources".Length])
            .Order(StringComparer.Ordinal),
    ];

    public LocalizedString this[string name]
    {
        get
        {
            var value = owners.TryGetValue(name, out var resources) ? resources.GetString(name, CultureInfo.CurrentUICulture) : null;
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null, searchedLocation: resources?.BaseName);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => owners.Keys.Order(StringComparer.Ordinal).Select(k => this[k]);

    /// <summary>Hands out <see cref="CityTexts"/> for <see cref="Text"/> (views, classes, data annotations); any other type gets the framework's localizer.</summary>
    public sealed class Factory(CityTexts texts, IOptions<LocalizationOptions> options, ILoggerFactory loggers) : IStringLocalizerFactory
    {
        private readonly ResourceManagerStringLocalizerFactory others = new(options, loggers);

        public IStringLocalizer Create(Type resourceSource) => resourceSource == typeof(Text) ? texts : others.Create(resourceSource);

        public IStringLocalizer Create(string baseName, string location) => others.Create(baseName, location);
    }
}
