using System.Security.Claims;
using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>
/// The demo city's reports (Seed:Demo): 200 over the last 60 days, filed by demo residents (three by the demo citizen)
/// through the module's own intake — validation, district from the point, routing, deadline, receipt — and worked by
/// the demo official through <see cref="CaseWork"/>: assigned, in progress, waiting with an extension, resolved or
/// rejected with an answer, closed, marked duplicate; the newest still just received, a few kept private. Intake and
/// case work run on a clock set to each moment of the story (a writer of their own, as the app's starts only with the
/// host), so dates and deadlines are those of a real two months. Runs once: skipped when a demo report exists.
/// </summary>
public sealed class ServiceRequestsDemoSeeder(AppDbContext db, IDemoPeople demo, IServiceProvider services, TimeProvider clock,
    ILogger<ServiceRequestsDemoSeeder> logger) : IDataSeeder
{
    public const int Reports = 200;
    /// <summary>Marks the demo's reports (the Open311 device id field, which staff see as where a report came from).</summary>
    public const string Device = "cityhall-demo";

    /// <summary>After the demo residents and the catalogue (30).</summary>
    public int Order => 57;

    private static readonly (string Service, string[] Texts)[] Problems =
    [
        ("sidewalk-block", ["보도블록이 들떠 있어 걷다가 걸려 넘어질 뻔했습니다.", "보도블록 여러 장이 깨져 휠체어가 지나가기 어렵습니다."]),
        ("litter", ["골목 모퉁이에 대형 쓰레기가 며칠째 버려져 있습니다.", "공원 입구 옆에 생활쓰레기 봉투가 쌓여 냄새가 납니다."]),
        ("signs", ["교차로 신호등 옆 불법 현수막이 운전자 시야를 가립니다.", "가로수에 불법 광고물이 잔뜩 묶여 있습니다."]),
        ("subway", ["역 출구 에스컬레이터가 일주일째 멈춰 있습니다.", "승강장 안내 방송이 잘 들리지 않습니다."]),
        ("bus", ["정류장 도착 안내기가 꺼져 있습니다.", "정류장 의자가 부서져 앉을 수 없습니다."]),
        ("city-facility", ["가로등이 밤새 깜빡거립니다.", "공원 벤치 나무 판이 부러져 위험합니다."]),
        ("sewer", ["빗물받이가 낙엽으로 막혀 비가 오면 물이 고입니다.", "하수구에서 악취가 심하게 올라옵니다."]),
        ("river", ["산책로 옆 하천에 쓰레기가 떠 있습니다.", "하천 산책로 난간이 흔들립니다."]),
        ("construction-site", ["공사장 먼지가 심해 창문을 열 수 없습니다.", "공사 차량이 보도를 막고 있어 차도로 걸어야 합니다."]),
        ("dangerous-facility", ["오래된 담장이 기울어져 무너질 것 같습니다.", "상가 간판이 바람에 흔들려 떨어질 것 같습니다."]),
    ];

    private static readonly (string Address, double Lat, double Lon)[] Streets =
    [
        ("종로구 세종대로 172 인근", 37.5725, 126.9769), ("중구 명동길 14 인근", 37.5636, 126.9827), ("용산구 이태원로 인근", 37.5345, 126.9946),
        ("성동구 왕십리로 인근", 37.5612, 127.0371), ("광진구 능동로 인근", 37.5481, 127.0740), ("동대문구 왕산로 인근", 37.5744, 127.0396),
        ("마포구 월드컵북로 인근", 37.5637, 126.9084), ("서대문구 연세로 인근", 37.5585, 126.9368), ("영등포구 여의대로 인근", 37.5259, 126.9252),
        ("강남구 테헤란로 인근", 37.5006, 127.0364), ("송파구 올림픽로 인근", 37.5133, 127.1001), ("노원구 노해로 인근", 37.6542, 127.0568),
        ("관악구 관악로 인근", 37.4784, 126.9516), ("은평구 통일로 인근", 37.6027, 126.9291), ("강서구 공항대로 인근", 37.5509, 126.8495),
    ];

    private enum Ending { Received, Assigned, InProgress, Waiting, Resolved, Closed, Duplicate, Rejected }

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        if (!includeDemo) return;
        if (await db.Set<ServiceRequest>().AnyAsync(r => r.DeviceId == Device, ct)) return;
        var people = await demo.CitizensAsync(ct);
        if (people.Count == 0 || await demo.StaffAsync(Roles.Official, ct) is not { } official) return;
        var citizen = people.FirstOrDefault(p => p.SignsIn)?.UserId;
        // The official as their sign-in presents them to case work (the name it records on each step).
        var actor = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, official.UserId), new Claim(ClaimTypes.Name, official.UserName), new Claim("display_name", official.DisplayName)], "demo"));

        var now = clock.GetUtcNow();
        var at = new SetClock(now);
        var writer = ActivatorUtilities.CreateInstance<ServiceRequestWriter>(services);
        var intake = ActivatorUtilities.CreateInstance<ServiceRequestIntake>(services, writer, (TimeProvider)at);
        var work = ActivatorUtilities.CreateInstance<CaseWork>(services, (TimeProvider)at);
        var random = new Random(60);
        var filed = new List<ServiceRequest>();
        await writer.StartAsync(ct);
        try
        {
            for (var i = 0; i < Reports; i++)
            {
                // Oldest first, spread over 60 days, at hours people report (7 a.m. to 11 p.m. in Seoul).
                var day = 60 - (i * 60.0 / Reports);
                at.Now = now - TimeSpan.FromDays(Math.Ceiling(day)) + TimeSpan.FromHours(22 + random.Next(0, 16)) + TimeSpan.FromMinutes(random.Next(60));
                if (at.Now > now) at.Now = now - TimeSpan.FromMinutes(30 + i);
                var (service, texts) = Problems[random.Next(Problems.Length)];
                var (address, lat, lon) = Streets[random.Next(Streets.Length)];
                var reporter = i % 67 == 5 && citizen is not null ? citizen : people[random.Next(people.Count)].UserId;
                var result = await intake.SubmitAsync(new NewServiceRequest
                {
                    ServiceCode = service, Description = texts[random.Next(texts.Length)], Address = address,
                    Latitude = Math.Round(lat + (random.NextDouble() - 0.5) * 0.006, 6), Longitude = Math.Round(lon + (random.NextDouble() - 0.5) * 0.008, 6),
                    Channel = RequestChannel.Web, IsPublic = i % 9 != 4, ReporterId = reporter, DeviceId = Device,
                }, ct);
                if (result.Request is not { } request)
                    throw new InvalidOperationException($"A demo report was refused: {string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"))}");
                filed.Add(request);
            }
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
            writer.Dispose();
        }

        // Then the city's work on each, at its own pace: the older a report, the further along.
        for (var i = 0; i < filed.Count; i++)
        {
            var request = await db.Set<ServiceRequest>().SingleAsync(r => r.Id == filed[i].Id, ct);
            var age = now - new DateTimeOffset(request.RequestedAt, TimeSpan.Zero);
            var ending = EndingFor(i, age, random);
            await WorkAsync(work, actor, official.UserId, request, ending, filed, at, now, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        logger.LogInformation("Demo city: {Count} reports filed and worked over the last 60 days", filed.Count);
    }

    private static Ending EndingFor(int index, TimeSpan age, Random random)
    {
        if (age < TimeSpan.FromDays(2)) return index % 3 == 0 ? Ending.Assigned : Ending.Received;
        if (age < TimeSpan.FromDays(10)) return (Ending)random.Next((int)Ending.Received, (int)Ending.Resolved + 1);
        return random.Next(10) switch
        {
            < 5 => Ending.Resolved,
            < 7 => Ending.Closed,
            7 => Ending.Duplicate,
            8 => Ending.Rejected,
            _ => Ending.Waiting,
        };
    }

    private async Task WorkAsync(CaseWork work, ClaimsPrincipal actor, string officialId, ServiceRequest request, Ending ending, List<ServiceRequest> filed,
        SetClock at, DateTimeOffset now, CancellationToken ct)
    {
        var received = new DateTimeOffset(request.RequestedAt, TimeSpan.Zero);
        // Each step a little later than the one before, never after now.
        var step = 0;
        void Next(double hours) => at.Now = Min(received + TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(++step * 7), now - TimeSpan.FromMinutes(5));
        if (ending == Ending.Received) return;
        if (request.DepartmentCode is { } department && await work.OfficialsOf(department).AnyAsync(o => o.Id == officialId, ct))
        {
            Next(3);
            Check(await work.AssignAsync(actor, request, officialId, ct));
        }
        if (ending == Ending.Assigned) return;
        if (ending == Ending.Duplicate)
        {
            var original = filed.Take(filed.FindIndex(f => f.Id == request.Id)).LastOrDefault(f => f.ServiceCode == request.ServiceCode && f.Reference is not null);
            if (original is not null)
            {
                Next(20);
                Check(await work.MarkDuplicateAsync(actor, request, original.Reference, ct));
                return;
            }
            ending = Ending.Resolved; // the first of its kind cannot repeat another
        }
        if (ending == Ending.Rejected)
        {
            Next(26);
            Check(await work.SetStatusAsync(actor, request, RequestStatus.Rejected, "확인 결과 사유지 안의 시설로 시가 처리할 수 없습니다. 건물 관리자에게 알렸습니다.", ct));
            return;
        }
        Next(24);
        Check(await work.SetStatusAsync(actor, request, RequestStatus.InProgress, null, ct));
        if (ending == Ending.InProgress) return;
        if (ending == Ending.Waiting)
        {
            Next(72);
            var extended = await work.ExtendAsync(actor, request, "자재를 주문해 두었습니다. 들어오는 대로 고치겠습니다.", ct);
            if (!extended.Done) Check(await work.SetStatusAsync(actor, request, RequestStatus.Resolved, "현장을 확인하고 조치를 마쳤습니다. 신고해 주셔서 감사합니다.", ct));
            return;
        }
        Next(96);
        Check(await work.SetStatusAsync(actor, request, RequestStatus.Resolved, "현장을 확인하고 조치를 마쳤습니다. 신고해 주셔서 감사합니다.", ct));
        if (ending == Ending.Closed)
        {
            Next(240);
            Check(await work.SetStatusAsync(actor, request, RequestStatus.Closed, null, ct));
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static void Check(CaseActionResult result)
    {
        if (!result.Done) throw new InvalidOperationException($"A demo case action was refused: {result.ErrorKey}");
    }
}
