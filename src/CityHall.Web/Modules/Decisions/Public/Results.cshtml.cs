using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Decisions.Public;

/// <summary>A poll's results once they may be shown: by option, and by district with small districts merged; with their CSV and JSON.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = OutputCaching.PublicShort)]
public sealed class ResultsModel(AppDbContext db, TimeProvider clock, CityClock cityClock, IStringLocalizer<Text> t) : PageModel
{
    public Poll Poll { get; private set; } = null!;
    public IReadOnlyList<PollOption> Options { get; private set; } = [];
    public PollPhase Phase { get; private set; }
    public bool Shown { get; private set; }
    public IReadOnlyList<PollResults.Row> ByDistrict { get; private set; } = [];
    public IReadOnlyList<PollResults.Row> ByAge { get; private set; } = [];
    /// <summary>What voters wrote with "other", as published by a moderator (null: the poll has no "other").</summary>
    public IReadOnlyList<string>? OtherAnswers { get; private set; }
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
            ByAge = await PollResults.ByAgeAsync(db, poll, options, cityClock, ct);
            if (options.Any(o => o.IsOther)) OtherAnswers = await PollResults.OtherAnswersAsync(db, id, ct);
            if (poll.Kind == PollKind.Ranked) Ranked = await PollResults.RankedAsync(db, id, options, ct);
            DistrictNames = await DistrictChoices.NamesAsync(db);
        }
        return Page();
    }

    /// <summary>A row's group in words: a district's name, or an age band.</summary>
    public string DistrictName(PollResults.Row row) =>
        row.Key is { } code ? (code.Length == 0 ? t["Decisions.Results.NoDistrict"].Value : DistrictNames.GetValueOrDefault(code, code)) : t["Decisions.Results.Others"].Value;

    public string AgeBandName(PollResults.Row row) => PollResults.AgeBandName(row.Key, t);
}
