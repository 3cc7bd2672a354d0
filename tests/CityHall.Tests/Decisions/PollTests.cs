using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Decisions;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using CityHall.Web.Platform.Integrity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Decisions;

public sealed class PollTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private BallotWriter Writer => app.Services.GetRequiredService<BallotWriter>();

    /// <summary>A published poll, open from an hour ago for a day unless said otherwise, with options A, B, C (ids returned in order).</summary>
    private Task<(long Id, long[] Options)> PollAsync(PollKind kind = PollKind.SingleChoice, int min = 1, int max = 1, ResultsShown results = ResultsShown.AfterClose,
        string? districts = null, string title = "시청 앞 광장 이름", int? minAge = null, int? maxAge = null) => app.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var poll = new Poll
        {
            TitleKo = title + " " + Guid.NewGuid().ToString("N")[..6], TitleEn = "Name the square", Kind = kind, MinChoices = min, MaxChoices = max, Results = results,
            OpensAt = now.AddHours(-1), ClosesAt = now.AddDays(1), PublishedAt = now.AddHours(-2), Districts = districts, MinAge = minAge, MaxAge = maxAge, Salt = RandomNumberGenerator.GetBytes(32),
            CreatedAt = now, UpdatedAt = now, CreatedBy = "test",
        };
        db.Add(poll);
        await db.SaveChangesAsync();
        var options = new[] { "가", "나", "다" }.Select((label, i) => new PollOption { PollId = poll.Id, Position = i + 1, LabelKo = "선택 " + label, LabelEn = "Option " + (char)('A' + i) }).ToList();
        db.AddRange(options);
        await db.SaveChangesAsync();
        return (poll.Id, options.Select(o => o.Id).ToArray());
    });

    private Task<Dictionary<long, int>> VotesAsync(long poll) =>
        app.WithDbAsync(db => db.Set<PollOption>().Where(o => o.PollId == poll).ToDictionaryAsync(o => o.Id, o => o.Votes));

    private async Task<BallotChainReport> VerifyAsync(long poll)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<BallotChainVerifier>().VerifyAsync(poll))!;
    }

    private static async Task<HttpResponseMessage> CastAsync(HttpClient voter, long poll, params long[] choices)
    {
        var page = await voter.GetPageAsync($"/votes/{poll}");
        return await voter.SubmitAsync(page, choices.Select(c => new KeyValuePair<string, string>("choice", c.ToString(CultureInfo.InvariantCulture))), "form[data-ballot-form]");
    }

    /// <summary>A ballot posted straight to the endpoint, with the person's own form token (from their profile page): what a stale page or a script sends.</summary>
    private static async Task<HttpResponseMessage> PostBallotAsync(HttpClient client, long poll, params long[] choices)
    {
        var token = (await client.GetPageAsync("/account/profile")).FilledIn().Where(f => f.Key == "__RequestVerificationToken");
        return await client.PostAsync($"/votes/{poll}/ballot", new FormUrlEncodedContent(token.Concat(choices.Select(c => new KeyValuePair<string, string>("choice", c.ToString(CultureInfo.InvariantCulture))))));
    }

    [Fact]
    public async Task Staff_prepare_publish_and_close_a_poll_and_its_ballot_is_fixed_once_published()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var form = await staff.GetPageAsync("/admin/votes/new");
        var local = DateTime.UtcNow.AddHours(9);
        string At(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var title = "광장 이름 정하기 " + Guid.NewGuid().ToString("N")[..6];

        // Mistakes come back in the error summary: one option only, closing before opening, too many choices.
        var wrong = await Html.ParseAsync(await staff.SubmitAsync(form, form.FilledIn("form[data-poll-form]").With(("Input.TitleKo", title), ("Input.Options", "하나뿐"),
            ("Input.Kind", "MultipleChoice"), ("Input.MaxChoices", "5"), ("Input.OpensAt", At(local)), ("Input.ClosesAt", At(local.AddHours(-1)))), "form[data-poll-form]"));
        Assert.Equal(2, wrong.ErrorSummary().Length);
        // Dates a date field can send but no clock can convert, and a kind that does not exist: messages, not a 500.
        var absurd = await staff.SubmitAsync(form, form.FilledIn("form[data-poll-form]").With(("Input.TitleKo", title), ("Input.Options", "가\n나"),
            ("Input.Kind", "99"), ("Input.Results", "7"), ("Input.OpensAt", "0001-01-01T00:00"), ("Input.ClosesAt", "9999-12-31T23:59")), "form[data-poll-form]");
        Assert.Equal(HttpStatusCode.OK, absurd.StatusCode);
        var messages = (await Html.ParseAsync(absurd)).ErrorSummary();
        Assert.Equal(4, messages.Length);
        Assert.All(messages, m => Assert.DoesNotContain("invalid", m, StringComparison.OrdinalIgnoreCase)); // in the reader's language, not the framework's English
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Poll>().CountAsync(p => p.TitleKo == title)));

        var saved = await staff.SubmitAsync(form, form.FilledIn("form[data-poll-form]").With(("Input.TitleKo", title), ("Input.TitleEn", "Name the square"),
            ("Input.Options", "열린광장 | Open Square\n시민광장 | Citizens' Square\n\n서울마당"), ("Input.Kind", "SingleChoice"), ("Input.Results", "AfterClose"),
            ("Input.OpensAt", At(local.AddMinutes(-5))), ("Input.ClosesAt", At(local.AddDays(7)))), "form[data-poll-form]");
        var edit = Html.RedirectedTo(saved);
        var id = long.Parse(edit.Split('/', '?')[3], CultureInfo.InvariantCulture);
        var options = await app.WithDbAsync(db => db.Set<PollOption>().Where(o => o.PollId == id).OrderBy(o => o.Position).ToListAsync());
        Assert.Equal(["열린광장", "시민광장", "서울마당"], options.Select(o => o.LabelKo));
        Assert.Equal(["Open Square", "Citizens' Square", null], options.Select(o => o.LabelEn));
        // A draft is not public.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/votes/{id}")).StatusCode);

        var draft = await staff.GetPageAsync($"/admin/votes/{id}");
        var publishing = await staff.SubmitAsync(draft, [], "form[data-publish]");
        Assert.True(publishing.StatusCode == HttpStatusCode.Redirect, await publishing.Content.ReadAsStringAsync());
        var open = await app.CreateClient().GetPageAsync($"/votes/{id}");
        Assert.Equal("Open", open.QuerySelector("[data-phase]")!.GetAttribute("data-phase"));
        Assert.NotNull(open.QuerySelector($"a[href^='/account/sign-in?returnUrl=%2Fvotes%2F{id}']"));
        Assert.NotNull((await app.CreateClient().GetPageAsync("/votes")).QuerySelector($"[data-polls='Open'] [data-poll='{id}']"));

        // Published: the form is gone, and a post of the old form changes nothing.
        var published = await staff.GetPageAsync($"/admin/votes/{id}");
        Assert.Null(published.QuerySelector("form[data-poll-form]"));
        await staff.SubmitAsync(draft, draft.FilledIn("form[data-poll-form]").With(("Input.TitleKo", "바뀐 질문")), "form[data-poll-form]");
        Assert.Equal(title, await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).Select(p => p.TitleKo).SingleAsync()));

        Html.RedirectedTo(await staff.SubmitAsync(published, [], "form[data-close]"));
        Assert.Equal("Closed", (await app.CreateClient().GetPageAsync($"/votes/{id}?after=close")).QuerySelector("[data-phase]")!.GetAttribute("data-phase"));
        var checkedPage = await Html.ParseAsync(await staff.SubmitAsync(await staff.GetPageAsync($"/admin/votes/{id}"), [], "form[data-verify]"));
        Assert.Equal("intact", checkedPage.QuerySelector("[data-check]")!.GetAttribute("data-check"));
        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.TargetType == "poll" && a.TargetId == id.ToString(CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync());
        Assert.Equal(["decisions.poll.close", "decisions.poll.create", "decisions.poll.publish"], actions.Order());

        // Citizens cannot prepare polls.
        var citizen = await app.SignedUpCitizenAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync("/admin/votes/new")).StatusCode);
    }

    [Fact]
    public async Task One_ballot_per_verified_person_changeable_until_the_close_with_a_receipt_and_results_hidden_until_then()
    {
        var (id, o) = await PollAsync();
        var anonymous = await app.CreateClient().GetPageAsync($"/votes/{id}");
        Assert.NotNull(anonymous.QuerySelector("[data-results-hidden]"));

        // Not verified: told why before trying, and sent to verify when they try anyway.
        var unverified = await app.SignedUpCitizenAsync();
        Assert.NotNull((await unverified.GetPageAsync($"/votes/{id}")).QuerySelector("[data-why-not='not-verified']"));
        Assert.Equal($"/account/verify?returnUrl=%2Fvotes%2F{id}", Html.RedirectedTo(await PostBallotAsync(unverified, id, o[0])));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PollBallot>().CountAsync(b => b.PollId == id)));

        var voter = await app.VerifiedCitizenAsync();
        var cast = Html.RedirectedTo(await CastAsync(voter, id, o[0]));
        Assert.Equal($"/votes/{id}?done=cast&receipt=1#receipt", cast);
        var receipt = await voter.GetPageAsync(cast.Split('#')[0]);
        var stored = await app.WithDbAsync(db => db.Set<PollBallot>().SingleAsync(b => b.PollId == id && b.Sequence == 1));
        Assert.Equal(stored.Hash, receipt.QuerySelector("[data-receipt-hash]")!.TextContent);
        Assert.Equal(o[0].ToString(CultureInfo.InvariantCulture), receipt.QuerySelector("input[name=choice][checked]")!.GetAttribute("value"));
        // Anyone can check the receipt; a wrong value or bad input gets a message, never an error page.
        var check = await app.CreateClient().GetPageAsync(receipt.QuerySelector("[data-check-receipt]")!.GetAttribute("href")!);
        Assert.Equal("Included", check.QuerySelector("[data-receipt-result]")!.GetAttribute("data-receipt-result"));
        Assert.Equal("Unknown", (await app.CreateClient().GetPageAsync($"/votes/verify?poll={id}&entry=1&hash={new string('a', 64)}")).QuerySelector("[data-receipt-result]")!.GetAttribute("data-receipt-result"));
        var bad = await app.CreateClient().GetPageAsync("/votes/verify?poll=x&entry=0&hash=short");
        Assert.False(bad.IsErrorPage());
        Assert.Equal(3, bad.ErrorSummary().Length);
        // Someone else's receipt number shows them nothing.
        Assert.Null((await unverified.GetPageAsync($"/votes/{id}?receipt=1")).QuerySelector("[data-receipt]"));

        Assert.Equal($"/votes/{id}?done=replaced&receipt=2#receipt", Html.RedirectedTo(await CastAsync(voter, id, o[1])));
        Assert.Equal($"/votes/{id}?done=unchanged#ballot", Html.RedirectedTo(await CastAsync(voter, id, o[1])));
        var second = await app.VerifiedCitizenAsync();
        Html.RedirectedTo(await CastAsync(second, id, o[0]));
        Assert.Equal(new Dictionary<long, int> { [o[0]] = 1, [o[1]] = 1, [o[2]] = 0 }, await VotesAsync(id));
        var poll = await app.WithDbAsync(db => db.Set<Poll>().SingleAsync(p => p.Id == id));
        Assert.Equal((2, 3L), (poll.VoterCount, poll.ChainLength));

        // Two options on a one-choice poll, or an option of another poll: refused, nothing written.
        var (other, otherOptions) = await PollAsync();
        Assert.Equal($"/votes/{id}?refused=invalid-choices&chosen={o[0]},{o[2]}#ballot", Html.RedirectedTo(await CastAsync(voter, id, o[0], o[2])));
        Assert.Equal($"/votes/{id}?refused=invalid-choices&chosen={otherOptions[0]}#ballot", Html.RedirectedTo(await CastAsync(voter, id, otherOptions[0])));
        Assert.Equal($"/votes/{id}?refused=invalid-choices#ballot", Html.RedirectedTo(await CastAsync(voter, id)));
        Assert.Single((await voter.GetPageAsync($"/votes/{id}?refused=invalid-choices")).ErrorSummary());
        Assert.Equal(3L, await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).Select(p => p.ChainLength).SingleAsync()));

        // Hidden while open, on the page and in the open data.
        Assert.NotNull((await voter.GetPageAsync($"/votes/{id}")).QuerySelector("[data-results-hidden]"));
        using (var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/polls/{id}")))
        {
            Assert.False(json.RootElement.GetProperty("resultsShown").GetBoolean());
            Assert.All(json.RootElement.GetProperty("options").EnumerateArray(), x => Assert.Equal(JsonValueKind.Null, x.GetProperty("votes").ValueKind));
        }

        // Closed: no more ballots, and the results show.
        await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedEarlyAt, DateTime.UtcNow)));
        Assert.Null((await voter.GetPageAsync($"/votes/{id}")).QuerySelector("form[data-ballot-form]"));
        Assert.Equal($"/votes/{id}?refused=not-open", Html.RedirectedTo(await PostBallotAsync(voter, id, o[2])));
        // (The anonymous copy of a page may be two seconds old: a new address asks afresh.)
        var results = await app.CreateClient().GetPageAsync($"/votes/{id}?after=close");
        Assert.Equal(["1", "1", "0"], results.QuerySelectorAll("[data-option-result]").Select(r => r.GetAttribute("data-votes")!));
        using (var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/polls/{id}")))
            Assert.Equal([1, 1, 0], json.RootElement.GetProperty("options").EnumerateArray().Select(x => x.GetProperty("votes").GetInt32()));

        // Anyone can recount from the published chain; so does the verifier.
        using (var chain = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/polls/{id}/ballots")))
        {
            var last = new Dictionary<string, long[]>();
            foreach (var b in chain.RootElement.EnumerateArray())
                last[b.GetProperty("commitment").GetString()!] = b.GetProperty("choices").EnumerateArray().Select(c => c.GetInt64()).ToArray();
            Assert.Equal(3, chain.RootElement.GetArrayLength());
            Assert.Equal(2, last.Count);
            Assert.Equal(1, last.Values.Count(c => c.SequenceEqual([o[1]])));
        }
        var report = await VerifyAsync(id);
        Assert.True(report.IsIntact, report.Break?.ToString());
        Assert.Equal((3L, 2), (report.EntriesChecked, report.Voters));

        // Closed, the poll's salt is erased: no one can tell whose ballot is whose any more, the voter neither; the
        // chain, the counts and the receipt's entry still verify.
        // (The app's own job may have come first: it runs every minute.)
        await app.Services.GetRequiredService<PollKeyEraser>().EraseAsync();
        Assert.Empty(await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).Select(p => p.Salt).SingleAsync()));
        Assert.Null((await voter.GetPageAsync($"/votes/{id}")).QuerySelector("[data-my-ballot]"));
        Assert.True((await VerifyAsync(id)).IsIntact);
        Assert.Equal(stored.Hash, await app.WithDbAsync(db => db.Set<PollBallot>().Where(b => b.PollId == id && b.Sequence == 1).Select(b => b.Hash).SingleAsync()));
        Assert.Equal(BallotOutcome.NotOpen, (await Writer.CastAsync(new(id, "late-" + id, null, [o[0]]))).Outcome);
    }

    [Fact]
    public async Task A_poll_for_some_districts_tells_everyone_else_why_before_they_try()
    {
        var (id, o) = await PollAsync(districts: "11110");
        var voter = await app.VerifiedCitizenAsync();
        var page = await voter.GetPageAsync($"/votes/{id}");
        Assert.NotNull(page.QuerySelector("[data-why-not='outside-district']"));
        Assert.Contains("종로구", page.QuerySelector("[data-who]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[data-ballot-form]"));
        // The writer refuses a ballot from elsewhere even if one reached it.
        Assert.Equal(BallotOutcome.OutsideDistrict, (await Writer.CastAsync(new(id, "someone-" + id, "11140", [o[0]]))).Outcome);
        Assert.Equal(BallotOutcome.OutsideDistrict, (await Writer.CastAsync(new(id, "someone-" + id, null, [o[0]]))).Outcome);

        var profile = await voter.GetPageAsync("/account/profile");
        Html.RedirectedTo(await voter.SubmitAsync(profile, profile.FilledIn().With(("Input.DistrictCode", "11110"))));
        Assert.Equal($"/votes/{id}?done=cast&receipt=1#receipt", Html.RedirectedTo(await CastAsync(voter, id, o[2])));
        Assert.Equal("11110", await app.WithDbAsync(db => db.Set<PollVoter>().Where(v => v.PollId == id).Select(v => v.DistrictCode).SingleAsync()));
    }

    [Fact]
    public async Task Several_choices_within_the_limits_and_live_results_while_open()
    {
        var (id, o) = await PollAsync(PollKind.MultipleChoice, min: 1, max: 2, results: ResultsShown.Live);
        Assert.Equal(BallotOutcome.InvalidChoices, (await Writer.CastAsync(new(id, "a-" + id, null, [o[0], o[1], o[2]]))).Outcome);
        Assert.Equal(BallotOutcome.InvalidChoices, (await Writer.CastAsync(new(id, "a-" + id, null, [o[0], o[0]]))).Outcome);
        Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(id, "a-" + id, null, [o[2], o[0]]))).Outcome);
        Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(id, "b-" + id, null, [o[0]]))).Outcome);
        Assert.Equal(BallotOutcome.Replaced, (await Writer.CastAsync(new(id, "a-" + id, null, [o[1], o[0]]))).Outcome);
        Assert.Equal(new Dictionary<long, int> { [o[0]] = 2, [o[1]] = 1, [o[2]] = 0 }, await VotesAsync(id));

        var page = await app.CreateClient().GetPageAsync($"/votes/{id}");
        Assert.Equal(["2", "1", "0"], page.QuerySelectorAll("[data-option-result]").Select(r => r.GetAttribute("data-votes")!));
        Assert.Equal("2", page.QuerySelector("[data-voters]")!.GetAttribute("data-voters"));
        // The chart draws the same figures, longest bar the most votes, and is named by a caption that points at the table.
        var chart = page.QuerySelector("figure.ch-chart")!;
        Assert.Equal(["100%", "50%"], chart.QuerySelectorAll("rect.ch-chart-bar").Select(r => r.GetAttribute("width")!));
        Assert.Equal(3, chart.QuerySelectorAll("rect.ch-chart-track").Length);
        Assert.Equal(chart.QuerySelector("figcaption")!.Id, chart.QuerySelector("[role=img]")!.GetAttribute("aria-labelledby"));
        Assert.Equal("#results-table", chart.QuerySelector("figcaption a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("table#results-table[data-results]"));
        Assert.StartsWith("2 (100", chart.QuerySelector(".ch-chart-row")!.TextContent, StringComparison.Ordinal);
        var voter = await app.VerifiedCitizenAsync();
        var form = await voter.GetPageAsync($"/votes/{id}");
        Assert.Equal(3, form.QuerySelectorAll("form[data-ballot-form] input[type=checkbox][name=choice]").Length);
        Html.RedirectedTo(await CastAsync(voter, id, o[1], o[2]));
        Assert.Equal(new Dictionary<long, int> { [o[0]] = 2, [o[1]] = 2, [o[2]] = 1 }, await VotesAsync(id));
    }

    [Fact]
    public async Task Ballots_cast_at_once_count_each_person_once_and_a_tampered_chain_is_reported()
    {
        var (id, o) = await PollAsync();
        var people = Enumerable.Range(0, 500).Select(i => $"voter-{id}-{i}").ToArray();
        // Everyone votes for A and, at the same moment, for B (two devices): one ballot each counts, the later one.
        var results = await Task.WhenAll(people.SelectMany(p => new[] { (p, o[0]), (p, o[1]) }).Select(x => Task.Run(() => Writer.CastAsync(new(id, x.p, null, [x.Item2])))));
        Assert.Equal(500, results.Count(r => r.Outcome == BallotOutcome.Cast));
        Assert.Equal(500, results.Count(r => r.Outcome == BallotOutcome.Replaced));
        var votes = await VotesAsync(id);
        Assert.Equal(500, votes[o[0]] + votes[o[1]]);
        // The last of each person's two ballots is the one that counts.
        var last = (await app.WithDbAsync(db => db.Set<PollBallot>().Where(b => b.PollId == id).ToListAsync()))
            .GroupBy(b => b.Commitment).Select(g => g.MaxBy(b => b.Sequence)!.Choices).ToList();
        Assert.Equal(votes[o[1]], last.Count(c => c == o[1].ToString(CultureInfo.InvariantCulture)));
        var report = await VerifyAsync(id);
        Assert.True(report.IsIntact, report.Break?.ToString());
        Assert.Equal((1000L, 500), (report.EntriesChecked, report.Voters));
        Assert.Equal(votes, report.Votes);

        var (code, output) = await Verbs.RunAsync(app, "verify-ballots", id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(0, code);
        Assert.Contains("1000 ballots, 500 voters", output, StringComparison.Ordinal);

        // Someone rewrites a ballot in place: found at that entry.
        await app.WithDbAsync(db => db.Set<PollBallot>().Where(b => b.PollId == id && b.Sequence == 17)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Choices, o[2].ToString(CultureInfo.InvariantCulture))));
        var altered = await VerifyAsync(id);
        Assert.Equal((ChainBreakKind.Altered, 17L), (altered.Break!.Kind, altered.Break.Sequence));
        // A receipt from before the altered entry no longer leads to the head: the check says so.
        var fifth = await app.WithDbAsync(db => db.Set<PollBallot>().SingleAsync(b => b.PollId == id && b.Sequence == 5));
        var receiptCheck = await app.CreateClient().GetPageAsync($"/votes/verify?poll={id}&entry=5&hash={fifth.Hash}");
        Assert.Equal("Broken", receiptCheck.QuerySelector("[data-receipt-result]")!.GetAttribute("data-receipt-result"));

        // Someone moves a count without a ballot: the recount differs.
        var (other, p) = await PollAsync();
        await Writer.CastAsync(new(other, "x-" + other, null, [p[0]]));
        await app.WithDbAsync(db => db.Set<PollOption>().Where(x => x.Id == p[1]).ExecuteUpdateAsync(s => s.SetProperty(x => x.Votes, 5)));
        Assert.Equal(ChainBreakKind.CountDiffers, (await VerifyAsync(other)).Break!.Kind);
        (code, _) = await Verbs.RunAsync(app, "verify-ballots", other.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Checkpoints_fix_the_chain_in_public_and_catch_a_rewrite_that_recomputes_every_hash()
    {
        var (id, o) = await PollAsync();
        var receipts = new List<BallotReceipt>();
        for (var i = 0; i < 6; i++) receipts.Add((await Writer.CastAsync(new(id, $"cp-{id}-{i}", null, [o[i % 2]]))).Receipt!);
        var publisher = app.Services.GetRequiredService<PollCheckpointPublisher>();
        Assert.True(await publisher.PublishAsync() >= 1);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).Select(p => db.Set<PollCheckpoint>().Count(c => c.PollId == p.Id) - 1).SingleAsync()));
        await publisher.PublishAsync(); // nothing grew: no second checkpoint
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<PollCheckpoint>().CountAsync(c => c.PollId == id)));
        for (var i = 6; i < 9; i++) receipts.Add((await Writer.CastAsync(new(id, $"cp-{id}-{i}", null, [o[2]]))).Receipt!);

        using (var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/polls/{id}/checkpoints")))
            Assert.Equal([(6L, receipts[5].Hash)], json.RootElement.EnumerateArray().Select(c => (c.GetProperty("length").GetInt64(), c.GetProperty("headHash").GetString()!)));
        // A receipt names the checkpoint that holds its ballot; a later ballot has none yet.
        var held = await app.CreateClient().GetPageAsync($"/votes/verify?poll={id}&entry=3&hash={receipts[2].Hash}");
        Assert.Equal("6", held.QuerySelector("[data-checkpoint]")!.GetAttribute("data-checkpoint"));
        Assert.Equal("none", (await app.CreateClient().GetPageAsync($"/votes/verify?poll={id}&entry=8&hash={receipts[7].Hash}")).QuerySelector("[data-checkpoint]")!.GetAttribute("data-checkpoint"));
        Assert.True((await VerifyAsync(id)).IsIntact);

        // Someone with the database rewrites ballot 2 and recomputes every hash after it, and the poll's head and counts:
        // the chain is consistent in itself, but no longer passes through the published checkpoint.
        await app.WithDbAsync(async db =>
        {
            var ballots = await db.Set<PollBallot>().Where(b => b.PollId == id).OrderBy(b => b.Sequence).ToListAsync();
            var previous = ballots[0].Hash;
            foreach (var b in ballots.Skip(1))
            {
                if (b.Sequence == 2) b.Choices = o[0].ToString(CultureInfo.InvariantCulture);
                b.PreviousHash = previous;
                b.Hash = PollBallot.HashOf(b);
                previous = b.Hash;
            }
            var poll = await db.Set<Poll>().SingleAsync(p => p.Id == id);
            poll.ChainHead = previous;
            var first = await db.Set<PollOption>().SingleAsync(x => x.Id == o[0]);
            var second = await db.Set<PollOption>().SingleAsync(x => x.Id == o[1]);
            (first.Votes, second.Votes) = (first.Votes + 1, second.Votes - 1);
            await db.SaveChangesAsync();
            var voter = await db.Set<PollVoter>().SingleAsync(v => v.PollId == id && v.Sequence == 2);
            voter.Choices = o[0].ToString(CultureInfo.InvariantCulture);
            await db.SaveChangesAsync();
        });
        var rewritten = await VerifyAsync(id);
        Assert.Equal((ChainBreakKind.HeadRewritten, 6L), (rewritten.Break!.Kind, rewritten.Break.Sequence));
        var newFirst = await app.WithDbAsync(db => db.Set<PollBallot>().Where(b => b.PollId == id && b.Sequence == 1).Select(b => b.Hash).SingleAsync());
        Assert.Equal("Broken", (await app.CreateClient().GetPageAsync($"/votes/verify?poll={id}&entry=1&hash={newFirst}")).QuerySelector("[data-receipt-result]")!.GetAttribute("data-receipt-result"));

        // Ballots cut from the end of the chain, with the head moved back: the checkpoint says they were there.
        var (cut, c) = await PollAsync();
        for (var i = 0; i < 4; i++) await Writer.CastAsync(new(cut, $"cut-{cut}-{i}", null, [c[0]]));
        await publisher.PublishAsync();
        await app.WithDbAsync(async db =>
        {
            await db.Set<PollBallot>().Where(b => b.PollId == cut && b.Sequence > 2).ExecuteDeleteAsync();
            await db.Set<PollVoter>().Where(v => v.PollId == cut && v.Sequence > 2).ExecuteDeleteAsync();
            var head = await db.Set<PollBallot>().Where(b => b.PollId == cut && b.Sequence == 2).Select(b => b.Hash).SingleAsync();
            await db.Set<Poll>().Where(p => p.Id == cut).ExecuteUpdateAsync(u => u.SetProperty(p => p.ChainLength, 2L).SetProperty(p => p.ChainHead, head).SetProperty(p => p.VoterCount, 2));
            await db.Set<PollOption>().Where(x => x.Id == c[0]).ExecuteUpdateAsync(u => u.SetProperty(x => x.Votes, 2));
        });
        var shortened = await VerifyAsync(cut);
        Assert.Equal((ChainBreakKind.HeadGone, 4L), (shortened.Break!.Kind, shortened.Break.Sequence));
    }

    [Fact]
    public async Task The_participation_sector_the_home_page_and_the_search_lead_to_the_votes()
    {
        var (id, _) = await PollAsync(title: "분수광장 이름 짓기");
        // A draft is found nowhere.
        await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PublishedAt, (DateTime?)null)));
        await app.Services.GetRequiredService<CityHall.Web.Platform.Search.SearchIndex>().ReconcileAsync();
        Assert.Null((await app.CreateClient().GetPageAsync("/search?q=" + Uri.EscapeDataString("분수광장"))).QuerySelector("[data-results='poll']"));
        await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PublishedAt, DateTime.UtcNow.AddHours(-1)).SetProperty(p => p.ClosesAt, DateTime.UtcNow.AddMinutes(30))));
        await app.Services.GetRequiredService<CityHall.Web.Platform.Search.SearchIndex>().ReconcileAsync();
        var found = await app.CreateClient().GetPageAsync("/search?q=" + Uri.EscapeDataString("분수광장") + "&published=1");
        Assert.Equal($"/votes/{id}", found.QuerySelector("[data-results='poll'] [data-result] a")!.GetAttribute("href"));
        // Closing soonest of those open, it is among the three the home page shows (its blocks are read once for a few seconds for everyone).
        Assert.NotNull((await app.CreateClient().GetPageAsync("/?published=1")).QuerySelector($"[data-home-block='Decisions/open'] [data-poll='{id}'] a[href='/votes/{id}']"));
        var sector = await app.CreateClient().GetPageAsync("/sectors/participation");
        Assert.NotNull(sector.QuerySelector("a[href='/votes']"));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/votes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/votes/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/v1/polls/999999999/ballots")).StatusCode);
    }

    [Fact]
    public async Task Results_by_district_merge_small_districts_and_come_as_csv_and_json_only_once_shown()
    {
        var (id, o) = await PollAsync();
        // 25 in 종로구 (11110), 12 in 중구 (11140), 3 in 용산구 (11170), 4 in 성동구 (11200), 2 with no district.
        var groups = new (string? District, int Count)[] { ("11110", 25), ("11140", 12), ("11170", 3), ("11200", 4), (null, 2) };
        var n = 0;
        foreach (var (district, count) in groups)
            for (var i = 0; i < count; i++)
                Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(id, $"district-{id}-{n}", district, [o[n++ % 2 == 0 ? 0 : 1]]))).Outcome);

        Assert.Equal(HttpStatusCode.Conflict, (await app.CreateClient().GetAsync($"/api/v1/polls/{id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.CreateClient().GetAsync($"/api/v1/polls/{id}/results.csv")).StatusCode);
        Assert.NotNull((await app.CreateClient().GetPageAsync($"/votes/{id}/results")).QuerySelector("[data-results-hidden]"));

        await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedEarlyAt, DateTime.UtcNow)));
        var page = await app.CreateClient().GetPageAsync($"/votes/{id}/results?after=close");
        // 용산, 성동 and no district make 9: under 10, so 중구 joins them; 종로 stands alone.
        Assert.Equal(["11110:25", "others:21"], page.QuerySelectorAll("[data-breakdown=by-district] tbody tr").Select(r => $"{r.GetAttribute("data-group")}:{r.GetAttribute("data-voters")}"));
        Assert.Equal("46", page.QuerySelector("[data-results] caption")!.TextContent.Split(' ', '(', ')', '명').First(w => w.Length > 0 && char.IsDigit(w[0])));

        using (var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/polls/{id}/results")))
        {
            var rows = json.RootElement.GetProperty("byDistrict").EnumerateArray().ToList();
            Assert.Equal(["11110", null], rows.Select(r => r.GetProperty("district").GetString()));
            Assert.True(rows[1].GetProperty("merged").GetBoolean());
            Assert.Equal(46, rows.Sum(r => r.GetProperty("voters").GetInt32()));
            Assert.Equal(25, rows[0].GetProperty("votes").EnumerateObject().Sum(v => v.Value.GetInt32()));
        }
        var csv = await app.CreateClient().GetAsync($"/api/v1/polls/{id}/results.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("breakdown,group_code,group,voters,선택 가,선택 나,선택 다", lines[0]);
        Assert.Equal(["all,,전체,46,23,23,0", "district,11110,종로구,25,13,12,0", "district,,그 밖의 자치구,21,10,11,0", "age,,출생 연도 모름,46,23,23,0"], lines[1..]);

        // Fewer than 10 voters in all: no breakdown.
        var (few, fo) = await PollAsync();
        for (var i = 0; i < 9; i++) await Writer.CastAsync(new(few, $"few-{few}-{i}", "11110", [fo[0]]));
        await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == few).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedEarlyAt, DateTime.UtcNow)));
        Assert.NotNull((await app.CreateClient().GetPageAsync($"/votes/{few}/results")).QuerySelector("[data-breakdown-none=by-district]"));
    }

    /// <summary>The year a poll's ages are counted in: the year it opens, in the city's calendar.</summary>
    private async Task<int> AgeYearAsync(long poll)
    {
        var opens = await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == poll).Select(p => p.OpensAt).SingleAsync());
        return app.Services.GetRequiredService<CityHall.Web.Platform.City.CityClock>().ToLocal(opens).Year;
    }

    [Fact]
    public async Task A_poll_for_some_ages_counts_them_from_the_year_of_birth_and_tells_others_why_before_they_try()
    {
        var (id, o) = await PollAsync(minAge: 19, maxAge: 24);
        var year = await AgeYearAsync(id);
        var older = await app.VerifiedCitizenAsync(birthYear: year - 25);
        var page = await older.GetPageAsync($"/votes/{id}");
        Assert.NotNull(page.QuerySelector("[data-why-not='outside-age']"));
        Assert.Contains("25세", page.QuerySelector("[data-why-not='outside-age']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"19세부터 24세까지({year}년 기준", page.QuerySelector("[data-ages]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[data-ballot-form]"));
        // A ballot posted anyway is refused, with the reason in the reader's language.
        Assert.Equal($"/votes/{id}?refused=outside-age", Html.RedirectedTo(await PostBallotAsync(older, id, o[0])));
        Assert.Equal(["이 투표는 정해진 나이의 시민만 참여할 수 있습니다."], (await older.GetPageAsync($"/votes/{id}?refused=outside-age")).ErrorSummary());
        // The youngest and the oldest allowed both vote.
        var receipt = 0;
        foreach (var born in new[] { year - 19, year - 24 })
        {
            var voter = await app.VerifiedCitizenAsync(birthYear: born);
            Assert.Equal($"/votes/{id}?done=cast&receipt={++receipt}#receipt", Html.RedirectedTo(await CastAsync(voter, id, o[1])));
        }
        Assert.Equal([year - 24, year - 19], await app.WithDbAsync(db => db.Set<PollVoter>().Where(v => v.PollId == id).OrderBy(v => v.BirthYear).Select(v => v.BirthYear!.Value).ToListAsync()));
        // The writer holds the line whatever the page said: no year of birth, or a year too late.
        Assert.Equal(BallotOutcome.NoBirthYear, (await Writer.CastAsync(new(id, "unknown-" + id, null, [o[0]]))).Outcome);
        Assert.Equal(BallotOutcome.OutsideAge, (await Writer.CastAsync(new(id, "young-" + id, null, [o[0]], BirthYear: year - 18))).Outcome);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).Select(p => p.VoterCount).SingleAsync()));

        // At a polling station the year comes from the identity card: required here, and checked the same way.
        var officer = await app.SignedInStaffAsync(Roles.Official);
        async Task<AngleSharp.Dom.IDocument> EnterAsync(string? birthYear)
        {
            var station = await officer.GetPageAsync($"/admin/votes/{id}/paper");
            var fields = new List<KeyValuePair<string, string>> { new("Mobile", TestAccounts.RandomMobile()), new("choice", o[2].ToString(CultureInfo.InvariantCulture)) };
            if (birthYear is not null) fields.Add(new("BirthYear", birthYear));
            return await Html.ParseAsync(await officer.SubmitAsync(station, fields, "form[data-paper-form]"));
        }
        Assert.Equal([$"출생 연도를 1900년부터 {year}년 사이의 네 자리 숫자로 입력하세요."], (await EnterAsync(null)).ErrorSummary());
        Assert.Single((await EnterAsync("19x0")).ErrorSummary());
        Assert.Equal(["이 투표는 정해진 나이의 시민만 참여할 수 있습니다."], (await EnterAsync((year - 30).ToString(CultureInfo.InvariantCulture))).ErrorSummary());
        Assert.Equal("counted", (await EnterAsync((year - 20).ToString(CultureInfo.InvariantCulture))).QuerySelector("[data-paper-outcome]")!.GetAttribute("data-paper-outcome"));
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).Select(p => p.VoterCount).SingleAsync()));
    }

    [Fact]
    public async Task Results_by_age_band_merge_small_bands()
    {
        var (id, o) = await PollAsync();
        var year = await AgeYearAsync(id);
        // 12 in their 20s, 15 in their 40s, 10 in their 60s; 4 under 20, 6 aged 70 and over and 1 not known make 11, merged.
        var groups = new (int? Age, int Count)[] { (25, 12), (41, 15), (69, 10), (17, 4), (70, 6), (null, 1) };
        var n = 0;
        foreach (var (age, count) in groups)
            for (var i = 0; i < count; i++)
                Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(id, $"age-{id}-{n}", null, [o[n++ % 3 == 0 ? 0 : 1]], BirthYear: year - age))).Outcome);
        await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedEarlyAt, DateTime.UtcNow)));

        var page = await app.CreateClient().GetPageAsync($"/votes/{id}/results?ages=1");
        var rows = page.QuerySelectorAll("[data-breakdown=by-age] tbody tr");
        Assert.Equal(["20-29:12", "40-49:15", "60-69:10", "others:11"], rows.Select(r => $"{r.GetAttribute("data-group")}:{r.GetAttribute("data-voters")}"));
        Assert.Equal(["20대", "40대", "60대", "그 밖의 연령대"], rows.Select(r => r.QuerySelector("th")!.TextContent));
        using (var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/polls/{id}/results")))
        {
            var bands = json.RootElement.GetProperty("byAge").EnumerateArray().ToList();
            Assert.Equal(["20-29", "40-49", "60-69", null], bands.Select(r => r.GetProperty("band").GetString()));
            Assert.Equal(48, bands.Sum(r => r.GetProperty("voters").GetInt32()));
        }
        var lines = (await (await app.CreateClient().GetAsync($"/api/v1/polls/{id}/results.csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["age,20-29,20대,12", "age,40-49,40대,15", "age,60-69,60대,10", "age,,그 밖의 연령대,11"], lines.Where(l => l.StartsWith("age,", StringComparison.Ordinal)).Select(l => string.Join(',', l.Split(',')[..4])));
    }

    [Fact]
    public async Task Staff_set_the_ages_that_may_vote_and_absurd_ages_are_refused()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var form = await staff.GetPageAsync("/admin/votes/new");
        var local = DateTime.UtcNow.AddHours(9);
        string At(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var title = "청소년 공간 이름 " + Guid.NewGuid().ToString("N")[..6];
        IEnumerable<KeyValuePair<string, string>> Filled(string min, string max) => form.FilledIn("form[data-poll-form]").With(("Input.TitleKo", title), ("Input.Options", "가\n나"),
            ("Input.OpensAt", At(local.AddDays(1))), ("Input.ClosesAt", At(local.AddDays(8))), ("Input.MinAge", min), ("Input.MaxAge", max));
        var absurd = (await Html.ParseAsync(await staff.SubmitAsync(form, Filled("-1", "abc"), "form[data-poll-form]"))).ErrorSummary();
        Assert.Equal(2, absurd.Length);
        Assert.Contains("나이는 0부터 130 사이의 정수로 입력하세요.", absurd);
        Assert.Equal(["가장 많은 나이는 가장 어린 나이보다 작을 수 없습니다."], (await Html.ParseAsync(await staff.SubmitAsync(form, Filled("30", "20"), "form[data-poll-form]"))).ErrorSummary());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Poll>().CountAsync(p => p.TitleKo == title)));
        Html.RedirectedTo(await staff.SubmitAsync(form, Filled("14", ""), "form[data-poll-form]"));
        Assert.Equal(((int?)14, (int?)null), await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.TitleKo == title).Select(p => new ValueTuple<int?, int?>(p.MinAge, p.MaxAge)).SingleAsync()));
    }

    [Fact]
    public async Task A_yes_no_poll_with_other_takes_written_answers_that_show_only_once_moderated()
    {
        // Staff make it: a yes/no poll needs no options typed; "other" is for one-answer polls only.
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var form = await staff.GetPageAsync("/admin/votes/new");
        var local = DateTime.UtcNow.AddHours(9);
        string At(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var title = "차 없는 거리 확대 " + Guid.NewGuid().ToString("N")[..6];
        IEnumerable<KeyValuePair<string, string>> Filled(string kind) => form.FilledIn("form[data-poll-form]").With(("Input.TitleKo", title), ("Input.Options", ""),
            ("Input.Kind", kind), ("Input.AllowOther", "true"), ("Input.OpensAt", At(local.AddHours(-1))), ("Input.ClosesAt", At(local.AddDays(3))));
        Assert.Equal(["선택지를 두 개 이상 적어 주세요.", "'기타' 답은 하나만 고르는 투표와 찬반 투표에서만 받을 수 있습니다."],
            (await Html.ParseAsync(await staff.SubmitAsync(form, Filled("MultipleChoice"), "form[data-poll-form]"))).ErrorSummary());
        var saved = Html.RedirectedTo(await staff.SubmitAsync(form, Filled("YesNo"), "form[data-poll-form]"));
        var id = long.Parse(saved.Split('/', '?')[3], CultureInfo.InvariantCulture);
        var options = await app.WithDbAsync(db => db.Set<PollOption>().Where(o => o.PollId == id).OrderBy(o => o.Position).ToListAsync());
        Assert.Equal([("찬성", "Yes", false), ("반대", "No", false), ("기타(직접 쓰기)", "Other (write your own)", true)], options.Select(o => (o.LabelKo, o.LabelEn!, o.IsOther)));
        Html.RedirectedTo(await staff.SubmitAsync(await staff.GetPageAsync($"/admin/votes/{id}"), [], "form[data-publish]"));
        var (yes, other) = (options[0].Id, options[2].Id);

        // "Other" needs the voter's own words; the page has the field without any script.
        var voter = await app.VerifiedCitizenAsync();
        var ballot = await voter.GetPageAsync($"/votes/{id}");
        Assert.NotNull(ballot.QuerySelector("form[data-ballot-form] input#other[name=other]"));
        Assert.Equal($"/votes/{id}?refused=other-text&chosen={other}#ballot", Html.RedirectedTo(await CastAsync(voter, id, other)));
        async Task<string> CastOtherAsync(HttpClient who, string text)
        {
            var page = await who.GetPageAsync($"/votes/{id}");
            return Html.RedirectedTo(await who.SubmitAsync(page, [new("choice", other.ToString(CultureInfo.InvariantCulture)), new("other", text)], "form[data-ballot-form]"));
        }
        Assert.StartsWith($"/votes/{id}?done=cast", await CastOtherAsync(voter, "주말에만 시범으로 해 보면 좋겠습니다"), StringComparison.Ordinal);
        Assert.Equal(BallotOutcome.OtherTextMissing, (await Writer.CastAsync(new(id, "long-" + id, null, [other], OtherText: new string('가', 501)))).Outcome);
        // A new ballot replaces the written answer with it: yes removes it, "other" again brings a new one.
        Assert.StartsWith($"/votes/{id}?done=replaced", Html.RedirectedTo(await CastAsync(voter, id, yes)), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<PollOtherAnswer>().CountAsync(a => a.PollId == id)));
        Assert.StartsWith($"/votes/{id}?done=replaced", await CastOtherAsync(voter, "평일 저녁에도 해 주세요"), StringComparison.Ordinal);
        var rude = await app.VerifiedCitizenAsync();
        Assert.StartsWith($"/votes/{id}?done=cast", await CastOtherAsync(rude, "담당자 홍길동은 바보"), StringComparison.Ordinal);
        Assert.Equal(["평일 저녁에도 해 주세요", "담당자 홍길동은 바보"], await app.WithDbAsync(db => db.Set<PollOtherAnswer>().Where(a => a.PollId == id).OrderBy(a => a.Id).Select(a => a.Text).ToListAsync()));
        Assert.True((await VerifyAsync(id)).IsIntact);

        // A moderator publishes one and keeps the other from view; once the poll closes the results show the published one only.
        var moderator = await app.SignedInStaffAsync(Roles.Moderator);
        var queue = await moderator.GetPageAsync("/admin/votes/proposals");
        var answers = await app.WithDbAsync(db => db.Set<PollOtherAnswer>().Where(a => a.PollId == id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync());
        Assert.DoesNotContain("commitment", queue.QuerySelector($"[data-other='{answers[0]}']")!.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Html.RedirectedTo(await moderator.SubmitAsync(queue, [new("publish", "true")], $"form[data-other-form='{answers[0]}']"));
        Html.RedirectedTo(await moderator.SubmitAsync(queue, [new("publish", "false")], $"form[data-other-form='{answers[1]}']"));
        await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.ClosedEarlyAt, DateTime.UtcNow)));
        var results = await app.CreateClient().GetPageAsync($"/votes/{id}/results?other=1");
        Assert.Equal(["평일 저녁에도 해 주세요"], results.QuerySelectorAll("[data-other-answers] li").Select(li => li.TextContent));
        using var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/polls/{id}/results"));
        Assert.Equal(["평일 저녁에도 해 주세요"], json.RootElement.GetProperty("otherAnswers").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(2, json.RootElement.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("isOther").GetBoolean()).GetProperty("votes").GetInt32());
    }

    [Fact]
    public async Task Staff_give_options_pictures_with_their_words_and_the_ballot_shows_them_once_published()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var form = await staff.GetPageAsync("/admin/votes/new");
        var local = DateTime.UtcNow.AddHours(9);
        string At(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var title = "새 시내버스 디자인 " + Guid.NewGuid().ToString("N")[..6];
        var id = long.Parse(Html.RedirectedTo(await staff.SubmitAsync(form, form.FilledIn("form[data-poll-form]").With(("Input.TitleKo", title), ("Input.Options", "하늘색 | Sky blue\n초록색 | Green"),
            ("Input.OpensAt", At(local.AddHours(-1))), ("Input.ClosesAt", At(local.AddDays(3)))), "form[data-poll-form]")).Split('/', '?')[3], CultureInfo.InvariantCulture);
        var draft = await staff.GetPageAsync($"/admin/votes/{id}");
        var sky = long.Parse(draft.QuerySelector("[data-option-image]")!.GetAttribute("data-option-image")!, CultureInfo.InvariantCulture);
        var picture = TestImages.RedLeftBlueRight(640, 480);
        Assert.Equal(2, (await Html.ParseAsync(await staff.SubmitMultipartAsync(draft, [], [], $"form[data-image-form='{sky}']"))).ErrorSummary().Length);
        Assert.Single((await Html.ParseAsync(await staff.SubmitMultipartAsync(draft, [new("alt", "하늘색 버스")], [("image", "bus.jpg", "not a picture"u8.ToArray(), "image/jpeg")], $"form[data-image-form='{sky}']"))).ErrorSummary());
        Assert.Equal($"/admin/votes/{id}#images", Html.RedirectedTo(await staff.SubmitMultipartAsync(draft, [new("alt", "옆면이 하늘색인 시내버스")], [("image", "bus.jpg", picture, "image/jpeg")], $"form[data-image-form='{sky}']")));

        // Saving the draft again (a label corrected) keeps the picture at its place; until published, only staff see it.
        var saved = await staff.GetPageAsync($"/admin/votes/{id}");
        Html.RedirectedTo(await staff.SubmitAsync(saved, saved.FilledIn("form[data-poll-form]").With(("Input.Options", "하늘색 버스 | Sky blue bus\n초록색 버스 | Green bus")), "form[data-poll-form]"));
        var image = (await staff.GetPageAsync($"/admin/votes/{id}")).QuerySelector($"[data-option-image='{sky}'] img")!;
        Assert.Equal("옆면이 하늘색인 시내버스", image.GetAttribute("alt"));
        var src = image.GetAttribute("src")!;
        Assert.Equal("image/jpeg", (await staff.GetAsync(src)).Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(src)).StatusCode);

        Html.RedirectedTo(await staff.SubmitAsync(await staff.GetPageAsync($"/admin/votes/{id}"), [], "form[data-publish]"));
        var ballot = await (await app.VerifiedCitizenAsync()).GetPageAsync($"/votes/{id}");
        var shown = ballot.QuerySelector($"label[for=choice] img[data-option-image]")!;
        Assert.Equal(("옆면이 하늘색인 시내버스", src), (shown.GetAttribute("alt"), shown.GetAttribute("src")));
        var served = await app.CreateClient().GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("public", served.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        // The open data and the polling station's page show it too.
        using (var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/polls/{id}")))
        {
            var first = json.RootElement.GetProperty("options")[0];
            Assert.Equal((src, "옆면이 하늘색인 시내버스"), (first.GetProperty("image").GetString(), first.GetProperty("imageAlt").GetString()));
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("options")[1].GetProperty("image").ValueKind);
        }
        Assert.Equal(src, (await staff.GetPageAsync($"/admin/votes/{id}/paper")).QuerySelector("label[for=choice] img")!.GetAttribute("src"));
        // Published, the ballot is fixed: its pictures too.
        Assert.Equal(HttpStatusCode.NotFound, (await staff.SubmitMultipartAsync(draft, [new("alt", "다른 그림")], [("image", "bus.jpg", picture, "image/jpeg")], $"form[data-image-form='{sky}']")).StatusCode);
    }

    [Fact]
    public async Task A_ranked_poll_takes_ranks_from_the_form_and_gives_instant_runoff_and_borda_results()
    {
        var (id, o) = await PollAsync(PollKind.Ranked, min: 1, max: 3);
        var (a, b, c) = (o[0], o[1], o[2]);
        // Through the form: ranks must run 1, 2, … without a gap or a repeat.
        var voter = await app.VerifiedCitizenAsync();
        var page = await voter.GetPageAsync($"/votes/{id}");
        Assert.Equal(3, page.QuerySelectorAll("form[data-ballot-form] select[name^='rank-']").Length);
        async Task<HttpResponseMessage> RankAsync(params (long Option, string Rank)[] ranks) =>
            await voter.SubmitAsync(page, ranks.Select(r => new KeyValuePair<string, string>($"rank-{r.Option}", r.Rank)), "form[data-ballot-form]");
        Assert.Equal($"/votes/{id}?refused=invalid-choices#ballot", Html.RedirectedTo(await RankAsync((a, "1"), (b, "3"), (c, ""))));
        Assert.Equal($"/votes/{id}?refused=invalid-choices#ballot", Html.RedirectedTo(await RankAsync((a, "1"), (b, "1"), (c, ""))));
        Assert.Equal($"/votes/{id}?refused=invalid-choices#ballot", Html.RedirectedTo(await RankAsync((a, ""), (b, ""), (c, ""))));
        Assert.Equal($"/votes/{id}?done=cast&receipt=1#receipt", Html.RedirectedTo(await RankAsync((a, "2"), (b, "1"), (c, ""))));
        var mine = await voter.GetPageAsync($"/votes/{id}");
        Assert.Equal("1", mine.QuerySelector($"select[name='rank-{b}'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("2", mine.QuerySelector($"select[name='rank-{a}'] option[selected]")!.GetAttribute("value"));
        Assert.Equal(b + "," + a, await app.WithDbAsync(db => db.Set<PollBallot>().Where(x => x.PollId == id).Select(x => x.Choices).SingleAsync()));

        // Three more: A > B, C > B, C alone. First choices A 1, B 1, C 2.
        Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(id, "r1-" + id, null, [a, b]))).Outcome);
        Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(id, "r3-" + id, null, [c, b]))).Outcome);
        Assert.Equal(BallotOutcome.Cast, (await Writer.CastAsync(new(id, "r4-" + id, null, [c]))).Outcome);
        Assert.Equal(BallotOutcome.InvalidChoices, (await Writer.CastAsync(new(id, "r5-" + id, null, [c, c]))).Outcome);
        Assert.Equal(new Dictionary<long, int> { [a] = 1, [b] = 1, [c] = 2 }, await VotesAsync(id));
        Assert.True((await VerifyAsync(id)).IsIntact);

        await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ClosedEarlyAt, DateTime.UtcNow)));
        var results = await app.CreateClient().GetPageAsync($"/votes/{id}/results");
        // Round 1: no majority; B and A tie for fewest, B is listed later and goes. Round 2: A 2, C 2; A had fewer in round 1 and goes. Round 3: C 2 of 2 still counting.
        Assert.Equal(c.ToString(CultureInfo.InvariantCulture), results.QuerySelector("[data-runoff-winner]")!.GetAttribute("data-runoff-winner"));
        Assert.Equal(3, results.QuerySelectorAll("[data-runoff] tbody tr").Length);
        // Borda (2 points for a first choice, 1 for a second): A 3, B 4, C 4.
        Assert.Equal([$"{b}:4", $"{c}:4", $"{a}:3"], results.QuerySelectorAll("[data-borda] tbody tr").Select(r => $"{r.GetAttribute("data-option")}:{r.GetAttribute("data-points")}"));
        using var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/polls/{id}/results"));
        var ranked = json.RootElement.GetProperty("ranked");
        Assert.Equal(c, ranked.GetProperty("runoffWinner").GetInt64());
        Assert.Equal(3, ranked.GetProperty("rounds").GetArrayLength());
        Assert.Equal(2, ranked.GetProperty("rounds")[2].GetProperty("exhausted").GetInt32());
        Assert.Equal(3, ranked.GetProperty("borda").GetProperty(a.ToString(CultureInfo.InvariantCulture)).GetInt64());
    }

    [Fact]
    public async Task A_poll_for_a_group_lets_its_members_vote_and_tells_others_why_not_without_keeping_their_numbers()
    {
        var (member, other) = (TestAccounts.RandomMobile(), TestAccounts.RandomMobile());
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var form = await staff.GetPageAsync("/admin/votes/new");
        var local = DateTime.UtcNow.AddHours(9);
        string At(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var values = form.FilledIn("form[data-poll-form]").With(("Input.TitleKo", "학부모 투표: 운동회 날짜"), ("Input.Options", "5월\n10월"),
            ("Input.Kind", "SingleChoice"), ("Input.Results", "AfterClose"), ("Input.OpensAt", At(local.AddMinutes(-5))), ("Input.ClosesAt", At(local.AddDays(7))));
        // A line that is no mobile number is named.
        var wrong = await Html.ParseAsync(await staff.SubmitAsync(form, values.With(("Input.GroupMembers", $"{member}\n교무실")), "form[data-poll-form]"));
        Assert.Contains("2", Assert.Single(wrong.ErrorSummary()), StringComparison.Ordinal);
        var id = long.Parse(Html.RedirectedTo(await staff.SubmitAsync(form, values.With(("Input.GroupMembers", $"{member[..3]}-{member[3..7]}-{member[7..]}\n010 0000 0000")), "form[data-poll-form]")).Split('/', '?')[3], CultureInfo.InvariantCulture);
        var draft = await staff.GetPageAsync($"/admin/votes/{id}");
        Assert.Equal("2", draft.QuerySelector("[data-group-size]")!.GetAttribute("data-group-size"));
        Assert.DoesNotContain(member, await app.WithDbAsync(async db => string.Join(' ', await db.Set<PollMember>().Where(m => m.PollId == id).Select(m => m.Commitment).ToListAsync())), StringComparison.Ordinal);
        Html.RedirectedTo(await staff.SubmitAsync(draft, [], "form[data-publish]"));

        var inGroup = await app.SignedUpCitizenAsync();
        Html.RedirectedTo(await TestAccounts.VerifyBySmsAsync(app, inGroup, member));
        var outsider = await app.SignedUpCitizenAsync();
        Html.RedirectedTo(await TestAccounts.VerifyBySmsAsync(app, outsider, other));
        var options = await app.WithDbAsync(db => db.Set<PollOption>().Where(o => o.PollId == id).OrderBy(o => o.Position).Select(o => o.Id).ToListAsync());

        var refused = await outsider.GetPageAsync($"/votes/{id}");
        Assert.NotNull(refused.QuerySelector("[data-why-not='not-in-group']"));
        Assert.Null(refused.QuerySelector("form[data-ballot-form]"));
        Assert.Equal($"/votes/{id}?refused=not-in-group", Html.RedirectedTo(await PostBallotAsync(outsider, id, options[0])));
        Assert.Equal($"/votes/{id}?done=cast&receipt=1#receipt", Html.RedirectedTo(await CastAsync(inGroup, id, options[1])));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == id).Select(p => p.VoterCount).SingleAsync()));
    }

    [Fact]
    public async Task Paper_ballots_from_a_polling_station_count_once_per_person_across_paper_and_online()
    {
        var (id, o) = await PollAsync();
        var officer = await app.SignedInStaffAsync(Roles.Official);
        var station = $"/admin/votes/{id}/paper";
        async Task<AngleSharp.Dom.IDocument> EnterAsync(string mobile, long choice)
        {
            var page = await officer.GetPageAsync(station);
            return await Html.ParseAsync(await officer.SubmitAsync(page, [new("Mobile", mobile), new("choice", choice.ToString(CultureInfo.InvariantCulture))], "form[data-paper-form]"));
        }
        Assert.Single((await EnterAsync("not a number", o[0])).ErrorSummary());

        // A person who has not voted: counted, marked paper on the chain. The same person at another station: flagged.
        var a = TestAccounts.RandomMobile();
        Assert.Equal("counted", (await EnterAsync(a, o[0])).QuerySelector("[data-paper-outcome]")!.GetAttribute("data-paper-outcome"));
        Assert.Equal("flagged", (await EnterAsync(a, o[1])).QuerySelector("[data-paper-outcome]")!.GetAttribute("data-paper-outcome"));

        // Online first, then on paper: the online ballot counts, the paper one is flagged.
        var b = TestAccounts.RandomMobile();
        var online = await app.SignedUpCitizenAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.VerifyBySmsAsync(app, online, b)).StatusCode);
        Html.RedirectedTo(await CastAsync(online, id, o[2]));
        Assert.Equal("flagged", (await EnterAsync(b, o[0])).QuerySelector("[data-paper-outcome]")!.GetAttribute("data-paper-outcome"));

        // On paper first, then online: refused with the reason, and the page says so before they try again.
        var c = TestAccounts.RandomMobile();
        Assert.Equal("counted", (await EnterAsync(c, o[1])).QuerySelector("[data-paper-outcome]")!.GetAttribute("data-paper-outcome"));
        var later = await app.SignedUpCitizenAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.VerifyBySmsAsync(app, later, c)).StatusCode);
        var page = await later.GetPageAsync($"/votes/{id}");
        Assert.NotNull(page.QuerySelector("[data-why-not='voted-on-paper']"));
        Assert.Null(page.QuerySelector("form[data-ballot-form]"));
        Assert.Equal($"/votes/{id}?refused=voted-on-paper", Html.RedirectedTo(await PostBallotAsync(later, id, o[2])));

        // Three counted (a, b online, c), three flagged with their reasons; the chain holds the two paper ballots as such and recounts.
        Assert.Equal(new Dictionary<long, int> { [o[0]] = 1, [o[1]] = 1, [o[2]] = 1 }, await VotesAsync(id));
        var flagged = await app.WithDbAsync(db => db.Set<FlaggedBallot>().Where(f => f.PollId == id).OrderBy(f => f.Id).Select(f => new { f.Reason, f.Paper }).ToListAsync());
        Assert.Equal([("voted-on-paper", true), ("voted-online", true), ("voted-on-paper", false)], flagged.Select(f => (f.Reason, f.Paper)));
        using (var chain = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/polls/{id}/ballots")))
            Assert.Equal([true, false, true], chain.RootElement.EnumerateArray().Select(e => e.GetProperty("paper").GetBoolean()));
        var report = await VerifyAsync(id);
        Assert.True(report.IsIntact, report.Break?.ToString());
        // A paper entry's mark is part of its hash: changed, the chain says so.
        await app.WithDbAsync(db => db.Set<PollBallot>().Where(x => x.PollId == id && x.Sequence == 1).ExecuteUpdateAsync(u => u.SetProperty(x => x.Paper, false)));
        Assert.False((await VerifyAsync(id)).IsIntact);

        // Citizens cannot enter paper ballots.
        Assert.NotEqual(HttpStatusCode.OK, (await online.GetAsync(station)).StatusCode);
    }
}
