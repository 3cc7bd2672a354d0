using System.Net;
using System.Security.Cryptography;
using CityHall.Web.Modules.Petitions;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Bench;

/// <summary>
/// The UK-petitions-outage load: verified citizens support proposals over HTTP (sign-in cookie,
/// antiforgery token, the real page handler) and, as a browser does, load the receipt page the
/// support redirects to (signed in, so never from the output cache) while others refresh a
/// proposal page. Counts only supports acknowledged after commit (the redirect to the receipt), then
/// checks that number against the proposals' counters and against COUNT(*) of live signatures, and
/// that every chain verifies. With --rate, a second phase sends supports on a fixed schedule (open
/// loop) and reports latencies counted from when each was due.
/// </summary>
public static class PetitionsBenchmark
{
    public static async Task RunAsync(BenchOptions options, int citizens, int proposals, int readers, int rate, CancellationToken ct)
    {
        options.PrintHeader("petitions");
        Console.WriteLine($"# {citizens} verified citizens (a browser's two connections each) signing {proposals} proposals; {readers} readers on one proposal page");
        await using var app = await AppProcess.StartAsync(options.Provider, options.Connection);

        var ids = await SeedAsync(app, citizens, proposals);
        var sessions = await BenchCitizens.SignInAllAsync(app.BaseAddress, citizens, $"/petitions/{ids[0]}", ct);
        Console.WriteLine($"# seeded and signed in; measuring for {options.Phase.TotalSeconds:N0} s");

        using var anonymous = Load.Client(app.BaseAddress, readers);
        var hot = ids[0];
        long acknowledged = 0;
        var next = new int[citizens];
        var posts = new Load.Recorder("  of which the POST");
        var receipts = new Load.Recorder("  of which the receipt page");

        // One support as a browser makes it: the POST, then the receipt page it is redirected to.
        async Task<bool> SupportAsync(int citizen, int index)
        {
            var (client, token) = sessions[citizen];
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var response = await client.PostAsync($"/petitions/{ids[index]}/sign",
                new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), ct);
            var receipt = response.Headers.Location?.OriginalString;
            if (response.StatusCode != HttpStatusCode.Redirect || receipt?.Contains("done=signed", StringComparison.Ordinal) != true) return false;
            Interlocked.Increment(ref acknowledged);
            posts.Add(started);
            var followed = System.Diagnostics.Stopwatch.GetTimestamp();
            using var page = await client.GetAsync(receipt, ct);
            await page.Content.CopyToAsync(Stream.Null, ct);
            if (!page.IsSuccessStatusCode) return false;
            receipts.Add(followed);
            return true;
        }

        var signing = Load.RunAsync("support + receipt page", citizens, options.Phase, async (worker, _) =>
        {
            var index = next[worker]++;
            if (index >= ids.Length) { await Task.Delay(10, ct); return false; } // this citizen signed everything
            return await SupportAsync(worker, index);
        }, ct);
        var reading = Load.RunAsync($"proposal page GET /petitions/{hot}", readers, options.Phase, async (_, _) =>
        {
            using var response = await anonymous.GetAsync($"/petitions/{hot}", ct);
            await response.Content.CopyToAsync(Stream.Null, ct);
            return response.IsSuccessStatusCode;
        }, ct);
        var results = await Task.WhenAll(signing, reading);
        Console.WriteLine(results[0]);
        Console.WriteLine(posts.Result(results[0].Duration));
        Console.WriteLine(receipts.Result(results[0].Duration));
        Console.WriteLine(results[1]);

        if (rate > 0)
        {
            // Open loop: supports due at a fixed rate, each by the citizen whose turn it is, on the next proposal they have not signed.
            var open = await Load.RunOpenLoopAsync("support + receipt page, open loop", rate, options.Phase, async n =>
            {
                var citizen = (int)(n % citizens);
                var index = Interlocked.Increment(ref next[citizen]) - 1;
                if (index >= ids.Length) return false;
                return await SupportAsync(citizen, index);
            }, ct: ct);
            Console.WriteLine(open);
        }

        await using var db = app.OpenDatabase();
        var counted = await db.Set<Petition>().Where(p => ids.Contains(p.Id)).SumAsync(p => (long)p.SignatureCount, ct);
        var rows = await db.Set<PetitionSignature>().LongCountAsync(s => ids.Contains(s.PetitionId) && s.WithdrawnAt == null, ct);
        var verifier = new PetitionChainVerifier(db);
        var broken = 0;
        foreach (var id in ids)
            if ((await verifier.VerifyAsync(id, ct))?.IsIntact != true) broken++;
        Console.WriteLine($"acknowledged {acknowledged:N0}, counters {counted:N0}, live signature rows (COUNT(*)) {rows:N0}: "
            + $"{(acknowledged == counted && counted == rows ? "equal" : "DIFFERENT")}; chains intact: {ids.Length - broken:N0} of {ids.Length:N0}");
    }

    private static async Task<long[]> SeedAsync(AppProcess app, int citizens, int proposals)
    {
        await using var db = app.OpenDatabase();
        var now = DateTimeOffset.UtcNow;
        BenchCitizens.Add(db, citizens);
        var petitions = Enumerable.Range(0, proposals).Select(i => new Petition
        {
            Title = $"벤치마크 제안 {i}", Body = "부하 시험을 위한 제안입니다. 그늘막과 버스 정류장, 그리고 공원에 관한 내용입니다.",
            CategoryCode = "transport", AuthorName = "벤치", Status = PetitionStatus.Collecting, CreatedAt = now, PublishedAt = now,
            SupportDeadline = now.AddDays(30), DepartmentCode = "transport", Salt = RandomNumberGenerator.GetBytes(32),
        }).ToList();
        db.AddRange(petitions);
        await db.SaveChangesAsync();
        return petitions.Select(p => p.Id).ToArray();
    }
}
