using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.CityNetwork.Mous;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.CityNetwork;

/// <summary>MOUs: parties, dates and the status that follows from them, documents, follow-up actions, and what the public sees.</summary>
public sealed class MouTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public void The_status_follows_from_the_dates()
    {
        var mou = new Mou { Title = "T" };
        var day = new DateOnly(2026, 12, 6);
        Assert.Equal(MouStatus.Draft, mou.StatusOn(day));
        mou.SignedOn = new DateOnly(2026, 11, 1);
        Assert.Equal(MouStatus.Active, mou.StatusOn(day));
        mou.StartsOn = new DateOnly(2027, 1, 1);
        Assert.Equal(MouStatus.Signed, mou.StatusOn(day));
        (mou.StartsOn, mou.EndsOn) = (null, new DateOnly(2026, 12, 5));
        Assert.Equal(MouStatus.Expired, mou.StatusOn(day));
        mou.EndsOn = day;
        Assert.Equal(MouStatus.Active, mou.StatusOn(day)); // the last day still counts
    }

    [Fact]
    public async Task The_secretariat_records_an_mou_its_parties_documents_and_actions_and_the_public_sees_it_once_signed()
    {
        var seoulMember = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Ulaanbaatar"), "MN");
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");
        var title = NetworkTestData.Unique("E-government cooperation");
        var form = await secretary.GetPageAsync("/admin/network/mous/new");
        // A signing day before there are parties is refused.
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(form, [new("Input.Title", title), new("Input.SignedOn", "2026-01-10")], "main form:not([action])"))).ErrorSummary());
        var path = Html.RedirectedTo(await secretary.SubmitAsync(form, [new("Input.Title", title), new("Input.Areas", "e-government, smart transport")], "main form:not([action])"));
        var id = long.Parse(path.Split('/')[^1].Split('?')[0]);
        var page = await secretary.GetPageAsync($"/admin/network/mous/{id}");
        Assert.Equal("Draft", page.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        // A draft is not public.
        Assert.Null((await app.CreateClient().GetPageAsync("/network/mous")).QuerySelector($"[data-mou='{id}']"));

        Html.RedirectedTo(await secretary.SubmitAsync(page, [new("Party.MemberId", seoulMember.Id.ToString())], "form[action$='handler=party']"));
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(page, [new("Party.Name", ""), new("Party.Country", "")], "form[action$='handler=party']"))).ErrorSummary());
        Html.RedirectedTo(await secretary.SubmitAsync(page, [new("Party.Name", "Korea Local Information Research & Development Institute"), new("Party.Country", "KR")], "form[action$='handler=party']"));
        page = await secretary.GetPageAsync($"/admin/network/mous/{id}");
        Html.RedirectedTo(await secretary.SubmitAsync(page, page.FilledIn("main form:not([action])").With(("Input.SignedOn", "2026-03-15"), ("Input.EndsOn", "2029-03-14")), "main form:not([action])"));
        // Documents are checked by content and served to the secretariat only.
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitMultipartAsync(page, [], [("Document", "mou.pdf", "no"u8.ToArray(), "application/pdf")], "form[action$='handler=document']"))).ErrorSummary());
        Html.RedirectedTo(await secretary.SubmitMultipartAsync(page, [], [("Document", "mou.pdf", NetworkTestData.SignedLetter, "application/pdf")], "form[action$='handler=document']"));
        page = await secretary.GetPageAsync($"/admin/network/mous/{id}");
        var documentLink = page.QuerySelector("[data-documents] a")!.GetAttribute("href")!;
        Assert.Equal(NetworkTestData.SignedLetter, await (await secretary.GetAsync(documentLink)).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInStaffAsync(Roles.Official, department: "culture")).GetAsync(documentLink)).StatusCode);
        // An action already overdue, then done.
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(page, [new("Action.Description", "Exchange staff"), new("Action.Owner", "")], "form[action$='handler=action']"))).ErrorSummary());
        Html.RedirectedTo(await secretary.SubmitAsync(page, [new("Action.Description", "Exchange staff"), new("Action.Owner", "Digital Policy Bureau"), new("Action.DueOn", "2026-06-30")],
            "form[action$='handler=action']"));
        var list = await secretary.GetPageAsync("/admin/network/mous");
        Assert.Equal("1", list.QuerySelector($"tr[data-mou='{id}'] [data-overdue]")!.GetAttribute("data-overdue"));
        page = await secretary.GetPageAsync($"/admin/network/mous/{id}");
        Html.RedirectedTo(await secretary.SubmitAsync(page, [], "[data-actions] form"));
        Assert.NotNull(await app.WithDbAsync(db => db.Set<MouAction>().Where(a => a.MouId == id).Select(a => a.DoneOn).SingleAsync()));
        // With two parties signed, one cannot be removed.
        page = await secretary.GetPageAsync($"/admin/network/mous/{id}");
        Assert.NotEmpty((await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(page, [], "[data-parties] form")))).ErrorSummary());

        // Public: the list and the member's page, with parties, areas and status; no documents.
        var published = await app.CreateClient().GetPageAsync("/network/mous");
        var item = published.QuerySelector($"[data-mou='{id}']")!;
        Assert.Equal("Active", item.GetAttribute("data-status"));
        Assert.Contains("smart transport", item.TextContent);
        Assert.Null(published.QuerySelector("a[href*='handler=document']"));
        Assert.NotNull((await app.CreateClient().GetPageAsync($"/network/members/{seoulMember.Id}")).QuerySelector($"[data-mou='{id}']"));
    }
}
