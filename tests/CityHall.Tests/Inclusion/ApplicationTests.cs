using System.Net;
using AngleSharp.Dom;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Inclusion;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Eligibility;
using CityHall.Web.Modules.Inclusion.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace CityHall.Tests.Inclusion;

/// <summary>The city's clock stopped on 15 June 2026, 10:00 in Seoul: the seeded programmes take applications all of 2026.</summary>
public sealed class InclusionClockApp() : ClockedApp(InSeoul(2026, 6, 15, 10, 0));

/// <summary>Applying online, one question per page, with documents; and the refusals: window, twice, ineligible, household, full, concurrency.</summary>
public sealed class ApplicationTests(InclusionClockApp app) : IClassFixture<InclusionClockApp>
{
    internal static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    internal static byte[] Picture(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(40, 30);
        bitmap.Erase(SKColors.CornflowerBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>Starts an application to the programme and answers its pages (no documents); returns where the last answer led.</summary>
    internal static async Task<(string Reference, string Next)> AnswerAsync(HttpClient client, string code, string address, string district = "11110",
        string[]? benefits = null, string? birth = null, string? pool = null, string? details = null, (string Size, string Income)? income = null, string? disability = null)
    {
        var programme = await client.GetPageAsync($"/inclusion/{code}");
        var next = Html.RedirectedTo(await client.SubmitAsync(programme, []));
        var reference = next.Split('/')[3];
        while (true)
        {
            var question = next.Split('/').Last();
            var page = await client.GetPageAsync(next);
            List<KeyValuePair<string, string>> values = question switch
            {
                "contact" => [new("ApplicantName", "김민수"), new("Phone", "010-2345-6789")],
                "address" => [new("District", district), new("Address", address)],
                "birth" => [new("BirthDate", birth!)],
                "benefits" => [.. (benefits ?? ["none"]).Select(b => new KeyValuePair<string, string>("Benefits", b))],
                "income" => [new("HouseholdSize", income!.Value.Size), new("MonthlyIncome", income.Value.Income)],
                "disability" => [new("Disability", disability!)],
                "pool" => [new("Pool", pool!)],
                "details" => [new("Details", details!)],
                _ => throw new InvalidOperationException("stop at " + question),
            };
            next = Html.RedirectedTo(await client.SubmitAsync(page, values));
            if (next.EndsWith("/documents", StringComparison.Ordinal) || next.EndsWith("/check", StringComparison.Ordinal)) return (reference, next);
        }
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, IDocument page, string evidence, string name, byte[] bytes, string type) =>
        client.SubmitMultipartAsync(page, [new("Evidence", evidence), new("action", "upload")], [("Upload", name, bytes, type)], "form[enctype='multipart/form-data']");

    private static async Task<IDocument> SendAsync(HttpClient client, string reference, bool declare = true)
    {
        var check = await client.GetPageAsync($"/inclusion/apply/{reference}/check");
        var response = await client.SubmitAsync(check, declare ? [new("Declaration", "true")] : []);
        if (response.StatusCode == HttpStatusCode.Redirect) return await client.GetPageAsync(response.Headers.Location!.OriginalString);
        return await Html.ParseAsync(response);
    }

    [Fact]
    public async Task The_catalogue_and_a_programme_page_say_who_can_apply_what_to_have_ready_and_how_places_are_given()
    {
        var anonymous = app.CreateBrowserLikeClient();
        var catalogue = await anonymous.GetPageAsync("/inclusion");
        Assert.Equal(["pc-handout", "assistive-devices", "pc-repair", "addiction-counselling", "study-licence", "senior-smart-class", "app-business-centre"],
            catalogue.QuerySelectorAll("[data-programme]").Select(e => e.GetAttribute("data-programme")!));

        var pcs = await anonymous.GetPageAsync("/inclusion/pc-handout");
        Assert.Contains("기초생활수급 가구, 차상위계층 가구, 한부모가족만", pcs.QuerySelector("[data-rules]")!.TextContent);
        Assert.Contains("증빙 서류로 확인", pcs.QuerySelector("[data-rules]")!.TextContent);
        Assert.Contains("수급자 증명서", pcs.QuerySelector("[data-evidence]")!.TextContent);
        Assert.Contains("24개월", pcs.QuerySelector("[data-terms]")!.TextContent);
        Assert.NotNull(pcs.QuerySelector("a[href^='/account/sign-in?returnUrl=%2Finclusion%2Fpc-handout']"));

        anonymous.DefaultRequestHeaders.Add("Accept-Language", "en");
        var devices = await anonymous.GetPageAsync("/inclusion/assistive-devices");
        Assert.Equal("ICT assistive devices for disabled people", devices.QuerySelector("h1")!.TextContent);
        Assert.Contains("You pay 20% (within 14 days", devices.QuerySelector("[data-terms]")!.TextContent);
        Assert.Contains("A panel scores each application", devices.QuerySelector("[data-terms]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/inclusion/no-such-programme")).StatusCode);
    }

    [Fact]
    public async Task A_citizen_applies_one_question_per_page_uploads_evidence_checks_the_answers_and_gets_a_reference()
    {
        var client = await app.SignedUpCitizenAsync();
        var programme = await client.GetPageAsync("/inclusion/pc-handout");
        var first = Html.RedirectedTo(await client.SubmitAsync(programme, []));
        Assert.Matches(@"^/inclusion/apply/INC-260615-[0-9A-Z]{4}-[0-9A-Z]{4}/contact$", first);
        var reference = first.Split('/')[3];

        // Each page explains what is wrong, with the error summary linking to the field; nothing moves on.
        var contact = await client.GetPageAsync(first);
        Assert.Equal("질문 1/4", contact.QuerySelector(".ch-caption")!.TextContent.Split(" · ")[1]);
        var wrong = await Html.ParseAsync(await client.SubmitAsync(contact, [new("ApplicantName", " "), new("Phone", "call me")]));
        Assert.Equal(["이름을 적어 주세요(100자 이내).", "전화번호를 010-1234-5678처럼 적어 주세요."], wrong.ErrorSummary());
        Assert.Equal("#Phone", wrong.QuerySelectorAll("[data-error-summary] a")[1].GetAttribute("href"));
        var address = Html.RedirectedTo(await client.SubmitAsync(contact, [new("ApplicantName", "김민수"), new("Phone", "010-2345-6789")]));
        Assert.EndsWith("/address", address);
        var addressPage = await client.GetPageAsync(address);
        var badDistrict = await Html.ParseAsync(await client.SubmitAsync(addressPage, [new("District", "99999"), new("Address", "세종대로 110, 101호")]));
        Assert.Equal("오류: 자치구를 고르세요.", badDistrict.InlineError("District"));
        var benefits = Html.RedirectedTo(await client.SubmitAsync(addressPage, [new("District", "11140"), new("Address", "세종대로 110, 101동 202호")]));
        var benefitsPage = await client.GetPageAsync(benefits);
        var both = await Html.ParseAsync(await client.SubmitAsync(benefitsPage, [new("Benefits", "near-poor"), new("Benefits", "none")]));
        Assert.Equal(["‘받는 지원 없음’은 다른 항목과 함께 고를 수 없습니다."], both.ErrorSummary());
        var documents = Html.RedirectedTo(await client.SubmitAsync(benefitsPage, [new("Benefits", "near-poor"), new("Benefits", "single-parent")]));
        Assert.EndsWith("/documents", documents);

        // Documents: told by content, not name; too large refused; continuing without the required one explained.
        var docs = await client.GetPageAsync(documents);
        var renamed = await Html.ParseAsync(await UploadAsync(client, docs, "benefit-certificate", "certificate.pdf", "MZ not a pdf"u8.ToArray(), "application/pdf"));
        Assert.Equal("오류: PDF, JPG, PNG 파일만 올릴 수 있습니다. 사진이나 스캔한 파일을 올려 주세요.", renamed.InlineError("Upload"));
        var huge = new byte[5 * 1024 * 1024 + 1];
        Pdf.CopyTo(huge, 0);
        var tooLarge = await Html.ParseAsync(await UploadAsync(client, docs, "benefit-certificate", "big.pdf", huge, "application/pdf"));
        Assert.Equal("오류: 파일이 너무 큽니다. 5MB 이하로 올려 주세요.", tooLarge.InlineError("Upload"));
        var skipped = await Html.ParseAsync(await client.SubmitAsync(docs, [new("action", "continue")], "form[enctype='multipart/form-data']"));
        Assert.Contains("필수 서류를 올려 주세요: 수급자 증명서", skipped.ErrorSummary().Single());
        Assert.Equal(documents, Html.RedirectedTo(await UploadAsync(client, docs, "benefit-certificate", "../../증명서.jpeg", Picture(SKEncodedImageFormat.Jpeg), "image/jpeg")));
        docs = await client.GetPageAsync(documents);
        Assert.Equal(documents, Html.RedirectedTo(await UploadAsync(client, docs, "benefit-certificate", "scan.png", Pdf, "image/png")));
        docs = await client.GetPageAsync(documents);
        Assert.Equal(["증명서.jpg", "scan.pdf"], docs.QuerySelectorAll("[data-documents] tbody tr td:nth-child(2)").Select(td => td.TextContent.Split(" (")[0]));
        var check = Html.RedirectedTo(await client.SubmitAsync(docs, [new("action", "continue")], "form[enctype='multipart/form-data']"));
        Assert.EndsWith("/check", check);

        // Check your answers: every answer with its change link; changing one comes back here.
        var checkPage = await client.GetPageAsync(check);
        Assert.Contains("세종대로 110, 101동 202호", checkPage.QuerySelector("[data-answer=address]")!.TextContent);
        Assert.Contains("차상위계층, 한부모가족 지원", checkPage.QuerySelector("[data-answer=benefits]")!.TextContent);
        Assert.NotNull(checkPage.QuerySelector("[data-verify-note]")); // the benefit rule needs a document seen by staff
        var change = checkPage.QuerySelector("[data-answer=contact] a")!.GetAttribute("href")!;
        var changePage = await client.GetPageAsync(change);
        Assert.Equal("김민수", changePage.QuerySelector("#ApplicantName")!.GetAttribute("value"));
        Assert.Equal(check, Html.RedirectedTo(await client.SubmitAsync(changePage, [new("ApplicantName", "김민수"), new("Phone", "010-9876-5432")])));

        var undeclared = await SendAsync(client, reference, declare: false);
        Assert.Equal(["보내기 전에 내용이 사실임을 확인해 주세요."], undeclared.ErrorSummary());
        var confirmation = await SendAsync(client, reference);
        Assert.Equal(reference, confirmation.QuerySelector("[data-confirmation] [data-reference]")!.TextContent);
        Assert.Equal("Submitted", confirmation.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.Equal(2, confirmation.QuerySelectorAll("[data-documents] li").Length);

        // Sent: the questions are closed, the history says who did what under which role, the documents come back as sent.
        Assert.Equal($"/inclusion/applications/{reference}", Html.RedirectedTo(await client.GetAsync(first)));
        var stored = await app.WithDbAsync(async db =>
        {
            var a = await db.Set<InclusionApplication>().SingleAsync(x => x.Reference == reference);
            var events = await db.Set<ApplicationEvent>().Where(e => e.ApplicationId == a.Id).OrderBy(e => e.Id).ToListAsync();
            return (a, events);
        });
        Assert.Equal(("010-9876-5432", "11140:세종대로110101동202호", ApplicationChannel.Online), (stored.a.ApplicantPhone, stored.a.HouseholdKey, stored.a.Channel));
        Assert.Equal([(null, ApplicationState.Draft), (ApplicationState.Draft, ApplicationState.Submitted)], stored.events.Select(e => (e.From, e.To)));
        Assert.All(stored.events, e => Assert.Equal((stored.a.ApplicantUserId, "applicant"), (e.ActorId, e.ActorRole)));
        var link = confirmation.QuerySelector("[data-documents] li a")!.GetAttribute("href")!;
        var download = await client.GetAsync(link);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Picture(SKEncodedImageFormat.Jpeg), await download.Content.ReadAsByteArrayAsync());
        var stranger = await app.SignedUpCitizenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/inclusion/applications/{reference}")).StatusCode);

        // Applying again to the same programme leads back to the application in progress.
        var again = await client.GetPageAsync("/inclusion/pc-handout");
        Assert.Contains(reference, again.QuerySelector("[data-existing]")!.TextContent);
        Assert.Equal($"/inclusion/applications/{reference}", Html.RedirectedTo(await client.SubmitAsync(programme, [])));
        var mine = await client.GetPageAsync("/inclusion/applications");
        Assert.Equal(reference, mine.QuerySelector("[data-applications] tbody a")!.TextContent);
    }

    [Fact]
    public async Task Answers_that_do_not_meet_a_rule_are_explained_before_sending_and_each_programme_asks_only_what_it_needs()
    {
        var senior = await app.SignedUpCitizenAsync();
        var (reference, check) = await AnswerAsync(senior, "senior-smart-class", "종로 1길 5", birth: "1970-02-01");
        var page = await senior.GetPageAsync(check);
        Assert.Equal(["contact", "address", "birth"], page.QuerySelectorAll("[data-answer]").Select(d => d.GetAttribute("data-answer")!));
        Assert.Contains("만 60세 이상 어르신이 신청할 수 있습니다.", page.QuerySelector("[data-blocked]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-submit]"));
        var forced = await senior.PostAsync(check, new FormUrlEncodedContent([new("Declaration", "true")]));
        Assert.NotEqual(HttpStatusCode.Redirect, forced.StatusCode); // no antiforgery token: refused, nothing sent
        var birth = await senior.GetPageAsync($"/inclusion/apply/{reference}/birth?change=true");
        var future = await Html.ParseAsync(await senior.SubmitAsync(birth, [new("BirthDate", "2030-01-01")]));
        Assert.Equal("오류: 생년월일은 오늘 이전의 실제 날짜여야 합니다.", future.InlineError("BirthDate"));
        await senior.SubmitAsync(birth, [new("BirthDate", "1955-02-01")]);
        Assert.Equal("Submitted", (await SendAsync(senior, reference)).QuerySelector("[data-state]")!.GetAttribute("data-state"));

        // The study licence asks the benefits, age and school level; the device programme the disability and income (for the panel).
        var learner = await app.SignedUpCitizenAsync();
        var (studyReference, studyNext) = await AnswerAsync(learner, "study-licence", "은평로 10, 3층", district: "11380", benefits: ["basic-livelihood"], birth: "2012-03-04", pool: "middle");
        Assert.EndsWith("/documents", studyNext);
        var study = await app.WithDbAsync(db => db.Set<InclusionApplication>().SingleAsync(a => a.Reference == studyReference));
        Assert.Equal(("middle", new DateOnly(2012, 3, 4)), (study.Pool, study.Answers.BirthDate));

        var device = await app.SignedUpCitizenAsync();
        var (deviceReference, _) = await AnswerAsync(device, "assistive-devices", "노원로 20, 1203호", district: "11350",
            income: ("2", "2,100,000원"), disability: "Severe", details: "점자정보단말기가 필요합니다.");
        var answers = (await app.WithDbAsync(db => db.Set<InclusionApplication>().SingleAsync(a => a.Reference == deviceReference))).Answers;
        // 2,100,000 won for two people is 50% of the 2026 median (4,199,292).
        Assert.Equal((2, 2_100_000L, 50, DisabilitySeverity.Severe), (answers.HouseholdSize!.Value, answers.MonthlyIncome!.Value, answers.IncomePercentOfMedian!.Value, answers.Disability!.Value));
    }

    [Fact]
    public async Task Outside_the_window_the_programme_says_when_and_nothing_is_started()
    {
        await app.WithDbAsync(async db =>
        {
            var id = await db.Set<InclusionProgramme>().Where(p => p.Code == "addiction-counselling").Select(p => p.Id).SingleAsync();
            await db.Set<ProgrammeVersion>().Where(v => v.ProgrammeId == id).ExecuteUpdateAsync(s => s
                .SetProperty(v => v.OpensAt, new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)));
        });
        var client = await app.SignedUpCitizenAsync();
        var page = await client.GetPageAsync("/inclusion/addiction-counselling");
        Assert.StartsWith("2026. 7. 1.", page.QuerySelector("[data-closed]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-start]"));
        var token = (await client.GetPageAsync("/inclusion/pc-repair")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await Html.ParseAsync(await client.PostAsync("/inclusion/addiction-counselling?handler=start",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)])));
        Assert.Contains("아직 신청 기간이 아닙니다.", posted.QuerySelector("[data-refusal]")!.TextContent);
        Assert.NotNull((await client.GetPageAsync("/inclusion/applications")).QuerySelector("main a[href='/inclusion']"));
    }

    [Fact]
    public async Task One_household_one_pc_and_not_again_within_two_years_withdrawing_frees_the_place()
    {
        var first = await app.SignedUpCitizenAsync();
        var (firstReference, _) = await AnswerAsync(first, "pc-handout", "Mapo-daero 33, 1502", district: "11440", benefits: ["basic-livelihood"]);
        var docs = await first.GetPageAsync($"/inclusion/apply/{firstReference}/documents");
        await UploadAsync(first, docs, "benefit-certificate", "c.pdf", Pdf, "application/pdf");
        Assert.Equal("Submitted", (await SendAsync(first, firstReference)).QuerySelector("[data-state]")!.GetAttribute("data-state"));

        // Another member of the household, writing the same address differently.
        var second = await app.SignedUpCitizenAsync();
        var (secondReference, _) = await AnswerAsync(second, "pc-handout", "mapo-daero 33 #1502", district: "11440", benefits: ["near-poor"]);
        docs = await second.GetPageAsync($"/inclusion/apply/{secondReference}/documents");
        await UploadAsync(second, docs, "benefit-certificate", "c.png", Picture(SKEncodedImageFormat.Png), "image/png");
        var refused = await SendAsync(second, secondReference);
        Assert.Equal(["같은 가구에서 이미 신청했습니다(가구당 1건). 그 신청을 취하해야 새로 신청할 수 있습니다."], refused.ErrorSummary());

        // The first withdraws: the household's place is free again.
        var status = await first.GetPageAsync($"/inclusion/applications/{firstReference}");
        var unconfirmed = await Html.ParseAsync(await first.SubmitAsync(status, []));
        Assert.Equal("오류: 취하하려면 확인란을 선택하세요.", unconfirmed.InlineError("ConfirmWithdraw"));
        await first.SubmitAsync(status, [new("ConfirmWithdraw", "true")]);
        Assert.Equal("Withdrawn", (await first.GetPageAsync($"/inclusion/applications/{firstReference}")).QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.Equal("Submitted", (await SendAsync(second, secondReference)).QuerySelector("[data-state]")!.GetAttribute("data-state"));

        // Served: a third application from the household is refused until 24 months have passed since the PC was delivered.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<ApplicationIntake>();
            var file = (await intake.FindAsync(secondReference, default))!;
            var staff = new ApplicationActor("staff-1", "Official");
            foreach (var to in new[] { ApplicationState.Verified, ApplicationState.Ranked, ApplicationState.Offered, ApplicationState.Accepted, ApplicationState.Scheduled, ApplicationState.Fulfilled })
                Assert.Null(await intake.MoveAsync(file.Application, to, staff, null, file.Version.Version, default));
            Assert.Contains("‘지원 완료’ 상태의 신청은 ‘접수’(으)로 바꿀 수 없습니다.", await intake.MoveAsync(file.Application, ApplicationState.Submitted, staff, null, null, default));
        }
        var third = await app.SignedUpCitizenAsync();
        var (thirdReference, _) = await AnswerAsync(third, "pc-handout", "MAPO-DAERO 33, 1502", district: "11440", benefits: ["single-parent"]);
        docs = await third.GetPageAsync($"/inclusion/apply/{thirdReference}/documents");
        await UploadAsync(third, docs, "benefit-certificate", "c.pdf", Pdf, "application/pdf");
        Assert.Equal(["이 가구는 최근 지원을 받았습니다. 24개월이 지난 2028. 6. 15.부터 다시 신청할 수 있습니다."], (await SendAsync(third, thirdReference)).ErrorSummary());
        await app.WithDbAsync(db => db.Set<HouseholdClaim>().Where(c => c.HouseholdKey == "11440:mapodaero331502")
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ServedAt, new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc))));
        Assert.Equal("Submitted", (await SendAsync(third, thirdReference)).QuerySelector("[data-state]")!.GetAttribute("data-state"));
    }

    /// <summary>Drafts ready to send, made straight in the database (the pages are tested above).</summary>
    private Task<List<string>> DraftsAsync(string code, int count, Func<int, string> address) =>
        InclusionData.ApplicationsAsync(app, code, count, ApplicationState.Draft, userId: i => $"user-{i}", address: address);

    private async Task<List<string?>> SubmitAllAtOnceAsync(IEnumerable<string> references)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = references.Select(async reference =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var intake = scope.ServiceProvider.GetRequiredService<ApplicationIntake>();
            var file = (await intake.FindAsync(reference, default))!;
            await start.WaitAsync();
            return await intake.SubmitAsync(file, new ApplicationActor(file.Application.EnteredBy, ApplicationActor.ApplicantRole), default);
        }).ToList();
        start.Release(tasks.Count);
        return [.. await Task.WhenAll(tasks)];
    }

    [Fact]
    public async Task Applications_from_one_household_arriving_at_once_and_a_full_round_never_go_over_their_limits()
    {
        // Counselling allows three applications per household: eight at once from one flat, three get in.
        var sameFlat = await DraftsAsync("addiction-counselling", 8, _ => "불광로 1, 101호");
        await app.WithDbAsync(db => db.Set<ProgrammeVersion>().Join(db.Set<InclusionProgramme>().Where(p => p.Code == "addiction-counselling"), v => v.ProgrammeId, p => p.Id, (v, p) => v)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.OpensAt, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        var results = await SubmitAllAtOnceAsync(sameFlat);
        Assert.Equal(3, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), r => Assert.StartsWith("같은 가구에서 이미 신청했습니다(가구당 3건)", r));
        var claims = await app.WithDbAsync(db => db.Set<HouseholdClaim>().Where(c => c.HouseholdKey == "11110:불광로1101호").Select(c => c.Slot).OrderBy(s => s).ToListAsync());
        Assert.Equal([1, 2, 3], claims);

        // A round limited to five applications: twenty households at once, five get in, the rest hear it is full.
        await app.WithDbAsync(db => db.Set<ProgrammeVersion>().Join(db.Set<InclusionProgramme>().Where(p => p.Code == "pc-repair"), v => v.ProgrammeId, p => p.Id, (v, p) => v)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.ApplicationLimit, 5)));
        var households = await DraftsAsync("pc-repair", 20, i => $"통일로 {i + 1}");
        results = await SubmitAllAtOnceAsync(households);
        Assert.Equal(5, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), r => Assert.Equal("이번 모집의 신청이 모두 찼습니다. 다음 모집 때 다시 신청해 주세요.", r));
        var active = await app.WithDbAsync(db => db.Set<InclusionProgramme>().Where(p => p.Code == "pc-repair").Select(p => p.RoundApplications).SingleAsync());
        Assert.Equal(5, active);
        Assert.Equal(5, await app.WithDbAsync(db => db.Set<InclusionApplication>().CountAsync(a => households.Contains(a.Reference) && a.State == ApplicationState.Submitted)));
    }
}

