using CityHall.Web.Modules.ServiceRequests;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// Report a problem on the map, get the reference, an official answers it, the citizen sees the
/// answer: in Korean and English, axe on every page both people see.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class ServiceRequestJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "ko-KR", "en-US" };

    [Theory, MemberData(nameof(Locales))]
    public async Task Report_track_an_official_answers_and_the_citizen_sees_it(string locale)
    {
        var citizen = await f.NewPageAsync(locale);
        await Journeys.SignUpAsync(f, citizen, $"reporter-{Guid.NewGuid():N}@example.org");

        await citizen.GotoAsync("/reports");
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.GotoAsync("/reports/new");
        await Axe.AssertNoViolationsAsync(citizen);
        // Next without a choice: the error summary, then choose.
        await citizen.ClickAsync("main form .ch-actions button");
        await citizen.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.ClickAsync("label[for=service-road-damage]"); // KRDS draws the radio on the label
        await citizen.ClickAsync("main form .ch-actions button");
        await citizen.WaitForURLAsync("**/reports/new/location?service=road-damage*");

        // With JavaScript the map appears; a click on it marks the place.
        await citizen.WaitForSelectorAsync("[data-map-picker]:not([hidden]) .leaflet-container");
        await citizen.ClickAsync("[data-map]");
        Assert.NotEqual("", await citizen.InputValueAsync("#Place_Lat"));
        await citizen.FillAsync("#address", "세종대로 110 앞 횡단보도");
        await citizen.SelectOptionAsync("#district", "11140");
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.ClickAsync("main form .ch-actions button");
        await citizen.WaitForURLAsync("**/reports/new/details?*");
        await Axe.AssertNoViolationsAsync(citizen);

        // Submitting without the required answer shows every problem first.
        await citizen.ClickAsync("form[data-report-form] .ch-actions button");
        await citizen.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.ClickAsync("label[for='attribute_damage_type_-pothole']");
        await citizen.FillAsync("#Input_Description", "횡단보도 바로 앞에 깊은 포트홀이 있어 자전거가 넘어질 뻔했습니다.");
        await citizen.ClickAsync("form[data-report-form] .ch-actions button");
        await citizen.WaitForSelectorAsync("[data-confirmation] [data-reference]");
        await Axe.AssertNoViolationsAsync(citizen);
        var reference = (await citizen.TextContentAsync("[data-confirmation] [data-reference]"))!.Trim();

        // An administrator answers it.
        var official = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, official, Roles.Administrator);
        await official.GotoAsync("/admin/service-requests?sort=newest");
        await official.WaitForSelectorAsync($"tr[data-reference='{reference}']");
        await Axe.AssertNoViolationsAsync(official);
        await official.ClickAsync($"tr[data-reference='{reference}'] a");
        await official.WaitForSelectorAsync("[data-clock]");
        await Axe.AssertNoViolationsAsync(official);
        await official.SelectOptionAsync("#NewStatus", "Resolved");
        await official.FillAsync("#Answer", "포트홀을 아스팔트로 메웠습니다. 알려 주셔서 감사합니다.");
        await official.ClickAsync("form[action*='handler=Status'] button");
        await official.WaitForSelectorAsync("[data-done=status]");
        await Axe.AssertNoViolationsAsync(official);

        // The citizen sees the answer and may rate it.
        await citizen.GotoAsync($"/reports/{reference}");
        Assert.Equal(nameof(RequestStatus.Resolved), await citizen.GetAttributeAsync("[data-status]", "data-status"));
        Assert.Contains("아스팔트로 메웠습니다", await citizen.TextContentAsync("[data-history]"), StringComparison.Ordinal);
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.ClickAsync("label[for=Rating-4]");
        await citizen.ClickAsync("form[action*='handler=Rate'] button");
        await citizen.WaitForSelectorAsync("[data-rating]");
        await Axe.AssertNoViolationsAsync(citizen);
        Assert.Equal(5, await f.App.WithDbAsync(db => db.Set<ServiceRequest>().Where(r => r.Reference == reference).Select(r => r.Rating).SingleAsync()));

        await citizen.GotoAsync("/reports/mine");
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.GotoAsync("/reports/statistics");
        await Axe.AssertNoViolationsAsync(citizen);
        await citizen.GotoAsync("/developers/open311");
        await Axe.AssertNoViolationsAsync(citizen);
        foreach (var staffPage in new[] { "/admin/service-requests/templates", "/admin/service-requests/catalogue", "/admin/service-requests/catalogue/road-damage" })
        {
            await official.GotoAsync(staffPage);
            await Axe.AssertNoViolationsAsync(official);
        }
        // The public list's map now has this report's marker.
        await citizen.GotoAsync("/reports?service=road-damage");
        await citizen.WaitForSelectorAsync("[data-map-list]:not([hidden]) .leaflet-marker-icon");
        await Axe.AssertNoViolationsAsync(citizen);
        await official.Context.CloseAsync();
        await citizen.Context.CloseAsync();
    }
}
