using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.LiveEvents;

/// <summary>
/// The demo city's live events (Seed:Demo): Seoul's online mayoral inauguration of 16 November 2011 as an archived
/// event with answered questions from the web, SMS and social media (the questions are written for the demo; the
/// figures in its description are Seoul's), and a budget briefing a week from now, open for questions. An event whose
/// Korean title exists is skipped.
/// </summary>
public sealed class LiveEventsDemoSeeder(AppDbContext db, Accounts.Contracts.IDemoPeople demo, CityClock cityClock, TimeProvider clock, ILogger<LiveEventsDemoSeeder> logger) : IDataSeeder
{
    public int Order => 56;

    internal const string InaugurationKo = "서울특별시장 온라인 취임식 (2011)";
    internal const string BriefingKo = "서울시 내년 예산안 시민 설명회";

    private static readonly (QuestionChannel Channel, string Sender, string Question, string Answer)[] Answered =
    [
        (QuestionChannel.Web, "시민 김**", "취임식을 온라인으로 여는 이유가 무엇인가요?", "더 많은 시민이 장소와 시간에 얽매이지 않고 함께하고, 궁금한 것을 바로 물을 수 있게 하려는 것입니다."),
        (QuestionChannel.Sms, "010-****-1234", "어르신들도 이런 행사에 참여할 수 있나요?", "문자로도 질문을 받고 있고, 구청과 복지관에서 함께 보실 수 있게 준비했습니다."),
        (QuestionChannel.Social, "@seoul_citizen", "시민 제안은 어디에 하면 되나요?", "시민 제안 창구를 하나로 모으고, 일정 수 이상 공감을 얻은 제안에는 시가 반드시 답하겠습니다."),
        (QuestionChannel.Web, "시민 이**", "청년 일자리 정책은 어떻게 바뀌나요?", "청년이 직접 정책을 제안하고 평가하는 자리를 만들고, 공공 일자리는 경력이 되는 일로 채우겠습니다."),
        (QuestionChannel.Sms, "010-****-5678", "동네 골목이 어두운데 가로등을 늘려 주실 수 있나요?", "구청과 함께 어두운 골목을 조사해 밝은 등으로 바꾸고, 고장 신고는 하루 안에 처리하겠습니다."),
        (QuestionChannel.Social, "@hangang_runner", "한강공원을 더 자주 이용하고 싶은데 교통이 불편해요.", "한강으로 가는 보행로와 자전거길을 이어, 가까운 역에서 걸어서 갈 수 있게 하겠습니다."),
        (QuestionChannel.Web, "시민 박**", "시의 예산 쓰임을 시민이 확인할 수 있나요?", "예산과 지출을 누리집에 공개하고, 시민이 예산 편성에 참여하는 제도를 만들겠습니다."),
        (QuestionChannel.Web, "시민 최**", "장애인 이동권을 위해 무엇을 하실 건가요?", "저상버스와 장애인 콜택시를 늘리고, 지하철역 엘리베이터를 모든 역에 갖추겠습니다."),
        (QuestionChannel.Sms, "010-****-9012", "어린이집 대기가 너무 깁니다.", "국공립 어린이집을 해마다 늘려 대기를 줄이겠습니다."),
        (QuestionChannel.Social, "@mapo_mom", "이번 취임식 영상은 다시 볼 수 있나요?", "네, 이 페이지에 영상과 답변한 질문을 함께 남겨 두겠습니다."),
        (QuestionChannel.Web, "Citizen J. Smith", "Will the city publish information in English for foreign residents?", "Yes. Key services and notices will be published in English as well, starting with safety and transport."),
        (QuestionChannel.Web, "시민 정**", "전통시장을 살릴 방법이 있을까요?", "주차와 배송을 지원하고, 시장마다 특색을 살리는 사업을 상인들과 함께 만들겠습니다."),
    ];

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        if (!includeDemo) return;
        var existing = await db.Set<LiveEvent>().Where(e => e.TitleKo == InaugurationKo || e.TitleKo == BriefingKo).Select(e => e.TitleKo).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!existing.Contains(InaugurationKo)) await AddInaugurationAsync(now, (await demo.StaffAsync(Roles.Moderator, ct))?.UserName, ct);
        if (!existing.Contains(BriefingKo))
        {
            // A week from now, 7 p.m. city time, for an hour and a half.
            var starts = cityClock.FromLocal(cityClock.Now.Date.AddDays(7).AddHours(19)).UtcDateTime;
            db.Add(new LiveEvent
            {
                TitleKo = BriefingKo, TitleEn = "Next year's city budget: a briefing for citizens",
                DescriptionKo = "내년 예산안의 주요 내용을 설명하고 시민의 질문에 답합니다. 웹과 문자로 미리 질문을 남길 수 있습니다.",
                DescriptionEn = "The city presents next year's draft budget and answers citizens' questions, asked on the web or by SMS.",
                StartsAt = starts, EndsAt = starts.AddMinutes(90), State = LiveEventState.Scheduled, AskPolicy = AskPolicy.SignedIn,
                Hashtag = "#서울예산", CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync(ct);
        }
        if (existing.Count < 2) logger.LogInformation("Demo city: live events added (the 2011 inauguration archive, next week's budget briefing)");
    }

    private async Task AddInaugurationAsync(DateTime now, string? moderator, CancellationToken ct)
    {
        // 16 November 2011, 10:00 in Seoul (UTC+9).
        var starts = new DateTime(2011, 11, 16, 1, 0, 0, DateTimeKind.Utc);
        var inauguration = new LiveEvent
        {
            TitleKo = InaugurationKo, TitleEn = "The Mayor of Seoul's online inauguration (2011)",
            DescriptionKo = "2011년 11월 16일 서울시는 시장 취임식을 처음으로 온라인으로 열었습니다. 74,423명이 지켜보았고, 웹과 문자, 트위터로 5,100건의 질문이 들어왔습니다. 아래 질문과 답변은 데모를 위해 다시 쓴 것입니다.",
            DescriptionEn = "On 16 November 2011 Seoul held its mayor's inauguration online for the first time: 74,423 people watched and 5,100 questions came in by web, SMS and Twitter. The questions and answers below were written for the demo.",
            StartsAt = starts, EndsAt = starts.AddHours(1), State = LiveEventState.Archived, AskPolicy = AskPolicy.AnyoneNamed,
            Hashtag = "#서울시장취임식", WentLiveAt = starts, EndedAt = starts.AddHours(1), CreatedAt = starts.AddDays(-7), UpdatedAt = now,
        };
        db.Add(inauguration);
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < Answered.Length; i++)
        {
            var (channel, sender, question, answer) = Answered[i];
            var received = starts.AddMinutes(2 + i * 4);
            db.Add(new LiveQuestion
            {
                EventId = inauguration.Id, Channel = channel, ExternalId = $"demo-2011-{i}", SenderKey = $"demo-2011-sender-{i}", SenderLabel = sender,
                Text = question, State = QuestionState.Answered, Supports = 40 - i * 3, ReceivedAt = received, DecidedAt = received.AddMinutes(1),
                DecidedBy = moderator, OnStageAt = received.AddMinutes(2), AnsweredAt = received.AddMinutes(4), Answer = answer,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
