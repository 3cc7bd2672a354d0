using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.ServiceRequests;

/// <summary>A person's reports, follows and apps' keys in "download my data"; after deleting the account the cases stay, unlinked, and private content is gone.</summary>
public sealed class PersonalDataTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task Deleting_an_account_keeps_the_cases_for_the_city_but_nothing_that_points_to_the_person()
    {
        var client = await app.SignedUpCitizenAsync();
        var publicCase = ReportPagesTests.ReferenceOf(await ReportPagesTests.ReportAsync(client, "litter", "address=" + Uri.EscapeDataString("종로구 종로 1"),
            new() { ["Input.Description"] = "골목에 쓰레기가 쌓여 있습니다.", ["Input.IsPublic"] = "true" }));
        var privateCase = ReportPagesTests.ReferenceOf(await ReportPagesTests.ReportAsync(client, "women-safety", "address=" + Uri.EscapeDataString("종로구 종로 2"),
            new() { ["Input.Description"] = "제 집 앞 골목, 연락처 010-1234-5678", ["Input.IsPublic"] = "false" }));
        var key = await Open311Client.NewKeyAsync(client, "내 앱");

        using (var export = JsonDocument.Parse(await client.GetStringAsync("/account/data/download")))
        {
            var section = export.RootElement.GetProperty("serviceRequests");
            Assert.Equal(2, section.GetProperty("reports").GetArrayLength());
            // The app's key is the developer portal's: listed there, never its hash.
            var keys = export.RootElement.GetProperty("developers").GetProperty("keys");
            Assert.Equal("내 앱", keys[0].GetProperty("app").GetString());
            Assert.DoesNotContain("hash", keys[0].GetRawText(), StringComparison.OrdinalIgnoreCase);
        }
        var data = await client.GetPageAsync("/account/data");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(data, new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password })).StatusCode);

        var kept = await app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().Where(r => r.Reference == publicCase || r.Reference == privateCase).ToListAsync());
        Assert.Equal(2, kept.Count);
        Assert.All(kept, r => Assert.Null(r.ReporterId));
        Assert.Equal("골목에 쓰레기가 쌓여 있습니다.", kept.Single(r => r.Reference == publicCase).Description);
        Assert.Equal("", kept.Single(r => r.Reference == privateCase).Description);
        // The app's key is gone, and refused at once.
        Assert.False(await app.WithDbAsync(db => db.Set<Web.Modules.Developers.Keys.DeveloperKey>().AnyAsync(k => k.AppName == "내 앱")));
        var (refused, refusedJson) = await new Open311Client(app.CreateClient()).PostJsonAsync(Open311Client.RoadDamage(key));
        Open311Client.JsonErrors(refused, refusedJson, HttpStatusCode.Forbidden);
    }
}
