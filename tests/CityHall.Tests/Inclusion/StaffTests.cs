using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Inclusion;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Selection;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Inclusion;

/// <summary>Staff's side: queues, deciding with the rules, asking for information, refused moves, assisted applications, the three selection methods and offers.</summary>
public sealed class StaffTests(InclusionClockApp app) : IClassFixture<InclusionClockApp>
{
    [Fact]
    public async Task Citizens_are_kept_out_and_staff_see_each_programme_and_its_queue_filtered_paged_and_as_csv()
    {
        var citizen = await app.SignedUpCitizenAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/admin/inclusion")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/admin/inclusion/pc-handout/selection")).StatusCode);

        await InclusionData.ApplicationsAsync(app, "senior-smart-class", 55, ApplicationState.Submitted);
        await InclusionData.ApplicationsAsync(app, "senior-smart-class", 3, ApplicationState.Withdrawn);
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var index = await staff.GetPageAsync("/admin/inclusion");
        Assert.Equal("55", index.QuerySelector("[data-programme=senior-smart-class] [data-count=Submitted]")!.TextContent);

        var queue = await staff.GetPageAsync("/admin/inclusion/senior-smart-class");
        Assert.Equal("55", queue.QuerySelector("[data-total]")!.GetAttribute("data-total")); // ended ones are not in the working queue
        Assert.Equal(50, queue.QuerySelectorAll("[data-queue] tbody tr").Length);
        Assert.Equal(5, (await staff.GetPageAsync("/admin/inclusion/senior-smart-class?page=2")).QuerySelectorAll("[data-queue] tbody tr").Length);
        Assert.Equal("58", (await staff.GetPageAsync("/admin/inclusion/senior-smart-class?state=all")).QuerySelector("[data-total]")!.GetAttribute("data-total"));
        Assert.Equal("3", (await staff.GetPageAsync("/admin/inclusion/senior-smart-class?state=Withdrawn")).QuerySelector("[data-total]")!.GetAttribute("data-total"));
        Assert.Equal("1", (await staff.GetPageAsync("/admin/inclusion/senior-smart-class?q=" + Uri.EscapeDataString("신청인 17"))).QuerySelector("[data-total]")!.GetAttribute("data-total"));
        var csv = await staff.GetStringAsync(queue.QuerySelector("[data-csv]")!.GetAttribute("href")!);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(56, lines.Length);
        Assert.StartsWith("reference,state,channel,applicant,phone", lines[0]);
    }

    [Fact]
    public async Task Staff_record_what_they_checked_and_the_rules_decide_or_they_ask_for_information_and_illegal_moves_are_explained()
    {
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        var citizen = await app.SignedUpCitizenAsync(email);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var references = await InclusionData.ApplicationsAsync(app, "pc-handout", 2, ApplicationState.Submitted, userId: i => i == 0 ? userId : null);
        var staff = await app.SignedInStaffAsync(Roles.Official);

        // The benefit rule needs a document seen: left as self-declared, the rules cannot decide yet.
        var page = await staff.GetPageAsync($"/admin/inclusion/applications/{references[0]}");
        Assert.Equal("NotVerified", page.QuerySelector("[data-decision]")!.GetAttribute("data-decision"));
        var notYet = await Html.ParseAsync(await staff.SubmitAsync(page, [new("Verification[Benefit]", "SelfDeclared")], "form[data-decide]"));
        Assert.Contains("아직 결정할 수 없습니다", notYet.ErrorSummary().Single());

        // Asking for information: the applicant is told, adds a document and sends it again.
        var asked = Html.RedirectedTo(await staff.SubmitAsync(page, [new("Message", "수급자 증명서를 올려 주세요.")], "form[data-ask]"));
        Assert.EndsWith("?done=ask", asked);
        Assert.True(await app.WithDbAsync(db => db.Set<InAppNotification>().AnyAsync(n => n.UserId == userId && n.Link == $"/inclusion/applications/{references[0]}")));
        var status = await citizen.GetPageAsync($"/inclusion/applications/{references[0]}");
        Assert.Contains("수급자 증명서를 올려 주세요.", status.QuerySelector("[data-history]")!.TextContent);
        var docs = await citizen.GetPageAsync($"/inclusion/apply/{references[0]}/documents");
        await citizen.SubmitMultipartAsync(docs, [new("Evidence", "benefit-certificate"), new("action", "upload")],
            [("Upload", "cert.pdf", ApplicationTests.Pdf, "application/pdf")], "form[enctype='multipart/form-data']");
        Assert.Equal($"/inclusion/applications/{references[0]}",
            Html.RedirectedTo(await citizen.SubmitAsync(await citizen.GetPageAsync($"/inclusion/apply/{references[0]}/documents"), [new("action", "continue")], "form[enctype='multipart/form-data']")));
        await citizen.SubmitAsync(await citizen.GetPageAsync($"/inclusion/applications/{references[0]}"), [], "form[action*=resubmit]");

        // The document seen: eligible under rules version 1, verified, audited.
        page = await staff.GetPageAsync($"/admin/inclusion/applications/{references[0]}");
        Assert.Equal("Submitted", page.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.Contains("/admin/inclusion/applications/", page.QuerySelector("[data-answer=documents] a")!.GetAttribute("href"));
        Html.RedirectedTo(await staff.SubmitAsync(page, [new("Verification[Benefit]", "DocumentSeen")], "form[data-decide]"));
        var decided = (await InclusionData.LoadAsync(app, references))[references[0]];
        Assert.Equal((ApplicationState.Verified, 1, (string?)null), (decided.State, decided.RuleVersion, decided.FailedRuleId));
        Assert.Equal(Verification_DocumentSeen, decided.Answers.Verified[CityHall.Web.Modules.Inclusion.Eligibility.RuleAttribute.Benefit]);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "inclusion.decide" && e.TargetId == references[0])));
        var events = await app.WithDbAsync(db => db.Set<ApplicationEvent>().Where(e => e.ApplicationId == decided.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(("Official", 1), (events[^1].ActorRole, events[^1].RuleVersion));

        // A move the state machine does not allow is refused in words; a cancellation needs a reason.
        page = await staff.GetPageAsync($"/admin/inclusion/applications/{references[1]}");
        var illegal = await Html.ParseAsync(await staff.SubmitAsync(page, [new("To", "Fulfilled"), new("Reason", "")], "form[data-move]"));
        Assert.Equal(["‘접수’ 상태의 신청은 ‘지원 완료’(으)로 바꿀 수 없습니다. 가능한 다음 단계: 보완 요청, 확인 완료, 자격 없음, 취하, 취소."], illegal.ErrorSummary());
        var noReason = await Html.ParseAsync(await staff.SubmitAsync(page, [new("To", "Cancelled")], "form[data-move]"));
        Assert.Equal("오류: 사유를 적어 주세요.", noReason.InlineError("Reason"));
        Html.RedirectedTo(await staff.SubmitAsync(page, [new("To", "Cancelled"), new("Reason", "같은 해 다른 사업으로 PC를 받음")], "form[data-move]"));
        // The assisted applicant has no account: they hear it by text message.
        var sms = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Recipient == "010-5555-0001").OrderByDescending(m => m.Id).FirstOrDefaultAsync());
        Assert.Contains("신청이 취소되었습니다.", sms!.Body);
    }

    private const CityHall.Web.Modules.Inclusion.Eligibility.Verification Verification_DocumentSeen = CityHall.Web.Modules.Inclusion.Eligibility.Verification.DocumentSeen;

    [Fact]
    public async Task Staff_apply_on_behalf_of_someone_by_phone_and_the_record_says_who_entered_it()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var form = await staff.GetPageAsync("/admin/inclusion/senior-smart-class/assist");
        var missing = await Html.ParseAsync(await staff.SubmitAsync(form, [new("ApplicantName", "박순자"), new("Phone", "02-120")]));
        Assert.Equal(["접수 경로를 고르세요.", "전화번호를 010-1234-5678처럼 적어 주세요."], missing.ErrorSummary());
        var next = Html.RedirectedTo(await staff.SubmitAsync(form, [new("Channel", "Phone"), new("ApplicantName", "박순자"), new("Phone", "010-7777-1234")]));
        var reference = next.Split('/')[3];
        // Name and phone are in already: the pages start at the address.
        Assert.EndsWith("/address", Html.RedirectedTo(await staff.GetAsync(next)));
        var address = await staff.GetPageAsync($"/inclusion/apply/{reference}/address");
        await staff.SubmitAsync(address, [new("District", "11350"), new("Address", "동일로 1000, 5동 301호")]);
        var birth = await staff.GetPageAsync($"/inclusion/apply/{reference}/birth");
        Assert.EndsWith("/check", Html.RedirectedTo(await staff.SubmitAsync(birth, [new("BirthDate", "1948-09-09")])));
        var check = await staff.GetPageAsync($"/inclusion/apply/{reference}/check");
        Assert.Contains("신청인에게 내용을 읽어 주었고", check.QuerySelector("label[for=Declaration]")!.TextContent);
        Assert.Equal($"/admin/inclusion/applications/{reference}?submitted=true", Html.RedirectedTo(await staff.SubmitAsync(check, [new("Declaration", "true")])));

        var record = await staff.GetPageAsync($"/admin/inclusion/applications/{reference}");
        Assert.Equal("Phone", record.QuerySelector("[data-channel]")!.GetAttribute("data-channel"));
        Assert.Contains("입력: 직원", record.QuerySelector("[data-channel]")!.TextContent);
        Assert.NotNull(record.QuerySelector("[data-history] [data-role=Official]"));
        Assert.Contains("(공무원)", record.QuerySelector("[data-history]")!.TextContent);
        // Another citizen cannot open the draft pages of an assisted application.
        var stranger = await app.SignedUpCitizenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/inclusion/apply/{reference}/check")).StatusCode);
    }

    [Fact]
    public async Task First_come_first_served_offers_the_earliest_the_rest_wait_and_a_declined_place_goes_to_the_next()
    {
        await InclusionData.SetAsync(app, "pc-repair", v => v.Quota = 2);
        var email = $"applicant-{Guid.NewGuid():N}@example.org";
        var citizen = await app.SignedUpCitizenAsync(email);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var references = await InclusionData.ApplicationsAsync(app, "pc-repair", 5, ApplicationState.Verified, userId: i => i == 1 ? userId : null);
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var selection = await staff.GetPageAsync("/admin/inclusion/pc-repair/selection");
        Assert.Equal("2", selection.QuerySelector("[data-pool=''] [data-left]")!.TextContent);
        var published = Html.RedirectedTo(await staff.SubmitAsync(selection, []));
        Assert.Matches(@"^/inclusion/pc-repair/selection/\d+$", published);

        var draw = await app.CreateBrowserLikeClient().GetPageAsync(published);
        Assert.Equal(references[..2], draw.QuerySelectorAll("[data-selected] li").Select(li => li.TextContent));
        Assert.Equal(references[2..], draw.QuerySelectorAll("[data-waitlist] li").Select(li => li.TextContent));
        var states = await InclusionData.LoadAsync(app, references);
        Assert.Equal([ApplicationState.Offered, ApplicationState.Offered, ApplicationState.Waitlisted, ApplicationState.Waitlisted, ApplicationState.Waitlisted],
            references.Select(r => states[r].State));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddDays(7), states[references[0]].RespondBy);

        // The second declines (withdraws): the first on the waiting list is offered the place.
        var status = await citizen.GetPageAsync($"/inclusion/applications/{references[1]}");
        Assert.NotNull(status.QuerySelector("[data-accept]"));
        await citizen.SubmitAsync(status, [new("ConfirmWithdraw", "true")], "form[action*=withdraw]");
        states = await InclusionData.LoadAsync(app, references);
        Assert.Equal((ApplicationState.Withdrawn, ApplicationState.Offered, ApplicationState.Waitlisted), (states[references[1]].State, states[references[2]].State, states[references[3]].State));

        // The first accepts by phone, recorded by staff. Nothing is left to select.
        var record = await staff.GetPageAsync($"/admin/inclusion/applications/{references[0]}");
        Html.RedirectedTo(await staff.SubmitAsync(record, [], "form[data-accept]"));
        Assert.Equal(ApplicationState.Accepted, (await InclusionData.LoadAsync(app, references))[references[0]].State);
        var again = await Html.ParseAsync(await staff.SubmitAsync(await staff.GetPageAsync("/admin/inclusion/pc-repair/selection"), []));
        Assert.Equal(["선정할 확인 완료 신청이 없습니다."], again.ErrorSummary());
    }

    [Fact]
    public async Task A_draw_publishes_its_seed_and_entrants_and_anyone_can_rerun_it_with_sha256()
    {
        var pools = new[] { "elementary", "middle", "high", "university" };
        await InclusionData.SetAsync(app, "study-licence", v =>
            v.Pools = [new("elementary", "초등학생", "Primary school", 3), new("middle", "중학생", "Middle school", 2), new("high", "고등학생", "High school", 2), new("university", "대학생", "University", 1)]);
        var references = await InclusionData.ApplicationsAsync(app, "study-licence", 30, ApplicationState.Verified, pool: i => pools[i % 4]);
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var selection = await staff.GetPageAsync("/admin/inclusion/study-licence/selection");
        Assert.Matches("^[0-9a-f]{32}$", selection.QuerySelector("#Seed")!.GetAttribute("value")!);
        var empty = await Html.ParseAsync(await staff.SubmitAsync(selection, [new("Seed", " ")]));
        Assert.Equal("오류: 추첨 시드를 적어 주세요(200자 이내).", empty.InlineError("Seed"));
        const string seed = "2026-06-13 로또 1176회 3 11 19 26 32 45";
        var published = Html.RedirectedTo(await staff.SubmitAsync(selection, [new("Seed", seed)]));

        using var json = JsonDocument.Parse(await app.CreateClient().GetStringAsync(published + "?handler=json"));
        Assert.Equal(seed, json.RootElement.GetProperty("seed").GetString());
        var entrants = json.RootElement.GetProperty("entrants").EnumerateArray()
            .Select(e => (Reference: e.GetProperty("reference").GetString()!, Pool: e.GetProperty("pool").GetString()!)).ToList();
        Assert.Equal(30, entrants.Count);
        // Re-run by hand: SHA-256 of seed + "\n" + reference, smallest first, per pool.
        foreach (var result in json.RootElement.GetProperty("results").EnumerateArray())
        {
            var pool = result.GetProperty("pool").GetString()!;
            var order = entrants.Where(e => e.Pool == pool)
                .OrderBy(e => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\n" + e.Reference))), StringComparer.Ordinal)
                .Select(e => e.Reference).ToList();
            var quota = result.GetProperty("quota").GetInt32();
            Assert.Equal(order.Take(quota), result.GetProperty("selected").EnumerateArray().Select(x => x.GetString()!));
            Assert.Equal(order.Skip(quota), result.GetProperty("waitlist").EnumerateArray().Select(x => x.GetString()!));
        }
        var states = await InclusionData.LoadAsync(app, references);
        Assert.Equal(8, states.Values.Count(a => a.State == ApplicationState.Offered));
        Assert.Equal(22, states.Values.Count(a => a.State == ApplicationState.Waitlisted));
        var page = await app.CreateClient().GetPageAsync(published);
        Assert.Equal(seed, page.QuerySelector("[data-seed]")!.TextContent);
        Assert.Contains("sha256sum", page.QuerySelector("pre")!.TextContent);
    }

    [Fact]
    public async Task A_panel_scores_assistive_device_applications_members_with_a_conflict_do_not_count_and_ties_follow_the_criteria_order()
    {
        await InclusionData.SetAsync(app, "assistive-devices", v => v.Quota = 2);
        var references = await InclusionData.ApplicationsAsync(app, "assistive-devices", 3, ApplicationState.Verified);
        var first = await app.SignedInStaffAsync(Roles.Official);
        var second = await app.SignedInStaffAsync(Roles.Official);
        var selection = await first.GetPageAsync("/admin/inclusion/assistive-devices/selection");
        Assert.Contains("3", selection.QuerySelector("[data-unscored]")!.TextContent);
        var unscored = await Html.ParseAsync(await first.SubmitAsync(selection, []));
        Assert.StartsWith("점수가 없는 신청이 3건 있습니다", unscored.ErrorSummary().Single());

        async Task ScoreAsync(HttpClient member, string reference, int severity, int economic, int participation, int suitability, int past, bool conflict = false)
        {
            var page = await member.GetPageAsync($"/admin/inclusion/applications/{reference}");
            List<KeyValuePair<string, string>> values = [new("Score[severity]", $"{severity}"), new("Score[economic]", $"{economic}"), new("Score[participation]", $"{participation}"),
                new("Score[suitability]", $"{suitability}"), new("Score[past-support]", $"{past}")];
            if (conflict) values = [new("Conflict", "true")];
            Assert.EndsWith("?done=score", Html.RedirectedTo(await member.SubmitAsync(page, values, "form[data-score]")));
        }
        var outOfRange = await first.GetPageAsync($"/admin/inclusion/applications/{references[0]}");
        var refused = await Html.ParseAsync(await first.SubmitAsync(outOfRange, [new("Score[severity]", "101"), new("Score[economic]", "50"), new("Score[participation]", "50"),
            new("Score[suitability]", "50"), new("Score[past-support]", "50")], "form[data-score]"));
        Assert.Equal(["‘장애 정도’ 점수를 0~100 사이로 적어 주세요."], refused.ErrorSummary());

        // A: 80 everywhere; B: the same total as A, but more on severity (the first tie-break); C: lower, and the second member's
        // generous score does not count — they declared a conflict.
        await ScoreAsync(first, references[0], 80, 80, 80, 80, 80);
        await ScoreAsync(second, references[0], 80, 80, 80, 80, 80);
        await ScoreAsync(first, references[1], 90, 68, 80, 80, 80);
        await ScoreAsync(second, references[1], 90, 68, 80, 80, 80);
        await ScoreAsync(first, references[2], 60, 60, 60, 60, 60);
        await ScoreAsync(second, references[2], 0, 0, 0, 0, 0, conflict: true);
        var published = Html.RedirectedTo(await first.SubmitAsync(await first.GetPageAsync("/admin/inclusion/assistive-devices/selection"), []));
        var draw = await app.CreateClient().GetPageAsync(published);
        Assert.Equal([references[1], references[0]], draw.QuerySelectorAll("[data-selected] li").Select(li => li.TextContent));
        Assert.Equal([references[2]], draw.QuerySelectorAll("[data-waitlist] li").Select(li => li.TextContent));
        var run = await app.WithDbAsync(db => db.Set<SelectionRun>().OrderByDescending(r => r.Id).FirstAsync());
        Assert.Equal([80.0, 80.0, 60.0], run.Entrants.Select(e => e.Score!.Value));

        // The offer carries a co-payment: the applicant cannot accept on the page; staff record the payment.
        var states = await InclusionData.LoadAsync(app, references);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddDays(14), states[references[1]].RespondBy);
        var record = await first.GetPageAsync($"/admin/inclusion/applications/{references[1]}");
        Assert.Contains("본인부담금 입금 확인", record.QuerySelector("form[data-accept] button")!.TextContent);
    }
}

