using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Developers.Keys;
using CityHall.Web.Modules.ServiceRequests;
using CityHall.Web.Modules.ServiceRequests.Open311;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CityHall.Tests.ServiceRequests;

/// <summary>The city's clock stopped on Wednesday 23 September 2026, 17:30 in Seoul, with the two days after it holidays.</summary>
public sealed class ServiceClockApp() : ClockedApp(InSeoul(2026, 9, 23, 17, 30), new Dictionary<string, string?>
{
    ["ServiceRequests:Holidays:0"] = "2026-09-24",
    ["ServiceRequests:Holidays:1"] = "2026-09-25",
});

/// <summary>Deadlines as the intake and the staff's extension set them, on a fake clock: working days skip weekends and holidays; one extension.</summary>
public sealed class DeadlineClockTests(ServiceClockApp app) : IClassFixture<ServiceClockApp>
{
    private const string Key = "chk_deadline-clock-tests-key-000000000000000000000";
    private static readonly ClaimsPrincipal Official = new(new ClaimsIdentity([new(ClaimTypes.NameIdentifier, "clock-official"), new(ClaimTypes.Name, "담당자")], "test"));

    private async Task<string> PostAsync(string service, params (string, string)[] more)
    {
        await app.WithDbAsync(async db =>
        {
            if (!await db.Set<DeveloperKey>().AnyAsync(k => k.AppName == "clock"))
            {
                db.Add(new DeveloperKey
                {
                    OwnerId = "clock", AppName = "clock", Prefix = Key[..10], Hash = SHA256.HashData(Encoding.UTF8.GetBytes(Key)), Scopes = Open311Api.Scope,
                    RequestsPerMinute = 600, CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
                });
                await db.SaveChangesAsync();
            }
        });
        var client = new Open311Client(app.CreateClient());
        var (response, json) = await client.PostJsonAsync(Open311Client.RoadDamage(Key, [("service_code", service), .. more]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return json[0].GetProperty("service_request_id").GetString()!;
    }

    private async Task<string> ExpectedAsync(string reference)
    {
        var (_, json) = await new Open311Client(app.CreateClient()).GetJsonAsync($"/requests/{reference}.json?jurisdiction_id=seoul.go.kr");
        return json[0].GetProperty("expected_datetime").GetString()!;
    }

    private async Task<CaseActionResult> ExtendAsync(string reference, string reason)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
        var c = await db.Set<ServiceRequest>().SingleAsync(r => r.Reference == reference);
        return await scope.ServiceProvider.GetRequiredService<CaseWork>().ExtendAsync(Official, c, reason);
    }

    [Fact]
    public async Task Seven_working_days_skip_the_holidays_and_the_weekend_and_the_one_extension_adds_seven_more()
    {
        var reference = await PostAsync("road-damage");
        Assert.StartsWith("260923-", reference, StringComparison.Ordinal); // Seoul's date
        // Thu and Fri are holidays, then the weekend: Mon 28 … Tue 6 October, same time of day.
        Assert.Equal("2026-10-06T17:30:00+09:00", await ExpectedAsync(reference));

        Assert.True((await ExtendAsync(reference, "자재 수급 지연")).Done);
        Assert.Equal("2026-10-15T17:30:00+09:00", await ExpectedAsync(reference));
        Assert.Equal("Reports.CaseWork.AlreadyExtended", (await ExtendAsync(reference, "또")).ErrorKey);
        Assert.Equal("2026-10-15T17:30:00+09:00", await ExpectedAsync(reference));
    }

    private const string OverdueText = "기한 지남";

    [Fact]
    public async Task The_tracking_page_judges_overdue_by_the_citys_clock()
    {
        // Filed "now" on the app's clock (September 2026): due in October, so not overdue, whatever the machine's date.
        var reference = await PostAsync("road-damage");
        var page = await app.CreateClient().GetPageAsync($"/reports/{reference}");
        var due = page.QuerySelector("[data-due]")!.TextContent;
        Assert.Contains("2026", due, StringComparison.Ordinal);
        Assert.DoesNotContain(OverdueText, due, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-overdue]"));
    }

    [Fact]
    public async Task Hazards_are_due_in_24_hours_even_over_holidays_and_cannot_be_extended()
    {
        var reference = await PostAsync("dangerous-facility", ("attribute[damage_type]", ""));
        Assert.Equal("2026-09-24T17:30:00+09:00", await ExpectedAsync(reference));
        Assert.Equal("Reports.CaseWork.NotExtendable", (await ExtendAsync(reference, "사유")).ErrorKey);
    }
}
