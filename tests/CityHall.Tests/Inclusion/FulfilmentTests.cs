using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Inclusion;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Fulfilment;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Inclusion;

/// <summary>Seats, appointment slots and the records of what was given: never over-allocated, booked and changed by citizens, completed by attendance, followed up.</summary>
public sealed class FulfilmentTests(InclusionClockApp app) : IClassFixture<InclusionClockApp>
{
    private async Task<ClassCourse> ClassAsync(int capacity, string title, int daysAhead = 10) => await app.WithDbAsync(async db =>
    {
        var programmeId = await db.Set<InclusionProgramme>().Where(p => p.Code == "senior-smart-class").Select(p => p.Id).SingleAsync();
        var first = app.Clock.GetUtcNow().UtcDateTime.AddDays(daysAhead);
        var course = new ClassCourse
        {
            ProgrammeId = programmeId, TitleKo = title, TitleEn = title, Site = "종로노인복지관", Capacity = capacity, Instructor = "김강사", Supporter = "이보조", CompletionSessions = 3,
            Sessions = [.. Enumerable.Range(0, 4).Select(i => new ClassSession { StartsAt = first.AddDays(7 * i), EndsAt = first.AddDays(7 * i).AddHours(2) })],
        };
        db.Add(course);
        await db.SaveChangesAsync();
        return course;
    });

    [Fact]
    public async Task A_thousand_bookings_at_once_for_a_hundred_seats_book_exactly_a_hundred_and_refuse_the_rest()
    {
        var course = await ClassAsync(100, "동시 예약 시험반");
        var references = await InclusionData.ApplicationsAsync(app, "senior-smart-class", 1000, ApplicationState.Accepted);
        using var start = new SemaphoreSlim(0);
        var tasks = references.Select(async reference =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var intake = scope.ServiceProvider.GetRequiredService<ApplicationIntake>();
            var file = (await intake.FindAsync(reference, default))!;
            await start.WaitAsync();
            return await scope.ServiceProvider.GetRequiredService<Bookings>().BookSeatAsync(file.Application, course.Id, new ApplicationActor("u", ApplicationActor.ApplicantRole), default);
        }).ToList();
        start.Release(tasks.Count);
        var results = await Task.WhenAll(tasks);

