using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Modules.Petitions.Forum;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Petitions;

/// <summary>
/// A city behind a proxy (so each test client can come from its own address) with tight limits:
/// an account may sign 2 proposals and an address 3 an hour, comment once and propose once a day.
/// </summary>
public sealed class FraudApp() : CityHallApp(new Dictionary<string, string?>
{
    ["Hosting:BehindProxy"] = "true",
    ["Petitions:Fraud:Sign:PerAccount"] = "2",
    ["Petitions:Fraud:Sign:PerAddress"] = "3",
    ["Petitions:Fraud:Sign:Window"] = "01:00:00",
    ["Petitions:Fraud:Comment:PerAccount"] = "1",
    ["Petitions:Fraud:Propose:PerAccount"] = "1",
});

public sealed class FraudTests(FraudApp app) : IClassFixture<FraudApp>
{
    private static async Task<HttpResponseMessage> SignAsync(HttpClient client, long id) =>
        await client.SubmitAsync(await client.GetPageAsync($"/petitions/{id}"), [], "form[action$='/sign']");

    private async Task<HttpClient> CitizenAtAsync(string address)
    {
        var client = await app.VerifiedCitizenAsync();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private Task<List<PetitionSignature>> SignaturesAsync(long id) =>
        app.WithDbAsync(db => db.Set<PetitionSignature>().AsNoTracking().Where(s => s.PetitionId == id).OrderBy(s => s.Sequence).ToListAsync());

    [Fact]
    public async Task Bursts_are_accepted_but_flagged_and_an_administrator_invalidates_them_in_bulk_on_the_chain()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add(await PetitionTestData.PublishedAsync(app, $"부정 서명 검토 대상 {i} " + Guid.NewGuid().ToString("N")[..6]));

        // One account signs three proposals: the third goes over its limit of two. Another account
        // at the same address makes the address's fourth signature. A third person elsewhere is ordinary.
        var busy = await CitizenAtAsync("203.0.113.7");
        foreach (var id in ids) Assert.Contains("done=signed", (await SignAsync(busy, id)).Headers.Location!.ToString());
        var neighbour = await CitizenAtAsync("203.0.113.99");
        var sameHouse = await CitizenAtAsync("203.0.113.7");
        Assert.Contains("done=signed", (await SignAsync(sameHouse, ids[0])).Headers.Location!.ToString());
        Assert.Contains("done=signed", (await SignAsync(neighbour, ids[0])).Headers.Location!.ToString());
        var elsewhere = await CitizenAtAsync("198.51.100.9");
        Assert.Contains("done=signed", (await SignAsync(elsewhere, ids[0])).Headers.Location!.ToString());

        var first = await SignaturesAsync(ids[0]);
        Assert.Equal(["203.0.113.7", "203.0.113.7", "203.0.113.99", "198.51.100.9"], first.Select(s => s.ClientIp));
        Assert.Equal([false, true, false, false], first.Select(s => s.Flagged));
        Assert.All(first, s => Assert.Equal("example.org", s.EmailDomain));
        Assert.True((await SignaturesAsync(ids[2])).Single().Flagged);
        Assert.Equal(4, await app.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == ids[0]).Select(p => p.SignatureCount).SingleAsync()));

        // Only administrators review signatures.
        var moderator = await app.SignedInStaffAsync(Roles.Moderator);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/admin/petitions/signatures")).StatusCode);
        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        var review = await admin.GetPageAsync("/admin/petitions/signatures");
        Assert.Equal("2", review.QuerySelector("[data-flagged-total]")!.GetAttribute("data-flagged-total"));
        Assert.NotNull(review.QuerySelector("tr[data-flagged-network='203.0.113.0/24']"));
        Assert.Empty(review.ErrorSummary());

        // Bad filters are explained; nothing is matched.
        var none = await admin.GetPageAsync("/admin/petitions/signatures?Filter.FlaggedOnly=true&Filter.FlaggedOnly=false");
        Assert.Equal(["제안, 주소 범위, 도메인, 시각 중 하나 이상을 넣으세요."], none.ErrorSummary());
        var badRange = await admin.GetPageAsync("/admin/petitions/signatures?Filter.Range=999.1.1.1%2F40");
        Assert.Equal(["IP 주소 범위를 203.0.113.0/24 같은 형식으로 입력하세요."], badRange.ErrorSummary());
        var backwards = await admin.GetPageAsync("/admin/petitions/signatures?Filter.From=2026-11-02T00:00&Filter.To=2026-11-01T00:00");
        Assert.Equal(["끝 시각은 시작 시각보다 뒤여야 합니다."], backwards.ErrorSummary());

        // The whole /24, flagged or not: the two flagged and the neighbour's (three on the first proposal, one on the third).
        var found = await admin.GetPageAsync("/admin/petitions/signatures?Filter.Range=203.0.113.0%2F24&Filter.FlaggedOnly=false");
        Assert.Equal("5", found.QuerySelector("[data-matching]")!.GetAttribute("data-matching"));
        // Narrowed to flagged ones only: two.
        found = await admin.GetPageAsync("/admin/petitions/signatures?Filter.Range=203.0.113.0%2F24&Filter.FlaggedOnly=true&Filter.FlaggedOnly=false");
        Assert.Equal("2", found.QuerySelector("[data-matching]")!.GetAttribute("data-matching"));
        var noReason = await Html.ParseAsync(await admin.SubmitAsync(found, new Dictionary<string, string> { ["Reason"] = " " }, "#invalidate-form"));
        Assert.Equal(["무효 처리 사유를 입력하세요."], noReason.ErrorSummary());
        Assert.Equal(4, (await SignaturesAsync(ids[0])).Count(s => s.WithdrawnAt == null));

        var done = await admin.SubmitAsync(found, new Dictionary<string, string> { ["Reason"] = "같은 주소에서 짧은 시간에 몰린 서명" }, "#invalidate-form");
        Assert.Equal("/admin/petitions/signatures?done=2", done.Headers.Location!.ToString());
        first = await SignaturesAsync(ids[0]);
        Assert.Equal([false, true, false, false], first.Select(s => s.InvalidatedAt is not null));
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == ids[0]).Select(p => p.SignatureCount).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == ids[2]).Select(p => p.SignatureCount).SingleAsync()));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var verifier = scope.ServiceProvider.GetRequiredService<PetitionChainVerifier>();
            foreach (var id in ids) Assert.True((await verifier.VerifyAsync(id))!.IsIntact);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<PetitionChainEntry>().CountAsync(e => e.PetitionId == ids[0] && e.Kind == ChainEntryKind.Invalidation)));
        var audit = await app.WithDbAsync(db => db.Set<AuditEntry>().SingleAsync(e => e.Action == "petition.signatures.invalidated"));
        Assert.Contains("같은 주소에서 짧은 시간에 몰린 서명", audit.Details);
        Assert.Contains("203.0.113.0/24", audit.Details);
        // The person whose signature was invalidated no longer has a live signature there.
        var page = await sameHouse.GetPageAsync($"/petitions/{ids[0]}");
        Assert.NotNull(page.QuerySelector("form[action$='/sign']"));
    }

    [Fact]
    public async Task Bursts_of_comments_and_proposals_are_flagged_for_moderators()
    {
        var id = await PetitionTestData.PublishedAsync(app, "댓글이 몰리는 제안 " + Guid.NewGuid().ToString("N")[..6]);
        var writer = await app.SignedUpCitizenAsync();
        foreach (var text in new[] { "첫 번째 의견입니다.", "두 번째 의견입니다." })
        {
            var form = await writer.GetPageAsync($"/petitions/{id}/comments");
            Assert.Equal(HttpStatusCode.Redirect, (await writer.SubmitAsync(form, new Dictionary<string, string> { ["Input.Body"] = text }, "form[action$='/comments']")).StatusCode);
        }
        var flags = await app.WithDbAsync(db => db.Set<PetitionComment>().Where(c => c.PetitionId == id).OrderBy(c => c.Id).Select(c => c.Flagged).ToListAsync());
        Assert.Equal([false, true], flags);
        var moderator = await app.SignedInStaffAsync(Roles.Moderator);
        var queue = await moderator.GetPageAsync("/admin/petitions/comments");
        Assert.Single(queue.QuerySelectorAll("section[data-comment] [data-flagged]"));

        var author = await app.SignedUpCitizenAsync();
        var titles = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var title = $"연달아 올리는 제안 {i} " + Guid.NewGuid().ToString("N")[..6];
            titles.Add(title);
            Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync(await author.GetPageAsync("/petitions/new"), new Dictionary<string, string>
            {
                ["Input.Title"] = title, ["Input.Body"] = "같은 사람이 하루에 여러 개의 제안을 올리는 경우입니다.", ["Input.CategoryCode"] = "other", ["Input.DistrictCode"] = "",
            }, "form[action='/petitions/new']")).StatusCode);
        }
        var pending = await moderator.GetPageAsync("/admin/petitions");
        var rows = pending.QuerySelectorAll("tbody tr").Where(r => titles.Any(t => r.TextContent.Contains(t))).ToList();
        Assert.Equal([false, true], rows.Select(r => r.QuerySelector("[data-flagged]") is not null));
    }
}
