using System.Net;
using CityHall.Tests.Inclusion;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Developers.Incubator;
using CityHall.Web.Modules.Inclusion;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Fulfilment;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Developers;

/// <summary>The city on 7 December 2026, 10:00 in Seoul.</summary>
public sealed class IncubatorApp() : ClockedApp(InSeoul(2026, 12, 7, 10));

/// <summary>
/// The app-business centre after selection: its residents come from the programme's residencies (the Inclusion module's
/// contract), staff record mentoring with them, line them up for demo days, and keep the public showcase of apps built
/// on the city's data, each linked to the datasets and APIs it uses. Every refusal writes nothing.
/// </summary>
public sealed class IncubatorTests(IncubatorApp app) : IClassFixture<IncubatorApp>
{
    /// <summary>Two organisations given desks (as staff record a residency), and one selected but not yet given one.</summary>
    private async Task<string[]> ResidentsAsync()
    {
        var references = await InclusionData.ApplicationsAsync(app, "app-business-centre", 3, ApplicationState.Fulfilled);
        await app.WithDbAsync(async db =>
        {
            var rows = await db.Set<InclusionApplication>().Where(a => references.Contains(a.Reference)).ToListAsync();
            string[] names = ["주식회사 버스알림", "와이파이맵", "아직 입주 전"];
            foreach (var a in rows)
            {
                var i = references.IndexOf(a.Reference);
                a.Answers = a.Answers with { Organisation = new OrganisationAnswer(names[i], $"124-81-0099{i}", new DateOnly(2024, 1, 2), 3) };
                if (i == 2) a.State = ApplicationState.Accepted;
                else db.Add(new FulfilmentRecord
                {
                    ApplicationId = a.Id, Kind = FulfilmentKind.Residency, LicenceCode = $"3F-1{i}", StartsOn = new DateOnly(2026, 7, 1), EndsOn = new DateOnly(2027, 6, 30),
                    FulfilledAt = DateTime.UtcNow, RecordedBy = "staff",
                });
            }
            await db.SaveChangesAsync();
        });
        return [.. references];
    }

