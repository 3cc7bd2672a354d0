using System.CommandLine;
using CityHall.Web.Platform.Hosting;
using Spectre.Console;

namespace CityHall.Web.Modules.Decisions;

/// <summary><c>verify-ballots ID</c>: recounts a poll from its ballot chain and checks it against the counts shown; exit 0 intact, 1 broken or unknown.</summary>
public sealed class VerifyBallotsVerb : ModuleVerb
{
    public override string Name => "verify-ballots";
    public override string Description => "Recount a poll from its ballot chain, link by link, and check the counts shown.";

    public override Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> Configure(Command command)
    {
        var id = new Argument<long>("id") { Description = "The poll's number." };
        command.Arguments.Add(id);
        return async (parse, services, ct) =>
        {
            var poll = parse.GetValue(id);
            var report = await services.GetRequiredService<BallotChainVerifier>().VerifyAsync(poll, ct);
            if (report is null)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]There is no poll {poll}.[/]");
                return 1;
            }
            if (report.IsIntact)
            {
                AnsiConsole.MarkupLineInterpolated($"[green]Poll {poll}: chain intact, {report.EntriesChecked} ballots, {report.Voters} voters; by option: {string.Join(", ", report.Votes.Select(v => $"{v.Key}={v.Value}"))}.[/]");
                return 0;
            }
            AnsiConsole.MarkupLineInterpolated($"[red]Poll {poll}: {report.Break}.[/]");
            return 1;
        };
    }
}
