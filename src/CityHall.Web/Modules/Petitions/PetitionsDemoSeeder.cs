using System.Security.Cryptography;
using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Platform.Hosting;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Petitions;

/// <summary>
/// The demo city's proposals (Seed:Demo): 40 written by demo residents, over every stage — awaiting review, rejected,
/// collecting (some near the threshold, some with the forum open), closed short of it, awaiting an answer (some
/// overdue), answered. Supports are real signatures from the residents, written by the module's own
/// <see cref="SignatureWriter"/> on its hash chain, dated within each proposal's window (a writer of its own runs on a
/// clock set to each day of the window), so the tally and every receipt verify. Then <see cref="PetitionStages"/>
/// moves the proposals whose window has ended, as it does every minute. A proposal whose title exists is skipped.
/// </summary>
public sealed class PetitionsDemoSeeder(AppDbContext db, IDemoPeople demo, IServiceProvider services, PetitionStages stages,
    IOptions<PetitionOptions> options, TimeProvider clock, ILogger<PetitionsDemoSeeder> logger) : IDataSeeder
{
    /// <summary>After the demo residents (10).</summary>
    public int Order => 55;

    public enum Stage { PendingReview, Rejected, Collecting, Closed, AwaitingAnswer, Answered }

    /// <param name="Age">Days since it was proposed (and published, unless awaiting review).</param>
    /// <param name="Supports">Residents who support it.</param>
    public sealed record DemoProposal(string Title, string Body, string Category, string Department, Stage Stage, int Age, int Supports,
        AnswerOutcome? Outcome = null, string? Answer = null, string? RejectedFor = null);

    internal static readonly DemoProposal[] Proposals =
    [
        new("심야버스 N노선을 주말에 더 자주 운행해 주세요", "금요일과 토요일 새벽 1시부터 3시 사이 올빼미버스가 30분 넘게 오지 않습니다. 주말 배차 간격을 15분으로 줄여 주세요.", "transport", "transport", Stage.Collecting, 12, 46),
        new("초등학교 앞 통학로에 보행자 우선도로를 지정해 주세요", "아이들이 등교하는 골목에 차량과 보행자가 섞여 다닙니다. 등하교 시간만이라도 보행자 우선도로로 지정해 주세요.", "safety", "safety", Stage.Collecting, 20, 48),
        new("한강공원 자전거도로와 산책로를 분리해 주세요", "여의도와 반포 구간은 자전거와 산책하는 시민이 자주 부딪칩니다. 노면 색과 경계석으로 두 길을 나눠 주세요.", "transport", "transport", Stage.Collecting, 18, 131),
        new("공원 내 흡연구역을 출입구에서 멀리 옮겨 주세요", "어린이공원 출입구 바로 옆에 흡연구역이 있어 아이들이 연기를 마십니다. 공원 안쪽 구석으로 옮겨 주세요.", "environment", "climate-environment", Stage.Collecting, 9, 38),
        new("지하철역 엘리베이터 고장 정보를 실시간으로 알려 주세요", "휠체어 이용자는 역에 도착해서야 엘리베이터가 멈춘 것을 압니다. 앱과 역 입구 안내판에 실시간으로 표시해 주세요.", "welfare", "welfare", Stage.Collecting, 25, 112),
        new("동네 도서관 야간 개관을 밤 10시까지 늘려 주세요", "직장인이 퇴근 후 이용할 수 있도록 평일 저녁 개관 시간을 늘려 주세요. 열람실만이라도 좋습니다.", "culture", "culture", Stage.Collecting, 6, 27),
        new("폭염 시기 버스정류장에 그늘막을 더 설치해 주세요", "그늘 없는 정류장에서 어르신들이 땡볕에 기다립니다. 유동인구가 많은 정류장부터 그늘막을 설치해 주세요.", "environment", "climate-environment", Stage.Collecting, 15, 44),
        new("전통시장 공영주차장 30분 무료를 1시간으로 늘려 주세요", "장을 보다 보면 30분이 금방 지나갑니다. 전통시장 이용객의 무료 주차 시간을 1시간으로 늘려 주세요.", "economy", "transport", Stage.Collecting, 4, 12),
        new("청소년 심야 공부방을 구마다 한 곳씩 열어 주세요", "시험 기간에 늦게까지 공부할 안전한 공간이 부족합니다. 구마다 자정까지 여는 공부방을 운영해 주세요.", "education", "welfare", Stage.Collecting, 10, 33),
        new("반려견 놀이터를 한강공원 구간마다 만들어 주세요", "반려견과 산책하는 시민이 많지만 목줄을 풀 수 있는 공간이 부족합니다. 한강공원 구간마다 놀이터를 만들어 주세요.", "environment", "climate-environment", Stage.Collecting, 2, 5),
        new("어르신 키오스크 교육을 주민센터에서 매주 열어 주세요", "식당과 병원이 모두 키오스크로 바뀌어 어르신들이 어려움을 겪습니다. 주민센터에서 매주 실습 교육을 열어 주세요.", "welfare", "digital-policy", Stage.Collecting, 14, 49),
        new("따릉이 대여소를 지하철역 출구마다 설치해 주세요", "역에서 내려 대여소를 찾아 한참 걸어야 합니다. 출구 가까이에 대여소를 두어 환승을 쉽게 해 주세요.", "transport", "transport", Stage.Collecting, 22, 41),
        new("불법 현수막을 신고하면 하루 안에 철거해 주세요", "교차로마다 불법 현수막이 시야를 가립니다. 신고하면 하루 안에 철거하고 결과를 알려 주세요.", "administration", "safety", Stage.Collecting, 7, 19),
        new("공공 화장실에 비상벨과 CCTV를 모두 설치해 주세요", "늦은 밤 공중화장실 이용이 불안합니다. 모든 공공 화장실 입구에 CCTV를, 칸마다 비상벨을 설치해 주세요.", "safety", "safety", Stage.Collecting, 27, 57),

        new("마을버스 노선을 새 아파트 단지까지 연장해 주세요", "새 단지 입주민이 지하철역까지 20분을 걸어야 합니다. 마을버스 노선을 단지 입구까지 연장해 주세요.", "transport", "transport", Stage.Closed, 45, 31),
        new("구청 민원실 토요일 운영을 해 주세요", "평일에 시간을 내기 어려운 직장인을 위해 토요일 오전만이라도 민원실을 열어 주세요.", "administration", "citizen-communication", Stage.Closed, 52, 22),
        new("놀이터 바닥을 모래 대신 탄성포장으로 바꿔 주세요", "모래 놀이터는 관리가 어렵고 위생 문제가 있습니다. 탄성포장으로 바꾸고 모래놀이 공간은 따로 두어 주세요.", "environment", "climate-environment", Stage.Closed, 38, 44),
        new("골목길 가로등을 LED로 밝게 바꿔 주세요", "주택가 골목 가로등이 어두워 밤길이 무섭습니다. 밝은 LED로 바꾸고 고장 난 등은 빨리 고쳐 주세요.", "safety", "safety", Stage.Closed, 60, 36),
        new("재활용 분리배출 요일을 동네마다 알려 주세요", "이사 온 주민은 배출 요일을 몰라 헤맵니다. 동네별 배출 요일을 문자와 앱으로 알려 주세요.", "environment", "climate-environment", Stage.Closed, 41, 9),

        new("지하철 출퇴근 시간 여성 안심칸을 시범 운영해 주세요", "혼잡한 출근길에 불편을 겪는 시민이 많습니다. 일부 노선에서 안심칸을 시범 운영하고 결과를 공개해 주세요.", "safety", "safety", Stage.AwaitingAnswer, 40, 63),
        new("무더위쉼터 운영 시간을 저녁 9시까지 늘려 주세요", "폭염은 저녁에도 이어지는데 쉼터는 6시에 닫습니다. 여름철에는 저녁 9시까지 운영해 주세요.", "welfare", "welfare", Stage.AwaitingAnswer, 70, 88),
        new("자치구 간 공공자전거 반납 제한을 없애 주세요", "일부 구의 공공자전거는 다른 구에 반납할 수 없습니다. 서울 어디서나 빌리고 반납할 수 있게 해 주세요.", "transport", "transport", Stage.AwaitingAnswer, 66, 74),
        new("어린이 병원 야간 진료 정보를 한곳에 모아 주세요", "아이가 밤에 아프면 문 연 병원을 찾기 어렵습니다. 야간·휴일 진료 병원을 지도와 함께 한곳에 알려 주세요.", "welfare", "welfare", Stage.AwaitingAnswer, 36, 152),
        new("공영주차장 빈자리를 실시간으로 알려 주세요", "주차장을 찾아 도는 차량 때문에 골목이 막힙니다. 공영주차장 빈자리 정보를 실시간으로 공개해 주세요.", "transport", "transport", Stage.AwaitingAnswer, 58, 55),
        new("시민 텃밭 분양을 추첨 대신 순번제로 해 주세요", "해마다 추첨에서 떨어져 한 번도 분양받지 못한 주민이 있습니다. 떨어진 순서대로 다음 해 우선권을 주세요.", "environment", "climate-environment", Stage.AwaitingAnswer, 44, 61),

        new("서울시 누리집의 모든 공지를 영어로도 제공해 주세요", "외국인 주민이 늘고 있지만 중요한 공지는 한국어로만 올라옵니다. 주요 공지는 영어로도 함께 올려 주세요.", "administration", "digital-policy", Stage.Answered, 75, 97,
            AnswerOutcome.Accepted, "좋은 제안 감사합니다. 내년 1월부터 재난·안전, 복지, 교통 분야 공지를 한국어와 영어로 함께 게시합니다. 다른 분야는 번역 지원 인력을 확보하는 대로 넓혀 가겠습니다."),
        new("장애인 콜택시 대기 시간을 줄여 주세요", "장애인 콜택시를 부르면 한 시간 넘게 기다리는 일이 잦습니다. 차량을 늘리고 예약 배차를 도입해 주세요.", "welfare", "welfare", Stage.Answered, 90, 140,
            AnswerOutcome.PartlyAccepted, "올해 하반기에 차량 50대를 늘리고, 병원 진료처럼 시간이 정해진 이동은 하루 전 예약 배차를 시범 운영합니다. 전면 예약제는 즉시 이용이 줄어드는 문제가 있어 시범 결과를 보고 결정하겠습니다."),
        new("한강 수영장 개장 기간을 9월 중순까지 늘려 주세요", "9월 초에도 더운 날이 많은데 수영장은 8월 말에 닫습니다. 개장 기간을 2주만 늘려 주세요.", "culture", "culture", Stage.Answered, 80, 69,
            AnswerOutcome.UnderReview, "수질 관리 인력과 안전요원 계약 기간을 함께 늘려야 하는 문제가 있어, 올해 이용객 통계를 바탕으로 검토하고 있습니다. 결정되는 대로 이 페이지에 알려 드리겠습니다."),
        new("모든 횡단보도에 음향신호기를 설치해 주세요", "시각장애인이 신호를 알 수 없는 횡단보도가 아직 많습니다. 모든 신호 횡단보도에 음향신호기를 설치해 주세요.", "safety", "safety", Stage.Answered, 85, 118,
            AnswerOutcome.Accepted, "2년 안에 시내 모든 신호 횡단보도에 음향신호기를 설치합니다. 올해는 복지관과 맹학교 주변 320곳을 먼저 설치하며, 진행 상황을 분기마다 이 페이지에 올리겠습니다."),
        new("시청 앞 광장에서 주말 차 없는 거리를 운영해 주세요", "주말마다 세종대로 일부를 차 없는 거리로 운영하면 시민이 걷고 즐길 공간이 생깁니다.", "culture", "transport", Stage.Answered, 62, 77,
            AnswerOutcome.NotAccepted, "세종대로는 도심 교통의 주요 축이라 매주 통제하면 주변 도로 정체가 심해집니다. 대신 봄·가을 축제 기간에 월 1회 차 없는 거리를 운영하겠습니다."),
        new("공공와이파이를 마을버스에도 설치해 주세요", "시내버스에는 공공와이파이가 있지만 마을버스에는 없습니다. 마을버스에도 설치해 주세요.", "transport", "digital-policy", Stage.Answered, 55, 58,
            AnswerOutcome.Accepted, "내년 상반기까지 마을버스 전 노선에 공공와이파이를 설치합니다. 설치가 끝난 노선은 공공와이파이 지도에서 확인할 수 있습니다."),
        new("폐의약품 수거함을 약국마다 설치해 주세요", "남은 약을 어디에 버려야 할지 몰라 일반 쓰레기로 버리는 경우가 많습니다. 약국마다 수거함을 두어 주세요.", "environment", "climate-environment", Stage.Answered, 48, 66,
            AnswerOutcome.PartlyAccepted, "약국 협조를 받아 구마다 20곳 이상의 약국과 모든 주민센터에 수거함을 둡니다. 수거함 위치는 장소 찾기에서 볼 수 있게 하겠습니다."),
        new("노인복지관 점심 급식 대기자를 줄여 주세요", "복지관 무료 급식은 몇 달씩 기다려야 합니다. 급식 인원을 늘리거나 도시락 배달을 함께 운영해 주세요.", "welfare", "welfare", Stage.Answered, 33, 54,
            AnswerOutcome.UnderReview, "급식 인원 확대에 필요한 예산을 내년 예산안에 반영하도록 협의하고 있습니다. 거동이 불편한 분께는 이달부터 도시락 배달을 먼저 시작합니다."),
        new("지하철 역사 안 수유실을 늘려 주세요", "아이와 지하철을 이용하면 수유실이 없는 역이 많아 곤란합니다. 환승역부터 수유실을 설치해 주세요.", "welfare", "welfare", Stage.Answered, 28, 81,
            AnswerOutcome.Accepted, "환승역 전체에 수유실을 설치하는 계획을 세웠습니다. 올해 12개 역을 시작으로 3년 안에 마치겠습니다."),

        new("우리 아파트 관리비를 시에서 조사해 주세요", "관리비가 너무 많이 나옵니다. 조사해 주세요.", "housing", "citizen-communication", Stage.Rejected, 30, 0, RejectedFor: "not-city-matter"),
        new("한강공원 자전거도로와 산책로 분리 요청", "자전거와 보행자가 자주 부딪칩니다. 길을 나눠 주세요. 위험합니다.", "transport", "transport", Stage.Rejected, 16, 0, RejectedFor: "duplicate"),
        new("우리 가게 홍보를 시 누리집에 올려 주세요", "새로 연 식당입니다. 시 누리집에 소개해 주시면 감사하겠습니다.", "economy", "citizen-communication", Stage.Rejected, 11, 0, RejectedFor: "commercial"),

        new("버스정류장 의자에 온열 기능을 넣어 주세요", "겨울 아침 정류장 의자가 너무 차갑습니다. 온열 의자를 설치해 주세요.", "transport", "transport", Stage.PendingReview, 1, 0),
        new("동네 하천에 징검다리를 다시 놓아 주세요", "공사 후 징검다리가 사라져 건너편으로 가려면 한참 돌아가야 합니다. 징검다리를 다시 놓아 주세요.", "environment", "climate-environment", Stage.PendingReview, 2, 0),
        new("공공 체육관 예약을 온라인으로만 받지 말아 주세요", "어르신들은 온라인 예약이 어려워 체육관을 이용하지 못합니다. 전화와 방문 예약도 받아 주세요.", "culture", "culture", Stage.PendingReview, 0, 0),
    ];

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        if (!includeDemo) return;
        var titles = Proposals.Select(p => p.Title).ToList();
        var existing = (await db.Set<Petition>().Where(p => titles.Contains(p.Title)).Select(p => p.Title).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var missing = Proposals.Select((p, i) => (Proposal: p, Index: i)).Where(x => !existing.Contains(x.Proposal.Title)).ToList();
        if (missing.Count == 0) return;
        var people = await demo.CitizensAsync(ct);
        if (people.Count == 0) return;
        var moderator = (await demo.StaffAsync(Roles.Moderator, ct))?.UserName;

        var now = clock.GetUtcNow();
        var window = options.Value.SupportWindow;
        var writerClock = new SetClock(now);
        var writer = ActivatorUtilities.CreateInstance<SignatureWriter>(services, (TimeProvider)writerClock);
        await writer.StartAsync(ct);
        try
        {
            foreach (var (proposal, index) in missing)
            {
                var author = people[index * 37 % people.Count];
                var created = now - TimeSpan.FromDays(proposal.Age) - TimeSpan.FromHours(index % 7 + 1);
                var published = proposal.Stage is Stage.PendingReview or Stage.Rejected ? (DateTimeOffset?)null : created + TimeSpan.FromHours(3);
                var grams = TitleGrams.Of(proposal.Title);
                var petition = new Petition
                {
                    Title = proposal.Title, Body = proposal.Body, CategoryCode = proposal.Category, DistrictCode = author.DistrictCode,
                    AuthorId = author.UserId, AuthorName = author.DisplayName, CreatedAt = created, Salt = RandomNumberGenerator.GetBytes(32),
                    TitleGramCount = grams.Count,
                    Status = proposal.Stage switch { Stage.PendingReview => PetitionStatus.PendingReview, Stage.Rejected => PetitionStatus.Rejected, _ => PetitionStatus.Collecting },
                    ReviewedAt = proposal.Stage == Stage.PendingReview ? null : created + TimeSpan.FromHours(3),
                    ReviewedBy = proposal.Stage == Stage.PendingReview ? null : moderator,
                    RejectionReasonCode = proposal.RejectedFor,
                    DepartmentCode = published is null ? null : proposal.Department,
                    PublishedAt = published, SupportDeadline = published + window, LastNotifiedAt = published,
                };
                db.Add(petition);
                await db.SaveChangesAsync(ct);
                db.AddRange(grams.Select(g => new PetitionTitleGram { PetitionId = petition.Id, Gram = g }));
                await db.SaveChangesAsync(ct);
                // The writer moves the count and the chain from here on: what this context holds would be stale.
                db.ChangeTracker.Clear();
                if (published is { } from && proposal.Supports > 0)
                    await SupportAsync(writer, writerClock, petition.Id, from, petition.SupportDeadline!.Value, now, people, index, proposal.Supports, ct);
                if (proposal.Outcome is { } outcome) await AnswerAsync(petition.Id, outcome, proposal.Answer!, now, ct);
            }
        }
        finally
        {
            await writer.StopAsync(CancellationToken.None);
            writer.Dispose();
        }
        // Windows that have ended close as they would have: short of the threshold, awaiting an answer, or answered.
        await stages.AdvanceAsync(ct);
        logger.LogInformation("Demo city: {Count} proposals added", missing.Count);
    }

    /// <summary>The supporters sign on seven days spread over the window so far, each day's signatures one batch.</summary>
    private static async Task SupportAsync(SignatureWriter writer, SetClock writerClock, long petitionId, DateTimeOffset from, DateTimeOffset deadline,
        DateTimeOffset now, IReadOnlyList<DemoCitizen> people, int index, int supports, CancellationToken ct)
    {
        var until = (deadline < now ? deadline : now) - TimeSpan.FromHours(1);
        const int days = 7;
        for (var day = 0; day < days; day++)
        {
            writerClock.Now = from + (until - from) * (day + 1) / (days + 1);
            var signers = Enumerable.Range(0, supports).Where(k => k % days == day).Select(k => people[(index * 13 + k) % people.Count]);
            var results = await Task.WhenAll(signers.Select(p => writer.SignAsync(petitionId, p.IdentityKey, p.UserId, p.DistrictCode, ct)));
            if (results.FirstOrDefault(r => r.Outcome != SignOutcome.Accepted) is { } refused)
                throw new InvalidOperationException($"A demo support for proposal {petitionId} was refused: {refused.Outcome}.");
        }
    }

    private async Task AnswerAsync(long petitionId, AnswerOutcome outcome, string answer, DateTimeOffset now, CancellationToken ct)
    {
        var petition = await db.Set<Petition>().SingleAsync(p => p.Id == petitionId, ct);
        // Answered some days after the threshold was reached, never in the future.
        var at = (petition.ThresholdReachedAt ?? petition.PublishedAt!.Value) + TimeSpan.FromDays(12);
        if (at > now) at = now - TimeSpan.FromHours(2);
        petition.AnswerOutcome = outcome;
        petition.AnswerText = answer;
        petition.AnsweredAt = at;
        petition.AnsweredBy = "시민소통담당관";
        // As an official's answer does (the stage timer may have moved it already).
        if (petition.Status == PetitionStatus.AwaitingAnswer) petition.Status = PetitionStatus.Answered;
        db.Add(PetitionEvent.Of(petitionId, PetitionEventKind.DepartmentAnswered, at));
        await db.SaveChangesAsync(ct);
    }
}
