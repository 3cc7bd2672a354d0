using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Inclusion;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Fulfilment;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Inclusion;

/// <summary>
/// The app-business centre's desks through the programme engine: a start-up applies as an organisation (its registration
/// number checked, one application per organisation wherever it is based), the rules look at its years in business and
/// its team, a panel ranks the verified ones, and staff allocate desks that no two residents hold at once.
/// </summary>
public sealed class OrganisationTests(InclusionClockApp app) : IClassFixture<InclusionClockApp>
{
    private const string Code = "app-business-centre";

    /// <summary>Answers every question up to the documents page; returns the application's reference and that page.</summary>
    private static async Task<(string Reference, string Next)> ApplyAsync(HttpClient founder, string number, string founded, string team,
        string name = "주식회사 버스알림", string district = "11440", string address = "월드컵북로 396, 3층")
    {
        var programme = await founder.GetPageAsync($"/inclusion/{Code}");
        var next = Html.RedirectedTo(await founder.SubmitAsync(programme, []));
        var reference = next.Split('/')[3];
        Assert.EndsWith("/contact", next);
        next = Html.RedirectedTo(await founder.SubmitAsync(await founder.GetPageAsync(next), [new("ApplicantName", "이서연"), new("Phone", "010-3456-7890")]));
        Assert.EndsWith("/organisation", next);
        next = Html.RedirectedTo(await founder.SubmitAsync(await founder.GetPageAsync(next),
            [new("OrganisationName", name), new("RegistrationNumber", number), new("FoundedOn", founded), new("TeamSize", team)]));
        Assert.EndsWith("/office", next);
        next = Html.RedirectedTo(await founder.SubmitAsync(await founder.GetPageAsync(next), [new("District", district), new("Address", address)]));
        Assert.EndsWith("/details", next);
        next = Html.RedirectedTo(await founder.SubmitAsync(await founder.GetPageAsync(next), [new("Details", "버스 도착 정보와 공공 와이파이 위치로 출퇴근 길을 안내하는 앱")]));
        Assert.EndsWith("/documents", next);
        return (reference, next);
    }

    private static async Task<string> UploadBothAsync(HttpClient founder, string documents)
    {
        foreach (var evidence in new[] { "business-registration", "app-plan" })
            await founder.SubmitMultipartAsync(await founder.GetPageAsync(documents), [new("Evidence", evidence), new("action", "upload")],
                [("Upload", evidence + ".pdf", ApplicationTests.Pdf, "application/pdf")], "form[enctype='multipart/form-data']");
        return Html.RedirectedTo(await founder.SubmitAsync(await founder.GetPageAsync(documents), [new("action", "continue")], "form[enctype='multipart/form-data']"));
    }

    private static async Task<AngleSharp.Dom.IDocument> SendAsync(HttpClient founder, string reference)
    {
        var check = await founder.GetPageAsync($"/inclusion/apply/{reference}/check");
        var response = await founder.SubmitAsync(check, [new("Declaration", "true")]);
        return response.StatusCode == HttpStatusCode.Redirect ? await founder.GetPageAsync(response.Headers.Location!.OriginalString) : await Html.ParseAsync(response);
    }

