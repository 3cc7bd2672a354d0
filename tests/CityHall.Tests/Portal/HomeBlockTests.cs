using AngleSharp.Dom;
using CityHall.Tests.Infrastructure;
using CityHall.Tests.Petitions;
using CityHall.Web.Modules.Broadcasts;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Modules.Places;
using CityHall.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Portal;

/// <summary>
/// The home page's blocks about the city today: each appears when its module has something to show and goes when it
/// has not; a block that fails to load costs only itself; a module switched off shows none.
/// </summary>
public sealed class HomeBlockTests(HomeBlockTests.App app) : IClassFixture<HomeBlockTests.App>
{
    /// <summary>Wednesday 2 December 2026, 08:30 in Seoul; blocks read afresh on every request; one module whose block always fails.</summary>
    public sealed class App() : ClockedApp(InSeoul(2026, 12, 2, 8, 30), new() { ["Portal:HomeBlocksFresh"] = "00:00:00" })
    {
        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            services.AddModule(new ModuleDescriptor
            {
                Name = "Broken",
                HomeBlocks = [new("fails", "Home.Title", "Home.Title", "/", "/Modules/Portal/Public/_Missing.cshtml", (_, _) => throw new InvalidOperationException("the module's store is down"))],
            });
        }
    }

    /// <summary>The Inclusion module switched off by its setting: its programmes are seeded and open, but the home page says nothing of them.</summary>
    public sealed class WithoutInclusion() : ClockedApp(InSeoul(2026, 12, 2, 8, 30), new() { ["Inclusion:Enabled"] = "false", ["Portal:HomeBlocksFresh"] = "00:00:00" });

    private int visits;

    /// <summary>The home page as an anonymous visitor sees it now (a query of its own each time: the page is output-cached for two seconds).</summary>
    private Task<IDocument> HomeAsync(HttpClient? client = null) => (client ?? app.CreateClient()).GetPageAsync($"/?visit={++visits}");

    private static IElement? Block(IDocument page, string key) => page.QuerySelector($"[data-home-block='{key}']");

    private static string[] Keys(IDocument page) => page.QuerySelectorAll("[data-home-block]").Select(b => b.GetAttribute("data-home-block")!).ToArray();

    [Fact]
    public async Task Each_block_appears_with_its_data_in_order_and_goes_without_it()
    {
        var start = await HomeAsync();
        Assert.False(start.IsErrorPage());
        // The seeded programmes take applications all year; nothing else has happened yet; the failing block is simply absent.
        Assert.Equal(["Inclusion/open"], Keys(start));
        var programmes = Block(start, "Inclusion/open")!;
        Assert.NotEmpty(programmes.QuerySelectorAll("[data-programme] a[href^='/inclusion/']"));
        Assert.Contains("2027. 1. 1. 오전 12:00 마감", programmes.TextContent, StringComparison.Ordinal);
        Assert.Equal("/inclusion", programmes.QuerySelector(".ch-home-block__more a")!.GetAttribute("href"));

        var now = app.Clock.GetUtcNow();
        var eventId = await app.WithDbAsync(async db =>
        {
            var e = new LiveEvent { TitleKo = "시민과 함께하는 취임식", TitleEn = "Inauguration with citizens", StartsAt = now.UtcDateTime.AddDays(1), EndsAt = now.UtcDateTime.AddDays(1).AddHours(2),
                State = LiveEventState.Scheduled, CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime };
            db.Add(e);
            // Never taken on air and past its end: it does not count as coming up.
            db.Add(new LiveEvent { TitleKo = "지난 예정 행사", StartsAt = now.UtcDateTime.AddDays(-3), EndsAt = now.UtcDateTime.AddDays(-3).AddHours(1),
                State = LiveEventState.Scheduled, CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime });
            await db.SaveChangesAsync();
            return e.Id;
        });
        var next = Block(await HomeAsync(), "LiveEvents/now")!;
        Assert.Equal("시민과 함께하는 취임식", next.QuerySelector($"[data-event='{eventId}'] a")!.TextContent);
        Assert.Contains("방송 예정", next.TextContent, StringComparison.Ordinal);
        Assert.Contains("12. 3. 오전 8:30", next.TextContent, StringComparison.Ordinal); // its start in Seoul time

        await SetEventStateAsync(eventId, LiveEventState.Live);
        var english = app.CreateClient();
        english.DefaultRequestHeaders.Add("Cookie", ".CityHall.Culture=c%3Den-US%7Cuic%3Den-US");
        var onAir = Block(await HomeAsync(english), "LiveEvents/now")!;
        Assert.Equal("City live events", onAir.QuerySelector("h2")!.TextContent);
        Assert.Equal("Inauguration with citizens", onAir.QuerySelector($"[data-event='{eventId}'] a")!.TextContent);
        Assert.Contains("Live", onAir.QuerySelector($"[data-event='{eventId}'] .krds-badge")!.TextContent, StringComparison.Ordinal);

        // Proposals: the three collecting ones closest to the threshold, most supports first; one that reached it is owed an answer, not shown here.
        var supports = new Dictionary<string, int> { ["공원 벤치를 늘려 주세요"] = 10, ["버스 정류장 그늘막"] = 45, ["골목 가로등 교체"] = 30, ["도서관 야간 개방"] = 0 };
        var ids = new Dictionary<string, long>();
        foreach (var (title, count) in supports)
        {
            ids[title] = await PetitionTestData.PublishedAsync(app, title, now: now.AddDays(-5));
            await SetSupportsAsync(ids[title], count);
        }
        var reached = await PetitionTestData.PublishedAsync(app, "자전거 도로 정비", now: now.AddDays(-40));
        await app.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == reached).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.Status, PetitionStatus.AwaitingAnswer).SetProperty(p => p.SignatureCount, 60)
            .SetProperty(p => p.ThresholdReachedAt, now.AddDays(-33)).SetProperty(p => p.AnswerDueAt, now.AddDays(-3).AddHours(-1))));
        // A poll open now, and one whose time is not yet: only the first is on the home page.
        var pollId = await app.WithDbAsync(async db =>
        {
            var open = new CityHall.Web.Modules.Decisions.Poll { TitleKo = "새 광장의 이름", TitleEn = "The new square's name", OpensAt = now.UtcDateTime.AddHours(-1), ClosesAt = now.UtcDateTime.AddDays(2),
                PublishedAt = now.UtcDateTime.AddHours(-2), CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime, CreatedBy = "test" };
            db.AddRange(open, new CityHall.Web.Modules.Decisions.Poll { TitleKo = "다음 달 투표", OpensAt = now.UtcDateTime.AddDays(30), ClosesAt = now.UtcDateTime.AddDays(40),
                PublishedAt = now.UtcDateTime, CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime, CreatedBy = "test" });
            await db.SaveChangesAsync();
            return open.Id;
        });
        var page = await HomeAsync();
        Assert.Equal(["새 광장의 이름"], Block(page, "Decisions/open")!.QuerySelectorAll("[data-poll] a").Select(a => a.TextContent));
        Assert.Equal($"/votes/{pollId}", Block(page, "Decisions/open")!.QuerySelector("[data-poll] a")!.GetAttribute("href"));
        var near = Block(page, "Petitions/near-threshold")!;
        Assert.Equal(["버스 정류장 그늘막", "골목 가로등 교체", "공원 벤치를 늘려 주세요"], near.QuerySelectorAll("[data-petition] a").Select(a => a.TextContent));
        Assert.Equal("45", near.QuerySelector($"[data-petition='{ids["버스 정류장 그늘막"]}'] progress")!.GetAttribute("value"));
        Assert.Equal("50", near.QuerySelector("progress")!.GetAttribute("max"));
        var overdue = Block(page, "Petitions/answers-overdue")!;
        Assert.Equal("1", overdue.QuerySelector("[data-overdue]")!.GetAttribute("data-overdue"));
        Assert.Contains("3일 지남", overdue.QuerySelector($"[data-petition='{reached}']")!.TextContent, StringComparison.Ordinal);

        // Public toilets: the nearest to the city centre first, from the place index.
        await app.WithDbAsync(async db =>
        {
            db.AddRange(
                new Place { KindCode = "public-toilet", NameKo = "광장 화장실", Source = "home-test", SourceId = "1", Latitude = 37.5670, Longitude = 126.9785, UpdatedAt = now.UtcDateTime },
                new Place { KindCode = "public-toilet", NameKo = "시청 화장실", Source = "home-test", SourceId = "2", Latitude = 37.5665, Longitude = 126.9781, AlwaysOpen = true, UpdatedAt = now.UtcDateTime },
                new Place { KindCode = "public-toilet", NameKo = "먼 화장실", Source = "home-test", SourceId = "3", Latitude = 37.6000, Longitude = 127.0500, UpdatedAt = now.UtcDateTime },
                new Place { KindCode = "restaurant", NameKo = "시청 앞 식당", Source = "home-test", SourceId = "4", Latitude = 37.5665, Longitude = 126.9780, UpdatedAt = now.UtcDateTime });
            await db.SaveChangesAsync();
        });
        await app.Services.GetRequiredService<PlaceIndex>().RebuildAsync();

        // TBS FM: the morning programme is on at 08:30 on a Wednesday.
        await app.WithDbAsync(async db =>
        {
            db.Add(new Programme { ChannelCode = "tbs-fm", TitleKo = "아침 교통", TitleEn = "Morning traffic", UpdatedAt = now.UtcDateTime,
                Slots = [new ProgrammeSlot { Day = DayOfWeek.Wednesday, Start = new TimeOnly(7, 0), Minutes = 120 }] });
            await db.SaveChangesAsync();
        });
        page = await HomeAsync();
        Assert.Equal(["LiveEvents/now", "Petitions/near-threshold", "Decisions/open", "Petitions/answers-overdue", "Places/toilets-near", "Broadcasts/on-air", "Inclusion/open"], Keys(page));
        var toilets = Block(page, "Places/toilets-near")!;
        Assert.Equal(["시청 화장실", "광장 화장실", "먼 화장실"], toilets.QuerySelectorAll("[data-places] li > a").Select(a => a.TextContent));
        Assert.NotNull(toilets.QuerySelector("form[data-home-near][hidden][action='/places/near']")); // the script's way to the visitor's location; hidden without it
        Assert.Equal("/places/near?kind=public-toilet", toilets.QuerySelector(".ch-home-block__more a")!.GetAttribute("href"));
        var tbs = Block(page, "Broadcasts/on-air")!.QuerySelector("[data-channel='tbs-fm']")!;
        Assert.Contains("아침 교통", tbs.QuerySelector("[data-on-now]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(page.QuerySelectorAll("[data-home-block] h2").Length, page.QuerySelectorAll("[data-home-block] h2[id]").Select(h => h.Id).Distinct().Count());

        // And they go: the event ends, the proposals' windows close, the answer is given.
        await SetEventStateAsync(eventId, LiveEventState.Ended);
        await app.WithDbAsync(db => db.Set<Petition>().Where(p => p.Status == PetitionStatus.Collecting).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PetitionStatus.Closed)));
        await app.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == reached).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.Status, PetitionStatus.Answered).SetProperty(p => p.AnsweredAt, now)));
        await app.WithDbAsync(db => db.Set<CityHall.Web.Modules.Decisions.Poll>().Where(p => p.Id == pollId).ExecuteUpdateAsync(u => u.SetProperty(p => p.ClosedEarlyAt, now.UtcDateTime)));
        Assert.Equal(["Places/toilets-near", "Broadcasts/on-air", "Inclusion/open"], Keys(await HomeAsync()));
    }

    [Fact]
    public async Task A_module_switched_off_has_no_block()
    {
        using var off = new WithoutInclusion();
        var page = await off.CreateClient().GetPageAsync("/");
        Assert.False(page.IsErrorPage());
        Assert.Null(Block(page, "Inclusion/open")); // with the module on, the same programmes are the first test's first block
        Assert.NotEmpty(await off.WithDbAsync(db => db.Set<CityHall.Web.Modules.Inclusion.Programmes.InclusionProgramme>().ToListAsync()));
        // Nor does the search find them: a module switched off gives it nothing.
        Assert.DoesNotContain("programme", off.Services.GetRequiredService<CityHall.Web.Platform.Search.SearchIndex>().Kinds.Select(k => k.Kind));
        Assert.DoesNotContain(off.Services.GetRequiredService<ModuleRegistry>().MyBlocks, b => b.Key.StartsWith("Inclusion/", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_block_of_the_home_and_of_my_city_is_worded_in_both_languages_and_its_view_exists()
    {
        var registry = app.Services.GetRequiredService<ModuleRegistry>();
        var texts = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<CityHall.Web.Platform.Localization.Text>>();
        var views = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().ContentRootFileProvider;
        var blocks = registry.HomeBlocks.Where(b => !b.Key.StartsWith("Broken/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["LiveEvents/now", "News/latest", "Petitions/near-threshold", "Decisions/open", "Decisions/budgets", "Petitions/answers-overdue", "Places/toilets-near", "Broadcasts/on-air", "Inclusion/open"], blocks.Select(b => b.Key));
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            foreach (var (key, block) in blocks)
            {
                Assert.True(views.GetFileInfo(block.View).Exists, $"{key}: no view {block.View}");
                Assert.StartsWith("/", block.MoreHref, StringComparison.Ordinal);
                foreach (var culture in new[] { "ko-KR", "en-US" })
                {
                    System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
                    foreach (var text in new[] { block.TitleKey, block.MoreKey })
                        Assert.False(texts[text].ResourceNotFound, $"{key}: {text} has no {culture} text");
                }
            }
        }
        finally { System.Globalization.CultureInfo.CurrentUICulture = before; }
        // And the blocks of "my city".
        foreach (var (key, block) in registry.MyBlocks)
        {
            Assert.True(views.GetFileInfo(block.View).Exists, $"{key}: no view {block.View}");
            foreach (var culture in new[] { "ko-KR", "en-US" })
            {
                System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
                try
                {
                    foreach (var text in new[] { block.TitleKey, block.EmptyKey, block.MoreKey })
                        Assert.False(texts[text].ResourceNotFound, $"{key}: {text} has no {culture} text");
                }
                finally { System.Globalization.CultureInfo.CurrentUICulture = before; }
            }
        }
    }

    private Task<int> SetEventStateAsync(long id, LiveEventState state) =>
        app.WithDbAsync(db => db.Set<LiveEvent>().Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.State, state)));

    private Task<int> SetSupportsAsync(long id, int count) =>
        app.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.SignatureCount, count)));
}
