using System.Globalization;
using System.Net;
using System.Xml.Linq;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.CityNetwork.Awards;
using CityHall.Web.Modules.CityNetwork.Library;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Modules.CityNetwork.Visits;
using CityHall.Web.Platform.Identity;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.CityNetwork;

/// <summary>
/// The knowledge library: what the public finds and reads (published only, in any script, by topic and language, with
/// its versions in other languages, attachments and the Atom feed), members' contributions through review, winners in
/// one click, and what a member's page lists.
/// </summary>
public sealed class LibraryTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private Task<LibraryCase> CaseAsync(string title, string language, LibraryStatus status, string body = "Body", List<string>? topics = null, long? group = null,
        long? memberId = null) =>
        app.WithDbAsync(async db =>
        {
            var item = new LibraryCase
            {
                Kind = LibraryKind.Practice, Title = title, Summary = "Summary of " + title, Body = body, Language = language, Status = status, Topics = topics ?? [],
                City = "Seoul", CountryCode = "KR", Year = 2024, MemberId = memberId, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                PublishedAt = status == LibraryStatus.Published ? DateTime.UtcNow : null,
            };
            item.Refold();
            db.Add(item);
            await db.SaveChangesAsync();
            item.TranslationGroup = group ?? item.Id;
            await db.SaveChangesAsync();
            return item;
        });

    [Fact]
    public async Task The_public_finds_published_cases_in_any_script_by_topic_and_language_and_reads_their_versions_in_other_languages()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var english = await CaseAsync($"One number for every complaint {tag}", "en", LibraryStatus.Published, "The 120 Dasan call centre answers everything.", ["civil-services"]);
        var korean = await CaseAsync($"모든 민원을 한 번호로 {tag}", "ko", LibraryStatus.Published, "120다산콜센터가 모든 질문에 답합니다.", ["civil-services"], english.TranslationGroup);
        var russian = await CaseAsync($"ОТКРЫТЫЕ ДАННЫЕ УЛЬЯНОВСКА {tag}", "ru", LibraryStatus.Published, "Портал открытых данных", ["open-data"]);
        var draft = await CaseAsync($"Draft {tag}", "en", LibraryStatus.Draft, "Not yet", ["open-data"]);
        var pdf = await app.WithDbAsync(async db =>
        {
            var a = new LibraryAttachment { CaseId = english.Id, Name = "framework.pdf", Bytes = NetworkTestData.SignedLetter, ContentType = "application/pdf", Sha256 = "x", UploadedAt = DateTime.UtcNow };
            var hidden = new LibraryAttachment { CaseId = draft.Id, Name = "draft.pdf", Bytes = NetworkTestData.SignedLetter, ContentType = "application/pdf", Sha256 = "y", UploadedAt = DateTime.UtcNow };
            db.AddRange(a, hidden);
            await db.SaveChangesAsync();
            return (a.Id, hidden.Id);
        });
        var client = app.CreateClient();

        async Task<string[]> Found(string query) =>
            (await client.GetPageAsync("/network/library?" + query)).QuerySelectorAll("[data-cases] li").Select(li => li.GetAttribute("data-case")!).ToArray();
        // Words in any script and case, folded alike on both databases.
        Assert.Equal([russian.Id.ToString(CultureInfo.InvariantCulture)], await Found($"q=ульяновска+{tag}"));
        Assert.Equal([korean.Id.ToString(CultureInfo.InvariantCulture)], await Found($"q=다산콜센터가+{tag}"));
        Assert.Equal([english.Id.ToString(CultureInfo.InvariantCulture)], await Found($"q=DASAN+{tag}&language=en"));
        Assert.Equal(2, (await Found($"q={tag}&topic=civil-services")).Length);
        Assert.Equal([russian.Id.ToString(CultureInfo.InvariantCulture)], await Found($"q={tag}&topic=open-data"));
        Assert.Empty(await Found($"q=Draft+{tag}"));

        // A case's page: its language marked, its version in the other language, its attachment.
        var page = await client.GetPageAsync($"/network/library/{english.Id}");
        Assert.Equal("en", page.QuerySelector("article")!.GetAttribute("lang"));
        Assert.Equal(korean.Id.ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-translations] a")!.GetAttribute("href")!.Split('/')[^1]);
        Assert.Equal("ko", page.QuerySelector("[data-translations] a")!.GetAttribute("hreflang"));
        Assert.Equal(NetworkTestData.SignedLetter, await client.GetByteArrayAsync($"/network/library/{english.Id}/files/{pdf.Item1}"));
        Assert.Contains(english.Title, (await client.GetPageAsync($"/network/library/{korean.Id}")).QuerySelector("[data-translations]")!.TextContent);
        // Nothing unpublished is found: the page, its file.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/network/library/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/network/library/{draft.Id}/files/{pdf.Item2}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/network/library/{english.Id}/files/{pdf.Item2}")).StatusCode);

        // The Atom feed: published cases, each entry in its language, the attachment as an enclosure.
        var feed = XDocument.Parse(await client.GetStringAsync("/network/library/feed.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        var entry = entries.Single(e => e.Element(atom + "title")!.Value == english.Title);
        Assert.Equal("en", entry.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Contains(entry.Elements(atom + "link"), l => l.Attribute("rel")?.Value == "enclosure");
        Assert.Equal("ru", entries.Single(e => e.Element(atom + "title")!.Value == russian.Title).Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.DoesNotContain(entries, e => e.Element(atom + "title")!.Value == draft.Title);
    }

    [Fact]
    public async Task A_members_representative_contributes_a_draft_the_secretariat_returns_then_publishes_and_a_version_in_another_language_joins_it()
    {
        var member = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Kathmandu"), "NP");
        var email = $"rep-{Guid.NewGuid():N}@example.org";
        var (rep, _) = await app.SignUpCitizenAsync(email);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db => { db.Add(new NetworkMemberRepresentative { MemberId = member.Id, UserId = userId, Since = DateTime.UtcNow }); await db.SaveChangesAsync(); });

        // An account that represents no member is told so and cannot post.
        var (stranger, _) = await app.SignUpCitizenAsync();
        var refused = await stranger.GetPageAsync("/network/library/contribute");
        Assert.NotNull(refused.QuerySelector("[data-not-representative]"));
        var strangerToken = (await stranger.GetPageAsync("/network/visits/request")).QuerySelector("main form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync("/network/library/contribute",
            new FormUrlEncodedContent([new("__RequestVerificationToken", strangerToken), new("Input.Title", "x")]))).StatusCode);

        var form = await rep.GetPageAsync("/network/library/contribute");
        Assert.NotEmpty((await Html.ParseAsync(await rep.SubmitAsync(form, [new("Input.Title", "")], "main form"))).ErrorSummary());
        var title = NetworkTestData.Unique("काठमाडौंको खुला डाटा");
        var path = Html.RedirectedTo(await rep.SubmitAsync(form, form.FilledIn("main form").With(("Input.Kind", "Practice"), ("Input.Language", "ne"), ("Input.Title", title),
            ("Input.Summary", "Open data in Kathmandu"), ("Input.Body", "हामीले डाटा खोल्यौं।"), ("Input.City", "Kathmandu"), ("Input.Country", "NP"), ("Input.Year", "2025"),
            ("Input.Topics", "open-data")), "main form"));
        var id = long.Parse(path.Split('/')[^1].Split('?')[0], CultureInfo.InvariantCulture);
        var item = await app.WithDbAsync(db => db.Set<LibraryCase>().SingleAsync(c => c.Id == id));
        Assert.Equal((LibraryStatus.Draft, member.Id, "ne", userId), (item.Status, item.MemberId, item.Language, item.ContributorUserId));

        // An attachment: told by content; then sent for review, when it can no longer be changed.
        var mine = await rep.GetPageAsync($"/network/library/contribute/{id}");
        Assert.NotEmpty((await Html.ParseAsync(await rep.SubmitMultipartAsync(mine, [], [("Attachment", "plan.pdf", "not a pdf"u8.ToArray(), "application/pdf")], "form[action$='handler=attach']"))).ErrorSummary());
        Html.RedirectedTo(await rep.SubmitMultipartAsync(mine, [], [("Attachment", "plan.pdf", NetworkTestData.SignedLetter, "application/pdf")], "form[action$='handler=attach']"));
        Html.RedirectedTo(await rep.SubmitAsync(mine, [], "form[action$='handler=submit']"));
        mine = await rep.GetPageAsync($"/network/library/contribute/{id}");
        Assert.Equal("InReview", mine.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Null(mine.QuerySelector("form[action$='handler=attach']"));
        Html.RedirectedTo(await rep.SubmitAsync(form, form.FilledIn("main form").With(("Input.Kind", "Practice"), ("Input.Language", "ne"), ("Input.Title", "Changed"),
            ("Input.Summary", "S"), ("Input.Body", "B")), $"main form", $"/network/library/contribute/{id}"));
        Assert.Equal(title, await app.WithDbAsync(db => db.Set<LibraryCase>().Where(c => c.Id == id).Select(c => c.Title).SingleAsync()));

        // The secretariat returns it with a note; the contributor hears and sends it again; then it is published.
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");
        Assert.NotNull((await secretary.GetPageAsync("/admin/network/library")).QuerySelector($"tr[data-case='{id}']"));
        var review = await secretary.GetPageAsync($"/admin/network/library/{id}");
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(review, [new("Note", " ")], "form[action$='handler=return']"))).ErrorSummary());
        Html.RedirectedTo(await secretary.SubmitAsync(review, [new("Note", "Please add the budget figures.")], "form[action$='handler=return']"));
        Assert.Contains(await app.WithDbAsync(db => db.Set<InAppNotification>().Where(n => n.UserId == userId).Select(n => n.Body).ToListAsync()), b => b.Contains("budget figures"));
        mine = await rep.GetPageAsync($"/network/library/contribute/{id}");
        Assert.Contains("budget figures", mine.QuerySelector("[data-review-note]")!.TextContent);
        Html.RedirectedTo(await rep.SubmitAsync(mine, mine.FilledIn("main form:not([action*='handler'])").With(("Input.Body", "हामीले डाटा खोल्यौं। Budget: NPR 12 million.")),
            "main form:not([action*='handler'])"));
        Html.RedirectedTo(await rep.SubmitAsync(await rep.GetPageAsync($"/network/library/contribute/{id}"), [], "form[action$='handler=submit']"));
        Html.RedirectedTo(await secretary.SubmitAsync(await secretary.GetPageAsync($"/admin/network/library/{id}"), [], "form[action$='handler=publish']"));
        var published = await app.CreateClient().GetPageAsync($"/network/library/{id}");
        Assert.Contains("NPR 12 million", published.QuerySelector("[data-body]")!.TextContent);
        Assert.NotNull(published.QuerySelector("[data-attachments] a"));

        // A version in English joins it; one more in Nepali is refused (that language is there).
        var version = await rep.GetPageAsync($"/network/library/contribute?translationOf={id}");
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), version.QuerySelector("input[name='Input.TranslationOf']")!.GetAttribute("value"));
        var english = version.FilledIn("main form").With(("Input.Kind", "Practice"), ("Input.Language", "ne"), ("Input.Title", "Open data in Kathmandu"),
            ("Input.Summary", "S"), ("Input.Body", "We opened our data."));
        Assert.NotEmpty((await Html.ParseAsync(await rep.SubmitAsync(version, english, "main form"))).ErrorSummary());
        var versionPath = Html.RedirectedTo(await rep.SubmitAsync(version, english.With(("Input.Language", "en")), "main form"));
        var versionId = long.Parse(versionPath.Split('/')[^1].Split('?')[0], CultureInfo.InvariantCulture);
        Assert.Equal(item.TranslationGroup, await app.WithDbAsync(db => db.Set<LibraryCase>().Where(c => c.Id == versionId).Select(c => c.TranslationGroup).SingleAsync()));
        // Not public before it is published, then linked both ways.
        Assert.Null((await app.CreateClient().GetPageAsync($"/network/library/{id}")).QuerySelector("[data-translations]"));
        Html.RedirectedTo(await secretary.SubmitAsync(await secretary.GetPageAsync($"/admin/network/library/{versionId}"), [], "form[action$='handler=publish']"));
        Assert.NotNull((await app.CreateClient().GetPageAsync($"/network/library/{id}")).QuerySelector($"[data-translations] a[href='/network/library/{versionId}']"));

        // The member's page lists its cases.
        Assert.Equal(2, (await app.CreateClient().GetPageAsync($"/network/members/{member.Id}")).QuerySelectorAll("[data-member-library] li").Length);

        // Erasure: the published cases stay without the account.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var data = scope.ServiceProvider.GetServices<IPersonalDataContributor>().Single(c => c.Section == "city-network");
            Assert.Contains("Open data in Kathmandu", System.Text.Json.JsonSerializer.Serialize(await data.ExportAsync(userId, default)));
            await data.EraseAsync(userId, default);
        }
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<LibraryCase>().CountAsync(c => c.MemberId == member.Id && c.ContributorUserId == null && c.Status == LibraryStatus.Published)));
    }

    [Fact]
    public async Task The_secretariat_writes_its_own_case_attaches_a_file_publishes_and_takes_it_down()
    {
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInStaffAsync(Roles.Official, department: "culture")).GetAsync("/admin/network/library/new")).StatusCode);
        var form = await secretary.GetPageAsync("/admin/network/library/new");
        var title = NetworkTestData.Unique("전자정부 표준프레임워크 안내");
        // A year to come and an unknown language are refused.
        var bad = form.FilledIn("main form").With(("Input.Kind", "Framework"), ("Input.Language", "xx-nope"), ("Input.Title", title), ("Input.Summary", "S"),
            ("Input.Body", "B"), ("Input.Year", "2999"));
        Assert.Equal(2, (await Html.ParseAsync(await secretary.SubmitAsync(form, bad, "main form"))).ErrorSummary().Length);
        var path = Html.RedirectedTo(await secretary.SubmitAsync(form, bad.With(("Input.Language", "ko"), ("Input.Year", "2024"), ("Input.Topics", "egov-framework")), "main form"));
        var id = long.Parse(path.Split('/')[^1].Split('?')[0], CultureInfo.InvariantCulture);
        var page = await secretary.GetPageAsync($"/admin/network/library/{id}");
        Assert.Equal("Draft", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitMultipartAsync(page, [], [("Attachment", "diagram.png", "%PDF-"u8.ToArray(), "image/png")], "form[action$='handler=attach']"))).ErrorSummary());
        Html.RedirectedTo(await secretary.SubmitMultipartAsync(page, [], [("Attachment", "guide.pdf", NetworkTestData.SignedLetter, "application/pdf")], "form[action$='handler=attach']"));
        Html.RedirectedTo(await secretary.SubmitAsync(page, [], "form[action$='handler=publish']"));
        var client = app.CreateClient();
        var published = await client.GetPageAsync($"/network/library/{id}");
        Assert.Equal("ko", published.QuerySelector("article")!.GetAttribute("lang"));
        var file = published.QuerySelector("[data-attachments] a")!.GetAttribute("href")!;
        Assert.Equal(NetworkTestData.SignedLetter, await client.GetByteArrayAsync(file));
        Assert.NotEmpty((await client.GetPageAsync($"/network/library?topic=egov-framework&kind=Framework")).QuerySelectorAll($"[data-case='{id}']"));
        // And in the city's search, with the members.
        await app.Services.GetRequiredService<CityHall.Web.Platform.Search.SearchIndex>().ReconcileAsync();
        var found = await client.GetPageAsync("/search?q=" + Uri.EscapeDataString(title.Split(' ')[^1]) + "&kind=library-case");
        Assert.Equal([id.ToString(CultureInfo.InvariantCulture)], found.QuerySelectorAll("[data-results='library-case'] [data-result]").Select(r => r.GetAttribute("data-result")!).ToArray());
        // Taken down: gone from the public, file and all; publishing twice changes nothing.
        page = await secretary.GetPageAsync($"/admin/network/library/{id}");
        Html.RedirectedTo(await secretary.SubmitAsync(page, [], "form[action$='handler=unpublish']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/network/library/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(file)).StatusCode);
        Assert.NotEmpty((await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(page, [], "form[action$='handler=unpublish']")))).ErrorSummary());
    }

    [Fact]
    public async Task An_announced_winner_becomes_one_published_case_in_one_click_and_the_members_page_lists_it_with_its_award_and_visits()
    {
        var member = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Accra"), "GH", region: "africa");
        var (editionId, winner, shortlisted) = await app.WithDbAsync(async db =>
        {
            var edition = new AwardEdition { Year = 2025, Title = NetworkTestData.Unique("Smart City Prize 2025"), TimeZone = "Asia/Seoul", Phase = AwardPhase.Announced, AnnouncedAt = DateTime.UtcNow };
            db.Add(edition);
            await db.SaveChangesAsync();
            var category = new AwardCategory { EditionId = edition.Id, Name = "Open City" };
            db.Add(category);
            await db.SaveChangesAsync();
            var question = new AwardQuestion { EditionId = edition.Id, Prompt = "What did the city do?" };
            db.Add(question);
            await db.SaveChangesAsync();
            AwardEntry Entry(string title, EntryStatus status) => new()
            {
                Reference = NetworkTestData.Unique("AWD"), EditionId = edition.Id, CategoryId = category.Id, ApplicantType = ApplicantType.MemberCity, MemberId = member.Id,
                CityName = "Accra", CountryCode = "GH", Title = title, Summary = "Mobile payments for market traders", Language = "en", Status = status,
                Answers = new() { [question.Id] = "Traders pay their fees by phone." }, CreatedAt = DateTime.UtcNow, SubmittedAt = DateTime.UtcNow,
            };
            var (w, s) = (Entry(NetworkTestData.Unique("Market fees by phone"), EntryStatus.Awarded), Entry(NetworkTestData.Unique("Street lights"), EntryStatus.NotAwarded));
            db.AddRange(w, s);
            db.Add(new StudyVisit
            {
                Reference = NetworkTestData.Unique("VIS-GH"), MemberId = member.Id, Organisation = "Accra Metropolitan Assembly", CountryCode = "GH", ContactName = "C",
                ContactEmail = "c@example.org", People = 4, Visitors = 4, Status = VisitStatus.Held, HeldOn = new DateOnly(2024, 5, 7), Topics = ["open-data"],
                PreferredFrom = new DateOnly(2024, 5, 6), PreferredTo = new DateOnly(2024, 5, 9), UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            return (edition.Id, w, s);
        });
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");
        var admin = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
        var button = $"form[action$='handler=fromWinner&entryId={winner.Id}']";
        Assert.NotNull(admin.QuerySelector(button));
        var path = Html.RedirectedTo(await secretary.SubmitAsync(admin, [], button));
        // The second click (an old page) finds the case made by the first.
        Assert.Equal(path, Html.RedirectedTo(await secretary.SubmitAsync(admin, [], button)));
        // Only a winner.
        Assert.NotEmpty((await secretary.GetPageAsync(Html.RedirectedTo(await secretary.PostAsync($"/admin/network/library?handler=fromWinner&entryId={shortlisted.Id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", admin.QuerySelector($"{button} input[name='__RequestVerificationToken']")!.GetAttribute("value")!)]))))).ErrorSummary());

        var made = await app.WithDbAsync(db => db.Set<LibraryCase>().SingleAsync(c => c.AwardEntryId == winner.Id));
        Assert.Equal((LibraryKind.AwardWinner, LibraryStatus.Published, 2025, member.Id, "en"), (made.Kind, made.Status, made.Year, made.MemberId, made.Language));
        Assert.Contains("Traders pay their fees by phone.", made.Body);
        Assert.NotNull((await secretary.GetPageAsync($"/admin/network/awards/{editionId}")).QuerySelector($"[data-winners-library] a[href='/admin/network/library/{made.Id}']"));
        var page = await app.CreateClient().GetPageAsync($"/network/library/{made.Id}");
        Assert.Contains(winner.Title, page.QuerySelector("h1")!.TextContent);

        var memberPage = await app.CreateClient().GetPageAsync($"/network/members/{member.Id}");
        Assert.Single(memberPage.QuerySelectorAll("[data-member-library] li"));
        Assert.Equal(2, memberPage.QuerySelectorAll("[data-member-awards] li").Length);
        Assert.Single(memberPage.QuerySelectorAll("[data-member-visits] li"));

        // The member in the city's search, by its name.
        await app.Services.GetRequiredService<CityHall.Web.Platform.Search.SearchIndex>().ReconcileAsync();
        var found = await app.CreateClient().GetPageAsync("/search?q=" + Uri.EscapeDataString(member.Name.Split(' ')[^1]) + "&kind=network-member");
        Assert.Equal([member.Id.ToString(CultureInfo.InvariantCulture)], found.QuerySelectorAll("[data-results='network-member'] [data-result]").Select(r => r.GetAttribute("data-result")!).ToArray());
    }
}
