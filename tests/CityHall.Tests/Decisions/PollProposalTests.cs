using System.Globalization;
using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Decisions;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Decisions;

/// <summary>Votes citizens propose: written by a verified citizen, moderated, then dated and published by officials.</summary>
public sealed class PollProposalTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static IEnumerable<KeyValuePair<string, string>> Proposal(string title, string options = "광장\n정원\n마당", string kind = "SingleChoice") =>
    [
        new("Input.Title", title), new("Input.Description", "시청 앞 광장에 시민이 정한 이름을 붙이면 좋겠습니다. 여러 후보를 두고 물어 주세요."),
        new("Input.Options", options), new("Input.Kind", kind),
    ];

    private static async Task<long> ProposeAsync(HttpClient citizen, string title)
    {
        var form = await citizen.GetPageAsync("/votes/propose");
        var sent = Html.RedirectedTo(await citizen.SubmitAsync(form, Proposal(title), "form[data-propose-form]"));
        Assert.StartsWith("/votes/proposals?done=submitted#proposal-", sent, StringComparison.Ordinal);
        return long.Parse(sent.Split('-')[^1], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_verified_citizen_proposes_a_vote_and_bad_proposals_are_refused_with_messages()
    {
        var unverified = await app.SignedUpCitizenAsync();
        var page = await unverified.GetPageAsync("/votes/propose");
        Assert.NotNull(page.QuerySelector("[data-why-not='not-verified'] ~ p a[href^='/account/verify']"));
        Assert.Null(page.QuerySelector("form[data-propose-form]"));
        Assert.NotNull((await app.CreateClient().GetPageAsync("/votes")).QuerySelector("a[data-propose][href='/votes/propose']"));

        var email = $"proposer-{Guid.NewGuid():N}@example.org";
        var citizen = await app.VerifiedCitizenAsync(email);
        var form = await citizen.GetPageAsync("/votes/propose");
        var title = "광장 이름을 시민이 정하면 어떨까요 " + Guid.NewGuid().ToString("N")[..6];
        async Task<string[]> ErrorsAsync(IEnumerable<KeyValuePair<string, string>> fields) =>
            (await Html.ParseAsync(await citizen.SubmitAsync(form, fields, "form[data-propose-form]"))).ErrorSummary();
        Assert.Equal(3, (await ErrorsAsync([new("Input.Title", ""), new("Input.Description", ""), new("Input.Options", "")])).Length);
        Assert.Equal(["선택지를 두 개 이상 적어 주세요."], await ErrorsAsync(Proposal(title, "하나뿐")));
        Assert.Single(await ErrorsAsync(Proposal(title, "광장\n광장")));
        Assert.Single(await ErrorsAsync(Proposal(title, string.Join('\n', Enumerable.Range(1, 11).Select(i => "후보 " + i)))));
        Assert.Single(await ErrorsAsync(Proposal(title, kind: "Knapsack")));
        Assert.Single(await ErrorsAsync(Proposal(title, kind: "99")));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Poll>().CountAsync(p => p.TitleKo == title)));

        var id = await ProposeAsync(citizen, title);
        var poll = await app.WithDbAsync(db => db.Set<Poll>().SingleAsync(p => p.Id == id));
        Assert.Equal((Moderation.Pending, true, (DateTime?)null), (poll.Moderation, poll.CitizenProposal, poll.PublishedAt));
        Assert.Equal(["광장", "정원", "마당"], await app.WithDbAsync(db => db.Set<PollOption>().Where(o => o.PollId == id).OrderBy(o => o.Position).Select(o => o.LabelKo).ToListAsync()));
        var mine = await citizen.GetPageAsync("/votes/proposals");
        Assert.Equal("pending", mine.QuerySelector($"[data-proposal='{id}']")!.GetAttribute("data-state"));

        // Nobody sees it while it waits: not the public, not the officials who prepare votes (it is the moderators' until accepted).
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/votes/{id}")).StatusCode);
        var official = await app.SignedInStaffAsync(Roles.Official);
        Assert.Null((await official.GetPageAsync("/admin/votes")).QuerySelector($"[data-poll='{id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await official.GetAsync($"/admin/votes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync("/admin/votes/proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/admin/votes/proposals")).StatusCode);

        // Their data: the proposal is in the export.
        using var json = JsonDocument.Parse(await citizen.GetStringAsync("/account/data/download"));
        Assert.Contains(title, json.RootElement.GetProperty("poll-proposals").EnumerateArray().Select(p => p.GetProperty("titleKo").GetString()));
    }

    [Fact]
    public async Task Moderators_accept_or_decline_the_author_is_told_and_officials_publish_an_accepted_one()
    {
        var email = $"proposer-{Guid.NewGuid():N}@example.org";
        var citizen = await app.VerifiedCitizenAsync(email);
        var authorId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var declinedTitle = "동네 축제 날짜 정하기 " + Guid.NewGuid().ToString("N")[..6];
        var acceptedTitle = "광장 이름 정하기 " + Guid.NewGuid().ToString("N")[..6];
        var declined = await ProposeAsync(citizen, declinedTitle);
        var accepted = await ProposeAsync(citizen, acceptedTitle);

        var moderator = await app.SignedInStaffAsync(Roles.Moderator);
        var queue = await moderator.GetPageAsync("/admin/votes/proposals");
        Assert.NotNull(queue.QuerySelector($"[data-proposal='{declined}']"));
        Assert.Contains("마당", queue.QuerySelector($"[data-proposal='{accepted}'] ol")!.TextContent, StringComparison.Ordinal);
        // A decline needs the reason the author will read.
        var noReason = await Html.ParseAsync(await moderator.SubmitAsync(queue, [new("note", "  ")], $"form[data-decline='{declined}']"));
        Assert.Equal(["반려 이유를 1,000자 이하로 입력하세요."], noReason.ErrorSummary());
        Assert.Equal("/admin/votes/proposals?done=declined", Html.RedirectedTo(await moderator.SubmitAsync(queue, [new("note", "이미 구청에서 정한 날짜가 있습니다.")], $"form[data-decline='{declined}']")));
        Assert.Equal("/admin/votes/proposals?done=accepted", Html.RedirectedTo(await moderator.SubmitAsync(queue, [], $"form[data-accept='{accepted}']")));
        // Decided once: a second moderator's stale form changes nothing.
        Html.RedirectedTo(await moderator.SubmitAsync(queue, [], $"form[data-accept='{declined}']"));
        Assert.Equal(Moderation.Declined, await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == declined).Select(p => p.Moderation).SingleAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<InAppNotification>().CountAsync(n => n.UserId == authorId && n.Link == "/votes/proposals")));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => (a.Action == "decisions.proposal.accept" || a.Action == "decisions.proposal.decline")
            && (a.TargetId == declined.ToString(CultureInfo.InvariantCulture) || a.TargetId == accepted.ToString(CultureInfo.InvariantCulture)))));

        var mine = await citizen.GetPageAsync("/votes/proposals");
        Assert.Equal("declined", mine.QuerySelector($"[data-proposal='{declined}']")!.GetAttribute("data-state"));
        Assert.Contains("이미 구청에서 정한 날짜가 있습니다.", mine.QuerySelector($"[data-proposal='{declined}'] [data-why]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("accepted", mine.QuerySelector($"[data-proposal='{accepted}']")!.GetAttribute("data-state"));

        // Accepted, it is the city's draft: officials date it and publish it, and its page says a citizen proposed it.
        var official = await app.SignedInStaffAsync(Roles.Official);
        Assert.NotNull((await official.GetPageAsync("/admin/votes")).QuerySelector($"[data-poll='{accepted}'] [data-citizen-proposal]"));
        var draft = await official.GetPageAsync($"/admin/votes/{accepted}");
        var local = DateTime.UtcNow.AddHours(9);
        string At(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        Html.RedirectedTo(await official.SubmitAsync(draft, draft.FilledIn("form[data-poll-form]").With(("Input.TitleEn", "Name the square"),
            ("Input.OpensAt", At(local.AddHours(-1))), ("Input.ClosesAt", At(local.AddDays(7)))), "form[data-poll-form]"));
        var saved = await official.GetPageAsync($"/admin/votes/{accepted}");
        Html.RedirectedTo(await official.SubmitAsync(saved, [], "form[data-publish]"));
        var published = await app.CreateClient().GetPageAsync($"/votes/{accepted}?p=1");
        Assert.NotNull(published.QuerySelector("[data-citizen-proposal]"));
        Assert.Equal("published", (await citizen.GetPageAsync("/votes/proposals")).QuerySelector($"[data-proposal='{accepted}']")!.GetAttribute("data-state"));

        // Erasing their data deletes what never became public and keeps the published vote without its author.
        await using (var scope = app.Services.CreateAsyncScope())
            foreach (var part in scope.ServiceProvider.GetServices<IPersonalDataContributor>().Where(c => c.Section == "poll-proposals"))
                await part.EraseAsync(authorId, default);
        Assert.False(await app.WithDbAsync(db => db.Set<Poll>().AnyAsync(p => p.Id == declined)));
        Assert.Equal(((string?)null, true), await app.WithDbAsync(db => db.Set<Poll>().Where(p => p.Id == accepted).Select(p => new ValueTuple<string?, bool>(p.ProposedBy, p.CitizenProposal)).SingleAsync()));
    }

    [Fact]
    public async Task Three_proposals_may_wait_at_once()
    {
        var citizen = await app.VerifiedCitizenAsync();
        for (var i = 0; i < 3; i++) await ProposeAsync(citizen, $"기다리는 제안 {i} " + Guid.NewGuid().ToString("N")[..6]);
        var page = await citizen.GetPageAsync("/votes/propose");
        Assert.NotNull(page.QuerySelector("[data-why-not='too-many']"));
        Assert.Null(page.QuerySelector("form[data-propose-form]"));
    }
}
