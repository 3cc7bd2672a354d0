using System.CommandLine;
using System.Globalization;
using CityHall.Web.Platform.Hosting;
using Spectre.Console;

namespace CityHall.Web.Platform.Import;

/// <summary>
/// Something a module imports from a CSV file through a mapping (<c>import places …</c>, <c>import cameras …</c>):
/// what it is called on the command line, what every row goes into (a kind of place, a department) and its presets.
/// </summary>
public interface IFileImport
{
    /// <summary>The word after <c>import</c>.</summary>
    string What { get; }
    /// <summary>What <c>--into</c> names, for the help ("the kind of place every row becomes").</summary>
    string Into { get; }
    /// <summary>The alias of <c>--into</c> that reads naturally for this import ("--kind").</summary>
    string IntoAlias { get; }
    IEnumerable<string> Presets();
    string DefaultPreset { get; }

    /// <summary>Imports the file; the summary says what was read and written, or why nothing was (a bad mapping included).</summary>
    Task<ImportSummary> ImportAsync(IServiceProvider services, Stream file, string into, string mapping, string encoding, IProgress<ImportProgress> progress,
        CancellationToken ct);
}

/// <summary>
/// <c>import WHAT FILE --into CODE [--mapping PRESET|FILE] [--encoding auto|cp949|utf-8]</c> for every module's
/// <see cref="IFileImport"/>: prints rows read, created, updated, unchanged and skipped (each skip with its line and
/// reason). Exit 0 when imported, 1 when the file was refused (nothing written).
/// </summary>
public sealed class ImportVerb(IEnumerable<IFileImport> imports) : ModuleVerb
{
    public override string Name => "import";
    public override string Description =>
        "Import data files: " + string.Join("; ", imports.Select(i => $"`import {i.What} FILE {i.IntoAlias} CODE [--mapping PRESET|FILE] [--encoding auto|cp949|utf-8]`")) + ".";

    public override Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> Configure(Command command)
    {
        var what = new Argument<string>("what") { Description = "What to import: " + string.Join(", ", imports.Select(i => i.What)) + "." };
        var file = new Argument<FileInfo>("file") { Description = "The CSV file." };
        var into = new Option<string>("--into", imports.Select(i => i.IntoAlias).Distinct().ToArray())
        {
            Description = string.Join("; ", imports.Select(i => $"{i.What}: {i.Into} ({i.IntoAlias})")), Required = true,
        };
        var mapping = new Option<string>("--mapping")
        {
            Description = "A preset (" + string.Join("; ", imports.Select(i => $"{i.What}: {string.Join(", ", i.Presets())}")) + ") or a mapping file (JSON); each import's first preset by default.",
        };
        var encoding = new Option<string>("--encoding") { Description = "auto, cp949 or utf-8.", DefaultValueFactory = _ => "auto" };
        command.Arguments.Add(what);
        command.Arguments.Add(file);
        foreach (var o in new Option[] { into, mapping, encoding }) command.Options.Add(o);
        return async (parse, services, ct) =>
        {
            if (imports.FirstOrDefault(i => i.What == parse.GetValue(what)) is not { } import)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Nothing called '{parse.GetValue(what)}' to import: {string.Join(", ", imports.Select(i => i.What))}.[/]");
                return 1;
            }
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]No file {path.FullName}.[/]");
                return 1;
            }
            // A new installation can import straight away: the schema and the reference data (kinds, departments) come first.
            await services.GetRequiredService<DatabaseInitializer>().PrepareAsync(includeDemo: false, ct);
            await using var stream = path.OpenRead();
            var timer = System.Diagnostics.Stopwatch.StartNew();
            var summary = await import.ImportAsync(services, stream, parse.GetValue(into)!, parse.GetValue(mapping) ?? import.DefaultPreset,
                parse.GetValue(encoding)!, new Progress<ImportProgress>(p =>
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
