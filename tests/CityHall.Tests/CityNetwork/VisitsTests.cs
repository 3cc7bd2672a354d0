using System.Globalization;
using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.CityNetwork.Visits;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Identity;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.CityNetwork;

/// <summary>Study visits: the request and its rules, the programme and its calendar conflicts, each step once, the feedback, who sees what, the statistics.</summary>
public sealed class VisitsTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    private DateOnly Today => DateOnly.FromDateTime(app.Services.GetRequiredService<CityClock>().Now.DateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static VisitSession Session(long id, long visit, long site, string host, int startHour, int endHour, int day = 10) => new()
    {
        Id = id, VisitId = visit, SiteId = site, Host = host,
        // Hours in Seoul (UTC+9) on 2027-03-{day}.
        StartsAt = new DateTime(2027, 3, day, startHour, 0, 0, DateTimeKind.Utc).AddHours(-9), EndsAt = new DateTime(2027, 3, day, endHour, 0, 0, DateTimeKind.Utc).AddHours(-9),
    };

    [Fact]
    public void The_calendar_shows_every_conflict_and_none_between_back_to_back_sessions()
    {
        var visit = new StudyVisit
        {
            Id = 1, Reference = "VIS-A", Organisation = "O", CountryCode = "NP", ContactName = "C", ContactEmail = "c@example.org", People = 12,
            PreferredFrom = new DateOnly(2027, 3, 10), PreferredTo = new DateOnly(2027, 3, 11),
        };
        var sites = new Dictionary<long, VisitSite>
        {
            [1] = new() { Id = 1, Name = "상황실", NameEn = "Control room", Capacity = 30, Host = "Digital Policy" },
            [2] = new() { Id = 2, Name = "콜센터", NameEn = "Call centre", Capacity = 10, Host = "120" },
            [3] = new() { Id = 3, Name = "옛 전시관", NameEn = "Old hall", Capacity = 50, Active = false },
        };
        VisitSession[] own =
        [
            Session(11, 1, 1, "Digital Policy", 10, 12),        // another visit here 11–13: the site is busy
            Session(12, 1, 2, "120", 12, 13),                   // back to back with 11: no overlap; 12 people, room for 10
            Session(13, 1, 3, "Ms Kim", 14, 16),                // the site no longer receives visitors; Ms Kim also at 15 elsewhere
            Session(14, 1, 1, "Digital Policy", 15, 16),        // overlaps 13 in this visit
            Session(15, 1, 1, "Digital Policy", 9, 10, day: 12), // a day the delegation did not offer
        ];
        BookedSession[] others =
        [
            new(Session(21, 2, 1, "Someone else", 11, 13), "VIS-B"),
            new(Session(22, 3, 2, "ms kim ", 15, 17), "VIS-C"),   // the same host, written otherwise
            new(Session(23, 1, 2, "120", 10, 11), "VIS-A"),       // this visit's own session is not "another visit"
        ];
        var found = VisitRules.Conflicts(visit, own, others, sites, Seoul);
        string Kinds(long id) => string.Join(",", found.Where(c => c.SessionId == id).Select(c => c.Kind + (c.OtherReference is null ? "" : ":" + c.OtherReference)).Order());
        Assert.Equal("SiteBusy:VIS-B", Kinds(11));
        Assert.Equal("OverCapacity", Kinds(12));
        Assert.Equal("HostBusy:VIS-C,Overlap,SiteInactive", Kinds(13));
        Assert.Equal("Overlap", Kinds(14));
        Assert.Equal("OutsidePreferredDates", Kinds(15));
    }

    [Fact]
    public async Task A_delegation_asks_the_secretariat_programmes_it_they_confirm_it_is_held_and_they_answer_the_survey()
    {
        var (citizen, _) = await app.SignUpCitizenAsync();
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");
        var siteName = NetworkTestData.Unique("TOPIS");
        var sites = await secretary.GetPageAsync("/admin/network/visit-sites");
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(sites, [new("Input.Name", ""), new("Input.NameEn", ""), new("Input.Capacity", "0")], "main form:not([action*='handler'])"))).ErrorSummary());
        Html.RedirectedTo(await secretary.SubmitAsync(sites, [new("Input.Name", "교통정보센터"), new("Input.NameEn", siteName), new("Input.Host", "Transport Bureau"), new("Input.Capacity", "10")],
            "main form:not([action*='handler'])"));
        var siteId = await app.WithDbAsync(db => db.Set<VisitSite>().Where(s => s.NameEn == siteName).Select(s => s.Id).SingleAsync());

        // The request: everything missing, then too soon, too many people and an unknown topic; then a good one.
        var form = await citizen.GetPageAsync("/network/visits/request");
        Assert.NotNull(form.QuerySelector($"input[name='Input.Sites'][value='{siteId}']"));
        var errors = (await Html.ParseAsync(await citizen.SubmitAsync(form, [], "main form"))).ErrorSummary();
        Assert.True(errors.Length >= 5, string.Join(" | ", errors));
        var from = Today.AddDays(30);
        var organisation = NetworkTestData.Unique("काठमाडौं महानगरपालिका");
        KeyValuePair<string, string>[] good =
        [
            new("Input.Organisation", organisation), new("Input.Country", "NP"), new("Input.People", "12"), new("Input.Topics", "open-data"),
            new("Input.Topics", "transport"), new("Input.Sites", siteId.ToString(CultureInfo.InvariantCulture)), new("Input.PreferredFrom", Day(from)),
            new("Input.PreferredTo", Day(from.AddDays(3))), new("Input.InterpreterLanguage", "ne"), new("Input.ContactName", "Sita Sharma"),
            new("Input.ContactEmail", "sita@example.org"),
        ];
        var bad = good.Select(p => p.Key switch
        {
            "Input.PreferredFrom" => new KeyValuePair<string, string>(p.Key, Day(Today.AddDays(3))),
            "Input.People" => new(p.Key, "51"),
            "Input.Topics" when p.Value == "transport" => new(p.Key, "astrology"),
            "Input.InterpreterLanguage" => new(p.Key, "xx-notalanguage"),
            _ => p,
        }).ToList();
        var refused = await Html.ParseAsync(await citizen.SubmitAsync(form, bad, "main form"));
        Assert.Equal(4, refused.ErrorSummary().Length);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<StudyVisit>().CountAsync(v => v.Organisation == organisation)));
        var visitPath = Html.RedirectedTo(await citizen.SubmitAsync(form, good, "main form"));
        var reference = visitPath.Split('/')[^1];
        Assert.StartsWith("VIS-", reference);
        var mine = await citizen.GetPageAsync(visitPath);
        Assert.Equal("Requested", mine.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Contains(organisation, mine.QuerySelector("[data-visit-summary]")!.TextContent);
        var visit = await app.WithDbAsync(db => db.Set<StudyVisit>().SingleAsync(v => v.Reference == reference));
        Assert.Equal(["open-data", "transport"], visit.Topics);
        Assert.Equal("ne", visit.InterpreterLanguage);

        // Nobody else reads it: another citizen, an official outside the secretariat.
        var (stranger, _) = await app.SignUpCitizenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(visitPath)).StatusCode);
        var outsider = await app.SignedInStaffAsync(Roles.Official, department: "culture");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/admin/network/visits/{visit.Id}")).StatusCode);

        // The programme: nothing to propose yet; a session at a busy site (another visit holds it) shows the conflict.
        var admin = await secretary.GetPageAsync($"/admin/network/visits/{visit.Id}");
        Assert.NotEmpty((await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(admin, [], "form[action$='handler=propose']")))).ErrorSummary());
        var other = await app.WithDbAsync(async db =>
        {
            var o = new StudyVisit
            {
                Reference = NetworkTestData.Unique("VIS-OTHER"), Organisation = "Other", CountryCode = "KE", ContactName = "C", ContactEmail = "c@example.org", People = 3,
                PreferredFrom = from, PreferredTo = from, Status = VisitStatus.Confirmed, UpdatedAt = DateTime.UtcNow,
            };
            db.Add(o);
            await db.SaveChangesAsync();
            var starts = new DateTimeOffset(from.ToDateTime(new TimeOnly(10, 30)), TimeSpan.FromHours(9)).UtcDateTime;
            db.Add(new VisitSession { VisitId = o.Id, SiteId = siteId, Host = "Transport Bureau", StartsAt = starts, EndsAt = starts.AddHours(1) });
            await db.SaveChangesAsync();
            return o;
        });
        var session = admin.FilledIn("form[action$='handler=session']")
            .With(("Session.SiteId", siteId.ToString(CultureInfo.InvariantCulture)), ("Session.StartsAt", Day(from) + "T10:00"), ("Session.EndsAt", Day(from) + "T09:00"));
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(admin, session, "form[action$='handler=session']"))).ErrorSummary());
        session = session.With(("Session.EndsAt", Day(from) + "T11:30"), ("Session.Notes", "Real-time traffic wall"));
        Html.RedirectedTo(await secretary.SubmitAsync(admin, session, "form[action$='handler=session']"));
        admin = await secretary.GetPageAsync($"/admin/network/visits/{visit.Id}");
        var row = admin.QuerySelector("[data-programme] tr[data-session]")!;
        Assert.Equal("SiteBusy OverCapacity", row.GetAttribute("data-conflicts"));
        Assert.Contains(other.Reference, row.TextContent);
        // The session's time is the city's: 10:00 in Seoul.
        var stored = await app.WithDbAsync(db => db.Set<VisitSession>().SingleAsync(s => s.VisitId == visit.Id));
        Assert.Equal(new DateTime(from.Year, from.Month, from.Day, 1, 0, 0), stored.StartsAt);

        // Proposed: the requester is told and confirms; a second confirmation changes nothing.
        Html.RedirectedTo(await secretary.SubmitAsync(admin, [], "form[action$='handler=propose']"));
        var told = await app.WithDbAsync(db => db.Set<InAppNotification>().Where(n => n.Link == visitPath).Select(n => n.Title).ToListAsync());
        Assert.Single(told);
        mine = await citizen.GetPageAsync(visitPath);
        Assert.Equal("Proposed", mine.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Contains("Real-time traffic wall", mine.QuerySelector("[data-programme]")!.TextContent);
        Html.RedirectedTo(await citizen.SubmitAsync(mine, [], "form[action$='handler=confirm']"));
        Assert.NotEmpty((await citizen.GetPageAsync(Html.RedirectedTo(await citizen.SubmitAsync(mine, [], "form[action$='handler=confirm']")))).ErrorSummary());
        Assert.Equal(VisitStatus.Confirmed, await app.WithDbAsync(db => db.Set<StudyVisit>().Where(v => v.Id == visit.Id).Select(v => v.Status).SingleAsync()));

        // No survey before it is held.
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"{visitPath}/feedback")).StatusCode);
        // Held: not on a day to come, not with nobody; then on a day past with the people who came.
        admin = await secretary.GetPageAsync($"/admin/network/visits/{visit.Id}");
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(admin, [new("Held.HeldOn", Day(Today.AddDays(1))), new("Held.Visitors", "10")], "form[action$='handler=held']"))).ErrorSummary());
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(admin, [new("Held.HeldOn", Day(Today)), new("Held.Visitors", "0")], "form[action$='handler=held']"))).ErrorSummary());
        Html.RedirectedTo(await secretary.SubmitAsync(admin, [new("Held.HeldOn", Day(Today)), new("Held.Visitors", "10")], "form[action$='handler=held']"));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<InAppNotification>().CountAsync(n => n.Link == visitPath)));

        // The survey: incomplete, then answered, then once only.
        var survey = await citizen.GetPageAsync($"{visitPath}/feedback");
        Assert.NotNull(survey.QuerySelector("input[name='Input.Interpretation']"));
        Assert.NotEmpty((await Html.ParseAsync(await citizen.SubmitAsync(survey, [new("Input.Overall", "5")], "main form"))).ErrorSummary());
        Html.RedirectedTo(await citizen.SubmitAsync(survey, [new("Input.Overall", "5"), new("Input.Programme", "4"), new("Input.Organisation", "5"), new("Input.Interpretation", "3"),
            new("Input.WouldRecommend", "true"), new("Input.Adopting", "A single number for every complaint")], "main form"));
        var again = await Html.ParseAsync(await citizen.SubmitAsync(survey, [new("Input.Overall", "1"), new("Input.Programme", "1"), new("Input.Organisation", "1"),
            new("Input.Interpretation", "1"), new("Input.WouldRecommend", "false")], "main form"));
        Assert.NotNull(again.QuerySelector("[data-feedback-given]"));
        var feedback = await app.WithDbAsync(db => db.Set<VisitFeedback>().SingleAsync(f => f.VisitId == visit.Id));
        Assert.Equal((5, 4, 5, 3, true), (feedback.Overall, feedback.Programme, feedback.Organisation, feedback.Interpretation, feedback.WouldRecommend));
        Assert.NotNull((await secretary.GetPageAsync($"/admin/network/visits/{visit.Id}")).QuerySelector("[data-feedback]"));

        // The figures count the people who came this year (10), not those announced (12).
        var year = Today.Year;
        var figures = await app.WithDbAsync(db => new VisitStatistics(db).ForYearsAsync(year, year, default));
        Assert.Contains(figures.ByCountry, c => c.CountryCode == "NP" && c.Visitors >= 10);
        var page = await app.CreateClient().GetPageAsync($"/network/visits?from={year}&to={year}");
        Assert.Equal(figures.Visitors.ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-visit-totals]")!.GetAttribute("data-visitors"));
    }

    [Fact]
    public async Task A_request_by_letter_is_recorded_by_staff_and_the_contact_hears_by_email_when_it_is_declined()
    {
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");
        var form = await secretary.GetPageAsync("/admin/network/visits/new");
        var email = $"delegation-{Guid.NewGuid():N}@example.org";
        var path = Html.RedirectedTo(await secretary.SubmitAsync(form, [
            new("Input.Organisation", "Ville de Dakar"), new("Input.Country", "SN"), new("Input.People", "4"), new("Input.Topics", "civil-services"),
            // A letter may be entered late: no notice period for staff.
            new("Input.PreferredFrom", Day(Today.AddDays(2))), new("Input.PreferredTo", Day(Today.AddDays(5))), new("Input.InterpreterLanguage", "fr"),
            new("Input.ContactName", "Awa Diop"), new("Input.ContactEmail", email)], "main form"));
        var id = long.Parse(path.Split('/')[^1].Split('?')[0], CultureInfo.InvariantCulture);
        var visit = await app.WithDbAsync(db => db.Set<StudyVisit>().SingleAsync(v => v.Id == id));
        Assert.Equal((VisitChannel.Letter, (string?)null), (visit.Channel, visit.RequesterUserId));

        var page = await secretary.GetPageAsync($"/admin/network/visits/{id}");
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(page, [new("Reason", "")], "form[action$='handler=decline']"))).ErrorSummary());
        Html.RedirectedTo(await secretary.SubmitAsync(page, [new("Reason", "The sites are closed for renovation that week.")], "form[action$='handler=decline']"));
        var mail = await app.LastEmailToAsync(email);
        Assert.NotNull(mail);
        Assert.Contains("renovation", mail!.Body);
        Assert.Contains("Ville de Dakar", mail.Body); // in English, the network's language
        // Declined once: declining again changes nothing.
        Assert.NotEmpty((await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(page, [new("Reason", "Again")], "form[action$='handler=decline']")))).ErrorSummary());
        Assert.Equal("The sites are closed for renovation that week.", await app.WithDbAsync(db => db.Set<StudyVisit>().Where(v => v.Id == id).Select(v => v.Reason).SingleAsync()));
    }

    [Fact]
    public async Task The_secretariat_lists_visits_by_status_confirms_for_a_delegation_reopens_and_cancels()
    {
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");
        var (siteId, visitId) = await app.WithDbAsync(async db =>
        {
            var site = new VisitSite { Name = "데이터광장", NameEn = NetworkTestData.Unique("Open Data Plaza"), Capacity = 20, Host = "Data Strategy" };
            db.Add(site);
            var v = new StudyVisit
            {
                Reference = NetworkTestData.Unique("VIS-LIST"), Organisation = NetworkTestData.Unique("Ciudad de Lima"), CountryCode = "PE", ContactName = "C",
                ContactEmail = $"lima-{Guid.NewGuid():N}@example.org", People = 6, Topics = ["open-data"], PreferredFrom = Today.AddDays(30), PreferredTo = Today.AddDays(33),
                Status = VisitStatus.Requested, Channel = VisitChannel.Letter, RequestedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Add(v);
            await db.SaveChangesAsync();
            return (site.Id, v.Id);
        });
        // A site changed, then closed and opened again.
        var sites = await secretary.GetPageAsync($"/admin/network/visit-sites?id={siteId}");
        Html.RedirectedTo(await secretary.SubmitAsync(sites, sites.FilledIn("main form[action*='?id=']").With(("Input.Capacity", "25")), "main form[action*='?id=']"));
        Assert.Equal(25, await app.WithDbAsync(db => db.Set<VisitSite>().Where(s => s.Id == siteId).Select(s => s.Capacity).SingleAsync()));
        Html.RedirectedTo(await secretary.SubmitAsync(sites, [], $"tr[data-site='{siteId}'] form"));
        Assert.False(await app.WithDbAsync(db => db.Set<VisitSite>().Where(s => s.Id == siteId).Select(s => s.Active).SingleAsync()));
        Html.RedirectedTo(await secretary.SubmitAsync(await secretary.GetPageAsync("/admin/network/visit-sites"), [], $"tr[data-site='{siteId}'] form"));
        Assert.True(await app.WithDbAsync(db => db.Set<VisitSite>().Where(s => s.Id == siteId).Select(s => s.Active).SingleAsync()));

        // Still to come by default; each status has its own list.
        Assert.NotNull((await secretary.GetPageAsync("/admin/network/visits")).QuerySelector($"tr[data-visit='{visitId}']"));
        Assert.Null((await secretary.GetPageAsync("/admin/network/visits?status=Held")).QuerySelector($"tr[data-visit='{visitId}']"));
        Assert.NotNull((await secretary.GetPageAsync("/admin/network/visits?status=Requested")).QuerySelector($"tr[data-visit='{visitId}']"));

        var page = await secretary.GetPageAsync($"/admin/network/visits/{visitId}");
        var day = Day(Today.AddDays(30));
        Html.RedirectedTo(await secretary.SubmitAsync(page, page.FilledIn("form[action$='handler=session']").With(("Session.SiteId", siteId.ToString(CultureInfo.InvariantCulture)),
            ("Session.StartsAt", day + "T14:00"), ("Session.EndsAt", day + "T15:00")), "form[action$='handler=session']"));
        page = await secretary.GetPageAsync($"/admin/network/visits/{visitId}");
        Html.RedirectedTo(await secretary.SubmitAsync(page, [], "form[action$='handler=propose']"));
        // The delegation accepted by phone: staff confirm for it; then the programme is reopened (back to proposed) and confirmed again.
        page = await secretary.GetPageAsync($"/admin/network/visits/{visitId}");
        Html.RedirectedTo(await secretary.SubmitAsync(page, [], "form[action$='handler=confirm']"));
        page = await secretary.GetPageAsync($"/admin/network/visits/{visitId}");
        Assert.Equal("Confirmed", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Null(page.QuerySelector("form[action$='handler=session']")); // a confirmed programme is not changed in place
        Html.RedirectedTo(await secretary.SubmitAsync(page, [], "form[action$='handler=reopen']"));
        Assert.Equal(VisitStatus.Proposed, await app.WithDbAsync(db => db.Set<StudyVisit>().Where(v => v.Id == visitId).Select(v => v.Status).SingleAsync()));
        // Reopened, the session can go; a programme without sessions cannot be confirmed; with one again it can, and then the
        // city cancels with a reason the contact hears by e-mail.
        page = await secretary.GetPageAsync($"/admin/network/visits/{visitId}");
        Html.RedirectedTo(await secretary.SubmitAsync(page, [], "[data-programme] form"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<VisitSession>().CountAsync(s => s.VisitId == visitId)));
        page = await secretary.GetPageAsync($"/admin/network/visits/{visitId}");
        Assert.NotEmpty((await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(page, [], "form[action$='handler=confirm']")))).ErrorSummary());
        Html.RedirectedTo(await secretary.SubmitAsync(page, page.FilledIn("form[action$='handler=session']").With(("Session.SiteId", siteId.ToString(CultureInfo.InvariantCulture)),
            ("Session.StartsAt", day + "T10:00"), ("Session.EndsAt", day + "T11:00")), "form[action$='handler=session']"));
        Html.RedirectedTo(await secretary.SubmitAsync(page, [], "form[action$='handler=confirm']"));
        page = await secretary.GetPageAsync($"/admin/network/visits/{visitId}");
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(page, [new("Reason", "")], "form[action$='handler=cancel']"))).ErrorSummary());
        Html.RedirectedTo(await secretary.SubmitAsync(page, [new("Reason", "The mayor's office moved the dates.")], "form[action$='handler=cancel']"));
        var visit = await app.WithDbAsync(db => db.Set<StudyVisit>().SingleAsync(v => v.Id == visitId));
        Assert.Equal(VisitStatus.Cancelled, visit.Status);
        Assert.Contains("moved the dates", (await app.LastEmailToAsync(visit.ContactEmail))!.Body);
        Assert.NotNull((await secretary.GetPageAsync("/admin/network/visits?status=Cancelled")).QuerySelector($"tr[data-visit='{visitId}']"));
    }

    [Fact]
    public async Task An_account_has_at_most_three_requests_under_way()
    {
        var (citizen, _) = await app.SignUpCitizenAsync();
        var from = Today.AddDays(40);
        KeyValuePair<string, string>[] request =
        [
            new("Input.Organisation", "Tashkent"), new("Input.Country", "UZ"), new("Input.People", "5"), new("Input.Topics", "safety"),
            new("Input.PreferredFrom", Day(from)), new("Input.PreferredTo", Day(from.AddDays(2))), new("Input.ContactName", "A"), new("Input.ContactEmail", "a@example.org"),
        ];
        for (var i = 0; i < 3; i++) Html.RedirectedTo(await citizen.SubmitAsync(await citizen.GetPageAsync("/network/visits/request"), request, "main form"));
        var fourth = await Html.ParseAsync(await citizen.SubmitAsync(await citizen.GetPageAsync("/network/visits/request"), request, "main form"));
        Assert.Contains(fourth.ErrorSummary(), e => e.Contains('3'));
        // Cancelling one makes room.
        var mine = (await citizen.GetPageAsync("/network/visits")).QuerySelector("[data-my-visits] a")!.GetAttribute("href")!;
        Html.RedirectedTo(await citizen.SubmitAsync(await citizen.GetPageAsync(mine), [new("CancelReason", "Budget cut")], "form[action$='handler=cancel']"));
        Html.RedirectedTo(await citizen.SubmitAsync(await citizen.GetPageAsync("/network/visits/request"), request, "main form"));
    }

    [Fact]
    public async Task A_requesters_data_is_exported_and_erased_leaving_held_visits_to_the_statistics_without_the_person()
    {
        var email = $"visitor-{Guid.NewGuid():N}@example.org";
        await app.SignUpCitizenAsync(email);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var (held, waiting) = await app.WithDbAsync(async db =>
        {
            StudyVisit Visit(VisitStatus status, DateOnly? heldOn) => new()
            {
                Reference = NetworkTestData.Unique("VIS-PD"), RequesterUserId = userId, Organisation = "Lima", CountryCode = "PE", ContactName = "Rosa Quispe",
                ContactEmail = "rosa@example.org", ContactPhone = "+51 1 555 0100", People = 5, Visitors = heldOn is null ? null : 5, Status = status, HeldOn = heldOn,
                Wishes = "The 120 call centre", PreferredFrom = new(2005, 1, 1), PreferredTo = new(2005, 1, 5), UpdatedAt = DateTime.UtcNow,
            };
            var (h, w) = (Visit(VisitStatus.Held, new(2005, 1, 3)), Visit(VisitStatus.Requested, null));
            db.AddRange(h, w);
            await db.SaveChangesAsync();
            db.Add(new VisitFeedback { VisitId = h.Id, Overall = 4, Programme = 4, Organisation = 4, WouldRecommend = true, Comments = "Thank you, Rosa" });
            await db.SaveChangesAsync();
            return (h.Id, w.Id);
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var data = scope.ServiceProvider.GetServices<IPersonalDataContributor>().Single(c => c.Section == "city-network");
            var exported = System.Text.Json.JsonSerializer.Serialize(await data.ExportAsync(userId, default));
            Assert.Contains("rosa@example.org", exported);
            Assert.Contains("Thank you, Rosa", exported);
            await data.EraseAsync(userId, default);
        }
        Assert.False(await app.WithDbAsync(db => db.Set<StudyVisit>().AnyAsync(v => v.Id == waiting)));
        var kept = await app.WithDbAsync(db => db.Set<StudyVisit>().SingleAsync(v => v.Id == held));
        Assert.Equal((null, "", "", null, null, 5), (kept.RequesterUserId, kept.ContactName, kept.ContactEmail, kept.ContactPhone, kept.Wishes, kept.Visitors));
        var survey = await app.WithDbAsync(db => db.Set<VisitFeedback>().SingleAsync(f => f.VisitId == held));
        Assert.Equal((4, (string?)null), (survey.Overall, survey.Comments));
    }

    [Fact]
    public async Task The_statistics_count_held_visits_by_year_and_country_as_computed_by_hand()
    {
        // Years long past, which no other test touches: 2001–2003.
        (string Country, VisitStatus Status, DateOnly? Held, int People, int? Visitors)[] data =
        [
            ("NP", VisitStatus.Held, new(2001, 5, 2), 9, 8),
            ("NP", VisitStatus.Held, new(2002, 6, 3), 4, 4),
            ("KE", VisitStatus.Held, new(2002, 7, 4), 6, 6),
            ("MN", VisitStatus.Held, new(2003, 1, 5), 3, 2),
            ("PE", VisitStatus.Cancelled, null, 20, null),      // not held: not counted
            ("PE", VisitStatus.Held, new(2004, 1, 6), 7, 7),    // outside the span
            ("FR", VisitStatus.Held, new(2000, 12, 31), 5, 5),  // outside the span
        ];
        await app.WithDbAsync(async db =>
        {
            foreach (var (country, status, held, people, visitors) in data)
                db.Add(new StudyVisit
                {
                    Reference = NetworkTestData.Unique("VIS-HAND"), Organisation = "O", CountryCode = country, ContactName = "C", ContactEmail = "c@example.org",
                    People = people, Visitors = visitors, Status = status, HeldOn = held, PreferredFrom = new(2001, 1, 1), PreferredTo = new(2001, 1, 2), UpdatedAt = DateTime.UtcNow,
                });
            await db.SaveChangesAsync();
        });
        var figures = await app.WithDbAsync(db => new VisitStatistics(db).ForYearsAsync(2001, 2003, default));
        Assert.Equal((4, 20, 3), (figures.Visits, figures.Visitors, figures.Countries));
        Assert.Equal([new VisitYear(2001, 1, 8, 1), new VisitYear(2002, 2, 10, 2), new VisitYear(2003, 1, 2, 1)], figures.Years);
        Assert.Equal([new VisitCountry("NP", 2, 12), new VisitCountry("KE", 1, 6), new VisitCountry("MN", 1, 2)], figures.ByCountry);
    }
}

