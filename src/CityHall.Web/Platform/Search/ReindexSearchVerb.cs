using System.CommandLine;
using CityHall.Web.Platform.Hosting;
using Spectre.Console;

namespace CityHall.Web.Platform.Search;

/// <summary><c>reindex-search</c>: brings the search index in step with the modules now (after a bulk import, say) and says what changed.</summary>
public sealed class ReindexSearchVerb : ModuleVerb
{
    public override string Name => "reindex-search";
    public override string Description => "Bring the search index in step with every module now (it also does so every Search:ReconcileEvery).";

    public override Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> Configure(Command command) => async (_, services, ct) =>
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var kind in await services.GetRequiredService<SearchIndex>().ReconcileAsync(ct))
            AnsiConsole.MarkupLineInterpolated($"{kind.Kind}: {kind.Added} added, {kind.Changed} changed, {kind.Removed} removed");
        AnsiConsole.MarkupLineInterpolated($"[green]Search index in step in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s.[/]");
        return 0;
    };
}
