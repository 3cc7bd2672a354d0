using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Modules.Petitions.Forum;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Petitions;

/// <summary>Threaded comments, readers' reports that hide after 3, and moderators' audited decisions.</summary>
public sealed class DiscussionTests(PetitionClockApp app) : IClassFixture<PetitionClockApp>
{
    private static long CommentIdFrom(HttpResponseMessage response) =>
        long.Parse(response.Headers.Location!.ToString().Split("#comment-")[1], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<HttpResponseMessage> CommentAsync(HttpClient client, long petition, string body, long? replyTo = null, string? stance = null)
    {
        var form = await client.GetPageAsync($"/petitions/{petition}/comments" + (replyTo is { } r ? $"?reply={r}" : ""));
        var values = new Dictionary<string, string> { ["Input.Body"] = body };
        if (stance is not null) values["Input.Stance"] = stance;
        return await client.SubmitAsync(form, values, "form[action$='/comments']");
    }

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient client, long petition, long comment)
    {
        var page = await client.GetPageAsync($"/petitions/{petition}/comments");
        return await client.SubmitAsync(page, [], $"li[data-comment='{comment}'] form[action$='/report']");
    }

    private Task<PetitionComment> LoadAsync(long id) => app.WithDbAsync(db => db.Set<PetitionComment>().AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Citizens_comment_and_reply_in_threads_and_bad_input_gets_a_clear_message()
    {
        var id = await PetitionTestData.PublishedAsync(app, "의견을 나누는 제안 " + Guid.NewGuid().ToString("N")[..6], now: app.Clock.GetUtcNow());
        var writer = await app.SignedUpCitizenAsync();

        var posted = await CommentAsync(writer, id, "좋은 제안입니다.\n<script>alert('x')</script> 꼭 필요합니다.");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var first = CommentIdFrom(posted);
        var replier = await app.SignedUpCitizenAsync(name: "김답글");
        var reply = CommentIdFrom(await CommentAsync(replier, id, "저도 같은 생각입니다.", replyTo: first));
        var second = CommentIdFrom(await CommentAsync(replier, id, "예산은 어떻게 마련하나요?"));

        // Newest conversation first, each answer under what it answers; the script is only text.
        var page = await app.CreateClient().GetPageAsync($"/petitions/{id}/comments?fresh={Guid.NewGuid():N}");
        Assert.Equal([second, first, reply], page.QuerySelectorAll("li[data-comment]").Select(li => long.Parse(li.GetAttribute("data-comment")!)));
        Assert.Equal("1", page.QuerySelector($"li[data-comment='{reply}']")!.GetAttribute("data-depth"));
        var body = page.QuerySelector($"li[data-comment='{first}'] .ch-comment__body")!;
        Assert.Contains("<script>alert('x')</script>", body.TextContent);
        Assert.Null(body.QuerySelector("script"));
        Assert.Null(page.QuerySelector("main form")); // visitors get no forms
        Assert.Equal("2", page.QuerySelector("[data-comments]")!.GetAttribute("data-comments"));
        // The proposal page shows the same discussion.
        var detail = await app.CreateClient().GetPageAsync($"/petitions/{id}?fresh={Guid.NewGuid():N}");
        Assert.Equal(3, detail.QuerySelectorAll("#discussion ~ ol li[data-comment]").Length);

        var empty = await Html.ParseAsync(await CommentAsync(writer, id, "  "));
        Assert.Equal(["의견을 입력하세요."], empty.ErrorSummary());
        var huge = await Html.ParseAsync(await CommentAsync(writer, id, new string('가', CommentLimits.BodyMax + 1)));
        Assert.Equal(["의견은 2자 이상 3,000자 이하로 써 주세요."], huge.ErrorSummary());
        var form = await writer.GetPageAsync($"/petitions/{id}/comments");
        var orphan = await Html.ParseAsync(await writer.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Body"] = "없는 의견에 다는 답글", ["Input.ParentId"] = "987654321",
        }, "form[action$='/comments']"));
        Assert.Equal(["답글을 달 의견을 찾을 수 없습니다."], orphan.ErrorSummary());
        // A side is taken only in an open forum: here it is dropped.
        var sided = CommentIdFrom(await CommentAsync(writer, id, "찬성합니다", stance: "Pro"));
        Assert.Null((await LoadAsync(sided)).Stance);

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/petitions/987654321/comments")).StatusCode);
        var pending = await PetitionTestData.PublishedAsync(app, "검토 중인 제안 " + Guid.NewGuid().ToString("N")[..6], PetitionStatus.PendingReview);
        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync($"/petitions/{pending}/comments")).StatusCode);
    }

    [Fact]
    public async Task In_an_open_forum_a_comment_says_which_side_it_takes()
    {
        var id = await PetitionTestData.PublishedAsync(app, "공론장 의견 " + Guid.NewGuid().ToString("N")[..6], now: app.Clock.GetUtcNow());
        var signer = app.Services.GetRequiredService<SignatureWriter>();
        for (var i = 0; i < 5; i++) await signer.SignAsync(id, $"side-{id}-{i}", null!, null);
        var writer = await app.SignedUpCitizenAsync();
        var form = await writer.GetPageAsync($"/petitions/{id}/comments");
        Assert.Equal(3, form.QuerySelectorAll("input[type=radio][name='Input.Stance']").Length);
        var against = CommentIdFrom(await CommentAsync(writer, id, "주민 부담이 커서 반대합니다.", stance: "Con"));
        var page = await app.CreateClient().GetPageAsync($"/petitions/{id}/comments?fresh={Guid.NewGuid():N}");
        Assert.Equal("Con", page.QuerySelector($"li[data-comment='{against}'] [data-stance]")!.GetAttribute("data-stance"));
        Assert.True((await LoadAsync(against)).InForum);
    }

    [Fact]
    public async Task Three_reports_hide_a_comment_until_a_moderator_restores_hides_or_blocks_and_each_decision_is_audited()
    {
        var id = await PetitionTestData.PublishedAsync(app, "신고가 들어오는 제안 " + Guid.NewGuid().ToString("N")[..6], now: app.Clock.GetUtcNow());
        var writer = await app.SignedUpCitizenAsync(name: "말썽꾼");
        var comment = CommentIdFrom(await CommentAsync(writer, id, "문제가 될 수 있는 의견입니다."));

        var own = await Html.ParseAsync(await ReportAsync(writer, id, comment));
        Assert.Equal("자신의 의견은 신고할 수 없습니다.", own.QuerySelector(".ch-notice[role=status]")!.TextContent.Trim());
        var readers = new List<HttpClient>();
        for (var i = 0; i < 3; i++)
        {
            var reader = await app.SignedUpCitizenAsync();
            readers.Add(reader);
            Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(reader, id, comment)).StatusCode);
            Assert.Equal(i < 2 ? CommentState.Visible : CommentState.HiddenByReports, (await LoadAsync(comment)).State);
        }
        var again = await readers[0].SubmitAsync(await readers[0].GetPageAsync($"/petitions/{id}/comments"),
            new Dictionary<string, string> { ["comment"] = comment.ToString() }, "form[action$='/comments']", $"/petitions/{id}/comments/report");
        Assert.Equal("이미 신고한 의견입니다.", (await Html.ParseAsync(again)).QuerySelector(".ch-notice[role=status]")!.TextContent.Trim());
        var hidden = await app.CreateClient().GetPageAsync($"/petitions/{id}/comments?fresh={Guid.NewGuid():N}");
        Assert.Null(hidden.QuerySelector($"li[data-comment='{comment}'] .ch-comment__body"));
        Assert.NotNull(hidden.QuerySelector($"li[data-comment='{comment}'] .ch-comment__hidden"));

        // Only moderators see the queue.
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.GetAsync("/admin/petitions/comments")).StatusCode);
        var moderator = await app.SignedInStaffAsync(Roles.Moderator);
        var queue = await moderator.GetPageAsync("/admin/petitions/comments");
        Assert.Equal("HiddenByReports", queue.QuerySelector($"section[data-comment='{comment}']")!.GetAttribute("data-state"));
        Task<HttpResponseMessage> DecideAsync(string decision) => moderator.SubmitAsync(queue,
            new Dictionary<string, string> { ["decision"] = decision }, $"section[data-comment='{comment}'] form");
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync("Restore")).StatusCode);
        Assert.Equal(CommentState.Visible, (await LoadAsync(comment)).State);

        // Once decided, new reports bring it back to the queue without hiding it again.
        await ReportAsync(await app.SignedUpCitizenAsync(), id, comment);
        for (var i = 0; i < 3; i++) await ReportAsync(await app.SignedUpCitizenAsync(), id, comment);
        Assert.Equal(CommentState.Visible, (await LoadAsync(comment)).State);
        queue = await moderator.GetPageAsync("/admin/petitions/comments");
        Assert.Equal("Visible", queue.QuerySelector($"section[data-comment='{comment}']")!.GetAttribute("data-state"));
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync("Block")).StatusCode);
        Assert.Equal(CommentState.HiddenByModerator, (await LoadAsync(comment)).State);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.SubmitAsync(queue,
            new Dictionary<string, string> { ["comment"] = "987654321", ["decision"] = "Hide" }, $"section[data-comment='{comment}'] form")).StatusCode);

        // The blocked writer is told why they cannot comment, until unblocked.
        var refused = await writer.GetPageAsync($"/petitions/{id}/comments");
        Assert.Null(refused.QuerySelector("form[action$='/comments']"));
        var forced = await Html.ParseAsync(await writer.SubmitAsync(refused, new Dictionary<string, string> { ["Input.Body"] = "다시 씁니다." },
            "form[method=post]", $"/petitions/{id}/comments"));
        Assert.Single(forced.ErrorSummary(), e => e.StartsWith("운영 원칙 위반으로"));
        var blocked = await moderator.GetPageAsync("/admin/petitions/comments");
        var writerId = blocked.QuerySelector("tr[data-blocked]")!.GetAttribute("data-blocked")!;
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.SubmitAsync(blocked, [], $"tr[data-blocked='{writerId}'] form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(writer, id, "규칙을 지켜 다시 씁니다.")).StatusCode);

        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.TargetId == comment.ToString() || e.TargetId == writerId)
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["petition.comment.restore", "petition.comment.block", "petition.comment.unblock"], actions);
    }
}
