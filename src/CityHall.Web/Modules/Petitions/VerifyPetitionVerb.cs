using System.CommandLine;
using CityHall.Web.Platform.Hosting;
using Spectre.Console;

namespace CityHall.Web.Modules.Petitions;

/// <summary><c>verify-petition ID</c>: checks a proposal's whole signature chain, its head and its count; exit 0 intact, 1 broken or unknown.</summary>
public sealed class VerifyPetitionVerb : ModuleVerb
{
    public override string Name => "verify-petition";
    public override string Description => "Check a proposal's signature chain link by link, its head and its count.";

    public override Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> Configure(Command command)
    {
        var id = new Argument<long>("id") { Description = "The proposal's number." };
        command.Arguments.Add(id);
        return async (parse, services, ct) =>
        {
            var petition = parse.GetValue(id);
            var report = await services.GetRequiredService<PetitionChainVerifier>().VerifyAsync(petition, ct);
            if (report is null)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]There is no proposal {petition}.[/]");
                return 1;
            }
            if (report.IsIntact)
            {
                AnsiConsole.MarkupLineInterpolated($"[green]Proposal {petition}: chain intact, {report.EntriesChecked} entries, {report.LiveSignatures} supports.[/]");
                return 0;
            }
            AnsiConsole.MarkupLineInterpolated($"[red]Proposal {petition}: chain broken at entry {report.FirstBrokenSequence}: {report.Break}.[/]");
            return 1;
        };
    }
}
