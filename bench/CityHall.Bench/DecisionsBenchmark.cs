using System.Net;
using System.Security.Cryptography;
using CityHall.Web.Modules.Decisions;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Bench;

/// <summary>
/// A city-wide poll at its busiest (mVoting): verified citizens vote over HTTP (sign-in cookie, form token, the real
/// endpoint) and, as a browser does, load the receipt page the ballot redirects to (signed in: never from the cache),
/// each voting again and again for another option — every ballot after a person's first replaces their last, the
/// costlier case — while others read the poll page with its live results. Counts only ballots acknowledged after
/// commit (the redirect to the receipt; with --no-receipt the page is not loaded: the POST alone, as the petitions'
/// issue run measured supports); then checks the chain's length against them, and recounts the chain
/// against the counts by option and the number of voters.
/// </summary>
public static class DecisionsBenchmark
{
    private const int Options = 5;

    public static async Task RunAsync(BenchOptions options, int citizens, int readers, bool withReceipt, CancellationToken ct)
    {
        options.PrintHeader("decisions");
        Console.WriteLine($"# {citizens} verified citizens (a browser's two connections each) voting in one poll of {Options} options, each changing their ballot again and again; {readers} readers of the poll page");
        await using var app = await AppProcess.StartAsync(options.Provider, options.Connection);
        var (poll, optionIds) = await SeedAsync(app, citizens);
        var sessions = await BenchCitizens.SignInAllAsync(app.BaseAddress, citizens, $"/votes/{poll}", ct);
        Console.WriteLine($"# seeded and signed in; measuring for {options.Phase.TotalSeconds:N0} s");

        using var anonymous = Load.Client(app.BaseAddress, readers);
        long acknowledged = 0, first = 0;
        var turn = new int[citizens];
        var posts = new Load.Recorder("  of which the POST");
        var receipts = new Load.Recorder("  of which the receipt page");

        var voting = Load.RunAsync(withReceipt ? "ballot + receipt page" : "ballot (the POST alone)", citizens, options.Phase, async (citizen, _) =>
        {
            var (client, token) = sessions[citizen];
            // Each ballot for the option after the last one: never the same twice in a row, so each is written.
            var option = optionIds[(citizen + turn[citizen]++) % optionIds.Length];
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var response = await client.PostAsync($"/votes/{poll}/ballot",
                new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("choice", option.ToString(System.Globalization.CultureInfo.InvariantCulture))]), ct);
            var receipt = response.Headers.Location?.OriginalString;
            if (response.StatusCode != HttpStatusCode.Redirect || receipt?.Contains("receipt=", StringComparison.Ordinal) != true) return false;
            Interlocked.Increment(ref acknowledged);
            if (receipt.Contains("done=cast", StringComparison.Ordinal)) Interlocked.Increment(ref first);
            posts.Add(started);
            if (!withReceipt) return true;
            var followed = System.Diagnostics.Stopwatch.GetTimestamp();
            using var page = await client.GetAsync(receipt, ct);
            await page.Content.CopyToAsync(Stream.Null, ct);
            if (!page.IsSuccessStatusCode) return false;
            receipts.Add(followed);
            return true;
        }, ct);
        var reading = Load.RunAsync($"poll page GET /votes/{poll}", readers, options.Phase, async (_, _) =>
        {
            using var response = await anonymous.GetAsync($"/votes/{poll}", ct);
            await response.Content.CopyToAsync(Stream.Null, ct);
            return response.IsSuccessStatusCode;
        }, ct);
        var results = await Task.WhenAll(voting, reading);
        Console.WriteLine(results[0]);
        if (withReceipt)
        {
            Console.WriteLine(posts.Result(results[0].Duration));
            Console.WriteLine(receipts.Result(results[0].Duration));
        }
        Console.WriteLine(results[1]);

        await using var db = app.OpenDatabase();
        var stored = await db.Set<Poll>().AsNoTracking().SingleAsync(p => p.Id == poll, ct);
        var votes = await db.Set<PollOption>().Where(o => o.PollId == poll).SumAsync(o => (long)o.Votes, ct);
        var report = await new BallotChainVerifier(db).VerifyAsync(poll, ct);
        Console.WriteLine($"acknowledged {acknowledged:N0} ballots ({first:N0} first ballots), chain {stored.ChainLength:N0} entries: {(acknowledged == stored.ChainLength ? "equal" : "DIFFERENT")}; "
            + $"voters {stored.VoterCount:N0}, votes by option {votes:N0}: {(first == stored.VoterCount && votes == stored.VoterCount ? "equal" : "DIFFERENT")}; "
            + $"recount from the chain: {(report?.IsIntact == true ? "intact, the same" : $"BROKEN ({report?.Break})")}");
    }

    private static async Task<(long Poll, long[] Options)> SeedAsync(AppProcess app, int citizens)
    {
        await using var db = app.OpenDatabase();
        var districts = await db.Set<CityHall.Web.Platform.City.District>().Select(d => d.Code).ToListAsync();
        BenchCitizens.Add(db, citizens, i => districts.Count == 0 ? null : districts[i % districts.Count]);
        var now = DateTime.UtcNow;
        var poll = new Poll
        {
            TitleKo = "벤치마크 투표: 새 광장의 이름", TitleEn = "Bench poll: the new square's name", Results = ResultsShown.Live,
            OpensAt = now.AddMinutes(-1), ClosesAt = now.AddDays(1), PublishedAt = now.AddMinutes(-1), Salt = RandomNumberGenerator.GetBytes(32),
            CreatedAt = now, UpdatedAt = now, CreatedBy = "bench",
        };
        db.Add(poll);
        await db.SaveChangesAsync();
        var options = Enumerable.Range(1, Options).Select(i => new PollOption { PollId = poll.Id, Position = i, LabelKo = $"선택지 {i}", LabelEn = $"Option {i}" }).ToList();
        db.AddRange(options);
        await db.SaveChangesAsync();
        return (poll.Id, options.Select(o => o.Id).ToArray());
    }
}