    [Fact]
    public async Task Staff_record_mentoring_line_residents_up_for_demo_days_and_publish_apps_linked_to_the_data_they_use()
    {
        var residents = await ResidentsAsync();
        var citizen = await app.SignedUpCitizenAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/admin/incubator")).StatusCode);
        var staff = await app.SignedInStaffAsync(Roles.Official);

        // The residents, with their desks; the accepted one without a desk is not a resident yet.
        var page = await staff.GetPageAsync("/admin/incubator");
        Assert.Equal(new[] { residents[0], residents[1] }.Order(StringComparer.Ordinal), page.QuerySelectorAll("[data-residents] tr[data-resident]").Select(r => r.GetAttribute("data-resident")!).Order(StringComparer.Ordinal));
        var first = page.QuerySelector($"tr[data-resident='{residents[0]}']")!;
        Assert.Contains("주식회사 버스알림", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("3F-10", first.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", first.GetAttribute("data-current"));

        // Mentoring: a resident the centre never had, a time to come and a length of 5 minutes are refused, nothing written.
        List<KeyValuePair<string, string>> Session(string resident, string heldAt, string minutes) =>
            [new("Input.Resident", resident), new("Input.Mentor", "김도윤(클라우드 아키텍트)"), new("Input.Topic", "버스 도착 API 캐시 설계"),
                new("Input.HeldAt", heldAt), new("Input.Minutes", minutes), new("Input.Notes", "요청 수를 줄이는 캐시 만료 시간을 정함")];
        var refused = await Html.ParseAsync(await staff.SubmitAsync(page, Session(residents[2], "2026-12-08T14:00", "5"), "form[data-mentoring-form]"));
        Assert.Equal(3, refused.ErrorSummary().Length);
        var absurd = await Html.ParseAsync(await staff.SubmitAsync(page, Session(residents[0], "0001-01-01T00:00", "60"), "form[data-mentoring-form]"));
        Assert.Single(absurd.ErrorSummary());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<MentoringSession>().CountAsync()));
        Assert.EndsWith("done=recorded", Html.RedirectedTo(await staff.SubmitAsync(page, Session(residents[0], "2026-12-04T14:00", "90"), "form[data-mentoring-form]")));
        await staff.SubmitAsync(page, Session(residents[0], "2026-12-06T10:30", "60"), "form[data-mentoring-form]");
        page = await staff.GetPageAsync("/admin/incubator");
        Assert.Equal("2회, 2.5시간", page.QuerySelector($"tr[data-resident='{residents[0]}'] [data-mentoring]")!.TextContent.Trim());
        var stored = await app.WithDbAsync(db => db.Set<MentoringSession>().OrderBy(s => s.HeldAt).FirstAsync());
        Assert.Equal(new DateTime(2026, 12, 4, 5, 0, 0, DateTimeKind.Utc), stored.HeldAt); // 14:00 in Seoul
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == "incubator.mentoring")));

        // The showcase: a script address and no dataset are refused; a good app is kept unpublished until published.
        var showcase = await staff.GetPageAsync("/admin/incubator/showcase");
        List<KeyValuePair<string, string>> App(string link, params string[] datasets) =>
            [new("Input.Name", "버스알림"), new("Input.Maker", "주식회사 버스알림"), new("Input.SummaryKo", "정류장에 오는 버스를 알려 줍니다."),
                new("Input.SummaryEn", "Tells you which bus is coming to your stop."), new("Input.Link", link), new("Input.Resident", residents[0]),
                .. datasets.Select(d => new KeyValuePair<string, string>("Input.Datasets", d))];
        var badApp = await Html.ParseAsync(await staff.SubmitAsync(showcase, App("javascript:alert(1)"), "form[data-app-form]"));
        Assert.Equal(2, badApp.ErrorSummary().Length);
        var unknownDataset = await Html.ParseAsync(await staff.SubmitAsync(showcase, App("https://bus.example.org", "no-such-dataset"), "form[data-app-form]"));
        Assert.Single(unknownDataset.ErrorSummary());
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ShowcaseApp>().CountAsync()));
        Assert.EndsWith("done=saved", Html.RedirectedTo(await staff.SubmitAsync(showcase, App("https://bus.example.org", "service-requests", "districts"), "form[data-app-form]")));
        var saved = await app.WithDbAsync(db => db.Set<ShowcaseApp>().SingleAsync());
        Assert.Equal(("districts service-requests", false, residents[0]), (saved.Datasets, saved.Published, saved.Resident));
        var anonymous = app.CreateClient();
        Assert.NotNull((await anonymous.GetPageAsync("/developers/showcase")).QuerySelector("[data-no-apps]"));

        showcase = await staff.GetPageAsync("/admin/incubator/showcase");
        Assert.EndsWith("done=published", Html.RedirectedTo(await staff.SubmitAsync(showcase, [], $"tr[data-app='{saved.Id}'] form")));
        var shown = await anonymous.GetPageAsync("/developers/showcase");
        var card = shown.QuerySelector($"[data-showcase] li[data-app='{saved.Id}']")!;
        Assert.Equal("https://bus.example.org", card.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("/api/v1/city/districts", card.QuerySelector("[data-dataset=districts] a")!.GetAttribute("href"));
        Assert.StartsWith("/open311/v2/requests", card.QuerySelector("[data-dataset=service-requests] a")!.GetAttribute("href"));

        // The portal lists every API, feed and open dataset an app can use: those the showcase links to.
        var portal = await anonymous.GetPageAsync("/developers");
        var listed = portal.QuerySelectorAll("[data-apis] tr[data-api]").ToDictionary(r => r.GetAttribute("data-api")!, r => r.QuerySelector("a")!.GetAttribute("href"));
        foreach (var (code, href) in new[] { ("places-api", "/api/v1/places"), ("petitions", "/api/v1/petitions"), ("live-events-calendar", "/live/upcoming.ics"),
            ("polls", "/api/v1/polls"), ("news-atom", "/news/feed.atom"), ("districts", "/api/v1/city/districts"), ("figure-service-requests-resolution-hours", "/open-data/figure-service-requests-resolution-hours.json") })
            Assert.Equal(href, listed[code]);
        Assert.StartsWith("/open311/v2/requests", listed["service-requests"]);

        // Changing it keeps it one app.
        var edit = await staff.GetPageAsync($"/admin/incubator/showcase?id={saved.Id}");
        Assert.Equal("https://bus.example.org", edit.QuerySelector("#Input_Link")!.GetAttribute("value"));
        Assert.EndsWith("done=saved", Html.RedirectedTo(await staff.SubmitAsync(edit,
            edit.FilledIn("form[data-app-form]").With(("Input.Name", "버스알림 2"), ("Input.Datasets", "districts")), "form[data-app-form]")));
        var changed = await app.WithDbAsync(db => db.Set<ShowcaseApp>().AsNoTracking().SingleAsync());
        Assert.Equal(("버스알림 2", "districts", true, "https://bus.example.org"), (changed.Name, changed.Datasets, changed.Published, changed.Link));

        // Demo days: announced, residents lined up once each with their app; the public page shows what is coming.
        var days = await staff.GetPageAsync("/admin/incubator/demo-days");
        Assert.NotNull(days.QuerySelector("[data-no-days]"));
        Assert.EndsWith("done=day", Html.RedirectedTo(await staff.SubmitAsync(days,
            [new("Day.TitleKo", "2026 겨울 데모데이"), new("Day.TitleEn", "Winter demo day 2026"), new("Day.StartsAt", "2026-12-18T15:00"), new("Day.Place", "상암 DMC 첨단산업센터 1층")], "form[data-day-form]")));
        days = await staff.GetPageAsync("/admin/incubator/demo-days");
        var dayId = days.QuerySelector("[data-demo-day]")!.GetAttribute("data-demo-day")!;
        Assert.EndsWith("done=pitch", Html.RedirectedTo(await staff.SubmitAsync(days,
            [new("Pitch.DemoDay", dayId), new("Pitch.Resident", residents[0]), new("Pitch.App", saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], "form[data-pitch-form]")));
        var twice = await Html.ParseAsync(await staff.SubmitAsync(days, [new("Pitch.DemoDay", dayId), new("Pitch.Resident", residents[0])], "form[data-pitch-form]"));
        Assert.Contains("주식회사 버스알림", Assert.Single(twice.ErrorSummary()), StringComparison.Ordinal);
        var notResident = await Html.ParseAsync(await staff.SubmitAsync(days, [new("Pitch.DemoDay", dayId), new("Pitch.Resident", residents[2])], "form[data-pitch-form]"));
        Assert.Single(notResident.ErrorSummary());
        await staff.SubmitAsync(days, [new("Pitch.DemoDay", dayId), new("Pitch.Resident", residents[1])], "form[data-pitch-form]");

        var centre = await anonymous.GetPageAsync("/developers/incubator");
        Assert.Equal("/inclusion/app-business-centre", centre.QuerySelector("[data-apply]")!.GetAttribute("href"));
        var coming = centre.QuerySelector("[data-demo-day][data-when=coming]")!;
        Assert.Contains("2026 겨울 데모데이", coming.TextContent, StringComparison.Ordinal);
        Assert.Equal(["주식회사 버스알림 — 버스알림 2", "와이파이맵"], coming.QuerySelectorAll("[data-pitches] li").Select(li => li.TextContent.Trim()));

        // The app and the centre are in the city's search.
        await app.Services.GetRequiredService<CityHall.Web.Platform.Search.SearchIndex>().ReconcileAsync();
        var found = await anonymous.GetPageAsync("/search?q=" + Uri.EscapeDataString("버스알림") + "&kind=developers");
        Assert.Equal($"/developers/showcase#app-{saved.Id}", found.QuerySelector($"[data-results='developers'] [data-result='app-{saved.Id}'] a")!.GetAttribute("href"));
        Assert.Contains("incubator", (await anonymous.GetPageAsync("/search?q=" + Uri.EscapeDataString("데모데이") + "&kind=developers"))
            .QuerySelectorAll("[data-results='developers'] [data-result]").Select(r => r.GetAttribute("data-result")));

        // Twelve days later it is past.
        app.Clock.Advance(TimeSpan.FromDays(12));
        Assert.NotNull((await anonymous.GetPageAsync("/developers/incubator")).QuerySelector("[data-demo-day][data-when=past]"));
    }
}
