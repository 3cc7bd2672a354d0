using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Identity;

namespace CityHall.Tests.Admin;

public sealed class UsersQueueTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task Administrators_filter_sort_and_export_accounts()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        (await app.SignedUpCitizenAsync($"b-{tag}@example.org", "나중사람")).Dispose();
        (await app.SignedUpCitizenAsync($"a-{tag}@example.org", "가장먼저")).Dispose();
        var admin = await app.SignedInStaffAsync(Roles.Administrator);

        var page = await admin.GetPageAsync($"/admin/users?q={tag}");
        Assert.Equal("2", page.QuerySelector("[data-total]")!.GetAttribute("data-total"));
        Assert.Equal([$"a-{tag}@example.org", $"b-{tag}@example.org"], page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent).ToArray());

        var descending = await admin.GetPageAsync($"/admin/users?q={tag}&sort=email-desc");
        Assert.Equal($"b-{tag}@example.org", descending.QuerySelector("tbody tr td")!.TextContent);

        var staffOnly = await admin.GetPageAsync("/admin/users?role=Administrator");
        Assert.All(staffOnly.QuerySelectorAll("tbody tr td:nth-child(3)"), td => Assert.Contains("Administrator", td.TextContent));

        var csv = await admin.GetAsync($"/admin/users/csv?q={tag}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Trim().Split('\n');
        Assert.Equal(3, lines.Length); // header and the two accounts
        Assert.StartsWith("Id,Email,DisplayName", lines[0]);
        Assert.Contains("가장먼저", lines[1]);
    }

    [Fact]
    public async Task Officials_and_citizens_cannot_list_accounts()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInStaffAsync(Roles.Official)).GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedUpCitizenAsync()).GetAsync("/admin/users/csv")).StatusCode);
    }
}