public sealed class ProgrammeEditTests(InclusionClockApp app) : IClassFixture<InclusionClockApp>
{
    [Fact]
    public async Task Staff_change_a_programme_by_writing_its_next_version_and_applications_keep_the_version_they_were_made_under()
    {
        var before = await InclusionData.ApplicationsAsync(app, "pc-handout", 1, ApplicationState.Submitted);
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var form = await staff.GetPageAsync("/admin/inclusion/pc-handout/edit");
        Assert.Contains("\"atLeastVerifiedBy\": \"DocumentSeen\"", form.QuerySelector("#Input_Rules")!.TextContent);
        Assert.Contains("기초생활수급 가구", form.QuerySelector("#Input_Rules")!.TextContent);
        Assert.Equal("2026-01-01T00:00", form.QuerySelector("#Input_OpensAt")!.GetAttribute("value"));

        var broken = await Html.ParseAsync(await staff.SubmitAsync(form, form.FilledIn().With(
            ("Input.Rules", "[{\"id\": \"age\", \"attribute\": \"Age\", \"test\": \"Severe\", \"explanationKo\": \"\", \"explanationEn\": \"x\"}]"),
            ("Input.Pools", "not json"), ("Input.Quota", "0"), ("Input.ChangeNote", ""))));
        var errors = broken.ErrorSummary();
        Assert.Contains("정원은 1 이상이어야 합니다.", errors);
        Assert.Contains("규칙 ‘age’: 이 항목에 쓸 수 없는 비교이거나 값이 없습니다.", errors);
        Assert.Contains("규칙 ‘age’: 신청인이 읽을 설명을 한국어와 영어로 적어 주세요.", errors);
        Assert.Contains(errors, e => e.StartsWith("JSON을 읽을 수 없습니다", StringComparison.Ordinal));
        Assert.Contains("고친 이유를 500자 이내로 적어 주세요.", errors);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<CityHall.Web.Modules.Inclusion.Programmes.InclusionProgramme>().Where(p => p.Code == "pc-handout").Select(p => p.CurrentVersion).SingleAsync()));

        // Adults only from now on, and 600 PCs.
        const string rules = """
            [
              { "id": "benefit", "attribute": "Benefit", "test": "OneOf", "values": ["basic-livelihood", "near-poor", "single-parent"], "atLeastVerifiedBy": "DocumentSeen",
                "explanationKo": "수급 가구, 차상위 가구, 한부모가족만 신청할 수 있습니다.", "explanationEn": "Only households on benefits can apply." },
              { "id": "adult", "attribute": "Age", "test": "AtLeast", "number": 19, "explanationKo": "만 19세 이상이 신청합니다.", "explanationEn": "The applicant must be 19 or over." }
            ]
            """;
        var saved = await staff.SubmitAsync(form, form.FilledIn().With(("Input.Rules", rules), ("Input.Quota", "600"), ("Input.ApplicationLimit", "1200"),
            ("Input.ChangeNote", "2026년 추경으로 100대 추가, 성인 신청인 기준 명확화")));
        Assert.Equal("/inclusion/pc-handout", saved.Headers.Location!.OriginalString);
        var page = await app.CreateClient().GetPageAsync("/inclusion/pc-handout");
        Assert.Contains("만 19세 이상이 신청합니다.", page.QuerySelector("[data-rules]")!.TextContent);
        Assert.StartsWith("600", page.QuerySelector("[data-terms] dd:nth-of-type(2)")!.TextContent);
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "inclusion.programme.version" && e.Details!.Contains("추경"))));

        // The application made before the change is still read under version 1: no birth date asked, none missing.
        var record = await staff.GetPageAsync($"/admin/inclusion/applications/{before[0]}");
        Assert.Contains("사업 기준 1판", record.QuerySelector("[data-application]")!.TextContent);
        Assert.Null(record.QuerySelector("[data-answer=birth]"));
        // A new one is asked the birth date.
        var citizen = await app.SignedUpCitizenAsync();
        var start = await citizen.SubmitAsync(await citizen.GetPageAsync("/inclusion/pc-handout"), []);
        var reference = start.Headers.Location!.OriginalString.Split('/')[3];
        Assert.Equal(2, (await InclusionData.LoadAsync(app, [reference]))[reference].ProgrammeVersion);
        Assert.Contains("birth", CityHall.Web.Modules.Inclusion.Applications.ApplicationQuestions.For(
            await app.WithDbAsync(db => db.Set<CityHall.Web.Modules.Inclusion.Programmes.ProgrammeVersion>().OrderByDescending(v => v.Id).FirstAsync())));
    }
}

