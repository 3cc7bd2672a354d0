using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Modules.Petitions.Forum;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Petitions;

/// <summary>The forum a proposal opens at 5 supports: one vote per verified person, 3 voters oblige the mayor, answers and follow-ups.</summary>
public sealed class ForumTests(PetitionClockApp app) : IClassFixture<PetitionClockApp>
{
    private SignatureWriter Writer => app.Services.GetRequiredService<SignatureWriter>();

    private Task<Petition> LoadAsync(long id) => app.WithDbAsync(db => db.Set<Petition>().AsNoTracking().SingleAsync(p => p.Id == id));

    /// <summary>A published proposal with its forum open (5 supports from people who have no account here).</summary>
    private async Task<long> WithOpenForumAsync(string title)
    {
        var id = await PetitionTestData.PublishedAsync(app, title + " " + Guid.NewGuid().ToString("N")[..6], now: app.Clock.GetUtcNow());
        for (var i = 0; i < 5; i++) await Writer.SignAsync(id, $"forum-{id}-{i}", null!, null);
        return id;
    }

    private static Task<HttpResponseMessage> VoteAsync(HttpClient client, AngleSharp.Dom.IDocument page, string choice) =>
        client.SubmitAsync(page, new Dictionary<string, string> { ["Choice"] = choice }, "form[action$='/vote']");

