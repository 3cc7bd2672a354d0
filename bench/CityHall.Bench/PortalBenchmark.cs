using System.Globalization;
using System.Security.Cryptography;
using CityHall.Web.Modules.Broadcasts;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Modules.Places;

namespace CityHall.Bench;

/// <summary>
/// What every visitor does first: read the home page (with every block showing something), a content page, the
/// city's open data. The home page twice: as the anonymous crowd gets it (output-cached for two seconds) and as a
/// signed-in visitor does (rendered each time; the blocks' reads shared for five seconds).
/// </summary>
public static class PortalBenchmark
{
    public static async Task RunAsync(BenchOptions options, bool demo, CancellationToken ct)
    {
        options.PrintHeader(demo ? "portal, demo city" : "portal");
        var started = System.Diagnostics.Stopwatch.StartNew();
        // The demo city is seeded by the app itself as it starts (Seed:Demo, as asked here in Production).
        await using var app = await AppProcess.StartAsync(options.Provider, options.Connection, demo ? new Dictionary<string, string> { ["Seed:Demo"] = "true" } : null);
        if (demo) Console.WriteLine($"# app started with the demo city seeded in {started.Elapsed.TotalSeconds:F1} s");
        else await SeedTodayAsync(app, ct);
        using var http = Load.Client(app.BaseAddress, options.Workers);

        async Task<bool> Get(string url, bool uncached = false)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptLanguage.ParseAdd("ko-KR");
            // The output cache leaves alone any request with credentials, as it does a signed-in visitor's; the app ignores this one.
            if (uncached) request.Headers.Authorization = new("Bearer", "bench");
            using var response = await http.SendAsync(request, ct);
            await response.Content.CopyToAsync(Stream.Null, ct);
            return response.IsSuccessStatusCode;
        }

        // Warm-up: JIT, connection pool, EF Core's compiled queries.
        await Load.RunAsync("warm-up", options.Workers, TimeSpan.FromSeconds(5), (_, _) => Get("/"), ct);
        await Load.RunAsync("warm-up", options.Workers, TimeSpan.FromSeconds(3), (_, _) => Get("/", uncached: true), ct);
        var home = await http.GetStringAsync("/", ct);
        Console.WriteLine($"# home blocks shown: {string.Join(", ", System.Text.RegularExpressions.Regex.Matches(home, "data-home-block=\"([^\"]+)\"").Select(m => m.Groups[1].Value))}");
        Console.WriteLine(await Load.RunAsync("home page /", options.Workers, options.Phase, (_, _) => Get("/"), ct));
        Console.WriteLine(await Load.RunAsync("home page /, not output-cached", options.Workers, options.Phase, (_, _) => Get("/", uncached: true), ct));
        var pages = new List<(string, string)> { ("content page /pages/privacy", "/pages/privacy"), ("API /api/v1/city/districts", "/api/v1/city/districts") };
        if (demo) pages.AddRange([("proposals /petitions", "/petitions"), ("toilets near City Hall /places/near", "/places/near?kind=public-toilet&lat=37.5663&lon=126.9779&radius=1000"), ("reports map /reports", "/reports")]);
        foreach (var (name, url) in pages)
            Console.WriteLine(await Load.RunAsync(name, options.Workers, options.Phase, (_, _) => Get(url), ct));
    }

    /// <summary>
    /// Something for every home block: an event coming up, proposals collecting and one answer overdue, toilets
    /// around the centre, a TBS programme on all day, besides the programmes the app seeds itself.
    /// </summary>
    private static async Task SeedTodayAsync(AppProcess app, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var random = new Random(20261204);
        await using var db = app.OpenDatabase();
        db.Add(new LiveEvent { TitleKo = "시장과의 대화", StartsAt = now.AddDays(1), EndsAt = now.AddDays(1).AddHours(1), State = LiveEventState.Scheduled, CreatedAt = now, UpdatedAt = now });
        for (var i = 0; i < 50; i++)
        {
            var published = new DateTimeOffset(now.AddDays(-random.Next(1, 25)));
            db.Add(new Petition
            {
                Title = $"벤치 제안 {i}", Body = "벤치마크에서 만든 제안입니다.", CategoryCode = "transport", AuthorName = "벤치", DepartmentCode = "transport",
                Status = i == 0 ? PetitionStatus.AwaitingAnswer : PetitionStatus.Collecting, CreatedAt = published, PublishedAt = published,
                SupportDeadline = published.AddDays(30), SignatureCount = i == 0 ? 70 : random.Next(0, 49), Salt = RandomNumberGenerator.GetBytes(32),
                ThresholdReachedAt = i == 0 ? published.AddDays(2) : null, AnswerDueAt = i == 0 ? new DateTimeOffset(now.AddDays(-2)) : null,
            });
        }
        for (var i = 0; i < 200; i++)
            db.Add(new Place
            {
                KindCode = "public-toilet", NameKo = $"도심 화장실 {i}", Latitude = 37.5665 + (random.NextDouble() - 0.5) * 0.05, Longitude = 126.978 + (random.NextDouble() - 0.5) * 0.06,
                AlwaysOpen = true, Source = "bench", SourceId = i.ToString(CultureInfo.InvariantCulture), UpdatedAt = now,
            });
        db.Add(new Programme
        {
            ChannelCode = "tbs-fm", TitleKo = "종일 교통 정보", UpdatedAt = now,
            Slots = [.. Enum.GetValues<DayOfWeek>().Select(d => new ProgrammeSlot { Day = d, Start = new TimeOnly(0, 0), Minutes = 24 * 60 })],
        });
        await db.SaveChangesAsync(ct);
    }
}