        Assert.Equal(100, results.Count(r => r is null));
        Assert.All(results.Where(r => r is not null), r => Assert.Equal("이 반은 자리가 다 찼습니다. 다른 반을 골라 주세요.", r));
        var (booked, seats, scheduled) = await app.WithDbAsync(async db => (
            await db.Set<ClassCourse>().Where(c => c.Id == course.Id).Select(c => c.Booked).SingleAsync(),
            await db.Set<ClassSeat>().CountAsync(s => s.ClassId == course.Id),
            await db.Set<InclusionApplication>().CountAsync(a => references.Contains(a.Reference) && a.State == ApplicationState.Scheduled)));
        Assert.Equal((100, 100, 100), (booked, seats, scheduled));
    }

    [Fact]
    public async Task A_senior_books_a_class_changes_it_completes_it_by_attendance_and_answers_the_follow_up()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var form = await staff.GetPageAsync("/admin/inclusion/senior-smart-class/fulfilment");
        var bad = await Html.ParseAsync(await staff.SubmitAsync(form, [new("NewClass.TitleKo", "기초반"), new("NewClass.Capacity", "0"), new("NewClass.Sessions", "4"), new("NewClass.CompletionSessions", "5")], "form[data-add-class]"));
        Assert.Contains("정원은 1~1,000명입니다.", bad.ErrorSummary());
        Assert.Contains("수료 출석 횟수는 1 이상, 수업 횟수 이하입니다.", bad.ErrorSummary());
        Html.RedirectedTo(await staff.SubmitAsync(form, [new("NewClass.TitleKo", "스마트폰 기초반"), new("NewClass.TitleEn", "Smartphone basics"), new("NewClass.Site", "종로노인복지관 3층"),
            new("NewClass.Capacity", "2"), new("NewClass.Instructor", "김강사"), new("NewClass.Supporter", "이보조"), new("NewClass.FirstSession", "2026-07-01T10:00"),
            new("NewClass.Sessions", "4"), new("NewClass.Minutes", "120"), new("NewClass.EveryDays", "7"), new("NewClass.CompletionSessions", "3")], "form[data-add-class]"));
        var other = await ClassAsync(5, "스마트폰 활용반");
        var created = await app.WithDbAsync(db => db.Set<ClassCourse>().Include(c => c.Sessions).SingleAsync(c => c.TitleKo == "스마트폰 기초반"));
        Assert.Equal(new DateTime(2026, 7, 1, 1, 0, 0, DateTimeKind.Utc), created.Sessions.Min(s => s.StartsAt)); // 10:00 in Seoul

        var email = $"senior-{Guid.NewGuid():N}@example.org";
        var citizen = await app.SignedUpCitizenAsync(email);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var reference = (await InclusionData.ApplicationsAsync(app, "senior-smart-class", 1, ApplicationState.Accepted, userId: _ => userId))[0];
        var status = await citizen.GetPageAsync($"/inclusion/applications/{reference}");
        var none = await Html.ParseAsync(await citizen.SubmitAsync(status, [], "form[data-book]"));
        Assert.Equal(["예약할 반이나 시간을 고르세요."], none.ErrorSummary());
        Html.RedirectedTo(await citizen.SubmitAsync(status, [new("Choice", created.Id.ToString())], "form[data-book]"));
        status = await citizen.GetPageAsync($"/inclusion/applications/{reference}");
        Assert.Equal(created.Id.ToString(), status.QuerySelector("[data-my-class]")!.GetAttribute("data-my-class"));
        Assert.Equal(4, status.QuerySelectorAll("[data-my-class] li").Length);
        // Changing class gives the first seat back.
        Html.RedirectedTo(await citizen.SubmitAsync(status, [new("Choice", other.Id.ToString())], "form[data-book]"));
        var counts = await app.WithDbAsync(db => db.Set<ClassCourse>().Where(c => c.Id == created.Id || c.Id == other.Id).ToDictionaryAsync(c => c.Id, c => c.Booked));
        Assert.Equal((0, 1), (counts[created.Id], counts[other.Id]));

        // Attendance: three of four sessions, then completion records the class as given.
        var roster = await staff.GetPageAsync($"/admin/inclusion/classes/{other.Id}");
        var boxes = roster.QuerySelectorAll($"[data-holder='{reference}'] input[name=present]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(4, boxes.Count);
        Html.RedirectedTo(await staff.SubmitAsync(roster, boxes.Take(3).Select(b => new KeyValuePair<string, string>("present", b)), "form[data-attendance]"));
        roster = await staff.GetPageAsync($"/admin/inclusion/classes/{other.Id}");
        Assert.Equal("3", roster.QuerySelector($"[data-holder='{reference}'] [data-attended]")!.TextContent);
        Html.RedirectedTo(await staff.SubmitAsync(roster, [], "form[data-complete]"));
        Assert.Equal(ApplicationState.Fulfilled, (await InclusionData.LoadAsync(app, [reference]))[reference].State);

        status = await citizen.GetPageAsync($"/inclusion/applications/{reference}");
        var noScore = await Html.ParseAsync(await citizen.SubmitAsync(status, [], "form[data-survey]"));
        Assert.Equal(["만족도를 고르세요."], noScore.ErrorSummary());
        Html.RedirectedTo(await citizen.SubmitAsync(status, [new("SurveyScore", "5"), new("SurveyComment", "손주에게 영상통화를 걸 수 있게 되었어요.")], "form[data-survey]"));
        Assert.Equal(ApplicationState.Closed, (await InclusionData.LoadAsync(app, [reference]))[reference].State);
        var record = await staff.GetPageAsync($"/admin/inclusion/applications/{reference}");
        Assert.Equal("5", record.QuerySelector("[data-survey-score]")!.GetAttribute("data-survey-score"));
    }

    [Fact]
    public async Task A_repair_visit_is_booked_within_its_service_level_and_recorded_when_done()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var form = await staff.GetPageAsync("/admin/inclusion/pc-repair/fulfilment");
        var noModes = await Html.ParseAsync(await staff.SubmitAsync(form, [new("NewSlots.Start", "2026-06-16T14:00"), new("NewSlots.Staffer", "박기사")], "form[data-add-slots]"));
        Assert.Equal(["받는 방식을 하나 이상 고르세요."], noModes.ErrorSummary());
        Html.RedirectedTo(await staff.SubmitAsync(form, [new("NewSlots.Start", "2026-06-16T14:00"), new("NewSlots.Minutes", "60"), new("NewSlots.Capacity", "1"),
            new("NewSlots.Staffer", "박기사"), new("NewSlots.Modes", "Visit"), new("NewSlots.Modes", "Remote"), new("NewSlots.Days", "5")], "form[data-add-slots]"));
        var slots = await app.WithDbAsync(db => db.Set<AppointmentSlot>().Where(s => s.Staffer == "박기사").OrderBy(s => s.StartsAt).ToListAsync());
        Assert.Equal(5, slots.Count);

        var email = $"repair-{Guid.NewGuid():N}@example.org";
        var citizen = await app.SignedUpCitizenAsync(email);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var reference = (await InclusionData.ApplicationsAsync(app, "pc-repair", 1, ApplicationState.Offered, userId: _ => userId))[0];
        var status = await citizen.GetPageAsync($"/inclusion/applications/{reference}");
        Html.RedirectedTo(await citizen.SubmitAsync(status, [], "form[action*=accept]"));
        status = await citizen.GetPageAsync($"/inclusion/applications/{reference}");
        Assert.NotNull(status.QuerySelector("[data-service-due]"));
        // Accepted on 15 June at 10:00: only the slot at 14:00 the next day is within the 2-day service level; later ones are offered but not marked.
        Assert.Equal(1, status.QuerySelectorAll("[data-book] label strong").Length);
        var atCentre = await Html.ParseAsync(await citizen.SubmitAsync(status, [new("Choice", slots[0].Id.ToString()), new("Mode", "AtCentre")], "form[data-book]"));
        Assert.Equal(["이 시간에는 고른 방식으로 받을 수 없습니다. 다른 방식이나 시간을 골라 주세요."], atCentre.ErrorSummary());
        Html.RedirectedTo(await citizen.SubmitAsync(status, [new("Choice", slots[0].Id.ToString()), new("Mode", "Visit")], "form[data-book]"));

        var record = await staff.GetPageAsync($"/admin/inclusion/applications/{reference}");
        Assert.Equal("met", record.QuerySelector("[data-service-level]")!.GetAttribute("data-service-level"));
        var empty = await Html.ParseAsync(await staff.SubmitAsync(record, [], "form[data-record-form]"));
        Assert.Equal(["무엇을 했는지 적어 주세요."], empty.ErrorSummary());
        Html.RedirectedTo(await staff.SubmitAsync(record, [new("Given.Notes", "메모리 교체, 윈도 재설치")], "form[data-record-form]"));
        Assert.Equal(ApplicationState.Fulfilled, (await InclusionData.LoadAsync(app, [reference]))[reference].State);
        // Someone else cannot take the same single-capacity slot.
        var second = (await InclusionData.ApplicationsAsync(app, "pc-repair", 1, ApplicationState.Accepted))[0];
        await using var scope = app.Services.CreateAsyncScope();
        var file = (await scope.ServiceProvider.GetRequiredService<ApplicationIntake>().FindAsync(second, default))!;
        Assert.Equal("이 시간은 예약이 다 찼습니다. 다른 시간을 골라 주세요.",
            await scope.ServiceProvider.GetRequiredService<Bookings>().BookAppointmentAsync(file.Application, slots[0].Id, AppointmentMode.Visit, new ApplicationActor("s", "Official"), default));
    }

    [Fact]
    public async Task Deliveries_licences_and_loans_are_recorded_with_what_the_city_must_know()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official);
        var pc = (await InclusionData.ApplicationsAsync(app, "pc-handout", 1, ApplicationState.Accepted))[0];
        var page = await staff.GetPageAsync($"/admin/inclusion/applications/{pc}");
        var unsigned = await Html.ParseAsync(await staff.SubmitAsync(page, [new("Given.Supplier", "서울시 재활용센터"), new("Given.Item", "재생 PC i5 / 24인치 모니터")], "form[data-record-form]"));
        Assert.Equal(["인수증에 서명한 사람을 적어 주세요."], unsigned.ErrorSummary());
        var notAScan = await Html.ParseAsync(await staff.SubmitMultipartAsync(page, [new("Given.Supplier", "서울시 재활용센터"), new("Given.Item", "재생 PC"), new("Given.ReceiptSignedBy", "신청인 1")],
            [("Receipt", "receipt.pdf", "hello"u8.ToArray(), "application/pdf")], "form[data-record-form]"));
        Assert.Equal(["PDF, JPG, PNG 파일만 올릴 수 있습니다. 사진이나 스캔한 파일을 올려 주세요."], notAScan.ErrorSummary());
        Html.RedirectedTo(await staff.SubmitMultipartAsync(page, [new("Given.Supplier", "서울시 재활용센터"), new("Given.Item", "재생 PC i5 / 24인치 모니터"), new("Given.SerialNumber", "SR-2026-00042"),
            new("Given.Installed", "true"), new("Given.Trained", "true"), new("Given.ReceiptSignedBy", "신청인 1")],
            [("Receipt", "scan.pdf", ApplicationTests.Pdf, "application/pdf")], "form[data-record-form]"));
        var withReceipt = await staff.GetPageAsync($"/admin/inclusion/applications/{pc}");
        Assert.Contains("서명한 인수증", withReceipt.QuerySelector("[data-answer=documents]")!.TextContent);
        var delivered = await app.WithDbAsync(db => db.Set<FulfilmentRecord>().Join(db.Set<InclusionApplication>().Where(a => a.Reference == pc), r => r.ApplicationId, a => a.Id, (r, a) => r).SingleAsync());
        Assert.Equal(("SR-2026-00042", true, true, "신청인 1"), (delivered.SerialNumber, delivered.Installed, delivered.Trained, delivered.ReceiptSignedBy));
        // Served: the household claim now holds it back for the exclusion.
        Assert.NotNull(await app.WithDbAsync(db => db.Set<HouseholdClaim>().Where(c => c.ApplicationId == delivered.ApplicationId).Select(c => c.ServedAt).SingleOrDefaultAsync()));

        var study = (await InclusionData.ApplicationsAsync(app, "study-licence", 1, ApplicationState.Accepted))[0];
        page = await staff.GetPageAsync($"/admin/inclusion/applications/{study}");
        var backwards = await Html.ParseAsync(await staff.SubmitAsync(page, [new("Given.LicenceCode", "SL-7Q2K"), new("Given.StartsOn", "2026-07-01"), new("Given.EndsOn", "2026-06-30")], "form[data-record-form]"));
        Assert.Equal(["이용 종료일은 시작일보다 뒤여야 합니다."], backwards.ErrorSummary());
        Html.RedirectedTo(await staff.SubmitAsync(page, [new("Given.LicenceCode", "SL-7Q2K"), new("Given.StartsOn", "2026-07-01"), new("Given.EndsOn", "2027-06-30")], "form[data-record-form]"));
        Assert.Equal(ApplicationState.Fulfilled, (await InclusionData.LoadAsync(app, [study]))[study].State);

        // A loan programme (a city may run one for tablets): handed over with a deposit and a due date, then returned.
        await InclusionData.LoanProgrammeAsync(app, "tablet-loan");
        var tablet = (await InclusionData.ApplicationsAsync(app, "tablet-loan", 1, ApplicationState.Accepted))[0];
        page = await staff.GetPageAsync($"/admin/inclusion/applications/{tablet}");
        var past = await Html.ParseAsync(await staff.SubmitAsync(page, [new("Given.Item", "태블릿"), new("Given.DueOn", "2026-06-01")], "form[data-record-form]"));
        Assert.Equal(["반납 기한은 오늘 이후여야 합니다."], past.ErrorSummary());
        Html.RedirectedTo(await staff.SubmitAsync(page, [new("Given.Item", "태블릿"), new("Given.SerialNumber", "TAB-9"), new("Given.Deposit", "50000"), new("Given.DueOn", "2026-12-31")], "form[data-record-form]"));
        page = await staff.GetPageAsync($"/admin/inclusion/applications/{tablet}");
        Html.RedirectedTo(await staff.SubmitAsync(page, [new("ReturnCondition", "화면 흠집 없음, 충전기 포함")], "form[data-return]"));
        Assert.Equal(ApplicationState.Returned, (await InclusionData.LoadAsync(app, [tablet]))[tablet].State);
    }
}