    private Task<List<PetitionEventKind>> NewsAsync(long id) =>
        app.WithDbAsync(db => db.Set<PetitionEvent>().Where(e => e.PetitionId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());

    [Fact]
    public async Task Verified_citizens_vote_once_each_and_enough_voters_oblige_the_mayor_to_answer()
    {
        var id = await WithOpenForumAsync("공론장에서 토론할 제안");
        Assert.Equal([PetitionEventKind.SupportThresholdReached, PetitionEventKind.ForumOpened], await NewsAsync(id));

        // Visitors see the forum but no form (their copy may be cached).
        var anonymous = await app.CreateClient().GetPageAsync($"/petitions/{id}?fresh={Guid.NewGuid():N}");
        Assert.NotNull(anonymous.QuerySelector("#forum"));
        Assert.Null(anonymous.QuerySelector("#forum form"));

        var first = await app.VerifiedCitizenAsync();
        var page = await first.GetPageAsync($"/petitions/{id}");
        Assert.Equal(3, page.QuerySelectorAll("#forum input[type=radio][name=Choice]").Length);
        var empty = await Html.ParseAsync(await VoteAsync(first, page, ""));
        Assert.Equal(["찬성, 반대, 유보 중 하나를 고르세요."], empty.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(first, page, "Pro")).StatusCode);
        // Changing one's mind moves the vote, not the number of people.
        page = await first.GetPageAsync($"/petitions/{id}");
        Assert.NotNull(page.QuerySelector("#forum input[value=Pro][checked]"));
        Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(first, page, "Con")).StatusCode);
        page = await first.GetPageAsync($"/petitions/{id}");
        Assert.Equal("0", page.QuerySelector("[data-forum=Pro] strong")!.TextContent);
        Assert.Equal("1", page.QuerySelector("[data-forum=Con] strong")!.TextContent);
        Assert.Equal("1", page.QuerySelector("[data-forum-participants]")!.GetAttribute("data-forum-participants"));

        // Not verified: sent to verify, then back to the forum; nothing counted.
        var unverified = await app.SignedUpCitizenAsync();
        var sent = await VoteAsync(unverified, await unverified.GetPageAsync($"/petitions/{id}"), "Pro");
        Assert.StartsWith("/account/verify?returnUrl=", sent.Headers.Location!.ToString());
        Assert.Equal(1, (await LoadAsync(id)).ForumParticipants);

        foreach (var choice in new[] { "Pro", "Neutral" })
        {
            var voter = await app.VerifiedCitizenAsync();
            Assert.Equal(HttpStatusCode.Redirect, (await VoteAsync(voter, await voter.GetPageAsync($"/petitions/{id}"), choice)).StatusCode);
        }
        var reached = await LoadAsync(id);
        Assert.Equal(3, reached.ForumParticipants);
        Assert.Equal(app.Clock.GetUtcNow().AddDays(30), reached.MayorAnswerDueAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, (await NewsAsync(id)).Count(k => k == PetitionEventKind.MayorThresholdReached));
        var shown = await app.CreateClient().GetPageAsync($"/petitions/{id}?fresh={Guid.NewGuid():N}");
        Assert.NotNull(shown.QuerySelector("[data-mayor-answer-due]"));
        Assert.Equal(["1", "1", "1"], shown.QuerySelectorAll(".ch-forum-tally strong").Select(s => s.TextContent));
        // The public list of answers owed names both: the department's and the mayor's (through the mayor's office).
        var due = await app.CreateClient().GetPageAsync($"/petitions/answers?fresh={Guid.NewGuid():N}");
        Assert.Equal(["Department", "Mayor"], due.QuerySelectorAll($"tr[data-petition='{id}']").Select(r => r.GetAttribute("data-kind")!).Order());
        Assert.Contains("시민소통기획관", due.QuerySelector($"tr[data-petition='{id}'][data-kind=Mayor]")!.TextContent);

        // The department sees only its own answer owed; the mayor's office sees the mayor's.
        var department = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        var list = await department.GetPageAsync("/admin/petitions/answers");
        Assert.Equal(["Department"], list.QuerySelectorAll($"tr[data-owed='{id}']").Select(r => r.GetAttribute("data-kind")));
        var mayorOffice = await app.SignedInStaffAsync(Roles.Official, department: "citizen-communication");
        list = await mayorOffice.GetPageAsync("/admin/petitions/answers");
        Assert.Equal(["Mayor"], list.QuerySelectorAll($"tr[data-owed='{id}']").Select(r => r.GetAttribute("data-kind")));
        var mayorForm = await mayorOffice.GetPageAsync($"/admin/petitions/answers/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await mayorOffice.SubmitAsync(mayorForm, new Dictionary<string, string>
        {
            ["Input.Outcome"] = "UnderReview", ["Input.Text"] = "시장으로서 공론장의 의견을 무겁게 받아들이며 관계 부서와 함께 검토하겠습니다.",
        })).StatusCode);
        var answered = await LoadAsync(id);
        Assert.Equal(AnswerOutcome.UnderReview, answered.MayorAnswerOutcome);
        Assert.Null(answered.AnsweredAt); // the department still owes its own answer
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "petition.mayor-answered" && e.TargetId == id.ToString())));

        // The department answers, then reports progress; both are public and become news.
        var departmentForm = await department.GetPageAsync($"/admin/petitions/answers/{id}");
        await department.SubmitAsync(departmentForm, new Dictionary<string, string>
        {
            ["Input.Outcome"] = "Accepted", ["Input.Text"] = "제안을 받아들여 내년 예산에 반영하겠습니다. 설계는 봄에 시작합니다.",
        });
        var followUpForm = await department.GetPageAsync($"/admin/petitions/answers/{id}?mode=follow-up");
        var tooShort = await Html.ParseAsync(await department.SubmitAsync(followUpForm, new Dictionary<string, string> { ["Input.Text"] = "곧" }));
        Assert.Single(tooShort.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await department.SubmitAsync(followUpForm, new Dictionary<string, string>
        {
            ["Input.Text"] = "설계 용역을 발주했습니다. 6월에 주민 설명회를 엽니다.",
        })).StatusCode);
        shown = await app.CreateClient().GetPageAsync($"/petitions/{id}?fresh={Guid.NewGuid():N}");
        Assert.Equal("UnderReview", shown.QuerySelector("[data-mayor-outcome]")!.GetAttribute("data-mayor-outcome"));
        Assert.Contains("주민 설명회", shown.QuerySelector("[data-follow-up]")!.TextContent);
        var news = await NewsAsync(id);
        Assert.Contains(PetitionEventKind.MayorAnswered, news);
        Assert.Contains(PetitionEventKind.DepartmentAnswered, news);
        Assert.Contains(PetitionEventKind.FollowUpPosted, news);

        // Open data: the JSON has the forum, the mayor's answer and the follow-up; the Atom feed announces all three.
        using (var json = System.Text.Json.JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/v1/petitions/{id}")))
        {
            var root = json.RootElement;
            Assert.Equal(3, root.GetProperty("forum").GetProperty("participants").GetInt32());
            Assert.Equal("UnderReview", root.GetProperty("mayorAnswerOutcome").GetString());
            Assert.Single(root.GetProperty("followUps").EnumerateArray());
        }
        var atom = await app.CreateClient().GetAsync($"/petitions/feed.atom?fresh={Guid.NewGuid():N}");
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType!.MediaType);
        var atomXml = await atom.Content.ReadAsStringAsync();
        Assert.Empty(AtomConformance.Problems(atomXml));
        using (var reader = System.Xml.XmlReader.Create(new StringReader(atomXml)))
        {
            var feed = System.ServiceModel.Syndication.SyndicationFeed.Load(reader);
            var ours = feed.Items.Where(i => i.Links.Any(l => l.Uri.AbsolutePath == $"/petitions/{id}")).Select(i => i.Title.Text).ToList();
            Assert.Contains(ours, title => title.StartsWith("시장 답변:"));
            Assert.Contains(ours, title => title.StartsWith("부서 답변:"));
            Assert.Contains(ours, title => title.StartsWith("추진 상황:"));
            Assert.Contains(ours, title => title.StartsWith("새 제안:"));
            Assert.True(feed.Items.Zip(feed.Items.Skip(1)).All(pair => pair.First.LastUpdatedTime >= pair.Second.LastUpdatedTime));
        }

        // Another department may not report on it.
        var other = await app.SignedInStaffAsync(Roles.Official, department: "culture");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/petitions/answers/{id}?mode=follow-up")).StatusCode);
    }

    [Fact]
    public async Task The_forum_closes_when_its_time_is_over_and_votes_are_then_refused()
    {
        var id = await WithOpenForumAsync("기한이 지나는 공론장");
        var voter = await app.VerifiedCitizenAsync();
        var page = await voter.GetPageAsync($"/petitions/{id}");
        Assert.NotNull(page.QuerySelector("form[action$='/vote']"));
        var forum = app.Services.GetRequiredService<IServiceScopeFactory>();

        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.Services.GetRequiredService<PetitionStages>().AdvanceAsync();
        Assert.True((await LoadAsync(id)).ForumClosed);
        Assert.Contains(PetitionEventKind.ForumClosed, await NewsAsync(id));
        // The form the citizen still has open is refused with a reason; nothing is counted.
        await using var scope = forum.CreateAsyncScope();
        Assert.Equal(ForumVoteOutcome.NotOpen, await scope.ServiceProvider.GetRequiredService<PetitionForum>().VoteAsync(id, "late-identity", null!, ForumStance.Pro));
        Assert.Equal(0, (await LoadAsync(id)).ForumParticipants);
        var fresh = await app.CreateClient().GetPageAsync($"/petitions/{id}?fresh={Guid.NewGuid():N}");
        Assert.Null(fresh.QuerySelector("#forum form"));
    }
}
