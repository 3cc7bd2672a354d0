using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.LiveEvents.Questions;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.LiveEvents;

/// <summary>Watching and asking on the plain pages (no script): lists, the watch page in both languages, asking, supporting, calendars.</summary>
public sealed class WatchTests(LiveEventsApp app) : IClassFixture<LiveEventsApp>
{
    [Fact]
    public async Task Events_are_listed_by_state_and_the_watch_page_shows_stream_stage_and_questions_in_both_languages()
    {
        var live = await LiveEventData.EventAsync(app);
        var coming = await LiveEventData.EventAsync(app, LiveEventState.Scheduled, startsAt: DateTime.UtcNow.AddDays(2));
        var staged = await LiveEventData.QuestionAsync(app, live, "지하철 막차 시간을 늘려 주세요", supports: 3);
        var popular = await LiveEventData.QuestionAsync(app, live, "공공 와이파이를 넓혀 주세요", supports: 9);
        await LiveEventData.QuestionAsync(app, live, "아직 확인 안 된 질문입니다", QuestionState.Pending);
        await app.WithDbAsync(async db => { (await db.Set<LiveEvent>().FindAsync(live))!.OnStageQuestionId = staged; await db.SaveChangesAsync(); });

        var anonymous = app.CreateBrowserLikeClient();
        var index = await anonymous.GetPageAsync("/live");
        Assert.NotNull(index.QuerySelector($"[data-list=on-air] [data-event='{live}']"));
        Assert.NotNull(index.QuerySelector($"[data-list=upcoming] [data-event='{coming}']"));

        var page = await anonymous.GetPageAsync($"/live/{live}");
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", page.QuerySelector(".ch-live-player iframe")!.GetAttribute("src"));
        Assert.Contains("지하철 막차", page.QuerySelector("[data-on-stage]")!.TextContent);
        var top = page.QuerySelectorAll("[data-top] [data-question]").Select(q => q.GetAttribute("data-question")).ToList();
        Assert.Equal([popular.ToString()], top); // the staged one is on stage, the pending one not shown
        Assert.Contains("1명 시청 중", page.QuerySelector("[data-viewers]")!.TextContent); // this load counted as a heartbeat
        // Asking needs an account on this event: a sign-in link instead of the form.
        Assert.Null(page.QuerySelector("[data-ask-form]"));
        Assert.NotNull(page.QuerySelector("#ask a[href^='/account/signin']"));

        var response = await anonymous.GetAsync($"/live/{live}");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-src https://www.youtube-nocookie.com", csp);
        var textOnly = await anonymous.GetPageAsync($"/live/{live}?mode=text");
        Assert.Null(textOnly.QuerySelector(".ch-live-player"));
        Assert.Contains("지하철 막차", textOnly.QuerySelector("[data-on-stage]")!.TextContent);

        var english = app.CreateBrowserLikeClient();
        english.DefaultRequestHeaders.Add("Accept-Language", "en");
        var en = await english.GetPageAsync($"/live/{live}");
        Assert.Equal("Mayor's inauguration", en.QuerySelector("h1")!.TextContent);
        Assert.Contains("On stage now", en.Body!.TextContent);
        Assert.Equal("Live", en.QuerySelector("[data-event-state]")!.TextContent);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/live/999999")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_citizen_asks_with_errors_first_and_a_form_sent_twice_is_one_question()
    {
        var live = await LiveEventData.EventAsync(app);
        var citizen = await app.SignedUpCitizenAsync(name: "김시민");
        var page = await citizen.GetPageAsync($"/live/{live}");
        var form = "[data-ask-form]";

        var empty = await Html.ParseAsync(await citizen.SubmitAsync(page, page.FilledIn(form).With(("Ask.Text", "   ")), form));
        Assert.Contains("질문을 입력하세요", empty.InlineError("Ask_Text"));
        var shortOne = await Html.ParseAsync(await citizen.SubmitAsync(page, page.FilledIn(form).With(("Ask.Text", "왜")), form));
        Assert.Contains("2자 이상", shortOne.InlineError("Ask_Text"));
        var longOne = await Html.ParseAsync(await citizen.SubmitAsync(page, page.FilledIn(form).With(("Ask.Text", new string('가', 301))), form));
        Assert.Contains("300자 이하", longOne.InlineError("Ask_Text"));

        var values = page.FilledIn(form).With(("Ask.Text", "  청년   주거 지원을\n늘려 주실 수 있나요?  "));
        var sent = await citizen.SubmitAsync(page, values, form);
        Assert.StartsWith($"/live/{live}?done=asked", Html.RedirectedTo(sent));
        var again = await citizen.SubmitAsync(page, values, form); // the same form (same token) sent again
        Assert.StartsWith($"/live/{live}?done=asked", Html.RedirectedTo(again));

        var stored = Assert.Single(await LiveEventData.QuestionsAsync(app, live));
        Assert.Equal("청년 주거 지원을 늘려 주실 수 있나요?", stored.Text);
        Assert.Equal(QuestionState.Pending, stored.State);
        Assert.Equal(QuestionChannel.Web, stored.Channel);
        Assert.Equal("김시민", stored.SenderLabel);
        Assert.StartsWith("user:", stored.SenderKey);
        var after = await citizen.GetPageAsync($"/live/{live}?done=asked");
        Assert.Contains("질문을 보냈습니다", after.QuerySelector("[data-done]")!.TextContent);
        Assert.Empty(after.QuerySelectorAll("[data-top] [data-question]")); // not shown before a moderator approves it
    }

    [Fact]
    public async Task Anyone_named_may_ask_where_the_event_allows_it_and_refusals_are_explained()
    {
        var open = await LiveEventData.EventAsync(app, ask: AskPolicy.AnyoneNamed, keywords: "욕설\n광고");
        var guest = app.CreateBrowserLikeClient();
        var page = await guest.GetPageAsync($"/live/{open}");
        const string form = "[data-ask-form]";
        var noName = await Html.ParseAsync(await guest.SubmitAsync(page, page.FilledIn(form).With(("Ask.Text", "버스 노선을 늘려 주세요")), form));
        Assert.Contains("보일 이름", noName.InlineError("Ask_DisplayName"));
        Assert.Equal(HttpStatusCode.Redirect, (await guest.SubmitAsync(page, page.FilledIn(form).With(("Ask.DisplayName", "마포 주민"), ("Ask.Text", "버스 노선을 늘려 주세요")), form)).StatusCode);
        var secondPage = await guest.GetPageAsync($"/live/{open}");
        Assert.Equal(HttpStatusCode.Redirect, (await guest.SubmitAsync(secondPage, secondPage.FilledIn(form).With(("Ask.DisplayName", "마포 주민"), ("Ask.Text", "이 광고 좀 보세요")), form)).StatusCode);
        var questions = await LiveEventData.QuestionsAsync(app, open);
        Assert.Equal(2, questions.Count);
        Assert.Equal("마포 주민", questions[0].SenderLabel);
        Assert.StartsWith("viewer:", questions[0].SenderKey);
        Assert.Equal(QuestionState.Pending, questions[0].State);
        Assert.Equal(QuestionState.Held, questions[1].State); // a word of the hold list
        Assert.Equal("광고", questions[1].HeldFor);

        // A banned participant cannot ask.
        await app.WithDbAsync(async db => { db.Add(new BannedParticipant { SenderKey = questions[0].SenderKey, SenderLabel = "마포 주민", BannedAt = DateTime.UtcNow }); await db.SaveChangesAsync(); });
        app.Services.GetRequiredService<BannedParticipants>().Forget(); // as a moderator's ban does (else seen within seconds)
        var third = await guest.GetPageAsync($"/live/{open}");
        var banned = await Html.ParseAsync(await guest.SubmitAsync(third, third.FilledIn(form).With(("Ask.DisplayName", "마포 주민"), ("Ask.Text", "다시 물어봅니다")), form));
        Assert.Contains("질문할 수 없습니다", Assert.Single(banned.ErrorSummary()));

        // An event that is not live takes no questions; the page says so and a forged post is refused.
        var over = await LiveEventData.EventAsync(app, LiveEventState.Ended, ask: AskPolicy.AnyoneNamed);
        var overPage = await guest.GetPageAsync($"/live/{over}");
        Assert.Null(overPage.QuerySelector("[data-ask-form]"));
        var forged = await Html.ParseAsync(await guest.SubmitAsync(page, page.FilledIn(form).With(("Ask.DisplayName", "손님"), ("Ask.Text", "끝난 행사에 질문")), form, action: $"/live/{over}/ask"));
        Assert.Contains("생방송 중인 행사가 아니어서", Assert.Single(forged.ErrorSummary()));

        // Flooding: the sixth question within a minute from one sender is refused.
        var flood = await LiveEventData.EventAsync(app, ask: AskPolicy.AnyoneNamed);
        var flooder = app.CreateBrowserLikeClient();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            var p = await flooder.GetPageAsync($"/live/{flood}");
            last = await flooder.SubmitAsync(p, p.FilledIn(form).With(("Ask.DisplayName", "도배"), ("Ask.Text", $"같은 말 반복 {i}")), form);
        }
        Assert.Contains("너무 자주", Assert.Single((await Html.ParseAsync(last)).ErrorSummary()));
        Assert.Equal(5, (await LiveEventData.QuestionsAsync(app, flood)).Count);
    }

