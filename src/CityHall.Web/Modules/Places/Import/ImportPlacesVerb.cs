using CityHall.Web.Platform.Import;
using System.CommandLine;
using System.Globalization;
using CityHall.Web.Platform.Hosting;
using Spectre.Console;

namespace CityHall.Web.Modules.Places.Import;

/// <summary>
/// <c>import places FILE --kind KIND [--mapping PRESET|FILE] [--encoding auto|cp949|utf-8]</c>: imports
/// a CSV of places; prints rows read, created, updated, unchanged and skipped (each skip with its
/// line and reason). Exit 0 when imported, 1 when the file was refused (nothing written).
/// </summary>
public sealed class ImportPlacesVerb : ModuleVerb
{
    public override string Name => "import";
    public override string Description => "Import data files: `import places FILE --kind KIND [--mapping PRESET|FILE] [--encoding auto|cp949|utf-8]`.";

    public override Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> Configure(Command command)
    {
        var what = new Argument<string>("what") { Description = "What to import: places." };
        var file = new Argument<FileInfo>("file") { Description = "The CSV file." };
        var kind = new Option<string>("--kind") { Description = "The kind of place every row becomes (e.g. public-toilet).", Required = true };
        var mapping = new Option<string>("--mapping") { Description = $"A preset ({string.Join(", ", PlaceMapping.Presets())}) or a mapping file (JSON).", DefaultValueFactory = _ => "seoul-smart-map-toilets" };
        var encoding = new Option<string>("--encoding") { Description = "auto, cp949 or utf-8.", DefaultValueFactory = _ => "auto" };
        command.Arguments.Add(what);
        command.Arguments.Add(file);
        foreach (var o in new Option[] { kind, mapping, encoding }) command.Options.Add(o);
        return async (parse, services, ct) =>
        {
            if (parse.GetValue(what) != "places")
            {
                AnsiConsole.MarkupLine("[red]Only `import places` exists so far.[/]");
                return 1;
            }
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]No file {path.FullName}.[/]");
                return 1;
            }
            var (map, problem) = PlaceMapping.Load(parse.GetValue(mapping)!);
            if (map is null)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{problem}[/]");
                return 1;
            }
            // A new installation can import straight away: the schema and the kinds of place come first.
            var database = services.GetRequiredService<Platform.Hosting.DatabaseInitializer>();
            await database.PrepareAsync(includeDemo: false, ct);
            await using var stream = path.OpenRead();
            var importer = services.GetRequiredService<PlaceImporter>();
            var timer = System.Diagnostics.Stopwatch.StartNew();
            var summary = await importer.ImportAsync(stream, parse.GetValue(kind)!, map, parse.GetValue(encoding)!,
                new Progress<ImportProgress>(p =>
                {
                    if (p.Writing) AnsiConsole.MarkupLineInterpolated($"[grey]{p.Read:N0} rows read; writing…[/]");
                    else AnsiConsole.MarkupLineInterpolated($"[grey]{p.Read:N0} of about {p.EstimatedRows:N0} rows read…[/]");
                }), ct);
            if (!summary.Succeeded)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Nothing imported: {summary.Problem}[/]");
                return 1;
            }
            AnsiConsole.MarkupLineInterpolated(
                $"[green]{summary.Read:N0} rows read ({summary.Encoding}): {summary.Created:N0} created, {summary.Updated:N0} updated, {summary.Unchanged:N0} unchanged, {summary.Skipped.Count:N0} skipped, in {timer.Elapsed.TotalSeconds:N1} s.[/]");
            foreach (var skip in summary.Skipped)
                AnsiConsole.MarkupLineInterpolated($"  line {skip.Line.ToString(CultureInfo.InvariantCulture)}: {skip.Reason}");
            return 0;
        };
    }
}
