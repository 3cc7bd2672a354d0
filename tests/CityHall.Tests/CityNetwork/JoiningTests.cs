using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.CityNetwork;

/// <summary>
/// A city applies to join with its mayor's signed letter; the secretariat (the digital-policy department) checks it and
/// admits the city as an Associate member at once, or returns the application with a reason. Applicants' contacts and
/// letters are the secretariat's only.
/// </summary>
public sealed class JoiningTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static List<KeyValuePair<string, string>> Application(string name) =>
    [
        new("Input.Name", name), new("Input.LocalName", "काठमाडौं महानगरपालिका"), new("Input.LocalNameLanguage", "ne"),
        new("Input.Kind", "City"), new("Input.Country", "NP"), new("Input.Region", "asia-pacific"), new("Input.Population", "1442271"),
        new("Input.Website", "https://kathmandu.gov.np"), new("Input.ContactName", "सीता शर्मा"), new("Input.ContactPosition", "IT Officer"),
        new("Input.ContactEmail", "it@kathmandu.gov.np"), new("Input.ContactPhone", "+977 1 4200000"), new("Input.SignedBy", "Balendra Shah, Mayor"),
        new("Input.Motivation", "To learn from Seoul's e-government."),
    ];

    [Fact]
    public async Task A_city_applying_with_its_mayors_letter_becomes_an_associate_member_once_the_secretariat_admits_it()
    {
        var name = NetworkTestData.Unique("Kathmandu Metropolitan City");
        var (applicant, _) = await app.SignUpCitizenAsync();
        var form = await applicant.GetPageAsync("/network/join");
        var statusPath = Html.RedirectedTo(await applicant.SubmitMultipartAsync(form, Application(name),
            [("Letter", "letter.pdf", NetworkTestData.SignedLetter, "application/pdf")], "main form[enctype]"));
        var status = await applicant.GetPageAsync(statusPath);
        var reference = status.QuerySelector(".ch-reference")!.TextContent.Trim();
        Assert.StartsWith("NET-", reference);
        Assert.Equal("Submitted", status.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Contains("काठमाडौं", status.QuerySelector("span[lang=ne]")!.TextContent);
        // One application waits at a time.
        Assert.NotNull((await applicant.GetPageAsync("/network/join")).QuerySelector("[data-waiting]"));

        // The secretariat's queue, the letter as sent, and admission.
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");
        var desk = await secretary.GetPageAsync("/admin/network");
        var link = desk.QuerySelectorAll("[data-waiting-applications] a").Single(a => a.TextContent == reference).GetAttribute("href")!;
        var page = await secretary.GetPageAsync(link);
        var letter = await secretary.GetAsync(page.QuerySelector("a[data-letter]")!.GetAttribute("href")!);
        Assert.Equal(NetworkTestData.SignedLetter, await letter.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType!.MediaType);
        var memberPath = Html.RedirectedTo(await secretary.SubmitAsync(page, [], "form[action$='handler=admit']"));
        var memberId = long.Parse(memberPath.Split('/')[^1].Split('?')[0]);
        // Admitting twice is refused; nothing more is made.
        var again = await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(page, [], "form[action$='handler=admit']")));
        Assert.Single(again.ErrorSummary());
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<NetworkMember>().CountAsync(m => m.Name == name)));

        // The public member page; the applicant's account represents the member; the contact was kept.
        var public_ = await app.CreateClient().GetPageAsync($"/network/members/{memberId}");
        Assert.Equal("Associate", public_.QuerySelector("[data-type]")!.GetAttribute("data-type"));
        Assert.Contains(name, public_.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("it@kathmandu.gov.np", public_.Body!.TextContent);
        var (representatives, contacts) = await app.WithDbAsync(async db => (
            await db.Set<NetworkMemberRepresentative>().CountAsync(r => r.MemberId == memberId),
            await db.Set<NetworkMemberContact>().Where(c => c.MemberId == memberId).Select(c => c.Email).SingleAsync()));
        Assert.Equal(1, representatives);
        Assert.Equal("it@kathmandu.gov.np", contacts);
        var admitted = await applicant.GetPageAsync(statusPath);
        Assert.Equal("Admitted", admitted.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.NotNull(admitted.QuerySelector($"a[href='/network/members/{memberId}']"));

        // Found in the directory by its name in its own script.
        var found = await app.CreateClient().GetPageAsync("/network/members?q=" + Uri.EscapeDataString("महानगरपालिका"));
        Assert.NotNull(found.QuerySelector($"[data-members] li[data-member='{memberId}']"));
    }

    [Fact]
    public async Task A_returned_application_says_why_and_the_city_may_apply_again()
    {
        var name = NetworkTestData.Unique("Returned City");
        var (applicant, _) = await app.SignUpCitizenAsync();
        var statusPath = Html.RedirectedTo(await applicant.SubmitMultipartAsync(await applicant.GetPageAsync("/network/join"), Application(name),
            [("Letter", "letter.pdf", NetworkTestData.SignedLetter, "application/pdf")], "main form[enctype]"));
        var id = await app.WithDbAsync(db => db.Set<MembershipApplication>().Where(a => a.Name == name).Select(a => a.Id).SingleAsync());
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");
        var page = await secretary.GetPageAsync($"/admin/network/applications/{id}");
        // A return without a reason is refused.
        var refused = await Html.ParseAsync(await secretary.SubmitAsync(page, [new("Reason", "  ")], "form[action$='handler=return']"));
        Assert.Single(refused.ErrorSummary());
        Html.RedirectedTo(await secretary.SubmitAsync(page, [new("Reason", "The letter is not signed.")], "form[action$='handler=return']"));
        var returned = await applicant.GetPageAsync(statusPath);
        Assert.Equal("Returned", returned.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Contains("The letter is not signed.", returned.Body!.TextContent);
        Assert.Null((await applicant.GetPageAsync("/network/join")).QuerySelector("[data-waiting]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<NetworkMember>().CountAsync(m => m.Name == name)));
    }

    [Fact]
    public async Task A_bad_application_is_refused_with_its_reasons_and_nothing_is_kept()
    {
        var name = NetworkTestData.Unique("Bad City");
        var (applicant, _) = await app.SignUpCitizenAsync();
        var form = await applicant.GetPageAsync("/network/join");
        async Task<string[]> RefusedAsync(List<KeyValuePair<string, string>> values, (string, string, byte[], string)[] files)
        {
            var response = await applicant.SubmitMultipartAsync(form, values, files, "main form[enctype]");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Html.ParseAsync(response)).ErrorSummary();
        }
        Assert.NotEmpty(await RefusedAsync(Application(name), [])); // no letter
        Assert.NotEmpty(await RefusedAsync(Application(name), [("Letter", "letter.pdf", "not a pdf at all"u8.ToArray(), "application/pdf")]));
        var letter = new[] { ("Letter", "letter.pdf", NetworkTestData.SignedLetter, "application/pdf") };
        Assert.NotEmpty(await RefusedAsync(Application(name).With(("Input.Country", "XX")), letter));
        Assert.NotEmpty(await RefusedAsync(Application(name).With(("Input.Region", "atlantis")), letter));
        Assert.NotEmpty(await RefusedAsync(Application(name).With(("Input.LocalNameLanguage", "not a language!")), letter));
        Assert.NotEmpty(await RefusedAsync(Application(name).With(("Input.ContactPhone", "call me")), letter));
        Assert.NotEmpty(await RefusedAsync(Application(name).With(("Input.Kind", "Planet")), letter));
        Assert.NotEmpty(await RefusedAsync(Application(name).With(("Input.Name", "")), letter));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<MembershipApplication>().CountAsync(a => a.Name == name)));
    }

    [Fact]
    public async Task Applications_and_the_secretariats_pages_are_the_secretariats_only()
    {
        var name = NetworkTestData.Unique("Private City");
        var (applicant, _) = await app.SignUpCitizenAsync();
        var statusPath = Html.RedirectedTo(await applicant.SubmitMultipartAsync(await applicant.GetPageAsync("/network/join"), Application(name),
            [("Letter", "letter.pdf", NetworkTestData.SignedLetter, "application/pdf")], "main form[enctype]"));
        var id = await app.WithDbAsync(db => db.Set<MembershipApplication>().Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

        var otherCitizen = await app.SignedUpCitizenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await otherCitizen.GetAsync(statusPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherCitizen.GetAsync($"/admin/network/applications/{id}")).StatusCode);
        var culture = await app.SignedInStaffAsync(Roles.Official, department: "culture");
        foreach (var path in new[] { "/admin/network", $"/admin/network/applications/{id}", $"/admin/network/applications/{id}?handler=letter", "/admin/network/fees", "/admin/network/governance", "/admin/network/members/new" })
            Assert.Equal(HttpStatusCode.NotFound, (await culture.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInStaffAsync(Roles.Administrator)).GetAsync($"/admin/network/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserLikeClient().GetAsync("/network/join")).StatusCode); // sign in first
    }
}
