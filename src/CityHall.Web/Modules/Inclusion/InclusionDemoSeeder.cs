using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Fulfilment;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Modules.Inclusion.Selection;
using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.Inclusion;

/// <summary>
/// The demo city's applications (Seed:Demo): demo residents apply for the PC repair visit over the last three weeks
/// through the module's own intake, and the demo official works them through its own steps — asks for information,
/// verifies against the rules or finds them ineligible, runs the first-come-first-served selection, books repair
/// visits into slots and records them done; applicants accept, withdraw or let an offer lapse. Each service runs on a
/// clock set to that moment, so every application has a real history. What no programme of Seoul's does as seeded —
/// a loan coming back (Returned) — is left out. Runs once: skipped when the programme has any application.
/// </summary>
public sealed class InclusionDemoSeeder(AppDbContext db, IDemoPeople demo, IServiceProvider services, TimeProvider clock,
    ILogger<InclusionDemoSeeder> logger) : IDataSeeder
{
    public const string Programme = "pc-repair";
    public const int Applicants = 30;

    /// <summary>After the programmes (60) and the demo residents (10).</summary>
    public int Order => 65;

    private static readonly string[] Benefits = ["basic-livelihood", "near-poor", "basic-pension", "disability-pension"];

    private static readonly string[] Troubles =
    [
        "컴퓨터가 켜지다가 꺼집니다.", "인터넷이 자주 끊기고 화면이 멈춥니다.", "광고 창이 계속 떠서 쓸 수가 없습니다.",
        "손주와 영상통화를 하고 싶은데 카메라가 안 잡힙니다.", "프린터 연결이 안 됩니다.", "너무 느려져서 은행 일을 볼 수 없습니다.",
    ];

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        if (!includeDemo) return;
        var programme = await db.Set<InclusionProgramme>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == Programme, ct);
        if (programme is null || await db.Set<InclusionApplication>().AnyAsync(a => a.ProgrammeId == programme.Id, ct)) return;
        var people = await demo.CitizensAsync(ct);
        var official = (await demo.StaffAsync(Roles.Official, ct))?.UserId;
        if (people.Count < Applicants || official is null) return;
        var staff = new ApplicationActor(official, Roles.Official);

        var now = clock.GetUtcNow();
        var at = new SetClock(now);
        var time = (TimeProvider)at;
        var intake = ActivatorUtilities.CreateInstance<ApplicationIntake>(services, time);
        var selection = ActivatorUtilities.CreateInstance<ProgrammeSelection>(services, intake, time);
        var bookings = ActivatorUtilities.CreateInstance<Bookings>(services, intake, time);
        var desk = ActivatorUtilities.CreateInstance<FulfilmentDesk>(services, intake, time);
        var start = now - TimeSpan.FromDays(21);

        // Applications over three days, three weeks ago; two left as drafts.
        var terms = (await intake.FindProgrammeAsync(Programme, ct))!;
        var applications = new List<InclusionApplication>();
        for (var i = 0; i < Applicants; i++)
        {
            var person = people[(i * 11 + 3) % people.Count];
            var applicant = new ApplicationActor(person.UserId, ApplicationActor.ApplicantRole);
            at.Now = start + TimeSpan.FromHours(9 + i * 2);
            var (draft, refused) = await intake.StartAsync(terms, person.UserId, person.DisplayName, $"010-5550-{i:0000}", ApplicationChannel.Online, applicant, ct);
            if (draft is null) throw new InvalidOperationException($"A demo application was refused: {refused}");
            draft.DistrictCode = person.DistrictCode;
            draft.Address = $"서울특별시 주민로 {10 + i}, {100 + i}호";
            draft.HouseholdKey = ApplicationQuestions.HouseholdKey(draft.DistrictCode!, draft.Address); // as the address page sets it
            draft.Answers = draft.Answers with { Benefits = [Benefits[i % Benefits.Length]], Details = Troubles[i % Troubles.Length] };
            await intake.SaveDraftAsync(draft, ct);
            if (i >= Applicants - 2) continue; // still a draft
            var file = (await intake.FindAsync(draft.Reference, ct))!;
            if (await intake.SubmitAsync(file, applicant, ct) is { } notSubmitted) throw new InvalidOperationException($"A demo application was not submitted: {notSubmitted}");
            applications.Add((await intake.FindAsync(draft.Reference, ct))!.Application);
        }

        // Staff review a few days later.
        at.Now = start + TimeSpan.FromDays(4);
        var verified = new List<InclusionApplication>();
        for (var i = 0; i < applications.Count; i++)
        {
            var a = applications[i];
            at.Now += TimeSpan.FromMinutes(20);
            if (i == applications.Count - 1) continue; // reviewed after the selection: verified, waiting for the next one
            switch (i)
            {
                case 0: continue; // not reviewed yet: submitted
                case 1: await MoveAsync(intake, a, ApplicationState.NeedsInformation, staff, "주소지와 수급 자격을 함께 확인할 수 있는 서류를 올려 주세요.", ct); continue;
                case 2: await MoveAsync(intake, a, ApplicationState.Ineligible, staff, "확인 결과 신청한 수급 자격이 이미 종료되었습니다.", ct); continue;
                case 3: await MoveAsync(intake, a, ApplicationState.Withdrawn, new(a.ApplicantUserId!, ApplicationActor.ApplicantRole), "다른 곳에서 수리를 받았습니다.", ct); continue;
                case 4: await MoveAsync(intake, a, ApplicationState.Cancelled, staff, "같은 가구가 올해 이미 지원을 받았습니다.", ct); continue;
            }
            var file = (await intake.FindAsync(a.Reference, ct))!;
            var decision = intake.Decide(file);
            if (!decision.Eligible) throw new InvalidOperationException($"A demo application was found ineligible: {a.Reference}");
            file.Application.RuleVersion = decision.RuleVersion;
            await MoveAsync(intake, file.Application, ApplicationState.Verified, staff, "신청 자격을 확인했습니다.", ct, decision.RuleVersion);
            verified.Add(file.Application);
        }
        // The last four verified wait for the next selection (two of them will be offered the places given up below); the
        // others are selected (ranked, then offered).
        var waiting = verified.TakeLast(4).ToList();
        foreach (var a in waiting) await MoveAsync(intake, a, ApplicationState.Waitlisted, staff, "이번 차수 선정 뒤에 접수되어 다음 차수를 기다립니다.", ct);
        db.ChangeTracker.Clear();
        at.Now = start + TimeSpan.FromDays(5);
        var version = await db.Set<ProgrammeVersion>().AsNoTracking().FirstAsync(v => v.ProgrammeId == programme.Id && v.Version == programme.CurrentVersion, ct);
        var (run, notRun) = await selection.RunAsync(await db.Set<InclusionProgramme>().FirstAsync(p => p.Id == programme.Id, ct), version, "demo", staff, ct);
        if (run is null) throw new InvalidOperationException($"The demo selection did not run: {notRun}");
        db.ChangeTracker.Clear();
        var late = (await intake.FindAsync(applications[^1].Reference, ct))!;
        var lateDecision = intake.Decide(late);
        await MoveAsync(intake, late.Application, ApplicationState.Verified, staff, "신청 자격을 확인했습니다.", ct, lateDecision.RuleVersion);
        db.ChangeTracker.Clear();

        // Applicants answer their offers; the city books repair visits and carries them out.
        var offered = await db.Set<InclusionApplication>().Where(a => a.ProgrammeId == programme.Id && a.State == ApplicationState.Offered).OrderBy(a => a.Id).ToListAsync(ct);
        var slot = new AppointmentSlot
        {
            ProgrammeId = programme.Id, StartsAt = (start + TimeSpan.FromDays(9)).UtcDateTime, EndsAt = (start + TimeSpan.FromDays(9) + TimeSpan.FromHours(8)).UtcDateTime,
            Capacity = offered.Count, Staffer = "디지털 수리 기사", Modes = [AppointmentMode.Visit, AppointmentMode.AtCentre],
        };
        db.Add(slot);
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < offered.Count; i++)
        {
            var a = offered[i];
            var applicant = new ApplicationActor(a.ApplicantUserId!, ApplicationActor.ApplicantRole);
            at.Now = start + TimeSpan.FromDays(6) + TimeSpan.FromMinutes(30 * i);
            if (i == 0) continue; // the offer is still open
            if (i == 1) { await MoveAsync(intake, a, ApplicationState.Withdrawn, applicant, "이사를 가게 되었습니다.", ct); continue; }
            if (i == 2) { at.Now = start + TimeSpan.FromDays(14); await MoveAsync(intake, a, ApplicationState.Lapsed, ApplicationActor.System, null, ct); continue; }
            await MoveAsync(intake, a, ApplicationState.Accepted, applicant, null, ct);
            if (i == 3) continue; // accepted, no visit booked yet
            Check(await bookings.BookAppointmentAsync(a, slot.Id, AppointmentMode.Visit, applicant, ct));
            if (i == 4) continue; // booked: scheduled
            at.Now = start + TimeSpan.FromDays(9) + TimeSpan.FromMinutes(40 * i);
            Check(await desk.RecordAsync(a, new FulfilmentRecord { Kind = FulfilmentKind.Appointment, Notes = "운영체제를 다시 설치하고 백신을 설치했습니다.", RecordedBy = official }, staff, ct));
            if (i == 5) continue; // fulfilled
            if (i == 6) { await MoveAsync(intake, a, ApplicationState.FollowUpDue, ApplicationActor.System, null, ct); continue; }
            at.Now = start + TimeSpan.FromDays(16);
            await MoveAsync(intake, a, ApplicationState.Closed, staff, null, ct);
        }
        logger.LogInformation("Demo city: {Count} applications for {Programme} worked through the programme's steps", Applicants, Programme);
    }

    private static async Task MoveAsync(ApplicationIntake intake, InclusionApplication a, ApplicationState to, ApplicationActor actor, string? reason, CancellationToken ct, int? ruleVersion = null) =>
        Check(await intake.MoveAsync(a, to, actor, reason, ruleVersion, ct));

    private static void Check(string? refusal)
    {
        if (refusal is not null) throw new InvalidOperationException($"A demo application step was refused: {refusal}");
    }
}
