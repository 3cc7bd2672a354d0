using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Hosting;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Visits;

/// <summary>
/// The demo city's study visits (Seed:Demo): five of Seoul's real e-government sites, and held visits over the last
/// three full years that add up to exactly what Seoul published — 893 visitors from 155 countries in three years — so
/// the statistics query can be checked against it. How the total spreads over countries, years, visits and topics
/// is made up (seeded, the same every time), and every such visit says so in its note; a few requests still to come
/// show the secretariat's steps. Runs once: skipped when any visit exists.
/// </summary>
public sealed class VisitsDemoSeeder(AppDbContext db, Countries countries, CityClock clock, TimeProvider time, IOptionsMonitor<CityNetworkOptions> options,
    ILogger<VisitsDemoSeeder> logger) : IDataSeeder
{
    public const int Visitors = 893, CountryCount = 155, Years = 3, HeldVisits = 200;
    public const string Note = "Demo: the totals are Seoul's published figure (893 visitors from 155 countries in three years); the split is illustrative.";

    /// <summary>Territories that are not states, and the host: the demo's delegations come from the other countries.</summary>
    private static readonly HashSet<string> NotDelegations =
    [
        "KR", "AS", "AI", "AQ", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "EH", "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU",
        "HK", "HM", "IM", "IO", "JE", "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR", "RE", "SH", "SJ", "SX", "TC",
        "TF", "TK", "UM", "VA", "VG", "VI", "WF", "YT",
    ];

    /// <summary>After the network's own seeding; needs no people.</summary>
    public int Order => 70;

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        if (!includeDemo || await db.Set<StudyVisit>().AnyAsync(ct)) return;
        var sites = await SitesAsync(ct);
        var network = options.CurrentValue;
        var random = new Random(2010); // WeGO's founding year: the same split on every machine
        var now = time.GetUtcNow().UtcDateTime;
        var lastYear = clock.Now.Year - 1;

        var pool = countries.ByCode.Keys.Where(c => !NotDelegations.Contains(c)).Order(StringComparer.Ordinal).ToList();
        var chosen = pool.OrderBy(_ => random.Next()).Take(CountryCount).ToList();
        // Every country once, then some again; sizes drawn, then nudged until they add up to the published total.
        var visits = chosen.Concat(Enumerable.Range(0, HeldVisits - CountryCount).Select(_ => chosen[random.Next(chosen.Count)])).ToList();
        var sizes = visits.Select(_ => random.Next(1, 9)).ToArray();
        for (var gap = Visitors - sizes.Sum(); gap != 0; gap = Visitors - sizes.Sum())
        {
            var i = random.Next(sizes.Length);
            sizes[i] = Math.Clamp(sizes[i] + Math.Sign(gap), 1, 20);
        }
        for (var i = 0; i < visits.Count; i++)
        {
            var year = lastYear - random.Next(Years);
            var held = new DateOnly(year, 1, 1).AddDays(random.Next(DateTime.IsLeapYear(year) ? 366 : 365));
            if (held.DayOfWeek == DayOfWeek.Saturday) held = held.AddDays(2);
            else if (held.DayOfWeek == DayOfWeek.Sunday) held = held.AddDays(1);
            if (held.Year != year) held = held.AddDays(-3);
            var requested = held.AddDays(-random.Next(30, 90)).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            var code = visits[i];
            db.Add(new StudyVisit
            {
                Reference = $"VIS-DEMO-{i + 1:000}", Channel = VisitChannel.Letter, Organisation = $"Government delegation of {countries.Find(code)!.NameEn}",
                CountryCode = code, ContactName = "Demo delegation", ContactEmail = $"visits-{code.ToLowerInvariant()}@example.org",
                People = sizes[i], Visitors = sizes[i], Topics = Topics(network, random), PreferredFrom = held.AddDays(-3), PreferredTo = held.AddDays(10),
                InterpreterLanguage = null, Status = VisitStatus.Held, HeldOn = held, RequestedAt = requested, ProposedAt = requested.AddDays(10),
                ConfirmedAt = requested.AddDays(14), Note = Note, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        await OpenRequestsAsync(sites, network, ct);
        logger.LogInformation("Seeded {Visits} held study visits ({Visitors} visitors from {Countries} countries, {From}–{To}) and 3 still to come",
            HeldVisits, Visitors, CountryCount, lastYear - Years + 1, lastYear);
    }

    private static List<string> Topics(CityNetworkOptions network, Random random) =>
        network.Topics.Count == 0 ? [] : network.Topics.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(t => t.Code).ToList();

    /// <summary>Seoul's places that receive delegations (real places; hosts and capacities as a city would set them).</summary>
    private async Task<IReadOnlyList<VisitSite>> SitesAsync(CancellationToken ct)
    {
        if (await db.Set<VisitSite>().AnyAsync(ct)) return await db.Set<VisitSite>().OrderBy(s => s.Id).ToListAsync(ct);
        VisitSite[] sites =
        [
            new() { Name = "서울시청 스마트서울 상황실", NameEn = "Smart Seoul control room, Seoul City Hall", Address = "서울특별시 중구 세종대로 110", Host = "디지털정책관", Capacity = 30,
                Description = "The city's data on one wall: transport, safety, environment and civil complaints, as officials use it." },
            new() { Name = "서울교통정보센터(TOPIS)", NameEn = "Seoul Transport Operation and Information Service (TOPIS)", Address = "서울특별시 중구 세종대로 110", Host = "도시교통실", Capacity = 25,
                Description = "Traffic, buses, subway and taxis watched and managed in real time." },
            new() { Name = "120다산콜재단", NameEn = "120 Dasan Call Center", Address = "서울특별시 동대문구 천호대로 4", Host = "120다산콜재단", Capacity = 20,
                Description = "The city's one number for every question and complaint, by phone, chat and text." },
            new() { Name = "서울디지털재단", NameEn = "Seoul Digital Foundation", Address = "서울특별시 마포구 매봉산로 37", Host = "서울디지털재단", Capacity = 40,
                Description = "Digital inclusion for seniors, smart city research and the city's technology pilots." },
            new() { Name = "서울 열린데이터광장", NameEn = "Seoul Open Data Plaza", Address = "서울특별시 중구 세종대로 110", Host = "데이터전략과", Capacity = 15,
                Description = "How the city opens its data: the catalogue, its APIs and the companies that build on them." },
        ];
        db.AddRange(sites);
        await db.SaveChangesAsync(ct);
        return sites;
    }

    /// <summary>Three requests still to come: one waiting for a programme, one proposed, one confirmed.</summary>
    private async Task OpenRequestsAsync(IReadOnlyList<VisitSite> sites, CityNetworkOptions network, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        (string Code, string Organisation, int People, string? Interpreter, VisitStatus Status, int InDays)[] open =
        [
            ("KE", "Nairobi City County, ICT department", 6, "sw", VisitStatus.Requested, 40),
            ("NP", "Kathmandu Metropolitan City", 8, "ne", VisitStatus.Proposed, 30),
            ("UZ", "Tashkent City Administration", 12, "ru", VisitStatus.Confirmed, 24),
        ];
        foreach (var (code, organisation, people, interpreter, status, inDays) in open)
        {
            var from = today.AddDays(inDays);
            var visit = new StudyVisit
            {
                Reference = $"VIS-DEMO-{code}", Channel = VisitChannel.Letter, Organisation = organisation, CountryCode = code, ContactName = "Demo delegation",
                ContactEmail = $"visits-{code.ToLowerInvariant()}@example.org", People = people, Topics = network.Topics.Take(2).Select(t => t.Code).ToList(),
                WishedSiteIds = sites.Take(2).Select(s => s.Id).ToList(), PreferredFrom = from, PreferredTo = from.AddDays(4), InterpreterLanguage = interpreter,
                Status = status, RequestedAt = now.AddDays(-7), ProposedAt = status == VisitStatus.Requested ? null : now.AddDays(-3),
                ConfirmedAt = status == VisitStatus.Confirmed ? now.AddDays(-1) : null, Note = "Demo request.", UpdatedAt = now,
            };
            db.Add(visit);
            await db.SaveChangesAsync(ct);
            if (status == VisitStatus.Requested) continue;
            for (var s = 0; s < 2; s++)
            {
                var starts = clock.FromLocal(from.ToDateTime(new TimeOnly(10 + s * 4, 0))).UtcDateTime;
                db.Add(new VisitSession { VisitId = visit.Id, SiteId = sites[s].Id, Host = sites[s].Host ?? sites[s].NameEn, StartsAt = starts, EndsAt = starts.AddMinutes(90) });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
