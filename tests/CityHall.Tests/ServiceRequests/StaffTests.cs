using System.Net;
using AngleSharp.Dom;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.ServiceRequests;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.ServiceRequests;

/// <summary>
/// Officials handle their departments' cases: queue, assignment, stages with answers, replies from
/// templates, internal notes, one extension, transfer, duplicates, CSV. Every change is in the
/// history and the audit log, and the citizen hears of it by the channels chosen on the report.
/// </summary>
public sealed class StaffTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private async Task<(HttpClient Citizen, string Email, string Reference)> RoadDamageAsync(string description = "육교 아래 도로가 움푹 패였습니다.")
    {
        var email = $"citizen-{Guid.NewGuid():N}@example.org";
        var citizen = await app.SignedUpCitizenAsync(email);
        var reference = ReportPagesTests.ReferenceOf(await ReportPagesTests.ReportAsync(citizen, "road-damage",
            "address=" + Uri.EscapeDataString("강남구 테헤란로 100"), new()
            {
                ["attribute[damage_type]"] = "pothole", ["Input.Description"] = description, ["Input.IsPublic"] = "true", ["Input.NotifyByEmail"] = "true",
            }));
        return (citizen, email, reference);
    }

    private async Task<(HttpClient Client, string UserId)> OfficialAsync(string department)
    {
        var email = $"official-{Guid.NewGuid():N}@city.example";
        var client = await app.SignedInStaffAsync(Roles.Official, email, department);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (client, id);
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient official, IDocument page, string handler, Dictionary<string, string> values) =>
        official.SubmitAsync(page, values, $"form[action*='handler={handler}']");

    private Task<ServiceRequest> CaseAsync(string reference) =>
        app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Reference == reference));

    [Fact]
    public async Task An_official_works_a_case_from_assignment_to_answer_and_the_citizen_sees_each_stage()
    {
        var (citizen, email, reference) = await RoadDamageAsync();
        var (official, officialId) = await OfficialAsync("transport");

        var queue = await official.GetPageAsync("/admin/service-requests?service=road-damage&sort=newest");
        Assert.NotNull(queue.QuerySelector($"[data-queue] tr[data-reference='{reference}']"));
        var page = await official.GetPageAsync($"/admin/service-requests/{reference}");
        Assert.Contains("남음", page.QuerySelector("[data-clock]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("포트홀", page.QuerySelector("[data-attribute=damage_type]")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(official, page, "Assign", new() { ["HandlerId"] = officialId })).StatusCode);
        Assert.Equal(RequestStatus.Assigned, (await CaseAsync(reference)).Status);
        page = await official.GetPageAsync($"/admin/service-requests/{reference}");
        await ActAsync(official, page, "Note", new() { ["NoteText"] = "현장 확인 필요. 시공사 하자보수 기간 확인할 것." });
        await ActAsync(official, page, "Status", new() { ["NewStatus"] = "InProgress", ["Answer"] = "" });

        // One extension, the citizen told why; not a second.
        var due = (await CaseAsync(reference)).DueAt!.Value;
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(official, page, "Extend", new() { ["ExtendReason"] = "포장 업체 일정으로 작업이 다음 주에 가능합니다." })).StatusCode);
        var extended = await CaseAsync(reference);
        Assert.Equal(RequestStatus.Waiting, extended.Status);
        Assert.True(extended.DueAt!.Value >= due.AddDays(7), "seven more working days");
        Assert.Contains("포장 업체 일정", (await app.LastEmailToAsync(email))!.Body, StringComparison.Ordinal);
        var again = await Html.ParseAsync(await ActAsync(official, page, "Extend", new() { ["ExtendReason"] = "또 연장" }));
        Assert.Single(again.ErrorSummary());
        Assert.Equal(extended.DueAt, (await CaseAsync(reference)).DueAt);

        // Resolving needs an answer.
        var noAnswer = await Html.ParseAsync(await ActAsync(official, page, "Status", new() { ["NewStatus"] = "Resolved", ["Answer"] = "" }));
        Assert.Single(noAnswer.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(official, page, "Status",
            new() { ["NewStatus"] = "Resolved", ["Answer"] = "11월 30일 포트홀을 보수했습니다. 알려 주셔서 감사합니다." })).StatusCode);

        var done = await CaseAsync(reference);
        Assert.Equal(RequestStatus.Resolved, done.Status);
        Assert.NotNull(done.ClosedAt);
        Assert.Equal([CaseEventKind.Received, CaseEventKind.Assigned, CaseEventKind.Note, CaseEventKind.Note, CaseEventKind.Status, CaseEventKind.Extended, CaseEventKind.Status],
            done.Events.OrderBy(e => e.Id).Select(e => e.Kind));
        var audited = await app.WithDbAsync(db => db.Set<Web.Platform.Audit.AuditEntry>().Where(a => a.TargetId == reference).Select(a => a.Action).ToListAsync());
        Assert.Equal(["servicerequest.assign", "servicerequest.extend", "servicerequest.note", "servicerequest.status", "servicerequest.status"], audited.Order());

        // The citizen sees the stages and the answer, never the internal notes or the official's name.
        var tracked = await citizen.GetPageAsync($"/reports/{reference}");
        var history = tracked.QuerySelector("[data-history]")!.TextContent;
        Assert.Contains("11월 30일 포트홀을 보수했습니다", history, StringComparison.Ordinal);
        Assert.Contains("포장 업체 일정", history, StringComparison.Ordinal);
        Assert.DoesNotContain("하자보수", tracked.Source.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("직원", history, StringComparison.Ordinal);
        Assert.NotNull(tracked.QuerySelector("form[action*='handler=Rate']"));
        // The Open311 view agrees.
        var open311 = await Open311Client.JsonOfAsync(await app.CreateClient().GetAsync($"/open311/v2/requests/{reference}.json?jurisdiction_id=seoul.go.kr"));
        Assert.Equal("closed", open311[0].GetProperty("status").GetString());
        Assert.StartsWith("11월 30일", open311[0].GetProperty("status_notes").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_report_is_read_only_by_its_reporter_and_the_responsible_department_signed_in_with_two_factor()
    {
        var reporter = await app.SignedUpCitizenAsync();
        var reference = ReportPagesTests.ReferenceOf(await ReportPagesTests.ReportAsync(reporter, "women-safety",
            "address=" + Uri.EscapeDataString("관악구 신림로 1 골목"), new()
            {
                ["Input.Description"] = "화장실 환풍구에 불법촬영 카메라가 있습니다.", ["Input.IsPublic"] = "false",
            }, ("x.jpg", ReportPagesTests.Photo())));
        Assert.Equal("safety", (await CaseAsync(reference)).DepartmentCode);

        // An official of another department, fully signed in, reads the stage only.
        var (transport, _) = await OfficialAsync("transport");
        var elsewhere = await transport.GetPageAsync($"/reports/{reference}");
        Assert.NotNull(elsewhere.QuerySelector("[data-status]"));
        Assert.DoesNotContain("불법촬영 카메라", elsewhere.Source.Text, StringComparison.Ordinal);
        Assert.Null(elsewhere.QuerySelector("[data-description]"));
        Assert.Equal(HttpStatusCode.NotFound, (await transport.GetAsync($"/reports/{reference}/photos/1")).StatusCode);

        // An official of the right department who signed in with a password only (no authenticator yet) has no staff rights.
        var passwordOnly = await app.SignedInWithPasswordOnlyAsync(Roles.Official, "safety");
        Assert.DoesNotContain("불법촬영 카메라", (await passwordOnly.GetPageAsync($"/reports/{reference}")).Source.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await passwordOnly.GetAsync($"/reports/{reference}/photos/1")).StatusCode);

        // The responsible department, with two factors, reads it and replies; the reply is for the reporter, not for the reference holder.
        var (safety, _) = await OfficialAsync("safety");
        Assert.Contains("불법촬영 카메라", (await safety.GetPageAsync($"/reports/{reference}")).Source.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await safety.GetAsync($"/reports/{reference}/photos/1")).StatusCode);
        var work = await safety.GetPageAsync($"/admin/service-requests/{reference}");
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(safety, work, "Reply", new() { ["ReplyText"] = "신림지구대와 함께 현장을 점검하겠습니다." })).StatusCode);
        Assert.Contains("신림지구대와 함께", (await reporter.GetPageAsync($"/reports/{reference}")).Source.Text, StringComparison.Ordinal);
        var stranger = await app.SignedUpCitizenAsync();
        Assert.DoesNotContain("신림지구대와 함께", (await stranger.GetPageAsync($"/reports/{reference}")).Source.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("신림지구대와 함께", (await transport.GetPageAsync($"/reports/{reference}")).Source.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_departments_and_citizens_cannot_open_a_case_and_a_transfer_moves_it_with_a_note_for_the_new_department()
    {
        var (citizen, _, reference) = await RoadDamageAsync();
        var (transport, _) = await OfficialAsync("transport");
        var (safety, _) = await OfficialAsync("safety");

        Assert.Equal(HttpStatusCode.Forbidden, (await safety.GetAsync($"/admin/service-requests/{reference}")).StatusCode);
        Assert.Null((await safety.GetPageAsync("/admin/service-requests?status=all")).QuerySelector($"tr[data-reference='{reference}']"));
        Assert.NotEqual(HttpStatusCode.OK, (await citizen.GetAsync($"/admin/service-requests/{reference}")).StatusCode);

        var page = await transport.GetPageAsync($"/admin/service-requests/{reference}");
        var noNote = await Html.ParseAsync(await ActAsync(transport, page, "Transfer", new() { ["TransferTo"] = "safety", ["TransferNote"] = "" }));
        Assert.Single(noNote.ErrorSummary());
        var moved = await ActAsync(transport, page, "Transfer", new() { ["TransferTo"] = "safety", ["TransferNote"] = "육교 구조물 문제로 보여 안전총괄과 소관입니다." });
        Assert.Equal("/admin/service-requests?done=transfer", moved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await transport.GetAsync($"/admin/service-requests/{reference}")).StatusCode);
        var there = await safety.GetPageAsync($"/admin/service-requests/{reference}");
        Assert.Equal("safety", there.QuerySelector("[data-department]")!.GetAttribute("data-department"));
        Assert.Contains("안전총괄과 소관", there.QuerySelector("[data-history]")!.TextContent, StringComparison.Ordinal);
        var tracked = await citizen.GetPageAsync($"/reports/{reference}");
        Assert.NotNull(tracked.QuerySelector("[data-history] [data-event=Transferred]"));
        Assert.DoesNotContain("안전총괄과 소관", tracked.Source.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_is_closed_and_its_reporter_follows_the_original()
    {
        var (_, _, original) = await RoadDamageAsync("테헤란로 100 앞 포트홀");
        var (second, _, duplicate) = await RoadDamageAsync("테헤란로 100 앞에 구멍이 있어요");
        var (official, _) = await OfficialAsync("transport");
        var page = await official.GetPageAsync($"/admin/service-requests/{duplicate}");
        Assert.Single((await Html.ParseAsync(await ActAsync(official, page, "Duplicate", new() { ["Original"] = "260101-XXXX-XXXX" }))).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(official, page, "Duplicate", new() { ["Original"] = original.ToLowerInvariant() })).StatusCode);
        Assert.Equal(RequestStatus.Duplicate, (await CaseAsync(duplicate)).Status);
        Assert.Contains(original, (await second.GetPageAsync("/reports/mine")).QuerySelector("[data-list=followed]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_filters_overdue_cases_counts_them_by_department_and_exports_csv()
    {
        var (_, _, late) = await RoadDamageAsync("오래된 포트홀 신고");
        var (_, _, fresh) = await RoadDamageAsync("새로 생긴 포트홀 신고");
        await app.WithDbAsync(db => db.Set<ServiceRequest>().Where(r => r.Reference == late)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.DueAt, DateTime.UtcNow.AddDays(-2)).SetProperty(r => r.RequestedAt, DateTime.UtcNow.AddDays(-12))));
        var admin = await app.SignedInStaffAsync(Roles.Administrator);

        var overdue = await admin.GetPageAsync("/admin/service-requests?overdue=true&department=transport");
        Assert.NotNull(overdue.QuerySelector($"tr[data-reference='{late}'][data-overdue=true]"));
        Assert.Null(overdue.QuerySelector($"tr[data-reference='{fresh}']"));
        Assert.NotNull(overdue.QuerySelector("[data-overdue-departments] [data-department=transport]"));
        var dueToday = await admin.GetPageAsync("/admin/service-requests?due=today&department=transport");
        Assert.NotNull(dueToday.QuerySelector($"tr[data-reference='{late}']"));
        Assert.Null(dueToday.QuerySelector($"tr[data-reference='{fresh}']"));
        var oldest = await admin.GetPageAsync("/admin/service-requests?sort=oldest&service=road-damage&status=all");
        var order = oldest.QuerySelectorAll("[data-queue] tbody tr").Select(r => r.GetAttribute("data-reference")).ToList();
        Assert.True(order.IndexOf(late) < order.IndexOf(fresh));

        var csv = await admin.GetAsync("/admin/service-requests?handler=Csv&overdue=true&department=transport");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("reference,service,status,district,department", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith(late, StringComparison.Ordinal) && l.Contains(",yes,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith(fresh, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Departments_keep_reply_templates_that_fill_the_reply_box()
    {
        var (_, _, reference) = await RoadDamageAsync();
        var (official, _) = await OfficialAsync("transport");
        var templates = await official.GetPageAsync("/admin/service-requests/templates");
        var refused = await Html.ParseAsync(await official.SubmitAsync(templates, new Dictionary<string, string>
            { ["Input.Department"] = "welfare", ["Input.Title"] = "남의 부서", ["Input.Body"] = "x" }, "form[action*='handler=Add']"));
        Assert.Single(refused.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await official.SubmitAsync(templates, new Dictionary<string, string>
            { ["Input.Department"] = "transport", ["Input.Title"] = "보수 완료", ["Input.Body"] = "요청하신 곳의 보수를 마쳤습니다. 감사합니다." },
            "form[action*='handler=Add']")).StatusCode);

        var page = await official.GetPageAsync($"/admin/service-requests/{reference}");
        var link = page.QuerySelectorAll("[data-templates] a").Single(a => a.TextContent == "보수 완료").GetAttribute("href")!;
        var filled = await official.GetPageAsync(link);
        Assert.Equal("요청하신 곳의 보수를 마쳤습니다. 감사합니다.", filled.QuerySelector("textarea[name=ReplyText]")!.TextContent);

        var list = await official.GetPageAsync("/admin/service-requests/templates");
        Assert.Equal(HttpStatusCode.Redirect, (await official.SubmitAsync(list, [], "[data-templates] form")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ReplyTemplate>().CountAsync(x => x.Title == "보수 완료")));
    }
}
