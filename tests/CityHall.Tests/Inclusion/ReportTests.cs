using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Inclusion;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Fulfilment;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Inclusion;

public sealed class ReportTests(InclusionClockApp app) : IClassFixture<InclusionClockApp>
{
    [Fact]
    public async Task Reports_count_applied_eligible_served_and_waiting_per_programme_and_district_with_the_average_wait()
    {
        var waiting = await InclusionData.ApplicationsAsync(app, "pc-repair", 2, ApplicationState.Waitlisted);
        var served = await InclusionData.ApplicationsAsync(app, "pc-repair", 2, ApplicationState.Closed);
        await InclusionData.ApplicationsAsync(app, "pc-repair", 1, ApplicationState.Ineligible);
        await InclusionData.ApplicationsAsync(app, "senior-smart-class", 1, ApplicationState.Submitted);
        await app.WithDbAsync(async db =>
        {
            var apps = await db.Set<InclusionApplication>().Where(a => waiting.Contains(a.Reference) || served.Contains(a.Reference)).ToListAsync();
            foreach (var a in apps)
                db.Add(new ApplicationEvent { ApplicationId = a.Id, At = a.SubmittedAt!.Value.AddDays(1), From = ApplicationState.Submitted, To = ApplicationState.Verified, ActorId = "s", ActorRole = "Official" });
            // Served 4 and 6 days after applying: 5 days on average.
            var days = 4;
            foreach (var a in apps.Where(a => served.Contains(a.Reference)))
            {
                db.Add(new FulfilmentRecord { ApplicationId = a.Id, Kind = FulfilmentKind.Appointment, FulfilledAt = a.SubmittedAt!.Value.AddDays(days), RecordedBy = "s" });
                days += 2;
            }
            // One served application in another district.
            apps[^1].DistrictCode = "11680";
            await db.SaveChangesAsync();
        });

        var staff = await app.SignedInStaffAsync(Roles.Official);
        var page = await staff.GetPageAsync("/admin/inclusion/reports");
        var repair = page.QuerySelector("[data-report=pc-repair]")!;
        var total = repair.QuerySelectorAll("[data-total] td").Select(td => td.TextContent).ToList();
        Assert.Equal(["5", "4", "2", "2", "5.0일"], total);
        var gangnam = repair.QuerySelector("[data-district='11680']")!;
        Assert.Equal(("1", "1", "6.0일"), (gangnam.QuerySelector("[data-applied]")!.TextContent, gangnam.QuerySelector("[data-served]")!.TextContent, gangnam.QuerySelector("[data-wait]")!.TextContent));
        Assert.NotNull(page.QuerySelector("[data-report=senior-smart-class]"));

        var only = await staff.GetPageAsync("/admin/inclusion/reports?programme=senior-smart-class&from=2026-06-01&to=2026-06-30");
        Assert.Null(only.QuerySelector("[data-report=pc-repair]"));
        var none = await staff.GetPageAsync("/admin/inclusion/reports?from=2025-01-01&to=2025-12-31");
        Assert.Empty(none.QuerySelectorAll("[data-report]"));
        var csv = (await staff.GetStringAsync("/admin/inclusion/reports?programme=pc-repair&handler=csv")).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("programme,district,applied,eligible,served,waiting,average_wait_days", csv[0]);
        Assert.Contains("pc-repair,11680,1,1,1,0,6.0", csv);
    }
}