/// <summary>Offers that are not taken up in time lapse and the next on the waiting list is offered — on a clock the test moves.</summary>
public sealed class OfferLapseTests(InclusionClockApp app) : IClassFixture<InclusionClockApp>
{
    [Fact]
    public async Task An_offer_not_accepted_within_its_days_lapses_and_the_next_waiting_is_offered_with_a_fresh_deadline()
    {
        await InclusionData.SetAsync(app, "senior-smart-class", v => v.Quota = 1);
        var references = await InclusionData.ApplicationsAsync(app, "senior-smart-class", 3, ApplicationState.Verified);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var intake = services.GetRequiredService<ApplicationIntake>();
            var terms = (await intake.FindProgrammeAsync("senior-smart-class", default))!;
            var (run, refusal) = await services.GetRequiredService<ProgrammeSelection>().RunAsync(terms.Programme, terms.Version, null, new ApplicationActor("staff", "Official"), default);
            Assert.Null(refusal);
            Assert.Equal([references[0]], run!.Results.Single().Selected);
        }
        async Task<int> LapseAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ApplicationIntake>().LapseOverdueOffersAsync(default);
        }

        app.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await LapseAsync()); // 7 days to accept: not yet
        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await LapseAsync());
        var states = await InclusionData.LoadAsync(app, references);
        Assert.Equal((ApplicationState.Lapsed, ApplicationState.Offered, ApplicationState.Waitlisted), (states[references[0]].State, states[references[1]].State, states[references[2]].State));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddDays(7), states[references[1]].RespondBy);
        var history = await app.WithDbAsync(db => db.Set<ApplicationEvent>().Where(e => e.ApplicationId == states[references[0]].Id).OrderBy(e => e.Id).Select(e => new { e.To, e.ActorRole, e.Reason }).ToListAsync());
        Assert.Equal((ApplicationState.Lapsed, "system", "기한까지 수락(또는 본인부담금 납부)이 없었음"), (history[^1].To, history[^1].ActorRole, history[^1].Reason));

        app.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await LapseAsync());
        states = await InclusionData.LoadAsync(app, references);
        Assert.Equal((ApplicationState.Lapsed, ApplicationState.Offered), (states[references[1]].State, states[references[2]].State));
    }
}