/// <summary>After the support is given, on a clock the test moves: the survey comes due, a loan's borrower is reminded, and a returned item goes to the next waiting.</summary>
public sealed class FollowUpTests(InclusionClockApp app) : IClassFixture<InclusionClockApp>
{
    [Fact]
    public async Task Surveys_come_due_after_a_week_borrowers_are_reminded_and_a_returned_item_is_offered_to_the_next_waiting()
    {
        var given = (await InclusionData.ApplicationsAsync(app, "pc-repair", 1, ApplicationState.Accepted))[0];
        await InclusionData.LoanProgrammeAsync(app, "tablet-loan");
        var borrower = (await InclusionData.ApplicationsAsync(app, "tablet-loan", 1, ApplicationState.Accepted))[0];
        var next = (await InclusionData.ApplicationsAsync(app, "tablet-loan", 1, ApplicationState.Waitlisted))[0];
        var staff = new ApplicationActor("staff", "Official");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<ApplicationIntake>();
            var desk = scope.ServiceProvider.GetRequiredService<FulfilmentDesk>();
            Assert.Null(await desk.RecordAsync((await intake.FindAsync(given, default))!.Application, new FulfilmentRecord { Kind = FulfilmentKind.Appointment, Notes = "수리 완료", RecordedBy = "" }, staff, default));
            Assert.Null(await desk.RecordAsync((await intake.FindAsync(borrower, default))!.Application,
                new FulfilmentRecord { Kind = FulfilmentKind.Loan, Item = "태블릿", DueAt = app.Clock.GetUtcNow().UtcDateTime.AddDays(10), RecordedBy = "" }, staff, default));
        }
        async Task<(int, int)> RunAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<FulfilmentDesk>().FollowUpAsync(default);
        }
        Assert.Equal((0, 0), await RunAsync());
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Equal((2, 1), await RunAsync()); // both surveys due; the loan is due in 3 days: reminded
        Assert.Equal((0, 0), await RunAsync()); // once only
        var states = await InclusionData.LoadAsync(app, [given, borrower]);
        Assert.Equal((ApplicationState.FollowUpDue, ApplicationState.FollowUpDue), (states[given].State, states[borrower].State));
        Assert.True(await app.WithDbAsync(db => db.Set<CityHall.Web.Platform.Notifications.OutboxMessage>().AnyAsync(m => m.Body.Contains("반납 기한이 다가옵니다"))));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var intake = scope.ServiceProvider.GetRequiredService<ApplicationIntake>();
            Assert.Null(await scope.ServiceProvider.GetRequiredService<FulfilmentDesk>().ReturnAsync((await intake.FindAsync(borrower, default))!.Application, "양호", staff, default));
        }
        Assert.Equal(ApplicationState.Offered, (await InclusionData.LoadAsync(app, [next]))[next].State);
    }
}
