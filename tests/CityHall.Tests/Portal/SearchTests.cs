using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using CityHall.Tests.Infrastructure;
using CityHall.Tests.Petitions;
using CityHall.Tests.ServiceRequests;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Modules.Places;
using CityHall.Web.Modules.ServiceRequests;
using CityHall.Web.Platform.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Portal;

/// <summary>
/// Search across the city: Korean by a two-character fragment inside a word, English by a word, grouped by kind with
/// the words marked, twenty a page for one kind; private things never found; bad queries answered, never a 500.
/// </summary>
public sealed class SearchTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static readonly Dictionary<CityHallApp, Seeded> SeededBy = [];

    private sealed record Seeded(long Published, long Pending, string PublicReport, string PrivateReport, long Place, long Event);

    /// <summary>The same city for every test of the class: a proposal published and one awaiting review, a public and a private report, a place, an event.</summary>
    private async Task<Seeded> SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (SeededBy.TryGetValue(app, out var done)) return done;
            var published = await PetitionTestData.PublishedAsync(app, "어린이공원에 그늘막을 설치해 주세요");
            var pending = await PetitionTestData.PublishedAsync(app, "비공개 검토중인 공원 제안", PetitionStatus.PendingReview);
            var reporter = await app.SignedUpCitizenAsync();
            var publicReport = ReportPagesTests.ReferenceOf(await ReportPagesTests.ReportAsync(reporter, "litter", "address=" + Uri.EscapeDataString("종로구 종로 1"),
                new() { ["Input.Description"] = "공원 입구에 쓰레기가 쌓여 있습니다.", ["Input.IsPublic"] = "true" }));
            var privateReport = ReportPagesTests.ReferenceOf(await ReportPagesTests.ReportAsync(reporter, "women-safety", "address=" + Uri.EscapeDataString("종로구 종로 2"),
                new() { ["Input.Description"] = "공원 옆 제 집 앞 골목이 어둡습니다. 연락처 010-1234-5678", ["Input.IsPublic"] = "false" }));
            var (place, ev) = await app.WithDbAsync(async db =>
            {
                var now = DateTime.UtcNow;
                var p = new Place { KindCode = "public-toilet", NameKo = "남산공원 공중화장실", NameEn = "Namsan Park public toilet", RoadAddress = "삼일대로 231",
                    Latitude = 37.5537, Longitude = 126.9810, Source = "search-test", SourceId = "1", UpdatedAt = now };
                var e = new LiveEvent { TitleKo = "공원 벤치 디자인 토론", TitleEn = "Park benches: a design debate", DescriptionEn = "Citizens choose the new benches.",
                    StartsAt = now.AddDays(3), EndsAt = now.AddDays(3).AddHours(1), State = LiveEventState.Scheduled, CreatedAt = now, UpdatedAt = now };
                db.AddRange(p, e);
                await db.SaveChangesAsync();
                return (p.Id, e.Id);
            });
            await app.Services.GetRequiredService<SearchIndex>().ReconcileAsync();
            return SeededBy[app] = new(published, pending, publicReport, privateReport, place, ev);
        }
        finally { Seeding.Release(); }
    }

    private static string[] Results(IDocument page, string kind) =>
        page.QuerySelectorAll($"[data-results='{kind}'] [data-result]").Select(r => r.GetAttribute("data-result")!).ToArray();

    [Fact]
    public void Korean_is_cut_into_two_character_terms_other_words_kept_whole_and_nothing_typed_becomes_an_operator()
    {
        Assert.Equal("어린 린이 이공 공원 원에 그늘 늘막", SearchTerms.Of("어린이공원에 그늘막"));
        Assert.Equal("cafe benches 2026 서울", SearchTerms.Of("Café BENCHES, 2026서울"));
        var words = SearchTerms.Query("공원 bench");
        Assert.Equal("\"공원\" AND \"bench\"*", SearchTerms.Fts5(words));
        // PostgreSQL reads a prefix word's terms as a range in code-point order.
        Assert.Equal("benci", SearchTerms.After("bench"));
        Assert.Equal("공\uC6D1", SearchTerms.After("공원")); // 원 is U+C6D0
        Assert.Equal("\"어린 린이 이공 공원\"", SearchTerms.Fts5(SearchTerms.Query("어린이공원")));
        // Operators and quotes are not letters: they never reach the database's query language.
        Assert.Equal("\"or\"* AND \"near\"* AND \"x\"* AND \"공원\"", SearchTerms.Fts5(SearchTerms.Query("\" OR NEAR(x) * ^공원 -")));
        Assert.Empty(SearchTerms.Query("*** \"\" () <> :"));
    }

    [Fact]
    public void Every_kind_has_a_number_of_its_own_and_its_name_in_both_languages()
    {
        var index = app.Services.GetRequiredService<SearchIndex>();
        Assert.Equal(["proposal", "news", "poll", "budget-project", "report", "place", "cctv-camera", "live-event", "programme", "broadcast", "network-member", "library-case", "figure", "page", "dataset", "developers"], index.Kinds.Select(s => s.Kind));
        // On SQLite a kind is a rowid range of the full-text index: two kinds with one number would mix.
        Assert.Equal(index.Kinds.Count, index.Kinds.Select(s => SearchIndex.KeyOf(s.Kind)).Distinct().Count());
        var texts = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<CityHall.Web.Platform.Localization.Text>>();
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "ko-KR", "en-US" })
            {
                System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
                Assert.All(index.Kinds, s => Assert.False(texts[s.TitleKey].ResourceNotFound, $"{s.Kind}: {s.TitleKey} in {culture}"));
            }
        }
        finally { System.Globalization.CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public async Task Korean_is_found_by_a_two_character_fragment_and_English_by_a_word_grouped_and_marked()
    {
        var s = await SeedAsync();
        var page = await app.CreateClient().GetPageAsync("/search?q=" + Uri.EscapeDataString("공원"));
        Assert.False(page.IsErrorPage());
        Assert.Contains(s.Published.ToString(), Results(page, "proposal"));
        Assert.Equal([s.PublicReport], Results(page, "report"));
        Assert.Contains(s.Place.ToString(), Results(page, "place"));
        Assert.Equal([s.Event.ToString()], Results(page, "live-event"));
        // "공원" inside "어린이공원" is marked where it stands.
        Assert.Equal("공원", page.QuerySelector($"[data-results='proposal'] [data-result='{s.Published}'] a mark")!.TextContent);
        Assert.Equal($"/petitions/{s.Published}", page.QuerySelector($"[data-results='proposal'] [data-result='{s.Published}'] a")!.GetAttribute("href"));
        Assert.Equal($"/reports/{s.PublicReport}", page.QuerySelector($"[data-results='report'] a")!.GetAttribute("href"));
        // The kinds link to their own lists, each with its count.
        Assert.NotNull(page.QuerySelector("nav.ch-search-kinds a[data-kind='place'][href='/search?q=%EA%B3%B5%EC%9B%90&kind=place']"));

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".CityHall.Culture=c%3Den-US%7Cuic%3Den-US");
        var english = await client.GetPageAsync("/search?q=bench");
        Assert.Equal([s.Event.ToString()], Results(english, "live-event"));
        Assert.Equal("Park <mark>bench</mark>es: a design debate", english.QuerySelector("[data-results='live-event'] a")!.InnerHtml);
        Assert.Empty(Results(english, "proposal"));
        var both = await client.GetPageAsync("/search?q=" + Uri.EscapeDataString("namsan 공원"));
        Assert.Equal([s.Place.ToString()], Results(both, "place")); // every word must match
        Assert.Equal("Namsan Park public toilet", both.QuerySelector("[data-results='place'] a")!.TextContent);
    }

    [Fact]
    public async Task A_Korean_word_is_found_whole_wherever_it_stands_in_a_long_text_never_as_pieces_scattered_apart()
    {
        await SeedAsync();
        var (scattered, far) = await app.WithDbAsync(async db =>
        {
            // Every two-character piece of 어린이공원 is here, but not side by side.
            var scattered = new Place { KindCode = "shelter", NameKo = "어린이 놀이터와 이공계 체험관 옆 공원 쉼터", Latitude = 37.5, Longitude = 127, Source = "search-test-whole", SourceId = "scattered", UpdatedAt = DateTime.UtcNow };
            // The whole word, 160 terms into the text (PostgreSQL's postings fold positions past 62).
            var far = new Place { KindCode = "shelter", NameKo = "구립 쉼터", DescriptionKo = string.Join(' ', Enumerable.Range(0, 80).Select(i => $"안내{i}")) + " 어린이공원 옆",
                Latitude = 37.5, Longitude = 127, Source = "search-test-whole", SourceId = "far", UpdatedAt = DateTime.UtcNow };
            db.AddRange(scattered, far);
            await db.SaveChangesAsync();
            return (scattered.Id, far.Id);
        });
        await app.Services.GetRequiredService<SearchIndex>().ReconcileAsync();
        var page = await app.CreateClient().GetPageAsync("/search?q=" + Uri.EscapeDataString("어린이공원") + "&kind=place");
        Assert.Equal([far.ToString()], Results(page, "place"));
        using var api = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("어린이공원")));
        Assert.Equal(1, api.RootElement.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("code").GetString() == "place").GetProperty("count").GetInt32());
        // Each piece alone finds both.
        Assert.Equal(2, Results(await app.CreateClient().GetPageAsync("/search?q=" + Uri.EscapeDataString("이공 어린") + "&kind=place"), "place").Length);
    }

    [Fact]
    public async Task Nothing_private_is_found_by_anyone_anonymous_another_citizen_or_the_api()
    {
        var s = await SeedAsync();
        foreach (var client in new[] { app.CreateClient(), await app.SignedUpCitizenAsync() })
        {
            foreach (var q in new[] { "공원", "골목", "010", "비공개", s.PrivateReport })
            {
                var page = await client.GetPageAsync("/search?q=" + Uri.EscapeDataString(q));
                Assert.Null(page.QuerySelector($"a[href='/reports/{s.PrivateReport}']"));
                Assert.DoesNotContain("010-1234-5678", page.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
                Assert.Null(page.QuerySelector($"a[href='/petitions/{s.Pending}']"));
                var json = await client.GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString(q));
                Assert.DoesNotContain($"/reports/{s.PrivateReport}", json, StringComparison.Ordinal);
                Assert.DoesNotContain("010-1234-5678", json, StringComparison.Ordinal);
            }
        }
        Assert.False(await app.WithDbAsync(db => db.Set<SearchEntry>().AnyAsync(e => e.SourceId == s.PrivateReport || (e.Kind == "proposal" && e.SourceId == s.Pending.ToString()))));

        // A report made private later leaves the index at the next reconciliation.
        await app.WithDbAsync(db => db.Set<ServiceRequest>().Where(r => r.Reference == s.PublicReport).ExecuteUpdateAsync(u => u.SetProperty(r => r.IsPublic, false)));
        await app.Services.GetRequiredService<SearchIndex>().ReconcileAsync();
        Assert.Empty(Results(await app.CreateClient().GetPageAsync("/search?q=" + Uri.EscapeDataString("쓰레기") + "&after=private"), "report"));
        await app.WithDbAsync(db => db.Set<ServiceRequest>().Where(r => r.Reference == s.PublicReport).ExecuteUpdateAsync(u => u.SetProperty(r => r.IsPublic, true)));
        await app.Services.GetRequiredService<SearchIndex>().ReconcileAsync();
    }

    [Fact]
    public async Task One_kind_is_twenty_a_page_and_the_api_says_the_same()
    {
        await SeedAsync();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 25; i++)
                db.Add(new Place { KindCode = "wifi-zone", NameKo = $"도서관 와이파이 {i:00}", Latitude = 37.5, Longitude = 127, Source = "search-test-wifi", SourceId = $"{i}", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            // Newer, but the word is only in their description: they come after every title match.
            for (var i = 0; i < 2; i++)
                db.Add(new Place { KindCode = "shelter", NameKo = $"구민회관 쉼터 {i}", DescriptionKo = "무료 와이파이가 됩니다.", Latitude = 37.5, Longitude = 127, Source = "search-test-wifi", SourceId = $"shelter-{i}", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<SearchIndex>().ReconcileAsync();
        var all = await app.CreateClient().GetPageAsync("/search?q=" + Uri.EscapeDataString("와이파이"));
        Assert.Equal(5, Results(all, "place").Length);
        Assert.Equal("/search?q=%EC%99%80%EC%9D%B4%ED%8C%8C%EC%9D%B4&kind=place", all.QuerySelector("[data-results='place'] p:last-child a")!.GetAttribute("href"));
        var first = await app.CreateClient().GetPageAsync("/search?q=" + Uri.EscapeDataString("와이파이") + "&kind=place");
        Assert.Equal(20, Results(first, "place").Length);
        Assert.All(first.QuerySelectorAll("[data-results='place'] [data-result] > a"), a => Assert.StartsWith("도서관 와이파이", a.TextContent, StringComparison.Ordinal));
        Assert.Equal("도서관 와이파이 24", first.QuerySelector("[data-results='place'] [data-result] > a")!.TextContent); // newest first
        var second = await app.CreateClient().GetPageAsync("/search?q=" + Uri.EscapeDataString("와이파이") + "&kind=place&p=2");
        Assert.Equal(7, Results(second, "place").Length);
        Assert.Equal(["구민회관 쉼터 1", "구민회관 쉼터 0"], second.QuerySelectorAll("[data-results='place'] [data-result] > a").Skip(5).Select(a => a.TextContent));
        Assert.Empty(Results(first, "place").Intersect(Results(second, "place")));

        using var api = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("와이파이") + "&kind=place&page=2"));
        Assert.Equal(27, api.RootElement.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("code").GetString() == "place").GetProperty("count").GetInt32());
        Assert.Equal(7, api.RootElement.GetProperty("results").GetArrayLength());
        Assert.Contains("<mark>와이파이</mark>", api.RootElement.GetProperty("results")[0].GetProperty("titleHtml").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_queries_get_a_message_or_results_never_an_error()
    {
        await SeedAsync();
        var client = app.CreateClient();
        var empty = await client.GetPageAsync("/search?q=");
        Assert.False(empty.IsErrorPage());
        Assert.Empty(empty.ErrorSummary());
        Assert.Null(empty.QuerySelector("[data-total]"));

        var tooLong = await client.GetAsync("/search?q=" + new string('가', 1000));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("200자", Assert.Single((await Html.ParseAsync(tooLong)).ErrorSummary()), StringComparison.Ordinal);

        var nothing = await client.GetPageAsync("/search?q=" + Uri.EscapeDataString("*** \"\" ()"));
        Assert.Single(nothing.ErrorSummary());
        foreach (var q in new[] { "\" OR 1=1 --", "공원 NEAR(\"a\" \"b\")", "'; DROP TABLE search_entries; --", "a*b:*&|!", "<script>alert(1)</script>", "가", "x", "🙂🙂" })
        {
            var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString(q) + "&kind=nonsense&p=abc");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(response);
            Assert.False(page.IsErrorPage(), q);
            Assert.Null(page.QuerySelector("main script"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(q))).StatusCode);
        }
        Assert.True(await app.WithDbAsync(db => db.Set<SearchEntry>().AnyAsync()));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/search?q=")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/search?q=" + new string('a', 1000))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/search?q=park&kind=nonsense")).StatusCode);
    }

    [Fact]
    public async Task An_answer_is_kept_until_the_index_changes_on_whichever_node_changes_it()
    {
        await SeedAsync();
        static async Task<int> CountAsync(HttpClient client, string q, string bust)
        {
            using var api = JsonDocument.Parse(await client.GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString(q) + "&bust=" + bust));
            return api.RootElement.GetProperty("total").GetInt32();
        }
        var generation = () => app.WithDbAsync(db => db.Set<SearchGeneration>().Select(g => g.Value).SingleAsync());
        var client = app.CreateClient();
        Assert.Equal(0, await CountAsync(client, "빗물받이", "a"));

        // Another node (its own index and answers, the same database) indexes a new place.
        await app.WithDbAsync(async db =>
        {
            db.Add(new Place { KindCode = "shelter", NameKo = "빗물받이 옆 쉼터", Latitude = 37.5, Longitude = 127, Source = "search-test-generation", SourceId = "1", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        using var otherNode = new SearchIndex(app.Services.GetRequiredService<CityHall.Web.Platform.Modules.ModuleRegistry>(), app.Services.GetRequiredService<IServiceScopeFactory>(),
            Microsoft.Extensions.Options.Options.Create(new SearchOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<SearchIndex>.Instance);
        var before = await generation();
        await otherNode.ReconcileAsync();
        Assert.True(await generation() > before);
        Assert.Equal(1, await CountAsync(client, "빗물받이", "b"));

        // A reconciliation that writes nothing leaves the generation, and so every kept answer, as it was.
        var unchanged = await generation();
        await app.Services.GetRequiredService<SearchIndex>().ReconcileAsync();
        Assert.Equal(unchanged, await generation());
        Assert.Equal(1, await CountAsync(client, "빗물받이", "c"));

        await app.WithDbAsync(db => db.Set<Place>().Where(p => p.Source == "search-test-generation").ExecuteDeleteAsync());
        await app.Services.GetRequiredService<SearchIndex>().ReconcileAsync();
        Assert.Equal(0, await CountAsync(client, "빗물받이", "d"));
    }

    [Fact]
    public async Task Counts_stop_at_the_limit_and_say_so_and_pages_stop_with_them()
    {
        await SeedAsync();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 14; i++)
                db.Add(new Place { KindCode = "tourist-spot", NameKo = $"음악분수대 {i:00}", NameEn = $"Musical fountains {i:00}", Latitude = 37.5, Longitude = 127, Source = "search-test-limit", SourceId = $"{i}", UpdatedAt = DateTime.UtcNow });
            db.Add(new Place { KindCode = "tourist-spot", NameKo = "광장", DescriptionKo = "음악분수대가 있는 광장", Latitude = 37.5, Longitude = 127, Source = "search-test-limit", SourceId = "square", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<SearchIndex>().ReconcileAsync();
        using var limited = new SearchIndex(app.Services.GetRequiredService<CityHall.Web.Platform.Modules.ModuleRegistry>(), app.Services.GetRequiredService<IServiceScopeFactory>(),
            Microsoft.Extensions.Options.Options.Create(new SearchOptions { CountLimit = 10, AnswersKept = 0 }), Microsoft.Extensions.Logging.Abstractions.NullLogger<SearchIndex>.Instance);
        await app.WithDbAsync(async db =>
        {
            // 15 match; counted to 10. The English word is typed as a prefix, found as one.
            foreach (var q in new[] { "분수대", "fount" })
            {
                var all = await limited.SearchAsync(db, q, null, 1, 5, default);
                var place = Assert.Single(all.Counts);
                Assert.Equal(("place", 10, true), (place.Kind, place.Count, place.More));
                Assert.True(all.More);
                Assert.Equal(5, all.Entries.Count);
            }
            var first = await limited.SearchAsync(db, "분수대", "place", 1, 5, default);
            Assert.Equal(10, first.Entries.Count);
            Assert.Equal("음악분수대 13", first.Entries[0].TitleKo);
            Assert.Empty((await limited.SearchAsync(db, "분수대", "place", 2, 5, default)).Entries);

            // Under the limit, counts are exact: "musical fountains 0" is in the titles of 14; the square's text too.
            var exact = await app.Services.GetRequiredService<SearchIndex>().SearchAsync(db, "음악분수대", "place", 1, 5, default);
            Assert.Equal(("place", 15, false), (exact.Counts[0].Kind, exact.Counts[0].Count, exact.Counts[0].More));
            Assert.Equal("광장", exact.Entries[^1].TitleKo);
            Assert.Equal(1, Assert.Single((await limited.SearchAsync(db, "musical fountains 07", null, 1, 5, default)).Counts).Count);
        });
        using var api = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("음악분수대")));
        Assert.False(api.RootElement.GetProperty("more").GetBoolean());
        Assert.False(api.RootElement.GetProperty("kinds")[0].GetProperty("more").GetBoolean());
        await app.WithDbAsync(db => db.Set<Place>().Where(p => p.Source == "search-test-limit").ExecuteDeleteAsync());
        await app.Services.GetRequiredService<SearchIndex>().ReconcileAsync();
    }

    [Fact]
    public async Task The_index_holds_exactly_what_its_entries_say_after_changes_removals_and_two_nodes_writing_at_once()
    {
        await SeedAsync();
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
                db.Add(new Place { KindCode = "shelter", NameKo = $"물방울정원 쉼터 {i:00}", NameEn = i % 3 == 0 ? $"Droplet garden {i:00}" : null, Latitude = 37.5, Longitude = 127,
                    Source = "search-test-blocks", SourceId = $"{i}", UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        // Two nodes reconcile at once: they take turns at the index (one may find the other added an entry first and
        // leave it to the next round, as the indexer does).
        SearchIndex Node() => new(app.Services.GetRequiredService<CityHall.Web.Platform.Modules.ModuleRegistry>(), app.Services.GetRequiredService<IServiceScopeFactory>(),
            Microsoft.Extensions.Options.Options.Create(new SearchOptions { AnswersKept = 0 }), Microsoft.Extensions.Logging.Abstractions.NullLogger<SearchIndex>.Instance);
        using var one = Node();
        using var two = Node();
        static async Task Reconcile(SearchIndex node)
        {
            try { await node.ReconcileAsync(); }
            catch (DbUpdateException) { }
        }
        await Task.WhenAll(Reconcile(one), Reconcile(two));
        await one.ReconcileAsync();
        await AssertIndexMatchesEntriesAsync();

        // Ten renamed (the old word leaves them), five removed, the rest as they were.
        await app.WithDbAsync(async db =>
        {
            foreach (var place in await db.Set<Place>().Where(p => p.Source == "search-test-blocks").ToListAsync())
            {
                var n = int.Parse(place.SourceId!, System.Globalization.CultureInfo.InvariantCulture);
                if (n < 10) (place.NameKo, place.NameEn, place.UpdatedAt) = ($"무지개광장 쉼터 {n:00}", null, DateTime.UtcNow);
                else if (n < 15) db.Remove(place);
            }
            await db.SaveChangesAsync();
        });
        await two.ReconcileAsync();
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(15, Assert.Single((await one.SearchAsync(db, "물방울정원", null, 1, 5, default)).Counts).Count);
            Assert.Equal(10, Assert.Single((await one.SearchAsync(db, "무지개광장", null, 1, 5, default)).Counts).Count);
            Assert.Equal(5, Assert.Single((await one.SearchAsync(db, "droplet", null, 1, 5, default)).Counts).Count);
            var page = await one.SearchAsync(db, "물방울정원 쉼터", "place", 1, 5, default);
            Assert.Equal(15, page.Entries.Count);
            Assert.All(page.Entries, e => Assert.StartsWith("물방울정원 쉼터 ", e.TitleKo, StringComparison.Ordinal));
            Assert.DoesNotContain(page.Entries, e => e.TitleKo is "물방울정원 쉼터 12" or "물방울정원 쉼터 03");
        });
        await AssertIndexMatchesEntriesAsync();

        await app.WithDbAsync(db => db.Set<Place>().Where(p => p.Source == "search-test-blocks").ExecuteDeleteAsync());
        await one.ReconcileAsync();
        await AssertIndexMatchesEntriesAsync();
    }

    /// <summary>
    /// On PostgreSQL, every posting in the blocks (decoded here from their 24-byte records) is one an entry gives, and
    /// every posting an entry gives is there; no block is left empty.
    /// </summary>
    private Task AssertIndexMatchesEntriesAsync() => app.WithDbAsync(async db =>
    {
        if (!db.Database.IsNpgsql()) return;
        var expected = new HashSet<(string, long, long, long)>();
        foreach (var e in await db.Set<SearchEntry>().AsNoTracking().Select(e => new { e.Id, e.KindKey, e.TitleTerms, e.BodyTerms }).ToListAsync())
            foreach (var (term, (title, body)) in PostingBlocks.Of(e.TitleTerms, e.BodyTerms))
                expected.Add((term, ((long)e.KindKey << 40) | e.Id, title, body));
        var actual = new HashSet<(string, long, long, long)>();
        var blocks = await db.Database.SqlQueryRaw<Block>("SELECT \"Term\", \"Bucket\", \"Postings\" FROM search_blocks").ToListAsync();
        foreach (var block in blocks)
        {
            Assert.NotEmpty(block.Postings);
            Assert.Equal(0, block.Postings.Length % 24);
            var previous = long.MinValue;
            for (var i = 0; i < block.Postings.Length; i += 24)
            {
                var key = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(block.Postings.AsSpan(i));
                Assert.True(key > previous, $"{block.Term}: keys in order");
                Assert.Equal(block.Bucket, key >> 10);
                previous = key;
                Assert.True(actual.Add((block.Term, key, System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(block.Postings.AsSpan(i + 8)),
                    System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(block.Postings.AsSpan(i + 16)))));
            }
        }
        Assert.Empty(expected.Except(actual).Take(5));
        Assert.Empty(actual.Except(expected).Take(5));
    });

    private sealed class Block
    {
        public required string Term { get; init; }
        public long Bucket { get; init; }
        public required byte[] Postings { get; init; }
    }
}
