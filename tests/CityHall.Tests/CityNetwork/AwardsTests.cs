using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.CityNetwork.Awards;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.CityNetwork;

/// <summary>
/// The awards on a clock the tests hold, starting 1 June 2026 in Seoul. Sessions last long here: the tests move the
/// clock a month past a deadline and the same people carry on.
/// </summary>
public sealed class AwardsApp() : ClockedApp(InSeoul(2026, 6, 1, 9), new Dictionary<string, string?> { ["Accounts:SessionLifetime"] = "400.00:00:00" });

/// <summary>
/// An awards edition from its making to round 1's ranking: entries within the deadline and the cap, a vendor's entry
/// needing the city's approval, screening, jurors who never see entries from their own country, scores on the scale and
/// hidden until the round closes, and the ranking then.
/// </summary>
public sealed class AwardsTests(AwardsApp app) : IClassFixture<AwardsApp>
{
    /// <summary>
    /// An edition open since yesterday and closing at 23:59 Seoul time in 30 days (the clock only moves forward, so each
    /// test's edition is set from where it stands); <see cref="PastDeadline"/> moves the clock beyond it.
    /// </summary>
    private async Task<(HttpClient Secretary, long EditionId, long CategoryId)> EditionAsync(string title)
    {
        var seoul = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9));
        var opens = seoul.AddDays(-1).ToString("yyyy-MM-dd'T'00:00", System.Globalization.CultureInfo.InvariantCulture);
        var deadline = seoul.AddDays(30).ToString("yyyy-MM-dd'T'23:59", System.Globalization.CultureInfo.InvariantCulture);
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");
        var form = await secretary.GetPageAsync("/admin/network/awards");
        // A deadline before the opening, an unknown time zone: refused.
        var refused = await Html.ParseAsync(await secretary.SubmitAsync(form, [new("Input.Year", "2026"), new("Input.Title", title), new("Input.TimeZone", "Mars/Olympus"),
            new("Input.OpensAt", opens), new("Input.DeadlineAt", seoul.AddDays(-3).ToString("yyyy-MM-dd'T'00:00", System.Globalization.CultureInfo.InvariantCulture)), new("Input.Languages", "en, ko"), new("Input.ScaleMax", "10")]));
        Assert.Equal(2, refused.ErrorSummary().Length);
        var path = Html.RedirectedTo(await secretary.SubmitAsync(form, [new("Input.Year", "2026"), new("Input.Title", title), new("Input.TimeZone", "Asia/Seoul"),
            new("Input.OpensAt", opens), new("Input.DeadlineAt", deadline), new("Input.Languages", "en, ko"), new("Input.ScaleMax", "10")]));
        var editionId = long.Parse(path.Split('/')[^1]);
        var edition = await secretary.GetPageAsync(path);
        Html.RedirectedTo(await secretary.SubmitAsync(edition, [new("Category.Name", "Open City"), new("Category.ShortlistSize", "3"), new("Category.Winners", "1")], "form[action$='handler=category']"));
        var categoryId = await app.WithDbAsync(db => db.Set<AwardCategory>().Where(c => c.EditionId == editionId).Select(c => c.Id).SingleAsync());
        Html.RedirectedTo(await secretary.SubmitAsync(edition, [new("Question.Prompt", "What problem does the practice solve?"), new("Question.Required", "true"), new("Question.MaxLength", "2000")],
            "form[action$='handler=question']"));
        return (secretary, editionId, categoryId);
    }

    /// <summary>Moves the clock past the deadline of editions made now (31 days on).</summary>
    private void PastDeadline() => app.Clock.Advance(TimeSpan.FromDays(31));

    private async Task<(HttpClient Client, NetworkMember Member)> RepresentativeAsync(string city, string country)
    {
        var email = $"rep-{Guid.NewGuid():N}@example.org";
        var (client, _) = await app.SignUpCitizenAsync(email);
        var member = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique(city), country);
        await app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.Add(new NetworkMemberRepresentative { MemberId = member.Id, UserId = userId, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        return (client, member);
    }

    private static async Task<string> StartAsync(HttpClient client, long editionId, long categoryId, string title, IEnumerable<KeyValuePair<string, string>> who)
    {
        var page = await client.GetPageAsync($"/network/awards/{editionId}");
        var path = Html.RedirectedTo(await client.SubmitAsync(page,
            [new("Input.CategoryId", categoryId.ToString()), new("Input.Title", title), new("Input.Language", "en"), new("Input.TimeZone", "Asia/Kathmandu"), .. who],
            "form[data-start-entry]"));
        return path;
    }

    private static async Task<HttpResponseMessage> SubmitEntryAsync(HttpClient client, string path, string answer)
    {
        var page = await client.GetPageAsync(path);
        var question = page.QuerySelector("[data-entry-form] textarea[name^='Answers[']")!.GetAttribute("name")!;
        return await client.SubmitMultipartAsync(page, [new("EntryTitle", page.QuerySelector("#EntryTitle")!.GetAttribute("value")!), new(question, answer), new("submit", "true")], [], "form[data-entry-form]");
    }

    [Fact]
    public async Task Entries_are_taken_until_the_deadline_within_the_cap_and_a_vendor_needs_the_citys_approval()
    {
        var (secretary, editionId, categoryId) = await EditionAsync("Seoul Smart City Prize");
        var (kathmandu, member) = await RepresentativeAsync("Kathmandu", "NP");
        var asMember = new[] { new KeyValuePair<string, string>("Input.ApplicantType", "MemberCity"), new("Input.MemberId", member.Id.ToString()) };

        // The deadline shown in the edition's time zone and the applicant's.
        var edition = await kathmandu.GetPageAsync($"/network/awards/{editionId}?tz=Asia/Kathmandu");
        Assert.Contains("Asia/Seoul", edition.QuerySelector("[data-edition-deadline]")!.TextContent);
        Assert.Contains("8:44", edition.QuerySelector("[data-reader-deadline]")!.TextContent); // 23:59 in Seoul is 20:44 in Kathmandu
        // Entering for a member the account does not represent is refused.
        var notMine = await Html.ParseAsync(await kathmandu.SubmitAsync(edition, [new("Input.CategoryId", categoryId.ToString()), new("Input.Title", "X"), new("Input.Language", "en"),
            new("Input.ApplicantType", "MemberCity"), new("Input.MemberId", "987654")], "form[data-start-entry]"));
        Assert.NotEmpty(notMine.ErrorSummary());

        var first = await StartAsync(kathmandu, editionId, categoryId, "Digital ward offices", asMember);
        // Submitting without answering the required question is refused.
        var unanswered = await kathmandu.GetPageAsync(Html.RedirectedTo(await SubmitEntryAsync(kathmandu, first, "")));
        Assert.NotEmpty(unanswered.ErrorSummary());
        Assert.Equal("Draft", unanswered.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Contains("?submitted=true", Html.RedirectedTo(await SubmitEntryAsync(kathmandu, first, "Queues at ward offices.")));
        var second = await StartAsync(kathmandu, editionId, categoryId, "Open budget", asMember);
        Html.RedirectedTo(await SubmitEntryAsync(kathmandu, second, "Nobody could read the budget."));
        // The third is beyond the cap of two — also from another account representing the same city.
        var third = await StartAsync(kathmandu, editionId, categoryId, "Third", asMember);
        var capped = await kathmandu.GetPageAsync(Html.RedirectedTo(await SubmitEntryAsync(kathmandu, third, "Too many.")));
        Assert.NotEmpty(capped.ErrorSummary());
        Assert.Equal("Draft", capped.QuerySelector("[data-status]")!.GetAttribute("data-status"));

        // A vendor's entry needs the city's signed approval.
        var (vendor, _) = await app.SignUpCitizenAsync();
        var vendorPath = await StartAsync(vendor, editionId, categoryId, "Smart parking", [new("Input.ApplicantType", "Vendor"), new("Input.VendorName", "Parking Systems Ltd"),
            new("Input.CityName", "Lima"), new("Input.Country", "PE")]);
        Assert.NotEmpty((await vendor.GetPageAsync(Html.RedirectedTo(await SubmitEntryAsync(vendor, vendorPath, "Cars circle for spaces.")))).ErrorSummary());
        var vendorPage = await vendor.GetPageAsync(vendorPath);
        var question = vendorPage.QuerySelector("[data-entry-form] textarea[name^='Answers[']")!.GetAttribute("name")!;
        Assert.Contains("?submitted=true", Html.RedirectedTo(await vendor.SubmitMultipartAsync(vendorPage, [new("EntryTitle", "Smart parking"), new(question, "Cars circle for spaces."), new("submit", "true")],
            [("Approval", "approval.pdf", NetworkTestData.SignedLetter, "application/pdf")], "form[data-entry-form]")));

        // After the deadline (23:59 Seoul time) a draft can no longer be changed or submitted.
        var late = await StartAsync(kathmandu, editionId, categoryId, "Late", [new("Input.ApplicantType", "NonMember"), new("Input.CityName", "Pokhara"), new("Input.Country", "NP")]);
        var lateForm = await kathmandu.GetPageAsync(late);
        var lateQuestion = lateForm.QuerySelector("[data-entry-form] textarea[name^='Answers[']")!.GetAttribute("name")!;
        PastDeadline();
        Assert.Null((await kathmandu.GetPageAsync(late)).QuerySelector("[data-entry-form]"));
        var refusedLate = await kathmandu.SubmitMultipartAsync(lateForm, [new("EntryTitle", "Late"), new(lateQuestion, "Late answer."), new("submit", "true")], [], "form[data-entry-form]");
        Assert.NotEmpty((await kathmandu.GetPageAsync(Html.RedirectedTo(refusedLate))).ErrorSummary());
        Assert.Equal(EntryStatus.Draft, await app.WithDbAsync(db => db.Set<AwardEntry>().Where(e => e.Title == "Late").Select(e => e.Status).SingleAsync()));
        Assert.Null((await (await app.SignUpCitizenAsync()).Client.GetPageAsync($"/network/awards/{editionId}")).QuerySelector("form[data-start-entry]"));
        // Another account cannot read an entry.
        Assert.Equal(HttpStatusCode.NotFound, (await vendor.GetAsync(first)).StatusCode);
        _ = secretary;
    }

    [Fact]
    public async Task The_jury_scores_round_1_unseen_by_one_another_and_never_an_entry_from_their_own_country()
    {
        var (secretary, editionId, categoryId) = await EditionAsync("WeGO Awards");
        var (nairobi, nairobiMember) = await RepresentativeAsync("Nairobi", "KE");
        var (lima, limaMember) = await RepresentativeAsync("Lima", "PE");
        var nairobiEntry = await StartAsync(nairobi, editionId, categoryId, "Mobile permits", [new("Input.ApplicantType", "MemberCity"), new("Input.MemberId", nairobiMember.Id.ToString())]);
        Html.RedirectedTo(await SubmitEntryAsync(nairobi, nairobiEntry, "Permits took months."));
        var limaEntry = await StartAsync(lima, editionId, categoryId, "Open contracts", [new("Input.ApplicantType", "MemberCity"), new("Input.MemberId", limaMember.Id.ToString())]);
        Html.RedirectedTo(await SubmitEntryAsync(lima, limaEntry, "Contracts were secret."));
        var (nairobiId, limaId) = await app.WithDbAsync(async db => (
            await db.Set<AwardEntry>().Where(e => e.EditionId == editionId && e.Title == "Mobile permits").Select(e => e.Id).SingleAsync(),
            await db.Set<AwardEntry>().Where(e => e.EditionId == editionId && e.Title == "Open contracts").Select(e => e.Id).SingleAsync()));

        // Two jurors: one from Kenya (never sees Nairobi's entry), one from Korea.
        var jurors = new List<(HttpClient Client, long Id)>();
        foreach (var (name, country) in new[] { ("Wanjiru", "KE"), ("Min-ji", "KR") })
        {
            var email = $"juror-{Guid.NewGuid():N}@example.org";
            var (client, _) = await app.SignUpCitizenAsync(email);
            var page = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
            Html.RedirectedTo(await secretary.SubmitAsync(page, [new("Juror.CategoryId", categoryId.ToString()), new("Juror.Name", name), new("Juror.Email", email), new("Juror.Country", country)],
                "form[action$='handler=juror']"));
            jurors.Add((client, await app.WithDbAsync(db => db.Set<AwardJuror>().Where(j => j.EditionId == editionId && j.Name == name).Select(j => j.Id).SingleAsync())));
        }

        // Round 1 cannot open before the deadline, nor while entries wait for screening.
        var admin = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
        Assert.NotEmpty((await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(admin, [], "form[action$='handler=openround1']")))).ErrorSummary());
        PastDeadline();
        Assert.NotEmpty((await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(admin, [], "form[action$='handler=openround1']")))).ErrorSummary());
        // Screening: an ineligible entry needs reasons; both made eligible.
        var screen = $"form[action$='entryId={nairobiId}']";
        Assert.NotEmpty((await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(admin, [new("eligible", "false"), new("reasons", "")], screen)))).ErrorSummary());
        Html.RedirectedTo(await secretary.SubmitAsync(admin, [new("eligible", "true")], screen));
        Html.RedirectedTo(await secretary.SubmitAsync(admin, [new("eligible", "true")], $"form[action$='entryId={limaId}']"));
        Assert.Equal("Eligible", (await nairobi.GetPageAsync(nairobiEntry)).QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Empty((await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(admin, [], "form[action$='handler=openround1']")))).ErrorSummary());

        // The Kenyan juror sees only Lima's entry; Nairobi's is not found for them.
        var (kenyan, kenyanId) = jurors[0];
        var desk = await kenyan.GetPageAsync("/network/awards/jury");
        Assert.Equal([limaId], desk.QuerySelectorAll("[data-jury-entries] li[data-entry]").Select(li => long.Parse(li.GetAttribute("data-entry")!)));
        Assert.Equal(HttpStatusCode.NotFound, (await kenyan.GetAsync($"/network/awards/jury/{kenyanId}/entries/{nairobiId}")).StatusCode);
        // Nor can a juror use another juror's seat.
        Assert.Equal(HttpStatusCode.NotFound, (await kenyan.GetAsync($"/network/awards/jury/{jurors[1].Id}/entries/{limaId}")).StatusCode);

        async Task<string[]> ScoreAsync(HttpClient client, long jurorId, long entryId, params int[] scores)
        {
            var page = await client.GetPageAsync($"/network/awards/jury/{jurorId}/entries/{entryId}");
            var names = page.QuerySelectorAll("[data-score-form] select").Select(s => s.GetAttribute("name")!).ToList();
            var response = await client.SubmitAsync(page, names.Zip(scores, (n, s) => new KeyValuePair<string, string>(n, s.ToString())), "form[data-score-form]");
            return (await client.GetPageAsync(Html.RedirectedTo(response))).ErrorSummary();
        }
        // Six criteria by default; a score off the scale or a criterion left out is refused.
        Assert.NotEmpty(await ScoreAsync(kenyan, kenyanId, limaId, 11, 5, 5, 5, 5, 5));
        Assert.NotEmpty(await ScoreAsync(kenyan, kenyanId, limaId, 5, 5, 5, 5, 5));
        Assert.Empty(await ScoreAsync(kenyan, kenyanId, limaId, 8, 8, 8, 8, 8, 8));
        var (korean, koreanId) = jurors[1];
        Assert.Empty(await ScoreAsync(korean, koreanId, limaId, 2, 2, 2, 2, 2, 2));
        Assert.Empty(await ScoreAsync(korean, koreanId, nairobiId, 9, 9, 9, 9, 9, 9));
        // While the round is open, a juror sees no one else's scores, and the secretariat sees no ranking.
        Assert.Null((await korean.GetPageAsync($"/network/awards/jury/{koreanId}/entries/{limaId}")).QuerySelector("[data-all-scores]"));
        Assert.Null((await secretary.GetPageAsync($"/admin/network/awards/{editionId}")).QuerySelector("[data-ranking]"));

        // Closing the round freezes it: scores after are refused; the ranking shows the spread and flags the outlier.
        admin = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
        Html.RedirectedTo(await secretary.SubmitAsync(admin, [], "form[action*='handler=closeround']"));
        Assert.Equal(AwardPhase.Shortlisting, await app.WithDbAsync(db => db.Set<AwardEdition>().Where(e => e.Id == editionId).Select(e => e.Phase).SingleAsync()));
        var ranked = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
        var rows = ranked.QuerySelectorAll($"[data-ranking='{categoryId}'] tr[data-ranked]").ToList();
        Assert.Equal([nairobiId, limaId], rows.Select(r => long.Parse(r.GetAttribute("data-ranked")!)));
        Assert.Equal("9", rows[0].GetAttribute("data-score"));
        Assert.Equal("5", rows[1].GetAttribute("data-score")); // (8 + 2) / 2
        Assert.Equal("true", rows[1].GetAttribute("data-outlier")); // 8 and 2 are 6 apart
        var stored = await app.WithDbAsync(db => db.Set<AwardEntry>().Where(e => e.Id == limaId).Select(e => new { e.Round1Score, e.Round1Rank }).SingleAsync());
        Assert.Equal((5m, 2), (stored.Round1Score!.Value, stored.Round1Rank!.Value));
        var after = await korean.GetPageAsync($"/network/awards/jury/{koreanId}/entries/{limaId}");
        Assert.Equal(2, after.QuerySelectorAll("[data-all-scores] tbody tr").Length);
        Assert.Null(after.QuerySelector("[data-score-form]"));
        // Applicants are not told the round's outcome before the announcement.
        Assert.Equal("Eligible", (await lima.GetPageAsync(limaEntry)).QuerySelector("[data-status]")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task A_juror_who_declares_a_conflict_no_longer_sees_the_entry_and_their_scores_of_it_are_withdrawn()
    {
        var (secretary, editionId, categoryId) = await EditionAsync("Conflict Prize");
        var (accra, accraMember) = await RepresentativeAsync("Accra", "GH");
        var entryPath = await StartAsync(accra, editionId, categoryId, "Waste pickup app", [new("Input.ApplicantType", "MemberCity"), new("Input.MemberId", accraMember.Id.ToString())]);
        Html.RedirectedTo(await SubmitEntryAsync(accra, entryPath, "Waste piled up."));
        var entryId = await app.WithDbAsync(db => db.Set<AwardEntry>().Where(e => e.EditionId == editionId && e.Title == "Waste pickup app").Select(e => e.Id).SingleAsync());
        var email = $"juror-{Guid.NewGuid():N}@example.org";
        var (juror, _) = await app.SignUpCitizenAsync(email);
        var admin = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
        Html.RedirectedTo(await secretary.SubmitAsync(admin, [new("Juror.CategoryId", categoryId.ToString()), new("Juror.Name", "Ana"), new("Juror.Email", email), new("Juror.Country", "BR")],
            "form[action$='handler=juror']"));
        var jurorId = await app.WithDbAsync(db => db.Set<AwardJuror>().Where(j => j.EditionId == editionId).Select(j => j.Id).SingleAsync());
        PastDeadline();
        admin = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
        Html.RedirectedTo(await secretary.SubmitAsync(admin, [new("eligible", "true")], $"form[action$='entryId={entryId}']"));
        Html.RedirectedTo(await secretary.SubmitAsync(admin, [], "form[action$='handler=openround1']"));

        var page = await juror.GetPageAsync($"/network/awards/jury/{jurorId}/entries/{entryId}");
        var names = page.QuerySelectorAll("[data-score-form] select").Select(s => s.GetAttribute("name")!).ToList();
        Html.RedirectedTo(await juror.SubmitAsync(page, names.Select(n => new KeyValuePair<string, string>(n, "7")), "form[data-score-form]"));
        Assert.Equal(6, await app.WithDbAsync(db => db.Set<AwardScore>().CountAsync(s => s.JurorId == jurorId)));
        // A conflict needs its reason.
        Assert.NotEmpty((await Html.ParseAsync(await juror.SubmitAsync(page, [new("ConflictReason", " ")], "form[data-conflict-form]"))).ErrorSummary());
        Html.RedirectedTo(await juror.SubmitAsync(page, [new("ConflictReason", "I advised Accra on this app.")], "form[data-conflict-form]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<AwardScore>().CountAsync(s => s.JurorId == jurorId)));
        Assert.Equal(HttpStatusCode.NotFound, (await juror.GetAsync($"/network/awards/jury/{jurorId}/entries/{entryId}")).StatusCode);
        Assert.Empty((await juror.GetPageAsync("/network/awards/jury")).QuerySelectorAll("[data-jury-entries] li"));

        // The juror's data: their seat is exported; erased with the account, the juror stays by name without it.
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var data = scope.ServiceProvider.GetServices<IPersonalDataContributor>().Single(c => c.Section == "city-network");
            Assert.Contains("Ana", System.Text.Json.JsonSerializer.Serialize(await data.ExportAsync(userId, default)));
            await data.EraseAsync(userId, default);
        }
        Assert.Equal((string?)null, await app.WithDbAsync(db => db.Set<AwardJuror>().Where(j => j.Id == jurorId).Select(j => j.UserId).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await juror.GetAsync($"/network/awards/jury/{jurorId}/entries/{entryId}")).StatusCode);
    }

    [Fact]
    public async Task A_tie_across_the_shortlist_needs_its_reason_and_the_winners_announced_get_their_certificates()
    {
        var (secretary, editionId, categoryId) = await EditionAsync("Full Prize");
        var titles = new[] { "Alpha", "Bravo", "Charlie", "Delta" };
        var applicants = new List<(HttpClient Client, string Path)>();
        for (var i = 0; i < titles.Length; i++)
        {
            var client = i % 2 == 0 ? (await app.SignUpCitizenAsync()).Client : applicants[i - 1].Client;
            var path = await StartAsync(client, editionId, categoryId, titles[i], [new("Input.ApplicantType", "NonMember"), new("Input.CityName", $"{titles[i]} City"), new("Input.Country", "CL")]);
            Html.RedirectedTo(await SubmitEntryAsync(client, path, "An answer."));
            applicants.Add((client, path));
        }
        var ids = await app.WithDbAsync(db => db.Set<AwardEntry>().Where(e => e.EditionId == editionId).ToDictionaryAsync(e => e.Title, e => e.Id));
        var email = $"juror-{Guid.NewGuid():N}@example.org";
        var (juror, _) = await app.SignUpCitizenAsync(email);
        var admin = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
        Html.RedirectedTo(await secretary.SubmitAsync(admin, [new("Juror.CategoryId", categoryId.ToString()), new("Juror.Name", "Claire"), new("Juror.Email", email), new("Juror.Country", "FR")],
            "form[action$='handler=juror']"));
        var jurorId = await app.WithDbAsync(db => db.Set<AwardJuror>().Where(j => j.EditionId == editionId).Select(j => j.Id).SingleAsync());
        PastDeadline();
        foreach (var id in ids.Values)
        {
            admin = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
            Html.RedirectedTo(await secretary.SubmitAsync(admin, [new("eligible", "true")], $"form[action$='entryId={id}']"));
        }
        Html.RedirectedTo(await secretary.SubmitAsync(admin, [], "form[action$='handler=openround1']"));

        async Task ScoreAsync(string title, int score)
        {
            var page = await juror.GetPageAsync($"/network/awards/jury/{jurorId}/entries/{ids[title]}");
            var names = page.QuerySelectorAll("[data-score-form] select").Select(s => s.GetAttribute("name")!).ToList();
            Assert.Contains("?scored=true", Html.RedirectedTo(await juror.SubmitAsync(page, names.Select(n => new KeyValuePair<string, string>(n, score.ToString())), "form[data-score-form]")));
        }
        await ScoreAsync("Alpha", 9);
        await ScoreAsync("Bravo", 8);
        await ScoreAsync("Charlie", 5);
        await ScoreAsync("Delta", 5);
        admin = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
        Html.RedirectedTo(await secretary.SubmitAsync(admin, [], "form[action*='handler=closeround']"));

        // Three shortlist places and Charlie and Delta tie for the third: the choice needs its reason; nothing changes without it.
        var shortlisting = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
        Assert.NotNull(shortlisting.QuerySelector($"[data-tie='{categoryId}']"));
        Assert.Equal(3, shortlisting.QuerySelectorAll("[data-select='1'] input[name=chosen][checked]").Length);
        var chosen = new[] { ids["Alpha"], ids["Bravo"], ids["Charlie"] }.Select(id => new KeyValuePair<string, string>("chosen", id.ToString())).ToList();
        Assert.NotEmpty((await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(shortlisting, chosen, "form[data-select='1']")))).ErrorSummary());
        Assert.NotEmpty((await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(shortlisting, chosen.Take(2), "form[data-select='1']")))).ErrorSummary());
        Assert.Equal(AwardPhase.Shortlisting, await app.WithDbAsync(db => db.Set<AwardEdition>().Where(e => e.Id == editionId).Select(e => e.Phase).SingleAsync()));
        Html.RedirectedTo(await secretary.SubmitAsync(shortlisting, [.. chosen, new($"reasons[{categoryId}]", "Charlie scored higher on impact, the criterion the jury weighs most.")], "form[data-select='1']"));
        var statuses = await app.WithDbAsync(db => db.Set<AwardEntry>().Where(e => e.EditionId == editionId).ToDictionaryAsync(e => e.Title, e => e.Status));
        Assert.Equal(EntryStatus.NotShortlisted, statuses["Delta"]);
        Assert.Equal(EntryStatus.Shortlisted, statuses["Charlie"]);
        Assert.Contains("impact", (await secretary.GetPageAsync($"/admin/network/awards/{editionId}")).QuerySelector("[data-tie-breaks]")!.TextContent);

        // Round 2: Delta is no longer the juror's to score; Bravo comes first.
        Assert.Equal(HttpStatusCode.NotFound, (await juror.GetAsync($"/network/awards/jury/{jurorId}/entries/{ids["Delta"]}")).StatusCode);
        await ScoreAsync("Alpha", 6);
        await ScoreAsync("Bravo", 9);
        await ScoreAsync("Charlie", 7);
        admin = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
        Html.RedirectedTo(await secretary.SubmitAsync(admin, [], "form[action*='handler=closeround']"));
        var deciding = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
        Assert.Equal([ids["Bravo"]], deciding.QuerySelectorAll("[data-select='2'] input[name=chosen][checked]").Select(i => long.Parse(i.GetAttribute("value")!)));
        // Nothing is public before the announcement.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/network/awards/{editionId}/results")).StatusCode);
        Html.RedirectedTo(await secretary.SubmitAsync(deciding, [new("chosen", ids["Bravo"].ToString())], "form[data-select='2']"));
        var bravoReference = await app.WithDbAsync(db => db.Set<AwardEntry>().Where(e => e.Id == ids["Bravo"]).Select(e => e.Reference).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/network/awards/entries/{bravoReference}/certificate.pdf")).StatusCode);
        Assert.Equal("Eligible", (await applicants[1].Client.GetPageAsync(applicants[1].Path)).QuerySelector("[data-status]")!.GetAttribute("data-status"));
        admin = await secretary.GetPageAsync($"/admin/network/awards/{editionId}");
        Html.RedirectedTo(await secretary.SubmitAsync(admin, [], "form[action$='handler=announce']"));

        var results = await app.CreateClient().GetPageAsync($"/network/awards/{editionId}/results");
        Assert.Equal([ids["Bravo"]], results.QuerySelectorAll("[data-winner]").Select(li => long.Parse(li.GetAttribute("data-winner")!)));
        Assert.Contains("Alpha City", results.Body!.TextContent); // also shortlisted
        Assert.DoesNotContain("Delta City", results.Body.TextContent);
        Assert.Equal("Awarded", (await applicants[1].Client.GetPageAsync(applicants[1].Path)).QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Equal("NotShortlisted", (await applicants[3].Client.GetPageAsync(applicants[3].Path)).QuerySelector("[data-status]")!.GetAttribute("data-status"));

        // The certificate: a PDF naming the city, the practice and the category; none for an entry not awarded.
        var certificate = await app.CreateClient().GetAsync(results.QuerySelector("[data-certificate]")!.GetAttribute("href"));
        Assert.Equal("application/pdf", certificate.Content.Headers.ContentType!.MediaType);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await certificate.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.Contains("Certificate of Award", text);
            Assert.Contains("Bravo City", text);
            Assert.Contains("Open City", text);
        }
        var alphaReference = await app.WithDbAsync(db => db.Set<AwardEntry>().Where(e => e.Id == ids["Alpha"]).Select(e => e.Reference).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/network/awards/entries/{alphaReference}/certificate.pdf")).StatusCode);
    }
}
