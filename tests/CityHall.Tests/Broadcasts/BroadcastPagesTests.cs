using AngleSharp.Dom;
using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Broadcasts;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Broadcasts;

/// <summary>
/// The pages staff keep the broadcasts with (a channel's details, a programme's slots, its removal, a schedule
/// change and its removal) and what citizens then see; every refusal and unknown address. The city's clock
/// is Monday 30 November 2026, 07:30 in Seoul (see <see cref="BroadcastClockApp"/>).
/// </summary>
public sealed class BroadcastPagesTests(BroadcastClockApp app) : IClassFixture<BroadcastClockApp>
{
    private const string English = ".CityHall.Culture=c%3Den-US%7Cuic%3Den-US";

    private Task<List<string>> AuditActionsAsync() =>
        app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.Action.StartsWith("broadcasts.")).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());

    [Fact]
    public async Task Staff_edit_a_channels_details_and_the_channel_page_shows_them_in_each_language()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official, "channel-editor@seoul.go.kr");
        var form = await staff.GetPageAsync("/admin/broadcasts/channels/tbs-tv");
        Assert.Equal("TBS TV", form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_NameEn")!.Value);

        var refused = await Html.ParseAsync(await staff.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.NameKo"] = "", ["Input.NameEn"] = " ", ["Input.LiveUrl"] = "javascript:alert(1)", ["Input.Website"] = "tbs dot seoul",
        }));
        Assert.Equal(4, refused.ErrorSummary().Length); // both names, and two addresses that are not web pages
        Assert.Equal("TBS TV", await app.WithDbAsync(db => db.Set<BroadcastChannel>().Where(c => c.Code == "tbs-tv").Select(c => c.NameEn).SingleAsync()));

        var saved = await staff.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.NameKo"] = "TBS 교통방송 TV", ["Input.NameEn"] = "TBS Television", ["Input.Medium"] = "Television", ["Input.Frequency"] = "",
            ["Input.LiveUrl"] = "https://tbs.seoul.kr/live/tv", ["Input.Website"] = "https://tbs.seoul.kr/tv",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var channel = await app.WithDbAsync(db => db.Set<BroadcastChannel>().AsNoTracking().SingleAsync(c => c.Code == "tbs-tv"));
        Assert.Equal(("TBS 교통방송 TV", "TBS Television", null, "https://tbs.seoul.kr/tv"), (channel.NameKo, channel.NameEn, channel.Frequency, channel.Website));
        Assert.Contains("broadcasts.channel.edit", await AuditActionsAsync());

        var korean = await app.CreateClient().GetPageAsync("/broadcasts/tbs-tv?date=2026-12-01");
        Assert.Contains("TBS 교통방송 TV", korean.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("https://tbs.seoul.kr/live/tv", korean.QuerySelector("a[data-live]")!.GetAttribute("href"));
        Assert.Equal("https://tbs.seoul.kr/tv", korean.QuerySelector("a[data-website]")!.GetAttribute("href"));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", English);
        var english = await client.GetPageAsync("/broadcasts/tbs-tv?date=2026-12-01");
        Assert.Contains("TBS Television", english.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/admin/broadcasts/channels/no-such-channel")).StatusCode);
    }

    [Fact]
    public async Task Staff_remove_a_slot_then_the_programme_and_its_pages_and_calendar_are_gone()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official, "programme-editor@seoul.go.kr");
        var created = await staff.SubmitAsync(await staff.GetPageAsync("/admin/broadcasts/programmes/new?channel=tbs-fm"),
            new Dictionary<string, string> { ["Input.Channel"] = "tbs-fm", ["Input.TitleKo"] = "저녁 산책", ["Input.TitleEn"] = "Evening Walk" }, "form[data-programme-form]");
        var edit = created.Headers.Location!.OriginalString;
        var id = long.Parse(edit.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var page = await staff.GetPageAsync(edit);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(page,
            [new("Slot.Days", "Saturday"), new("Slot.Days", "Sunday"), new("Slot.Start", "20:00"), new("Slot.Minutes", "60")], "form[data-slot-form]")).StatusCode);
        page = await staff.GetPageAsync(edit);
        Assert.Equal(2, page.QuerySelectorAll("[data-slots] li").Length);

        // A slot is removed by its own programme's page only.
        var slotIds = await app.WithDbAsync(db => db.Set<ProgrammeSlot>().Where(s => s.ProgrammeId == id).OrderBy(s => s.Day).Select(s => s.Id).ToListAsync());
        var removeForm = $"form[action*='handler=removeSlot'][action$='slot={slotIds[0]}']";
        var other = await staff.SubmitAsync(page, [], removeForm, $"/admin/broadcasts/programmes/{id + 1000}?handler=removeSlot&slot={slotIds[0]}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(page, [], removeForm)).StatusCode);
        page = await staff.GetPageAsync(edit);
        Assert.Single(page.QuerySelectorAll("[data-slots] li"));
        var ics = Ical.Net.Calendar.Load(await app.CreateClient().GetStringAsync($"/broadcasts/programmes/{id}.ics"))!;
        Assert.Single(ics.Events); // Saturday's slot only

        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(page, [], "form[action*='handler=delete']:not([action*='removeSlot'])")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ProgrammeSlot>().CountAsync(s => s.ProgrammeId == id)));
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/broadcasts/programmes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/broadcasts/programmes/{id}.ics?after-delete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(edit)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/admin/broadcasts/programmes/not-a-number")).StatusCode);
        var actions = await AuditActionsAsync();
        Assert.Contains("broadcasts.slots.remove", actions);
        Assert.Equal("broadcasts.programme.delete", actions[^1]);
    }

    [Fact]
    public async Task A_scheduled_special_is_listed_for_staff_shown_to_citizens_and_removed()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official, "change-editor@seoul.go.kr");
        var saved = await staff.SubmitAsync(await staff.GetPageAsync("/admin/broadcasts/changes/new"), new Dictionary<string, string>
        {
            ["Input.Channel"] = "tbs-tv", ["Input.Date"] = "2026-12-04", ["Input.Start"] = "21:00", ["Input.Minutes"] = "45", ["Input.Kind"] = "special",
            ["Input.TitleKo"] = "시장과의 대화", ["Input.TitleEn"] = "Talk with the Mayor", ["Input.Note"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var admin = await staff.GetPageAsync("/admin/broadcasts");
        var row = admin.QuerySelectorAll("[data-changes] tbody tr").Single(r => r.TextContent.Contains("시장과의 대화", StringComparison.Ordinal));
        Assert.Contains("오후 9:45", row.TextContent, StringComparison.Ordinal);
        var friday = await app.CreateClient().GetPageAsync("/broadcasts/tbs-tv?date=2026-12-04");
        Assert.Contains(friday.QuerySelectorAll("[data-schedule] tbody tr"), r => r.GetAttribute("data-starts") == "21:00" && r.TextContent.Contains("시장과의 대화", StringComparison.Ordinal));

        var removed = await staff.SubmitAsync(admin, [], $"form[action*='deleteChange']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain((await staff.GetPageAsync("/admin/broadcasts")).QuerySelectorAll("[data-changes] tbody tr"), r => r.TextContent.Contains("시장과의 대화", StringComparison.Ordinal));
        var after = await app.CreateClient().GetPageAsync("/broadcasts/tbs-tv?date=2026-12-04&after=removal");
        Assert.DoesNotContain(after.QuerySelectorAll("[data-schedule] tbody tr"), r => r.TextContent.Contains("시장과의 대화", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.SubmitAsync(admin, [], "form[action*='deleteChange']")).StatusCode); // already gone
        Assert.Equal(["broadcasts.change.add", "broadcasts.change.delete"], (await AuditActionsAsync()).Where(a => a.StartsWith("broadcasts.change", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Public_pages_take_any_date_and_unknown_addresses_are_not_found()
    {
        var client = app.CreateClient();
        // A date that is not a date, or out of the week shown, falls back to today rather than failing.
        foreach (var date in new[] { "yesterday", "2026-13-45", "1900-01-01", "9999-12-31", "%00" })
        {
            var page = await client.GetPageAsync($"/broadcasts/tbs-fm?date={date}");
            Assert.False(page.IsErrorPage(), date);
            Assert.Equal("11. 30 월", page.QuerySelector("[aria-current=date]")!.TextContent); // Monday, in Korean date order
        }
        foreach (var url in new[] { "/broadcasts/programmes/0", "/broadcasts/programmes/99999999", "/broadcasts/programmes/0.ics", "/broadcasts/no-such-channel" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.Equal("application/problem+json", (await client.GetAsync("/broadcasts/programmes/424242.ics")).Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Only_staff_with_the_broadcasts_permission_reach_the_admin_pages()
    {
        string[] pages = ["/admin/broadcasts", "/admin/broadcasts/channels/tbs-fm", "/admin/broadcasts/programmes/new?channel=tbs-fm", "/admin/broadcasts/changes/new"];
        var citizen = await app.SignedUpCitizenAsync();
        var anonymous = app.CreateBrowserLikeClient();
        var staff = await app.SignedInStaffAsync(Roles.Official, "broadcasts-reader@seoul.go.kr");
        var moderator = await app.SignedInStaffAsync(Roles.Moderator, "moderator-not-broadcasts@seoul.go.kr"); // staff, but not for broadcasts
        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(page)).StatusCode);
            var redirect = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.Equal("/account/sign-in", redirect.Headers.Location!.AbsolutePath);
            Assert.False((await staff.GetPageAsync(page)).IsErrorPage(), page);
        }
    }
}