/// <summary>A programme whose places are split by district: applicants compete for their own district's places.</summary>
public sealed class DistrictPoolTests(InclusionClockApp app) : IClassFixture<InclusionClockApp>
{
    [Fact]
    public async Task An_applicant_is_placed_in_their_districts_pool_and_a_district_without_places_is_told_so()
    {
        await InclusionData.SetAsync(app, "addiction-counselling", v =>
        {
            v.PoolBasis = CityHall.Web.Modules.Inclusion.Programmes.PoolBasis.District;
            v.Pools = [new("11110", "종로구", "Jongno-gu", 1500), new("11140", "중구", "Jung-gu", 500)];
        });
        async Task<(string Reference, IDocument Sent)> ApplyAsync(string district)
        {
            var client = await app.SignedUpCitizenAsync();
            var programme = await client.GetPageAsync("/inclusion/addiction-counselling");
            var next = (await client.SubmitAsync(programme, [])).Headers.Location!.OriginalString;
            var reference = next.Split('/')[3];
            await client.SubmitAsync(await client.GetPageAsync(next), [new("ApplicantName", "정상담"), new("Phone", "010-3333-4444")]);
            await client.SubmitAsync(await client.GetPageAsync($"/inclusion/apply/{reference}/address"), [new("District", district), new("Address", "시험로 5, 201호")]);
            await client.SubmitAsync(await client.GetPageAsync($"/inclusion/apply/{reference}/details"), [new("Details", "아이의 스마트폰 사용이 걱정됩니다.")]);
            var check = await client.GetPageAsync($"/inclusion/apply/{reference}/check");
            if (check.QuerySelector("[data-blocked]") is not null) return (reference, check);
            var response = await client.SubmitAsync(check, [new("Declaration", "true")]);
            return (reference, response.StatusCode == HttpStatusCode.Redirect ? await client.GetPageAsync(response.Headers.Location!.OriginalString) : await Html.ParseAsync(response));
        }
        var (jongno, sent) = await ApplyAsync("11110");
        Assert.Equal("Submitted", sent.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.Equal("11110", (await InclusionData.LoadAsync(app, [jongno]))[jongno].Pool);
        var (_, refused) = await ApplyAsync("11680");
        Assert.Contains("사는 자치구에 배정된 자리가 없습니다", refused.QuerySelector("[data-blocked]")!.TextContent);
    }
}
