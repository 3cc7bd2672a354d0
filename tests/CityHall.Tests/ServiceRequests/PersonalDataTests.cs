using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.ServiceRequests;

/// <summary>A person's reports, follows and keys in "download my data"; after deleting the account the cases stay, unlinked, and private content is gone.</summary>
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
        var page = await client.GetPageAsync("/developers/open311");
        await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Name"] = "내 앱" }, "main form[action*='handler=Issue']");

        using (var export = JsonDocument.Parse(await client.GetStringAsync("/account/data/download")))
        {
            var section = export.RootElement.GetProperty("serviceRequests");
            Assert.Equal(2, section.GetProperty("reports").GetArrayLength());
            Assert.Equal("내 앱", section.GetProperty("apiKeys")[0].GetProperty("name").GetString());
        }
        var data = await client.GetPageAsync("/account/data");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(data, new Dictionary<string, string> { ["Input.Password"] = TestAccounts.Password })).StatusCode);

        var kept = await app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().Where(r => r.Reference == publicCase || r.Reference == privateCase).ToListAsync());
        Assert.Equal(2, kept.Count);
        Assert.All(kept, r => Assert.Null(r.ReporterId));
        Assert.Equal("골목에 쓰레기가 쌓여 있습니다.", kept.Single(r => r.Reference == publicCase).Description);
        Assert.Equal("", kept.Single(r => r.Reference == privateCase).Description);
        Assert.False(await app.WithDbAsync(db => db.Set<Web.Modules.ServiceRequests.Open311.ApiKey>().AnyAsync(k => k.Name == "내 앱")));
    }
}
