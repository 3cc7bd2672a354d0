using CityHall.Web.Modules.Broadcasts;

namespace CityHall.BrowserTests;

/// <summary>The broadcasting pages citizens and staff see, in Korean and English: no axe violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BroadcastPagesTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "ko-KR", "en-US" };

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static long programmeId;

    private async Task<long> SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (programmeId != 0) return programmeId;
            programmeId = await f.App.WithDbAsync(async db =>
            {
                var show = new Programme
                {
                    ChannelCode = "tbs-fm", TitleKo = "출근길 교통", TitleEn = "Commute traffic", DescriptionKo = "출근길 도로 사정을 알려 드립니다.", UpdatedAt = DateTime.UtcNow,
                    Slots = [.. Enum.GetValues<DayOfWeek>().Select(d => new ProgrammeSlot { Day = d, Start = new TimeOnly(0, 0), Minutes = 1439 })],
                };
                db.Add(show);
                await db.SaveChangesAsync();
                return show.Id;
            });
            return programmeId;
        }
        finally { Seeding.Release(); }
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task Broadcast_pages_have_no_axe_violations(string locale)
    {
        var id = await SeedAsync();
        var page = await f.NewPageAsync(locale);
        foreach (var url in new[] { "/broadcasts", "/broadcasts/tbs-fm", $"/broadcasts/programmes/{id}" })
            await Axe.AssertPageHasNoViolationsAsync(page, url);
        Assert.Equal(1, await page.Locator("[data-next-showings]").CountAsync());

        var staff = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, staff, CityHall.Web.Platform.Identity.Roles.Official);
        foreach (var url in new[] { "/admin/broadcasts", "/admin/broadcasts/channels/tbs-fm", $"/admin/broadcasts/programmes/{id}", "/admin/broadcasts/changes/new" })
            await Axe.AssertPageHasNoViolationsAsync(staff, url);
        // A slot form sent empty: the error summary and the days' group marked.
        await staff.GotoAsync($"/admin/broadcasts/programmes/{id}");
        await staff.ClickAsync("form[data-slot-form] button[type=submit]");
        await staff.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(staff);
    }
}
