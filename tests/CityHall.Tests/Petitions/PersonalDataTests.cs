using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Modules.Petitions.Forum;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Petitions;

/// <summary>A person's petition data in "download my data", and what deleting the account leaves: public records, no person.</summary>
public sealed class PersonalDataTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task Deleting_an_account_removes_the_person_from_proposals_signatures_and_comments_and_the_tally_still_verifies()
    {
        var email = $"leaver-{Guid.NewGuid():N}@example.org";
        var client = await app.SignedUpCitizenAsync(email, "떠나는 시민");
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var published = await PetitionTestData.PublishedAsync(app, "공개된 제안 " + Guid.NewGuid().ToString("N")[..6], authorId: userId);
        await app.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == published).ExecuteUpdateAsync(u => u.SetProperty(p => p.AuthorName, "떠나는 시민")));
        var pending = await PetitionTestData.PublishedAsync(app, "검토 전 제안 " + Guid.NewGuid().ToString("N")[..6], PetitionStatus.PendingReview, authorId: userId);
        var writer = app.Services.GetRequiredService<SignatureWriter>();
        await writer.SignAsync(published, $"leaver-{userId}", userId, "jongno", new SignatureOrigin("203.0.113.5", "example.org", false));
        var form = await client.GetPageAsync($"/petitions/{published}/comments");
        var posted = await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Body"] = "제 전화번호는 010-0000-0000입니다." }, "form[action$='/comments']");
        var comment = long.Parse(posted.Headers.Location!.ToString().Split("#comment-")[1], System.Globalization.CultureInfo.InvariantCulture);

        using (var export = JsonDocument.Parse(await client.GetStringAsync("/account/data/download")))
        {
            var section = export.RootElement.GetProperty("petitions");
            Assert.Equal(2, section.GetProperty("proposals").GetArrayLength());
            Assert.Equal("203.0.113.5", section.GetProperty("signatures")[0].GetProperty("address").GetString());
            Assert.Contains("010-0000-0000", section.GetProperty("comments")[0].GetProperty("body").GetString());
        }

        var data = await client.GetPageAsync("/account/data");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(data, new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password })).StatusCode);

        Assert.False(await app.WithDbAsync(db => db.Set<Petition>().AnyAsync(p => p.Id == pending)));
        var kept = await app.WithDbAsync(db => db.Set<Petition>().AsNoTracking().SingleAsync(p => p.Id == published));
        Assert.Equal(("", null, 1), (kept.AuthorName, kept.AuthorId, kept.SignatureCount));
        var signature = await app.WithDbAsync(db => db.Set<PetitionSignature>().AsNoTracking().SingleAsync(s => s.PetitionId == published));
        Assert.Equal((null, null, null, (DateTimeOffset?)null), (signature.UserId, signature.ClientIp, signature.EmailDomain, signature.WithdrawnAt));
        var erased = await app.WithDbAsync(db => db.Set<PetitionComment>().AsNoTracking().SingleAsync(c => c.Id == comment));
        Assert.Equal(("", "", CommentState.Erased), (erased.Body, erased.AuthorName, erased.State));
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<PetitionChainVerifier>().VerifyAsync(published))!.IsIntact);

        var page = await app.CreateClient().GetPageAsync($"/petitions/{published}?fresh={Guid.NewGuid():N}");
        Assert.DoesNotContain("떠나는 시민", page.QuerySelector("main")!.TextContent);
        Assert.Contains("탈퇴한 회원", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("010-0000-0000", page.QuerySelector("main")!.TextContent);
    }
}