    [Fact]
    public async Task A_start_up_applies_as_an_organisation_checked_by_its_number_founding_day_and_team_once_per_organisation()
    {
        // The programme page speaks of organisations, not households.
        var page = await app.CreateClient().GetPageAsync($"/inclusion/{Code}");
        Assert.Contains("한 기업(사업자등록번호)이 1건까지", page.Source.Text, StringComparison.Ordinal);
        Assert.Contains("창업한 지 7년이 지나지 않은 기업만", page.QuerySelector("[data-rules]")!.TextContent, StringComparison.Ordinal);

        // Bad answers on the organisation page: a number whose check digit is wrong, a founding day to come, nobody working.
        var founder = await app.SignedUpCitizenAsync();
        var start = Html.RedirectedTo(await founder.SubmitAsync(await founder.GetPageAsync($"/inclusion/{Code}"), []));
        var reference = start.Split('/')[3];
        await founder.SubmitAsync(await founder.GetPageAsync(start), [new("ApplicantName", "이서연"), new("Phone", "010-3456-7890")]);
        var organisation = await founder.GetPageAsync($"/inclusion/apply/{reference}/organisation");
        var refused = await Html.ParseAsync(await founder.SubmitAsync(organisation,
            [new("OrganisationName", "주식회사 버스알림"), new("RegistrationNumber", "124-81-00997"), new("FoundedOn", "2026-07-01"), new("TeamSize", "0")]));
        Assert.Equal(3, refused.ErrorSummary().Length);
        Assert.Contains("사업자등록번호", refused.InlineError("RegistrationNumber"), StringComparison.Ordinal);
        Assert.NotEmpty(refused.InlineError("FoundedOn")!);
        Assert.NotEmpty(refused.InlineError("TeamSize")!);
        Assert.Null(await app.WithDbAsync(db => db.Set<InclusionApplication>().Where(a => a.Reference == reference).Select(a => a.Answers.Organisation).SingleAsync()));

        // Written without hyphens, kept as the certificate writes it; the organisation is one "household" by its number.
        await founder.SubmitAsync(organisation, [new("OrganisationName", "주식회사 버스알림"), new("RegistrationNumber", "1248100998"), new("FoundedOn", "2023-03-02"), new("TeamSize", "4")]);
        var office = await founder.GetPageAsync($"/inclusion/apply/{reference}/office");
        Assert.Equal("사업장 소재지", office.QuerySelector("h1")!.TextContent);
        await founder.SubmitAsync(office, [new("District", "11440"), new("Address", "월드컵북로 396, 3층")]);
        var details = Html.RedirectedTo(await founder.SubmitAsync(await founder.GetPageAsync($"/inclusion/apply/{reference}/details"), [new("Details", "공공 와이파이 지도 앱")]));
        var stored = await app.WithDbAsync(db => db.Set<InclusionApplication>().AsNoTracking().SingleAsync(a => a.Reference == reference));
        Assert.Equal(new OrganisationAnswer("주식회사 버스알림", "124-81-00998", new DateOnly(2023, 3, 2), 4), stored.Answers.Organisation);
        Assert.Equal("org:1248100998", stored.HouseholdKey);

        Assert.EndsWith("/check", await UploadBothAsync(founder, details));
        var check = await founder.GetPageAsync($"/inclusion/apply/{reference}/check");
        Assert.Equal(["contact", "organisation", "office", "details", "documents"], check.QuerySelectorAll("[data-answer]").Select(d => d.GetAttribute("data-answer")!));
        Assert.Contains("124-81-00998", check.QuerySelector("[data-answer=organisation]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("4명", check.QuerySelector("[data-answer=organisation]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(check.QuerySelector("[data-blocked]"));
        Assert.Equal("Submitted", (await SendAsync(founder, reference)).QuerySelector("[data-state]")!.GetAttribute("data-state"));

        // Its co-founder, from another office and with the number spaced out, cannot hold a second application for it.
        var cofounder = await app.SignedUpCitizenAsync();
        var (second, secondDocuments) = await ApplyAsync(cofounder, "124 81 00998", "2023-03-02", "4", district: "11110", address: "세종대로 110, 5층");
        await UploadBothAsync(cofounder, secondDocuments);
        var twice = await SendAsync(cofounder, second);
        Assert.Contains("이 기업(사업자등록번호)은 이미 신청했습니다", string.Join(" ", twice.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Draft, await app.WithDbAsync(db => db.Set<InclusionApplication>().Where(a => a.Reference == second).Select(a => a.State).SingleAsync()));

        // Founded more than 7 years before today (15 June 2026 in Seoul), or 11 people: the rule says so in its own words, before sending.
        var old = await app.SignedUpCitizenAsync();
        var (oldReference, oldDocuments) = await ApplyAsync(old, "220-81-62517", "2019-06-14", "4", name: "오래된 회사");
        await UploadBothAsync(old, oldDocuments);
        var blocked = await old.GetPageAsync($"/inclusion/apply/{oldReference}/check");
        Assert.Contains("창업한 지 7년이 지나지 않은 기업만", blocked.QuerySelector("[data-blocked]")!.TextContent, StringComparison.Ordinal);
        var organisationPage = await old.GetPageAsync($"/inclusion/apply/{oldReference}/organisation?change=true");
        await old.SubmitAsync(organisationPage, [new("OrganisationName", "오래된 회사"), new("RegistrationNumber", "220-81-62517"), new("FoundedOn", "2019-06-16"), new("TeamSize", "11")]);
        blocked = await old.GetPageAsync($"/inclusion/apply/{oldReference}/check");
        Assert.Contains("10명 이하인 기업만", blocked.QuerySelector("[data-blocked]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_panel_ranks_verified_start_ups_and_staff_allocate_desks_that_no_two_residents_hold_at_once()
    {
        await InclusionData.SetAsync(app, Code, v => v.Quota = 2);
        var references = await InclusionData.ApplicationsAsync(app, Code, 3, ApplicationState.Verified);
        var staff = await app.SignedInStaffAsync(Roles.Official);
        async Task ScoreAsync(string reference, int idea, int data, int feasibility, int team)
        {
            var page = await staff.GetPageAsync($"/admin/inclusion/applications/{reference}");
            Assert.EndsWith("?done=score", Html.RedirectedTo(await staff.SubmitAsync(page,
                [new("Score[idea]", $"{idea}"), new("Score[public-data]", $"{data}"), new("Score[feasibility]", $"{feasibility}"), new("Score[team]", $"{team}")], "form[data-score]")));
        }
        // Weighted 0.3, 0.25, 0.25, 0.2: 63.5, 84.75 and 56.
        await ScoreAsync(references[0], 70, 50, 70, 65);
        await ScoreAsync(references[1], 80, 95, 85, 78);
        await ScoreAsync(references[2], 40, 80, 50, 55);
        var published = Html.RedirectedTo(await staff.SubmitAsync(await staff.GetPageAsync($"/admin/inclusion/{Code}/selection"), []));
        var run = await app.CreateClient().GetPageAsync(published);
        Assert.Equal([references[1], references[0]], run.QuerySelectorAll("[data-selected] li").Select(li => li.TextContent));
        Assert.Equal([references[2]], run.QuerySelectorAll("[data-waitlist] li").Select(li => li.TextContent));

        async Task<AngleSharp.Dom.IDocument> ResidencyAsync(string reference, string desk, string from, string until)
        {
            var page = await staff.GetPageAsync($"/admin/inclusion/applications/{reference}");
            if (page.QuerySelector("form[data-accept]") is not null) page = await staff.GetPageAsync(Html.RedirectedTo(await staff.SubmitAsync(page, [], "form[data-accept]")));
            Assert.Equal("입주 책상 배정", page.QuerySelector("form[data-record-form]")!.PreviousElementSibling!.TextContent);
            var response = await staff.SubmitAsync(page, [new("Given.LicenceCode", desk), new("Given.StartsOn", from), new("Given.EndsOn", until)], "form[data-record-form]");
            return response.StatusCode == HttpStatusCode.Redirect ? await staff.GetPageAsync(Html.RedirectedTo(response)) : await Html.ParseAsync(response);
        }
        await ResidencyAsync(references[1], "3f-12", "2027-01-01", "2027-12-31");
        var record = await app.WithDbAsync(db => db.Set<FulfilmentRecord>().AsNoTracking().Join(db.Set<InclusionApplication>().Where(a => a.Reference == references[1]), r => r.ApplicationId, a => a.Id, (r, a) => r).SingleAsync());
        Assert.Equal(("3F-12", new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), (record.LicenceCode, record.StartsOn, record.EndsOn));
        Assert.Equal(ApplicationState.Fulfilled, (await InclusionData.LoadAsync(app, [references[1]]))[references[1]].State);

        // The same desk for a period that overlaps by one day: refused, naming who holds it; the next desk is free.
        var taken = await ResidencyAsync(references[0], "3F-12", "2027-12-31", "2028-06-30");
        Assert.Contains(references[1], Assert.Single(taken.ErrorSummary()), StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Accepted, (await InclusionData.LoadAsync(app, [references[0]]))[references[0]].State);
        // The first resident leaves early: a last day after the recorded end is refused; ended on 30 September 2027, its
        // desk is free from 1 October.
        var holder = await staff.GetPageAsync($"/admin/inclusion/applications/{references[1]}");
        var late = await Html.ParseAsync(await staff.SubmitAsync(holder, [new("EndResidencyOn", "2028-01-05"), new("EndResidencyReason", "해외 법인 이전")], "form[data-end-residency]"));
        Assert.Contains("2027", Assert.Single(late.ErrorSummary()), StringComparison.Ordinal);
        Assert.EndsWith("?done=endresidency", Html.RedirectedTo(await staff.SubmitAsync(holder, [new("EndResidencyOn", "2027-09-30"), new("EndResidencyReason", "해외 법인 이전")], "form[data-end-residency]")));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<CityHall.Web.Platform.Audit.AuditEntry>().CountAsync(a => a.Action == "inclusion.endresidency" && a.TargetId == references[1])));
        var free = await ResidencyAsync(references[0], "3F-12", "2027-10-01", "2028-06-30");
        Assert.Empty(free.ErrorSummary());
        Assert.Equal(ApplicationState.Fulfilled, (await InclusionData.LoadAsync(app, [references[0]]))[references[0]].State);

        // The application's record shows the desk.
        var status = await staff.GetPageAsync($"/admin/inclusion/applications/{references[0]}");
        Assert.Contains("3F-12", status.Source.Text, StringComparison.Ordinal);
    }
}
