using CityHall.Web.Platform.Import;

namespace CityHall.Web.Modules.Places.Import;

/// <summary><c>import places FILE --kind KIND [--mapping PRESET|FILE] [--encoding auto|cp949|utf-8]</c>.</summary>
public sealed class PlacesFileImport : IFileImport
{
    public string What => "places";
    public string Into => "the kind of place every row becomes (e.g. public-toilet)";
    public string IntoAlias => "--kind";
    public IEnumerable<string> Presets() => PlaceMapping.Presets();
    public string DefaultPreset => "seoul-smart-map-toilets";

    public async Task<ImportSummary> ImportAsync(IServiceProvider services, Stream file, string into, string mapping, string encoding,
        IProgress<ImportProgress> progress, CancellationToken ct)
    {
        var (map, problem) = PlaceMapping.Load(mapping);
        if (map is null) return ImportSummary.Refused(problem!);
        return await services.GetRequiredService<PlaceImporter>().ImportAsync(file, into, map, encoding, progress, ct);
    }
}
