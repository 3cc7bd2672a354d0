using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.LiveEvents;

/// <summary>Staff: creating an event, taking it on and off air, and moderating its questions on the console's plain forms.</summary>
public sealed class ModerationTests(LiveEventsApp app) : IClassFixture<LiveEventsApp>
{
    private static string Decide(long question) => $"[data-question='{question}'] form.ch-inline-form";

    [Fact]
    public async Task An_official_creates_an_event_with_errors_first_then_takes_it_live_ended_and_archived()
    {
        var official = await app.SignedInStaffAsync(Roles.Official);
        var form = await official.GetPageAsync("/admin/live/new/edit");
        var bad = await Html.ParseAsync(await official.SubmitAsync(form, form.FilledIn().With(
            ("Input.TitleKo", ""), ("Input.StartsAt", "2030-03-01T10:00"), ("Input.EndsAt", "2030-03-01T09:00"),
            ("Input.StreamKind", "YouTube"), ("Input.StreamUrl", "https://example.org/not-youtube"), ("Input.SmsNumber", "phone"),
            ("Input.Hashtag", "two words"))));
        Assert.Contains("한국어 제목", bad.InlineError("Input_TitleKo"));
        Assert.Contains("시작 뒤", bad.InlineError("Input_EndsAt"));
        Assert.Contains("YouTube", bad.InlineError("Input_StreamUrl"));
        Assert.Contains("숫자", bad.InlineError("Input_SmsNumber"));
        Assert.Contains("밑줄", bad.InlineError("Input_Hashtag"));

        var created = await official.SubmitAsync(form, form.FilledIn().With(
            ("Input.TitleKo", "2030 시민 대토론회"), ("Input.TitleEn", "Citizens' debate 2030"), ("Input.StartsAt", "2030-03-01T10:00"),
            ("Input.EndsAt", "2030-03-01T11:30"), ("Input.StreamKind", "YouTube"), ("Input.StreamUrl", "https://youtu.be/dQw4w9WgXcQ"),
            ("Input.AskPolicy", "AnyoneNamed"), ("Input.SmsNumber", "+82 2-1588-0120"), ("Input.Hashtag", "#시민토론"), ("Input.HoldKeywords", "광고\n도박")));
        var console = Html.RedirectedTo(created);
        var id = long.Parse(console.Split('/').Last());
        var ev = await app.WithDbAsync(db => db.Set<LiveEvent>().AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal((LiveEventState.Scheduled, "dQw4w9WgXcQ", "+82215880120", "시민토론"), (ev.State, ev.StreamUrl, ev.SmsNumber, ev.Hashtag));
        Assert.Equal(new DateTime(2030, 3, 1, 1, 0, 0), ev.StartsAt); // 10:00 in Seoul

        var page = await official.GetPageAsync(console);
        Assert.Equal("Scheduled", page.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        await official.SubmitAsync(page, page.FilledIn("[data-move]"), "[data-move]");
        page = await official.GetPageAsync(console);
        Assert.Equal("Live", page.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        await official.SubmitAsync(page, page.FilledIn("[data-move]"), "[data-move]");
        page = await official.GetPageAsync(console);
        var noRecording = await official.GetPageAsync(Html.RedirectedTo(await official.SubmitAsync(page, page.FilledIn("[data-move]").With(("recordingUrl", "")), "[data-move]")));
        Assert.Contains("녹화 영상 주소", Assert.Single(noRecording.ErrorSummary()));
        await official.SubmitAsync(page, page.FilledIn("[data-move]").With(("recordingUrl", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")), "[data-move]");
        ev = await app.WithDbAsync(db => db.Set<LiveEvent>().AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(LiveEventState.Archived, ev.State);
        Assert.NotNull(ev.WentLiveAt);
        Assert.NotNull(ev.EndedAt);
        var moves = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "live.event.state" && e.TargetId == id.ToString()).CountAsync());
        Assert.Equal(3, moves);
        // Going back is refused.
        var back = await official.PostAsync($"/admin/live/{id}?handler=move", new FormUrlEncodedContent(
            page.FilledIn("[data-move]").With(("to", "Live"))));
        Assert.Contains("refused=LiveEvents.Admin.BadMove", Html.RedirectedTo(back));
    }

    [Fact]
    public async Task Moderators_approve_edit_hide_merge_stage_answer_and_ban_and_each_is_audited()
    {
        var live = await LiveEventData.EventAsync(app);
        var moderator = await app.SignedInStaffAsync(Roles.Moderator);
        var pending = await LiveEventData.QuestionAsync(app, live, "따릉이 대여소를 늘려 주세요", QuestionState.Pending);
        var typo = await LiveEventData.QuestionAsync(app, live, "지하쳘 요금 동결해 주세요", QuestionState.Pending);
        var rude = await LiveEventData.QuestionAsync(app, live, "광고입니다", QuestionState.Held, sender: "sms:abc");
        var duplicate = await LiveEventData.QuestionAsync(app, live, "따릉이 더 많이!", QuestionState.Pending, supports: 0);

        var late0 = await LiveEventData.QuestionAsync(app, live, "결정 전 질문", QuestionState.Pending);
        var page = await moderator.GetPageAsync($"/admin/live/{live}");
        Assert.Equal(5, page.QuerySelectorAll("[data-queue] [data-question]").Length);
        Assert.Equal("5", page.QuerySelector("[data-count=waiting]")!.TextContent);

        // Approve.
        var approveForm = Decide(pending);
        await moderator.SubmitAsync(page, page.FilledIn(approveForm).With(("decision", "Approve")), approveForm);
        // Edit, then approve: the sender's words are kept.
        var editForm = $"[data-question='{typo}'] details form:has(textarea[name=text][id^=edit])";
        await moderator.SubmitAsync(page, page.FilledIn(editForm).With(("text", "지하철 요금을 동결해 주세요"), ("decision", "Edit")), editForm);
        var edited = await LiveEventData.QuestionAsync(app, typo);
        Assert.Equal((QuestionState.Approved, "지하철 요금을 동결해 주세요", "지하쳘 요금 동결해 주세요"), (edited.State, edited.Text, edited.OriginalText));
        // Merge the duplicate: its asker now supports the original.
        var mergeForm = $"[data-question='{duplicate}'] details form:has(input[name=into])";
        await moderator.SubmitAsync(page, page.FilledIn(mergeForm).With(("into", pending.ToString()), ("decision", "Merge")), mergeForm);
        var merged = await LiveEventData.QuestionAsync(app, duplicate);
        Assert.Equal((QuestionState.Merged, pending), (merged.State, merged.MergedIntoId));
        Assert.Equal(1, (await LiveEventData.QuestionAsync(app, pending)).Supports);
        // A decision the console does not offer is refused, never taken for the first one (approve).
        var unknown = await moderator.SubmitAsync(page, page.FilledIn(Decide(late0)).With(("decision", "Publish")), Decide(late0));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(QuestionState.Pending, (await LiveEventData.QuestionAsync(app, late0)).State);
        var intoMerged = await moderator.SubmitAsync(page, page.FilledIn(mergeForm).With(("question", typo.ToString()), ("into", duplicate.ToString()), ("decision", "Merge")), mergeForm);
        Assert.Contains("refused=MergeTarget", Html.RedirectedTo(intoMerged));
        var intoItself = await moderator.SubmitAsync(page, page.FilledIn(mergeForm).With(("question", typo.ToString()), ("into", typo.ToString()), ("decision", "Merge")), mergeForm);
        Assert.Contains("refused=MergeIntoItself", Html.RedirectedTo(intoItself));
        var refusedPage = await moderator.GetPageAsync(Html.RedirectedTo(intoItself));
        Assert.Contains("자기 자신", Assert.Single(refusedPage.ErrorSummary()));
        // Ban the sender of the held one: hidden, and the sender may not ask again.
        var banForm = $"[data-question='{rude}'] details form:has(input[id^=ban])";
        await moderator.SubmitAsync(page, page.FilledIn(banForm).With(("text", "광고 도배"), ("decision", "Ban")), banForm);
        Assert.Equal(QuestionState.Hidden, (await LiveEventData.QuestionAsync(app, rude)).State);
        Assert.True(await app.WithDbAsync(db => db.Set<BannedParticipant>().AnyAsync(b => b.SenderKey == "sms:abc" && b.Reason == "광고 도배")));

        // A question still waiting cannot go on stage; an approved one can, then is answered with a written answer.
        var late = await LiveEventData.QuestionAsync(app, live, "늦게 온 질문", QuestionState.Pending);
        var refused = await moderator.PostAsync($"/admin/live/{live}?handler=decide", new FormUrlEncodedContent(
            page.FilledIn(approveForm).With(("question", late.ToString()), ("decision", "Stage"))));
        Assert.Contains("refused=NotApproved", Html.RedirectedTo(refused));
        var approved = await moderator.GetPageAsync($"/admin/live/{live}?show=approved");
        Assert.Equal([pending.ToString(), typo.ToString()], approved.QuerySelectorAll("[data-queue] [data-question]").Select(q => q.GetAttribute("data-question")!));
        var stageForm = Decide(pending);
        await moderator.SubmitAsync(approved, approved.FilledIn(stageForm).With(("decision", "Stage")), stageForm);
        var withStage = await moderator.GetPageAsync($"/admin/live/{live}");
        Assert.Equal(pending.ToString(), withStage.QuerySelector("[data-stage-question]")!.GetAttribute("data-stage-question"));
        var viewerPage = await app.CreateClient().GetPageAsync($"/live/{live}?done=x");
        Assert.Contains("따릉이 대여소", viewerPage.QuerySelector("[data-on-stage]")!.TextContent);
        await moderator.SubmitAsync(withStage, withStage.FilledIn("[data-stage] form").With(("text", "내년까지 대여소 300곳을 늘립니다."), ("decision", "Answer")), "[data-stage] form");
        var answered = await LiveEventData.QuestionAsync(app, pending);
        Assert.Equal((QuestionState.Answered, "내년까지 대여소 300곳을 늘립니다."), (answered.State, answered.Answer));
        Assert.Null(await app.WithDbAsync(db => db.Set<LiveEvent>().Where(e => e.Id == live).Select(e => e.OnStageQuestionId).SingleAsync()));

        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.TargetType == "live-question").Select(e => e.Action).ToListAsync());
        foreach (var action in new[] { "approve", "edit", "merge", "ban", "stage", "answer" })
            Assert.Contains("live.question." + action, actions);
    }

    [Fact]
    public async Task Only_staff_with_the_permissions_reach_the_console_and_only_officials_create_or_move_events()
    {
        var live = await LiveEventData.EventAsync(app);
        var citizen = await app.SignedUpCitizenAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/admin/live")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync($"/admin/live/{live}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync($"/admin/live/{live}/presenter")).StatusCode);
        var moderator = await app.SignedInStaffAsync(Roles.Moderator);
        var console = await moderator.GetPageAsync($"/admin/live/{live}");
        Assert.Null(console.QuerySelector("[data-move]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/admin/live/new/edit")).StatusCode);
        var presenter = await moderator.GetPageAsync($"/admin/live/{live}/presenter");
        Assert.NotNull(presenter.QuerySelector("[data-presenter] [data-on-stage]"));
    }

