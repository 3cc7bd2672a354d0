using System.Globalization;
using System.Security.Cryptography;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Modules.Places;
using CityHall.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Bench;

/// <summary>
/// Search across the city with 100,000 things indexed (70% places, 30% proposals, named the way Seoul's are: a
/// district, a landmark, a kind), the index built by the app's own reconciler, then searches through the API and
/// the search page: Korean two-character fragments, longer words, two words, English words. The server's time for
/// each search comes from its Server-Timing header.
/// </summary>
public static class SearchBenchmark
{
    private static readonly string[] DistrictsKo = ["종로", "중구", "용산", "성동", "광진", "동대문", "중랑", "성북", "강북", "도봉", "노원", "은평", "서대문", "마포",
        "양천", "강서", "구로", "금천", "영등포", "동작", "관악", "서초", "강남", "송파", "강동"];
    private static readonly string[] DistrictsEn = ["Jongno", "Jung", "Yongsan", "Seongdong", "Gwangjin", "Dongdaemun", "Jungnang", "Seongbuk", "Gangbuk", "Dobong",
        "Nowon", "Eunpyeong", "Seodaemun", "Mapo", "Yangcheon", "Gangseo", "Guro", "Geumcheon", "Yeongdeungpo", "Dongjak", "Gwanak", "Seocho", "Gangnam", "Songpa", "Gangdong"];
    private static readonly (string Ko, string En)[] Landmarks = [("어린이공원", "Children's Park"), ("근린공원", "Neighbourhood Park"), ("시립도서관", "City Library"),
        ("주민센터", "Community Centre"), ("구민체육관", "Sports Centre"), ("전통시장", "Traditional Market"), ("지하철역", "Subway Station"), ("초등학교", "Elementary School"),
        ("노인복지관", "Senior Welfare Centre"), ("문화예술회관", "Arts Centre"), ("보건소", "Health Centre"), ("한강공원", "Hangang Park"), ("청소년수련관", "Youth Centre"),
        ("버스정류장", "Bus Stop"), ("공영주차장", "Public Car Park")];
    private static readonly (string Code, string Ko, string En)[] Kinds = [("public-toilet", "공중화장실", "public toilet"), ("wifi-zone", "무료 와이파이", "free WiFi"),
        ("shelter", "무더위쉼터", "cooling shelter"), ("restaurant", "식당", "restaurant"), ("tourist-spot", "관광 안내소", "tourist information")];
    private static readonly string[] Things = ["그늘막", "벤치", "가로등", "자전거 보관대", "엘리베이터", "CCTV", "쓰레기통", "음수대", "경사로", "점자블록"];

    public static readonly string[] Queries = ["공원", "도서", "센터", "시장", "화장", "그늘막", "가로등", "엘리베이터", "어린이공원", "강남 공원", "마포 도서관", "park", "library", "gangnam park", "toilet"];

    public static async Task RunAsync(BenchOptions options, int items, CancellationToken ct)
    {
        options.PrintHeader("search");
        await using var app = await AppProcess.StartAsync(options.Provider, options.Connection, new Dictionary<string, string> { ["Search:ReconcileEvery"] = Environment.GetEnvironmentVariable("BENCH_RECONCILE") ?? "00:01:00" });
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        var (places, proposals) = await SeedAsync(app, items, ct);
        Console.WriteLine($"# seeded {places:N0} places and {proposals:N0} proposals in {seeding.Elapsed.TotalSeconds:N1} s");
        var indexing = System.Diagnostics.Stopwatch.StartNew();
        Console.Write(await app.RunVerbAsync("reindex-search"));
        await using (var db = app.OpenDatabase())
            Console.WriteLine($"# index built by reindex-search in {indexing.Elapsed.TotalSeconds:N1} s (including the process's start): {await db.Set<SearchEntry>().CountAsync(ct):N0} entries; {options.Workers} clients, {options.Phase.TotalSeconds:N0} s per phase");

        // A second node on the same database that keeps no answer: every search there is made afresh, the cost of
        // a query never asked before (or asked again after the index changed).
        await using var afresh = await AppProcess.StartAsync(options.Provider, options.Connection, new Dictionary<string, string> { ["Search:AnswersKept"] = "0", ["Search:ReconcileEvery"] = Environment.GetEnvironmentVariable("BENCH_RECONCILE") ?? "00:01:00" }, sharesDatabaseWith: app);
        using var keeping = Load.Client(app.BaseAddress, options.Workers);
        using var fresh = Load.Client(afresh.BaseAddress, options.Workers);
        var times = new ServerTimes();
        async Task<bool> Get(HttpClient http, string url, bool keepTiming, string? label = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptLanguage.ParseAdd("ko-KR");
            // Credentials the app ignores: the output cache leaves the request alone, so every search is made.
            request.Headers.Authorization = new("Bearer", "bench");
            using var response = await http.SendAsync(request, ct);
            await response.Content.CopyToAsync(Stream.Null, ct);
            if (keepTiming) times.Add(response, label);
            return response.IsSuccessStatusCode;
        }

        // A node's first seconds go to reconciling the index at start (reading every source: some 4 s of a core with
        // 100,000 things) and to compiling: not what a search costs on a running node, so both nodes warm up first.
        await Load.RunAsync("warm-up", options.Workers, TimeSpan.FromSeconds(15), (_, i) =>
            Get(i % 2 == 0 ? fresh : keeping, $"/api/v1/search?q={Uri.EscapeDataString(Queries[(int)(i / 2 % Queries.Length)])}", false), ct);
        foreach (var q in Queries)
        {
            using var one = await fresh.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}", ct);
            using var json = System.Text.Json.JsonDocument.Parse(await one.Content.ReadAsStringAsync(ct));
            Console.WriteLine($"# \"{q}\": {json.RootElement.GetProperty("total").GetInt32():N0} found");
        }