/// <summary>The demo city's visits reproduce Seoul's published figure through the statistics query, the page and the open data.</summary>
public sealed class VisitDemoTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task The_demo_city_received_893_visitors_from_155_countries_in_three_years()
    {
        using (var scope = app.Services.CreateScope())
        {
            var seeder = scope.ServiceProvider.GetServices<CityHall.Web.Platform.Hosting.IDataSeeder>().OfType<VisitsDemoSeeder>().Single();
            await seeder.SeedAsync(includeDemo: true, default);
            await seeder.SeedAsync(includeDemo: true, default); // once only
        }
        var lastYear = app.Services.GetRequiredService<CityClock>().Now.Year - 1;
        var figures = await app.WithDbAsync(db => new VisitStatistics(db).ForYearsAsync(lastYear - 2, lastYear, default));
        Assert.Equal((893, 155, VisitsDemoSeeder.HeldVisits), (figures.Visitors, figures.Countries, figures.Visits));
        Assert.Equal(3, figures.Years.Count);
        Assert.Equal(893, figures.Years.Sum(y => y.Visitors));
        Assert.Equal(155, figures.ByCountry.Count);
        Assert.DoesNotContain(figures.ByCountry, c => c.CountryCode == "KR");
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<StudyVisit>().CountAsync(v => v.Status != VisitStatus.Held)));

        // The public page says it by default (the last three full years), and the open data adds up to it too.
        var page = await app.CreateClient().GetPageAsync("/network/visits");
        var totals = page.QuerySelector("[data-visit-totals]")!;
        Assert.Equal(("893", "155"), (totals.GetAttribute("data-visitors"), totals.GetAttribute("data-countries")));
        Assert.Contains("893", totals.TextContent);
        var csv = (await app.CreateClient().GetStringAsync($"/open-data/{VisitsOpenData.Code}.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = csv[0].Split(',');
        var (visitorsAt, countryAt) = (Array.IndexOf(header, "visitors"), Array.IndexOf(header, "country"));
        var rows = csv.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(893, rows.Sum(r => int.Parse(r[visitorsAt], CultureInfo.InvariantCulture)));
        Assert.Equal(155, rows.Select(r => r[countryAt]).Distinct().Count());
    }
}
