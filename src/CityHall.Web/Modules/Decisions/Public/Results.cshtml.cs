using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Decisions.Public;

/// <summary>A poll's results once they may be shown: by option, and by district with small districts merged; with their CSV and JSON.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = OutputCaching.PublicShort)]
public sealed class ResultsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Poll Poll { get; private set; } = null!;
    public IReadOnlyList<PollOption> Options { get; private set; } = [];
    public PollPhase Phase { get; private set; }
    public bool Shown { get; private set; }
    public IReadOnlyList<PollResults.Row> ByDistrict { get; private set; } = [];
    public PollResults.Ranked? Ranked { get; private set; }
    public IReadOnlyDictionary<string, string> DistrictNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await Polls.FindPublishedAsync(db, id, ct) is not var (poll, options)) return NotFound();
        (Poll, Options) = (poll, options);
        var now = clock.GetUtcNow().UtcDateTime;
        Phase = poll.PhaseAt(now);
        Shown = poll.ResultsVisibleAt(now);
        if (Shown)
        {
            ByDistrict = await PollResults.ByDistrictAsync(db, poll, options, ct);
            if (poll.Kind == PollKind.Ranked) Ranked = await PollResults.RankedAsync(db, id, options, ct);
            DistrictNames = await DistrictChoices.NamesAsync(db);
        }
        return Page();
    }
}
