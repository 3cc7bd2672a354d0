using System.Globalization;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Cctv;
using CityHall.Web.Modules.Decisions;
using CityHall.Web.Modules.Developers.Keys;
using CityHall.Web.Modules.Inclusion;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Fulfilment;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Modules.Places;
using CityHall.Web.Modules.ServiceRequests;
using CityHall.Web.Modules.ServiceRequests.Open311;
using CityHall.Web.Modules.Taxi;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Transparency;

/// <summary>The city on 15 March 2026 at noon in Seoul, so January and February are whole months behind it.</summary>
public sealed class FiguresApp() : ClockedApp(InSeoul(2026, 3, 15, 12));

/// <summary>
/// Each module's published figures against a few records whose values are worked out by hand below, read as the
/// public reads them: the figure's CSV of months and of groups for 2026. Months are Seoul's: a record at 16:00 UTC
/// on 31 January is February's.
/// </summary>
public sealed class FigureTests(FiguresApp app) : IClassFixture<FiguresApp>
{
    private static DateTime Utc(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>A figure's CSV for 2026 as rows by their first cell (the month, or the group's code): value and basis.</summary>
    internal static async Task<Dictionary<string, (string Value, string Basis)>> CsvAsync(HttpClient client, string code, string part)
    {
        var response = await client.GetAsync($"/transparency/figures/{code}?year=2026&handler=csv&part={part}");
        response.EnsureSuccessStatusCode();
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        int value = Array.IndexOf(header, "value"), basis = Array.IndexOf(header, "basis");
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => (c[value], c[basis]));
    }

    private static string N(double value) => Math.Round(value, 4).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Requests_closed_on_time_resolution_hours_and_open311_use_are_counted_by_the_month_closed_in_seoul()
    {
        var keyId = await app.WithDbAsync(async db =>
        {
            var key = new DeveloperKey { OwnerId = "figures-developer", AppName = "Pothole app", Prefix = "fig", Scopes = Open311Api.Scope, Hash = Guid.NewGuid().ToByteArray().Concat(new byte[16]).ToArray() };
            db.Add(key);
            await db.SaveChangesAsync();
            ServiceRequest Case(string service, string district, DateTime requested, DateTime? closed, DateTime due, RequestStatus status) => new()
            {
                ServiceCode = service, DistrictCode = district, RequestedAt = requested, UpdatedAt = requested, ClosedAt = closed, DueAt = due, Status = status,
            };
            db.AddRange(
                Case("road-damage", "11110", Utc(1, 5, 1), Utc(1, 8, 1), Utc(1, 14), RequestStatus.Resolved),          // January, on time, 72 h
                Case("road-damage", "11110", Utc(1, 10), Utc(1, 31, 16), Utc(1, 20), RequestStatus.Closed),            // 1 February 01:00 in Seoul, late, 520 h
                Case("noise", "11140", Utc(2, 2), Utc(2, 3), Utc(2, 10), RequestStatus.Rejected),                      // February, on time, 24 h
                Case("noise", "11140", Utc(2, 2), Utc(2, 20), Utc(2, 10), RequestStatus.Duplicate),                    // merged: not counted
                Case("noise", "11140", Utc(2, 4), null, Utc(2, 12), RequestStatus.InProgress));                        // still open: not counted
            db.Add(new ServiceRequest { ServiceCode = "noise", Channel = RequestChannel.Open311, ApiKeyId = key.Id, RequestedAt = Utc(2, 5), UpdatedAt = Utc(2, 5), Status = RequestStatus.Received });
            await db.SaveChangesAsync();
            return key.Id.ToString(CultureInfo.InvariantCulture);
        });
        var client = app.CreateClient();

        var onTime = await CsvAsync(client, "service-requests-on-time-by-service", "months");
        Assert.Equal(("100", "1"), onTime["2026-01"]);
        Assert.Equal(("50", "2"), onTime["2026-02"]);
        Assert.Equal(("", "0"), onTime["2026-03"]); // nothing closed: no value, not 0%
        Assert.Equal(12, onTime.Count);
        var byService = await CsvAsync(client, "service-requests-on-time-by-service", "groups");
        Assert.Equal(("50", "2"), byService["road-damage"]);
        Assert.Equal(("100", "1"), byService["noise"]);
        var byDistrict = await CsvAsync(client, "service-requests-on-time-by-district", "groups");
        Assert.Equal(("50", "2"), byDistrict["11110"]);
        Assert.Equal(("100", "1"), byDistrict["11140"]);

        var hours = await CsvAsync(client, "service-requests-resolution-hours", "months");
        Assert.Equal(("72", "1"), hours["2026-01"]);
        Assert.Equal(("272", "2"), hours["2026-02"]); // median of 520 and 24
        var hoursByService = await CsvAsync(client, "service-requests-resolution-hours", "groups");
        Assert.Equal(("296", "2"), hoursByService["road-damage"]);

        var open311 = await CsvAsync(client, "open311-requests", "months");
        Assert.Equal(("0", "0"), open311["2026-01"]);
        Assert.Equal(("1", "1"), open311["2026-02"]);
        Assert.Equal(("1", "1"), (await CsvAsync(client, "open311-requests", "groups"))[keyId]);

        // The figure's page: the whole year (2 of 3 on time), its definition and the query it ran.
        var page = await client.GetPageAsync("/transparency/figures/service-requests-on-time-by-service?year=2026");
        Assert.Contains("66.7", page.QuerySelector("[data-value]")!.TextContent);
        Assert.Contains("service_requests", page.QuerySelector("[data-source-query] code")!.TextContent);
        Assert.NotNull(page.QuerySelector("figure.ch-line-chart svg polyline"));
        Assert.Equal("2026-01", page.QuerySelector("[data-months] tbody tr")!.GetAttribute("data-month"));
    }

    [Fact]
    public async Task Proposals_answered_on_time_count_by_the_month_the_answer_fell_due_and_overdue_ones_as_they_stand()
    {
        await app.WithDbAsync(async db =>
        {
            Petition Proposal(string title, DateTime due, DateTime? answered, string department) => new()
            {
                Title = title, Body = "figures", CategoryCode = "transport", DepartmentCode = department, Status = PetitionStatus.AwaitingAnswer,
                CreatedAt = new DateTimeOffset(Utc(1, 1)), AnswerDueAt = new DateTimeOffset(due), AnsweredAt = answered is { } a ? new DateTimeOffset(a) : null,
            };
            db.AddRange(
                Proposal("answered early", Utc(1, 20), Utc(1, 18), "transport"),   // January: on time
                Proposal("answered late", Utc(2, 10), Utc(2, 12), "transport"),     // February: late
                Proposal("never answered", Utc(3, 1), null, "safety"),             // March: due and not answered, overdue now
                Proposal("not yet due", Utc(4, 1), null, "safety"));               // not counted
            await db.SaveChangesAsync();
        });
        var client = app.CreateClient();
        var onTime = await CsvAsync(client, "proposals-answered-on-time", "months");
        Assert.Equal(("100", "1"), onTime["2026-01"]);
        Assert.Equal(("0", "1"), onTime["2026-02"]);
        Assert.Equal(("0", "1"), onTime["2026-03"]);
        Assert.Equal(("", "0"), onTime["2026-04"]);
        var overdue = await CsvAsync(client, "proposals-overdue", "groups");
        Assert.Equal(("1", "1"), overdue["safety"]);
        Assert.False(overdue.ContainsKey("transport"));
        // A snapshot has no months.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/transparency/figures/proposals-overdue?handler=csv&part=months")).StatusCode);
    }

    [Fact]
    public async Task Places_given_and_days_waited_by_programme_leave_out_benefits_cancelled_after()
    {
        var programme = await app.WithDbAsync(async db =>
        {
            var p = await db.Set<InclusionProgramme>().OrderBy(p => p.Order).FirstAsync();
            long n = 0;
            void Given(DateTime submitted, DateTime fulfilled, ApplicationState state)
            {
                var application = new InclusionApplication { Reference = $"FIG-{++n}-{Guid.NewGuid():N}"[..20], ProgrammeId = p.Id, ProgrammeVersion = 1, State = state, EnteredBy = "figures",
                    CreatedAt = submitted, UpdatedAt = fulfilled, SubmittedAt = submitted };
                db.Add(application);
                db.SaveChanges();
                db.Add(new FulfilmentRecord { ApplicationId = application.Id, FulfilledAt = fulfilled, RecordedBy = "figures" });
            }
            Given(Utc(1, 2), Utc(1, 12), ApplicationState.Fulfilled);      // January, 10 days
            Given(Utc(1, 20), Utc(2, 9), ApplicationState.Closed);         // February, 20 days
            Given(Utc(1, 25), Utc(2, 4), ApplicationState.Cancelled);      // cancelled after: not counted
            await db.SaveChangesAsync();
            return p.Id.ToString(CultureInfo.InvariantCulture);
        });
        var client = app.CreateClient();
        var given = await CsvAsync(client, "inclusion-places-given", "months");
        Assert.Equal(("1", "1"), given["2026-01"]);
        Assert.Equal(("1", "1"), given["2026-02"]);
        Assert.Equal(("2", "2"), (await CsvAsync(client, "inclusion-places-given", "groups"))[programme]);
        var waited = await CsvAsync(client, "inclusion-waiting-days", "months");
        Assert.Equal(("10", "1"), waited["2026-01"]);
        Assert.Equal(("20", "1"), waited["2026-02"]);
        Assert.Equal(("15", "2"), (await CsvAsync(client, "inclusion-waiting-days", "groups"))[programme]);
    }

    [Fact]
    public async Task Live_event_viewers_add_up_by_the_month_events_ended_and_questions_count_by_channel()
    {
        await app.WithDbAsync(async db =>
        {
            LiveEvent Event(DateTime ended, int pc, int mobile) => new()
            {
                TitleKo = "figures", StartsAt = ended.AddHours(-1), EndsAt = ended, EndedAt = ended, State = LiveEventState.Ended, TotalPc = pc, TotalMobile = mobile,
                CreatedAt = ended, UpdatedAt = ended,
            };
            var first = Event(Utc(1, 10, 3), 100, 50);
            db.AddRange(first, Event(Utc(1, 20, 3), 30, 20), Event(Utc(2, 28, 16), 7, 0)); // the last ends on 1 March in Seoul
            await db.SaveChangesAsync();
            var n = 0;
            LiveQuestion Question(QuestionChannel channel, DateTime at) => new()
            {
                EventId = first.Id, Channel = channel, ExternalId = $"fig-{++n}", SenderKey = $"s{n}", SenderLabel = "citizen", Text = "question", ReceivedAt = at,
            };
            db.AddRange(Question(QuestionChannel.Web, Utc(1, 10, 2)), Question(QuestionChannel.Web, Utc(1, 10, 2)), Question(QuestionChannel.Web, Utc(1, 10, 2)),
                Question(QuestionChannel.Sms, Utc(1, 10, 2)), Question(QuestionChannel.Social, Utc(2, 1)), Question(QuestionChannel.Social, Utc(2, 1)));
            await db.SaveChangesAsync();
        });
        var client = app.CreateClient();
        var viewers = await CsvAsync(client, "live-event-viewers", "months");
        Assert.Equal(("200", "2"), viewers["2026-01"]);
        Assert.Equal(("0", "0"), viewers["2026-02"]);
        Assert.Equal(("7", "1"), viewers["2026-03"]);
        var questions = await CsvAsync(client, "live-event-questions", "months");
        Assert.Equal(("4", "4"), questions["2026-01"]);
        Assert.Equal(("2", "2"), questions["2026-02"]);
        var byChannel = await CsvAsync(client, "live-event-questions", "groups");
        Assert.Equal(("3", "3"), byChannel["web"]);
        Assert.Equal(("1", "1"), byChannel["sms"]);
        Assert.Equal(("2", "2"), byChannel["social"]);
    }

    [Fact]
    public async Task Taxi_pickups_within_five_minutes_and_the_median_wait_leave_out_calls_no_car_reached()
    {
        await app.WithDbAsync(async db =>
        {
            TaxiCall Call(DateTime called, int? arrivedAfterSeconds, int? pickedUpAfterSeconds, string district) => new()
            {
                PickupLatitude = 37.57, PickupLongitude = 126.98, PickupDistrict = district, CalledAt = called, State = TaxiCallState.Completed,
                ArrivedAt = arrivedAfterSeconds is { } a ? called.AddSeconds(a) : null, PickedUpAt = pickedUpAfterSeconds is { } p ? called.AddSeconds(p) : null,
            };
            db.AddRange(
                Call(Utc(1, 6, 1), 240, 300, "11110"),     // 4 min: within
                Call(Utc(1, 6, 2), 420, 480, "11140"),     // 7 min: not
                Call(Utc(1, 6, 3), null, null, "11140"),   // no car reached the rider: not counted
                Call(Utc(2, 6, 1), null, 300, "11110"));   // no "arrived": the pickup at 5 min exactly, within
            await db.SaveChangesAsync();
        });
        var client = app.CreateClient();
        var within = await CsvAsync(client, "taxi-pickups-within-target", "months");
        Assert.Equal(("50", "2"), within["2026-01"]);
        Assert.Equal(("100", "1"), within["2026-02"]);
        var byDistrict = await CsvAsync(client, "taxi-pickups-within-target", "groups");
        Assert.Equal(("100", "2"), byDistrict["11110"]);
        Assert.Equal(("0", "1"), byDistrict["11140"]);
        var minutes = await CsvAsync(client, "taxi-pickup-minutes", "months");
        Assert.Equal(("5.5", "2"), minutes["2026-01"]);
        Assert.Equal(("5", "1"), minutes["2026-02"]);
    }

    [Fact]
    public async Task Voters_count_in_the_month_their_poll_closed_in_seoul_and_outages_by_department()
    {
        await app.WithDbAsync(async db =>
        {
            Poll Poll(string title, DateTime closes, DateTime? closedEarly, int voters, bool published) => new()
            {
                TitleKo = title, OpensAt = Utc(1, 1), ClosesAt = closes, ClosedEarlyAt = closedEarly, VoterCount = voters, PublishedAt = published ? Utc(1, 1) : null,
                CreatedBy = "figures", CreatedAt = Utc(1, 1), UpdatedAt = Utc(1, 1),
            };
            db.AddRange(
                Poll("closes 1 February in Seoul", Utc(1, 31, 15), null, 7, true),
                Poll("closed early in January", Utc(3, 31), Utc(1, 10), 3, true),
                Poll("never published", Utc(1, 20), null, 50, false),
                Poll("still open", Utc(3, 31), null, 9, true));
            var camera = new Camera { Code = "CAM-FIGURES001", Latitude = 37.57, Longitude = 126.98, DepartmentCode = "safety", Purpose = CameraPurpose.CrimePrevention };
            db.Add(camera);
            await db.SaveChangesAsync();
            db.AddRange(
                new CameraOutage { CameraId = camera.Id, DepartmentCode = "safety", StartedAt = Utc(1, 3), DetectedAt = Utc(1, 3), EndedAt = Utc(1, 3, 0, 30) },
                new CameraOutage { CameraId = camera.Id, DepartmentCode = "safety", StartedAt = Utc(1, 5), DetectedAt = Utc(1, 5), EndedAt = Utc(1, 5, 1, 30) },
                new CameraOutage { CameraId = camera.Id, DepartmentCode = "transport", StartedAt = Utc(2, 1), DetectedAt = Utc(2, 1) });
            await db.SaveChangesAsync();
        });
        var client = app.CreateClient();
        var voters = await CsvAsync(client, "decision-voters", "months");
        Assert.Equal(("3", "1"), voters["2026-01"]);
        Assert.Equal(("7", "1"), voters["2026-02"]);
        Assert.Equal(("0", "0"), voters["2026-03"]); // the open poll is not counted before it closes
        var outages = await CsvAsync(client, "cctv-outages", "months");
        Assert.Equal(("2", "2"), outages["2026-01"]);
        Assert.Equal(("1", "1"), outages["2026-02"]);
        Assert.Equal(("1", "1"), (await CsvAsync(client, "cctv-outages", "groups"))["transport"]);
        var minutes = await CsvAsync(client, "cctv-outage-minutes", "months");
        Assert.Equal(("60", "2"), minutes["2026-01"]);
        Assert.Equal(("", "0"), minutes["2026-02"]); // the open outage has no length yet
    }

    [Fact]
    public async Task Places_are_fresh_when_changed_or_confirmed_by_an_import_within_a_year()
    {
        await app.WithDbAsync(async db =>
        {
            Place Toilet(string name, DateTime updated) => new() { KindCode = "public-toilet", NameKo = name, Latitude = 37.57, Longitude = 126.98, UpdatedAt = updated };
            db.AddRange(Toilet("fresh", Utc(1, 1)), Toilet("also fresh", Utc(3, 1)), Toilet("stale", new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        });
        var fresh = await CsvAsync(app.CreateClient(), "places-fresh", "groups");
        Assert.Equal((N(200.0 / 3), "3"), fresh["public-toilet"]);
    }
}