        var phases = new (string Name, Func<string, string> Url)[]
        {
            ("API, first 5 of each kind", q => $"/api/v1/search?q={Uri.EscapeDataString(q)}"),
            ("API, one kind, page 2", q => $"/api/v1/search?q={Uri.EscapeDataString(q)}&kind=place&page=2"),
            ("search page", q => $"/search?q={Uri.EscapeDataString(q)}"),
        };
        foreach (var (name, url) in phases)
        {
            // The 15 queries in turn on the node that keeps nothing.
            var phase = name + ", every answer afresh";
            Console.WriteLine(await Load.RunAsync(phase, options.Workers, options.Phase, (_, i) =>
            {
                var q = Queries[(int)(i % Queries.Length)];
                return Get(fresh, url(q), true, q);
            }, ct));
            Console.WriteLine(times.Summary(phase));
            Console.WriteLine(times.Slowest(5));
            times.Clear();
            // As a city's searches come: half of them the common ones (the commonest asked most), half combinations
            // seldom asked twice, on the node that keeps answers.
            phase = name + ", as searches come";
            Console.WriteLine(await Load.RunAsync(phase, options.Workers, options.Phase, (_, i) =>
            {
                if (i % 2 == 0)
                {
                    var common = Common(Random.Shared);
                    return Get(keeping, url(common), true, common);
                }
                return Get(keeping, url(Seldom(Random.Shared)), true, "(seldom asked)");
            }, ct));
            Console.WriteLine(times.Summary(phase));
            Console.WriteLine(times.Slowest(5));
            times.Clear();
        }
    }

    /// <summary>One of the 15 queries, the first asked most (Zipf: the n-th as often as 1/n).</summary>
    private static string Common(Random random)
    {
        var total = Enumerable.Range(1, Queries.Length).Sum(n => 1.0 / n);
        var draw = random.NextDouble() * total;
        for (var n = 1; n <= Queries.Length; n++)
            if ((draw -= 1.0 / n) <= 0) return Queries[n - 1];
        return Queries[^1];
    }

    /// <summary>
    /// A query from a space of some thousands (a district with a landmark, a piece of one, a thing or a kind, in
    /// Korean or English), so that in a ten-second phase most are asked once.
    /// </summary>
    private static string Seldom(Random random)
    {
        var d = random.Next(DistrictsKo.Length);
        var landmark = Landmarks[random.Next(Landmarks.Length)];
        return random.Next(5) switch
        {
            0 => $"{DistrictsKo[d]} {landmark.Ko}",
            1 => $"{DistrictsKo[d]} {landmark.Ko.Substring(random.Next(landmark.Ko.Length - 1), 2)}",
            2 => $"{DistrictsKo[d]} {Things[random.Next(Things.Length)]}",
            3 => $"{landmark.Ko} {Kinds[random.Next(Kinds.Length)].Ko}",
            _ => $"{DistrictsEn[d]} {landmark.En.Split(' ')[random.Next(landmark.En.Split(' ').Length)]}",
        };
    }

    /// <summary>Places and proposals named from Seoul's districts and landmarks, written in batches as an import would.</summary>
    private static async Task<(int Places, int Proposals)> SeedAsync(AppProcess app, int items, CancellationToken ct)
    {
        var random = new Random(20261204);
        var now = DateTime.UtcNow;
        var places = items * 7 / 10;
        var proposals = items - places;
        for (var start = 0; start < items; start += 10_000)
        {
            await using var db = app.OpenDatabase();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(items, start + 10_000); i++)
            {
                var d = random.Next(DistrictsKo.Length);
                var landmark = Landmarks[random.Next(Landmarks.Length)];
                if (i < places)
                {
                    var kind = Kinds[random.Next(Kinds.Length)];
                    db.Add(new Place
                    {
                        KindCode = kind.Code, NameKo = $"{DistrictsKo[d]} {landmark.Ko} {kind.Ko} {i}", NameEn = i % 3 == 0 ? $"{DistrictsEn[d]} {landmark.En} {kind.En} {i}" : null,
                        RoadAddress = $"{DistrictsKo[d]}로 {random.Next(1, 400)}", Latitude = 37.43 + random.NextDouble() * 0.27, Longitude = 126.77 + random.NextDouble() * 0.41,
                        Source = "bench", SourceId = i.ToString(CultureInfo.InvariantCulture), UpdatedAt = now,
                    });
                }
                else
                {
                    var thing = Things[random.Next(Things.Length)];
                    var published = new DateTimeOffset(now.AddDays(-random.Next(1, 700)));
                    db.Add(new Petition
                    {
                        Title = $"{DistrictsKo[d]} {landmark.Ko}에 {thing}을 설치해 주세요 ({i})",
                        Body = $"{DistrictsKo[d]} {landmark.Ko} 근처를 매일 지나는 주민입니다. {thing}이 없어 어르신과 아이들이 불편을 겪고 있습니다. " +
                            $"여름에는 더위를, 밤에는 어둠을 피할 곳이 없습니다. {Things[random.Next(Things.Length)]}도 함께 살펴 주시면 좋겠습니다.",
                        CategoryCode = "transport", AuthorName = "벤치", DepartmentCode = "transport", Status = random.Next(3) == 0 ? PetitionStatus.Closed : PetitionStatus.Collecting,
                        CreatedAt = published, PublishedAt = published, SupportDeadline = published.AddDays(30), SignatureCount = random.Next(0, 60), Salt = RandomNumberGenerator.GetBytes(32),
                    });
                }
            }
            await db.SaveChangesAsync(ct);
        }
        return (places, proposals);
    }
}
