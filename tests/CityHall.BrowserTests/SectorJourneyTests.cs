using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// From the home page to a real service through its sector, as a new visitor finds their way: culture to the live
/// events, complaints and participation to the report form (signed in), toilets and facilities to the toilets near them — with no
/// axe violation on the sector page or the service, in Korean and English.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class SectorJourneyTests(BrowserFixture f)
{
    public static TheoryData<string, string, string, string> Paths => new()
    {
        { "ko-KR", "culture", "live-events", "/live" },
        { "en-US", "culture", "live-events", "/live" },
        { "ko-KR", "participation", "report", "/reports/new" },
        { "en-US", "participation", "report", "/reports/new" },
        { "ko-KR", "facilities", "toilets-near", "/places/near" },
        { "en-US", "facilities", "toilets-near", "/places/near" },
    };

    [Theory, MemberData(nameof(Paths))]
    public async Task Home_leads_through_a_sector_to_its_service(string locale, string sector, string service, string servicePath)
    {
        var page = await f.NewPageAsync(locale);
        // Reporting a problem is for a signed-in citizen (the form is behind sign-in): one signs up first.
        if (service == "report") await Journeys.SignUpAsync(f, page, $"sector-{locale}-{Guid.NewGuid():N}@example.com");
        await page.GotoAsync("/");
        await page.ClickAsync($".ch-sectors a[href='/sectors/{sector}']");
        await page.WaitForURLAsync($"**/sectors/{sector}");
        Assert.Equal(1, await page.Locator($"[data-services] [data-service='{service}']").CountAsync());
        Assert.Equal(0, await page.Locator("[data-no-services]").CountAsync());
        await Axe.AssertNoViolationsAsync(page);

        await page.ClickAsync($"[data-services] [data-service='{service}'] a");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == servicePath);
        // The service's own page, in the visitor's language, not an error.
        Assert.Equal(locale[..2], await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(0, await page.Locator(".ch-trace").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
    }
}
