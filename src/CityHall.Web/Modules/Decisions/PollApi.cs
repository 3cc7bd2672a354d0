namespace CityHall.Web.Modules.Decisions;

/// <summary>
/// Polls as open data (/api/v1/polls): every published poll, its options and — once they may be shown — its counts;
/// and each poll's whole ballot chain (/api/v1/polls/{id}/ballots), from which anyone can recount it.
/// </summary>
public static class PollApi
{
    /// <param name="IsOther">"Other": the voter wrote their own answer (published with the results once moderated).</param>
    /// <param name="Image">The option's picture (its address), if it has one; its description is the same as on the ballot.</param>
    public sealed record Option(long Id, int Position, string LabelKo, string? LabelEn, int? Votes, bool IsOther = false, string? Image = null, string? ImageAlt = null);

    public sealed record PollSummary(long Id, string TitleKo, string? TitleEn, string Kind, int MinChoices, int MaxChoices, string Phase,
        DateTime OpensAt, DateTime ClosesAt, IReadOnlyList<string> Districts, int Voters, bool ResultsShown, long ChainLength, string ChainHead, IReadOnlyList<Option> Options);

    /// <param name="District">The district's code; null for the row of merged small districts, "" for voters who gave none.</param>
    public sealed record DistrictResult(string? District, bool Merged, int Voters, IReadOnlyDictionary<long, int> Votes);

    /// <param name="Band">The age band ("under-20", "20-29" … "60-69", "70-plus"); null for the row of merged small bands, "" for voters whose year of birth is not known.</param>
    public sealed record AgeResult(string? Band, bool Merged, int Voters, IReadOnlyDictionary<long, int> Votes);

    /// <param name="ByDistrict">For a ranked poll, by first choices (so too by age).</param>
    /// <param name="Ranked">A ranked poll's Borda points by option and its instant runoff (null for other polls).</param>
    /// <param name="OtherAnswers">What voters wrote with "other", as published by a moderator (null when the poll has no "other").</param>
    public sealed record Results(long Poll, int Voters, int MinimumGroup, IReadOnlyList<Option> Options, IReadOnlyList<DistrictResult> ByDistrict, IReadOnlyList<AgeResult> ByAge, RankedResults? Ranked,
        IReadOnlyList<string>? OtherAnswers);

    public sealed record RankedResults(IReadOnlyDictionary<long, long> Borda, long? RunoffWinner, IReadOnlyList<RunoffRound> Rounds);

    /// <param name="Votes">Each option still in the count, by id.</param>
    public sealed record RunoffRound(IReadOnlyDictionary<long, int> Votes, int Exhausted, long? Eliminated);

    public sealed record Checkpoint(long Length, string HeadHash, int Voters, DateTimeOffset At);

    public sealed record Ballot(long Sequence, string Commitment, IReadOnlyList<long> Choices, DateTimeOffset At, string PreviousHash, string Hash, int HashVersion, bool Paper);