    [Fact]
    public async Task Supporting_counts_once_per_person_even_at_once_and_never_for_ones_own_question()
    {
        var live = await LiveEventData.EventAsync(app);
        var email = $"supporter-{Guid.NewGuid():N}@example.org";
        var citizen = await app.SignedUpCitizenAsync(email);
        var other = await app.SignedUpCitizenAsync();
        var question = await LiveEventData.QuestionAsync(app, live, "어르신 일자리를 늘려 주세요");
        var pending = await LiveEventData.QuestionAsync(app, live, "아직 확인 전", QuestionState.Pending);

        var page = await citizen.GetPageAsync($"/live/{live}");
        var supportForm = $"#question-{question} [data-support-form]";
        var supported = await citizen.SubmitAsync(page, page.FilledIn(supportForm), supportForm);
        Assert.StartsWith($"/live/{live}?done=supported", Html.RedirectedTo(supported));
        var after = await citizen.GetPageAsync(Html.RedirectedTo(supported));
        Assert.Equal("1", after.QuerySelector($"#question-{question} [data-supports]")!.GetAttribute("data-supports"));
        Assert.NotNull(after.QuerySelector($"#question-{question} [data-supported]"));

        var twice = await citizen.SubmitAsync(page, page.FilledIn(supportForm), supportForm);
        Assert.Contains("refused=AlreadySupported", Html.RedirectedTo(twice));
        var refusedPage = await citizen.GetPageAsync(Html.RedirectedTo(twice));
        Assert.Contains("이미 공감한", Assert.Single(refusedPage.ErrorSummary()));
        var notShown = await citizen.SubmitAsync(page, page.FilledIn(supportForm), supportForm, action: $"/live/{live}/support?question={pending}");
        Assert.Contains("refused=NoQuestion", Html.RedirectedTo(notShown));

        // Twenty clicks at once from one person: one support.
        var otherPage = await other.GetPageAsync($"/live/{live}");
        var clicks = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => other.SubmitAsync(otherPage, otherPage.FilledIn(supportForm), supportForm)));
        Assert.Single(clicks, c => Html.RedirectedTo(c).Contains("done=supported"));
        Assert.Equal(2, (await LiveEventData.QuestionAsync(app, question)).Supports);

        // One's own question.
        var mine = await LiveEventData.QuestionAsync(app, live, "제 질문입니다", sender: "user:" + await UserIdAsync(email));
        var own = await citizen.SubmitAsync(page, page.FilledIn(supportForm), supportForm, action: $"/live/{live}/support?question={mine}");
        Assert.Contains("refused=OwnQuestion", Html.RedirectedTo(own));
    }

    [Fact]
    public async Task Each_event_and_the_upcoming_ones_are_iCalendar_files()
    {
        var coming = await LiveEventData.EventAsync(app, LiveEventState.Scheduled, startsAt: new DateTime(2030, 5, 1, 1, 0, 0, DateTimeKind.Utc));
        var past = await LiveEventData.EventAsync(app, LiveEventState.Archived, startsAt: new DateTime(2020, 5, 1, 1, 0, 0, DateTimeKind.Utc));
        var client = app.CreateClient();
        var one = await client.GetAsync($"/live/{coming}.ics");
        Assert.Equal("text/calendar", one.Content.Headers.ContentType!.MediaType);
        var text = await one.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        var ev = Assert.Single(calendar.Events);
        Assert.StartsWith("시장 취임식", ev.Summary);
        Assert.Equal("Asia/Seoul", ev.Start!.TzId);
        Assert.Equal(new DateTime(2030, 5, 1, 10, 0, 0), ev.Start.Value); // 01:00 UTC is 10:00 in Seoul
        Assert.Equal(40, (ev.End!.Value - ev.Start.Value).TotalMinutes);
        Assert.Contains($"/live/{coming}", ev.Url!.ToString());

        var feed = Ical.Net.Calendar.Load(await client.GetStringAsync("/live/upcoming.ics"))!;
        Assert.Contains(feed.Events, e => e.Uid!.StartsWith($"live-event-{coming}@"));
        Assert.DoesNotContain(feed.Events, e => e.Uid!.StartsWith($"live-event-{past}@"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/live/987654.ics")).StatusCode);
    }

    private Task<string> UserIdAsync(string email) =>
        app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Email == email).Select(u => u.Id)));

    [Fact]
    public async Task A_persons_questions_and_supports_are_in_their_data_and_deleting_the_account_unlinks_them()
    {
        var live = await LiveEventData.EventAsync(app);
        var email = $"asker-{Guid.NewGuid():N}@example.org";
        var citizen = await app.SignedUpCitizenAsync(email, "떠나는 질문자");
        var page = await citizen.GetPageAsync($"/live/{live}");
        await citizen.SubmitAsync(page, page.FilledIn("[data-ask-form]").With(("Ask.Text", "제 질문은 기록에 남나요?")), "[data-ask-form]");
        var other = await LiveEventData.QuestionAsync(app, live, "다른 사람의 질문");
        var supportPage = await citizen.GetPageAsync($"/live/{live}?done=asked"); // read fresh (the question was put straight into the database)
        await citizen.SubmitAsync(supportPage, supportPage.FilledIn($"#question-{other} [data-support-form]"), $"#question-{other} [data-support-form]");

        using (var export = System.Text.Json.JsonDocument.Parse(await citizen.GetStringAsync("/account/data/download")))
        {
            var section = export.RootElement.GetProperty("liveEvents");
            Assert.Equal("제 질문은 기록에 남나요?", section.GetProperty("asked")[0].GetProperty("text").GetString());
            Assert.Equal("다른 사람의 질문", section.GetProperty("supported")[0].GetProperty("text").GetString());
        }
        var data = await citizen.GetPageAsync("/account/data");
        Assert.Equal(HttpStatusCode.Redirect, (await citizen.SubmitAsync(data, new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password })).StatusCode);

        var asked = (await LiveEventData.QuestionsAsync(app, live)).Single(q => q.Text == "제 질문은 기록에 남나요?");
        Assert.Equal((null, "erased", "—"), (asked.UserId, asked.SenderKey, asked.SenderLabel));
        Assert.Equal(1, (await LiveEventData.QuestionAsync(app, other)).Supports); // the count stays
        Assert.False(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.Set<QuestionSupport>().Where(s => s.QuestionId == other))));
    }
}
