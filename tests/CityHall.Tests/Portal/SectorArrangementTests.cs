using AngleSharp.Dom;
using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Portal;

/// <summary>Staff put a sector's services in the order they want and hide some, at /admin/city; the sector page follows.</summary>
public sealed class SectorArrangementTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static string Field(AngleSharp.Dom.IDocument page, string key, string property) =>
        page.QuerySelector($"[data-service-key='{key}'] [name$='.{property}']")!.GetAttribute("name")!;

    [Fact]
    public async Task Staff_reorder_and_hide_a_sectors_services_and_refuse_positions_out_of_range()
    {
        var admin = await app.SignedInStaffAsync(Roles.Administrator, "sector-arranger@seoul.go.kr");
        var page = await admin.GetPageAsync("/admin/city");
        var participation = page.QuerySelector("[data-sector-services=participation]")!;
        Assert.Equal(["ServiceRequests/report", "ServiceRequests/my-reports", "ServiceRequests/reports", "Petitions/proposals", "Decisions/votes", "Decisions/budgets", "Petitions/answers-due"],
            participation.QuerySelectorAll("[data-service-key]").Select(e => e.GetAttribute("data-service-key")));

        var refused = await Html.ParseAsync(await admin.SubmitAsync(page, page.FilledIn("form:not([action])").With((Field(page, "Petitions/proposals", "Position"), "0")), "form:not([action])"));
        Assert.Single(refused.ErrorSummary());

        // Proposals first, the public list of reports hidden; a key no module offers is ignored.
        var values = page.FilledIn("form:not([action])").With(
            (Field(page, "Petitions/proposals", "Position"), "1"), (Field(page, "ServiceRequests/report", "Position"), "2"),
            (Field(page, "ServiceRequests/reports", "Hidden"), "true"),
            (Field(page, "Petitions/answers-due", "Key"), "Nobody/anything"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, values, "form:not([action])")).StatusCode);

        var sector = await app.CreateClient().GetPageAsync("/sectors/participation?arranged=1");
        Assert.Equal(["/petitions", "/reports/new", "/reports/mine", "/votes", "/budgets", "/petitions/answers"], sector.QuerySelectorAll("[data-services] a").Select(a => a.GetAttribute("href")));
        var again = await admin.GetPageAsync("/admin/city");
        Assert.True(again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[type=checkbox][name='{Field(again, "ServiceRequests/reports", "Hidden")}']")!.IsChecked);
        Assert.Equal("Petitions/proposals", again.QuerySelector("[data-sector-services=participation] [data-service-key]")!.GetAttribute("data-service-key"));
        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "city-settings.changed").OrderByDescending(e => e.Sequence).FirstAsync());
        Assert.Contains("\"Sectors\"", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("Nobody/anything", await app.WithDbAsync(db => db.Set<CityHall.Web.Platform.City.CitySettingsRecord>().Select(r => r.Json).SingleAsync()), StringComparison.Ordinal);
    }
}