    public static void Map(WebApplication app)
    {
        const int ApiPageSize = 50;
        var api = app.MapGroup("/api/v1/polls").RequireRateLimiting(RateLimits.ApiRead).WithTags("Polls");
        api.MapGet("", async Task<IResult> (AppDbContext db, TimeProvider clock, string? phase, int? page, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            PollPhase? only = null;
            if (phase is not null)
            {
                if (!Enum.TryParse<PollPhase>(phase, ignoreCase: true, out var parsed) || parsed == PollPhase.Draft || !Enum.IsDefined(parsed) || int.TryParse(phase, out _))
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "phase must be open, upcoming or closed.");
                only = parsed;
            }
            if (page is < 1) return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "page counts from 1.");
            var polls = await Polls.PublishedAsync(db, now, page ?? 1, ApiPageSize, ct, only);
            var ids = polls.Select(p => p.Id).ToList();
            var options = (await db.Set<PollOption>().AsNoTracking().Where(o => ids.Contains(o.PollId)).ToListAsync(ct)).ToLookup(o => o.PollId);
            var images = (await db.Set<PollOptionImage>().AsNoTracking().Where(i => ids.Contains(i.PollId)).Select(i => new { i.OptionId, i.Id, i.AltText }).ToListAsync(ct))
                .ToDictionary(i => i.OptionId, i => (i.Id, i.AltText));
            return TypedResults.Ok(polls.Select(p => Summary(p, options[p.Id], images, now)));
        }).WithSummary("Published polls with their options, and their counts once shown: open ones (closing soonest first), upcoming, then closed (latest first), 50 a page; phase = open, upcoming or closed");
        api.MapGet("/{id:long}", async Task<IResult> (long id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            await Polls.FindPublishedAsync(db, id, ct) is var (poll, options)
                ? TypedResults.Ok(Summary(poll, options, await PollOptionImages.OfPollAsync(db, id, ct), clock.GetUtcNow().UtcDateTime))
                : TypedResults.NotFound()).WithSummary("One published poll");
        api.MapGet("/{id:long}/results", async Task<IResult> (long id, AppDbContext db, TimeProvider clock, Platform.City.CityClock cityClock, IStringLocalizer<Text> t, CancellationToken ct) =>
        {
            if (await Polls.FindPublishedAsync(db, id, ct) is not var (poll, options)) return TypedResults.NotFound();
            if (!poll.ResultsVisibleAt(clock.GetUtcNow().UtcDateTime)) return NotYet(t);
            var rows = await PollResults.ByDistrictAsync(db, poll, options, ct);
            var ages = await PollResults.ByAgeAsync(db, poll, options, cityClock, ct);
            var others = options.Any(o => o.IsOther) ? await PollResults.OtherAnswersAsync(db, id, ct) : null;
            var ranked = poll.Kind == PollKind.Ranked ? await PollResults.RankedAsync(db, id, options, ct) : null;
            return TypedResults.Ok(new Results(poll.Id, poll.VoterCount, PollResults.MinimumGroup,
                options.Select(o => new Option(o.Id, o.Position, o.LabelKo, o.LabelEn, o.Votes, o.IsOther)).ToList(),
                rows.Select(r => new DistrictResult(r.Key, r.Key is null, r.Voters, r.Votes)).ToList(),
                ages.Select(r => new AgeResult(r.Key, r.Key is null, r.Voters, r.Votes)).ToList(),
                ranked is null ? null : new RankedResults(
                    options.Select((o, i) => (o.Id, Points: ranked.Borda[i])).ToDictionary(x => x.Id, x => x.Points),
                    ranked.Runoff.Winner is { } w ? options[w].Id : null,
                    ranked.Runoff.Rounds.Select(r => new RunoffRound(options.Select((o, i) => (o.Id, Votes: r.Votes[i])).Where(x => x.Votes >= 0).ToDictionary(x => x.Id, x => x.Votes),
                        r.Exhausted, r.Eliminated is { } e ? options[e].Id : null)).ToList()), others));
        })
        .WithSummary("A poll's results by option, by district and by age band")
        .WithDescription("Once the poll may show them. Districts (and age bands) with fewer than 10 voters are merged into one row (district or band null, merged true), and when that row would be under 10 the smallest join it, so that no ballot can be told. A voter's age is the year the poll opened less their year of birth.");
        api.MapGet("/{id:long}/results.csv", async Task<IResult> (long id, AppDbContext db, TimeProvider clock, Platform.City.CityClock cityClock, IStringLocalizer<Text> t, CancellationToken ct) =>
        {
            if (await Polls.FindPublishedAsync(db, id, ct) is not var (poll, options)) return TypedResults.NotFound();
            if (!poll.ResultsVisibleAt(clock.GetUtcNow().UtcDateTime)) return NotYet(t);
            var rows = await PollResults.ByDistrictAsync(db, poll, options, ct);
            var ages = await PollResults.ByAgeAsync(db, poll, options, cityClock, ct);
            var names = await Platform.City.DistrictChoices.NamesAsync(db);
            IEnumerable<string> Line(string breakdown, string code, string name, int voters, IReadOnlyDictionary<long, int> votes) =>
                [breakdown, code, name, CsvExport.Number(voters), .. options.Select(o => CsvExport.Number(votes[o.Id]))];
            var lines = rows.Select(r => Line("district", r.Key ?? "", r.Key is { Length: > 0 } code ? names.GetValueOrDefault(code, code) : t[r.Key is null ? "Decisions.Results.Others" : "Decisions.Results.NoDistrict"].Value, r.Voters, r.Votes))
                .Concat(ages.Select(r => Line("age", r.Key ?? "", PollResults.AgeBandName(r.Key, t), r.Voters, r.Votes)))
                .Prepend(Line("all", "", t["Decisions.Results.All"].Value, poll.VoterCount, options.ToDictionary(o => o.Id, o => o.Votes)));
            return TypedResults.File(CsvExport.ToBytes(["breakdown", "group_code", "group", "voters", .. options.Select(o => o.LabelKo)], lines), "text/csv; charset=utf-8", $"poll-{id}-results.csv");
        })
        .WithSummary("A poll's results by district and by age band as CSV")
        .WithDescription("One line for all voters (breakdown \"all\"), then one per district (\"district\") and per age band (\"age\"), small groups merged as in the JSON results.");
        api.MapGet("/{id:long}/checkpoints", async Task<IResult> (long id, AppDbContext db, CancellationToken ct) =>
        {
            if (!await db.Set<Poll>().AnyAsync(p => p.Id == id && p.PublishedAt != null, ct)) return TypedResults.NotFound();
            return TypedResults.Ok(await db.Set<PollCheckpoint>().AsNoTracking().Where(c => c.PollId == id).OrderBy(c => c.Length)
                .Select(c => new Checkpoint(c.Length, c.HeadHash, c.Voters, c.At)).ToListAsync(ct));
        })
        .WithSummary("A poll's published checkpoints")
        .WithDescription("Every few minutes while ballots come in, the chain's length, head hash and number of voters. Keep a copy: the chain must still pass through each (the entry at that length has that hash), or it was rewritten.");
        api.MapGet("/{id:long}/ballots", async Task<IResult> (long id, AppDbContext db, CancellationToken ct) =>
        {
            if (!await db.Set<Poll>().AnyAsync(p => p.Id == id && p.PublishedAt != null, ct)) return TypedResults.NotFound();
            // Streamed as read: a city-wide poll's chain has a million ballots.
            return TypedResults.Ok(db.Set<PollBallot>().AsNoTracking().Where(b => b.PollId == id).OrderBy(b => b.Sequence).AsAsyncEnumerable()
                .Select(b => new Ballot(b.Sequence, b.Commitment, PollBallot.Parse(b.Choices), b.At, b.PreviousHash, b.Hash, b.HashVersion, b.Paper)));
        })
        .WithSummary("A poll's ballot chain")
        .WithDescription("Every ballot in order: the voter as a commitment (a keyed hash no one can trace without the poll's key), the options chosen, the time, whether it is a paper ballot entered at a polling station, and the hashes that link it to the ballot before. A later ballot with the same commitment replaces the earlier one; counting each commitment's last ballot gives the results.");
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotYet(IStringLocalizer<Text> t) => TypedResults.Problem(t["Decisions.Results.NotYet"].Value, statusCode: StatusCodes.Status409Conflict);

    private static PollSummary Summary(Poll p, IEnumerable<PollOption> options, IReadOnlyDictionary<long, (long Id, string Alt)> images, DateTime now)
    {
        var shown = p.ResultsVisibleAt(now);
        return new(p.Id, p.TitleKo, p.TitleEn, p.Kind.ToString(), p.MinChoices, p.MaxChoices, p.PhaseAt(now).ToString(), p.OpensAt, p.ClosesAt, p.DistrictCodes,
            p.VoterCount, shown, p.ChainLength, p.ChainHead,
            options.OrderBy(o => o.Position).Select(o => new Option(o.Id, o.Position, o.LabelKo, o.LabelEn, shown ? o.Votes : null, o.IsOther,
                images.TryGetValue(o.Id, out var image) ? $"/votes/images/{image.Id}" : null, images.TryGetValue(o.Id, out var described) ? described.Alt : null)).ToList());
    }
}