    [Fact]
    public async Task The_archive_shows_the_recording_answers_and_figures_and_staff_download_every_question()
    {
        var id = await LiveEventData.EventAsync(app, LiveEventState.Archived);
        await app.WithDbAsync(async db =>
        {
            var ev = await db.Set<LiveEvent>().SingleAsync(e => e.Id == id);
            (ev.RecordingUrl, ev.TotalPc, ev.TotalMobile, ev.PeakPc, ev.PeakMobile, ev.PeakTotal) = ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", 52_348, 22_075, 13_953, 8_075, 22_028);
            await db.SaveChangesAsync();
        });
        var answered = await LiveEventData.QuestionAsync(app, id, "청년 일자리 대책은?", QuestionState.Answered, supports: 12);
        await app.WithDbAsync(async db => { var q = await db.Set<LiveQuestion>().SingleAsync(x => x.Id == answered); (q.Answer, q.AnsweredAt) = ("청년 일자리 5만 개를 만들겠습니다.", DateTime.UtcNow); await db.SaveChangesAsync(); });
        await LiveEventData.QuestionAsync(app, id, "숨긴 질문", QuestionState.Hidden);
        await LiveEventData.QuestionAsync(app, id, "공개만 된 질문, \"따옴표\"와 쉼표", QuestionState.Approved);
        await LiveEventData.QuestionAsync(app, id, "=HYPERLINK(\"http://evil.example\")", QuestionState.Pending);

        var page = await app.CreateClient().GetPageAsync($"/live/{id}/archive");
        Assert.Equal("https://www.youtube.com/watch?v=dQw4w9WgXcQ", page.QuerySelector("[data-recording]")!.GetAttribute("href"));
        var item = Assert.Single(page.QuerySelectorAll("[data-answered-list] [data-question]"));
        Assert.Contains("청년 일자리 5만 개", item.QuerySelector("[data-answer]")!.TextContent);
        Assert.Equal("74423", page.QuerySelector("[data-total-viewers]")!.GetAttribute("data-total-viewers"));
        Assert.Contains("PC 52348", page.QuerySelector("[data-total-viewers]")!.TextContent.Replace(",", ""));
        Assert.Equal("22028", page.QuerySelector("[data-peak]")!.GetAttribute("data-peak"));
        Assert.Equal(("4", "2", "1"), (page.QuerySelector("[data-received]")!.GetAttribute("data-received"),
            page.QuerySelector("[data-approved]")!.GetAttribute("data-approved"), page.QuerySelector("[data-answered]")!.GetAttribute("data-answered")));
        Assert.DoesNotContain("숨긴 질문", page.Body!.TextContent);
        // A live event has no archive yet: the watch page instead.
        var live = await LiveEventData.EventAsync(app);
        Assert.Equal($"/live/{live}", Html.RedirectedTo(await app.CreateBrowserLikeClient().GetAsync($"/live/{live}/archive")));

        var official = await app.SignedInStaffAsync(Roles.Official);
        var csv = await official.GetAsync($"/admin/live/{id}?handler=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        using var reader = CsvHelper.CsvReader.FromText(System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3)), new CsvHelper.CsvReaderOptions { HasHeader = true });
        reader.ReadHeader();
        var rows = new List<Dictionary<string, string?>>();
        while (reader.Read()) rows.Add(reader.Headers.ToArray().ToDictionary(h => h, h => reader.GetStringOrNull(h)));
        Assert.Equal(4, rows.Count);
        Assert.Equal(("청년 일자리 5만 개를 만들겠습니다.", "Answered", "12"), (rows[0]["answer"], rows[0]["state"], rows[0]["supports"]));
        Assert.Equal("공개만 된 질문, \"따옴표\"와 쉼표", rows[2]["text"]);
        Assert.StartsWith("'=", rows[3]["text"]); // a formula is written as text
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedUpCitizenAsync()).GetAsync($"/admin/live/{id}?handler=csv")).StatusCode);
    }
}
