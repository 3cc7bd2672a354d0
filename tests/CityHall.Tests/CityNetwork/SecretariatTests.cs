using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CityHall.Tests.CityNetwork;

/// <summary>The secretariat's records: entering and correcting members (logo, contacts, representatives) and the yearly fees.</summary>
public sealed class SecretariatTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task The_secretariat_enters_a_member_with_its_logo_contacts_and_representative()
    {
        var name = NetworkTestData.Unique("Mexico City");
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");
        var form = await secretary.GetPageAsync("/admin/network/members/new");
        List<KeyValuePair<string, string>> Entry(string latitude) =>
        [
            new("Input.Name", name), new("Input.LocalName", "Ciudad de México"), new("Input.LocalNameLanguage", "es"), new("Input.Kind", "City"),
            new("Input.Type", "Full"), new("Input.Status", "Active"), new("Input.Country", "MX"), new("Input.Region", "latin-america"),
            new("Input.HostsRegionalOffice", "true"), new("Input.Population", "9209944"), new("Input.Latitude", latitude), new("Input.Longitude", "-99.1332"),
            new("Input.JoinedOn", "2011-09-06"),
        ];
        // Only one coordinate, or one off the globe: refused.
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(form, Entry(""), "main form:not([action])"))).ErrorSummary());
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(form, Entry("91"), "main form:not([action])"))).ErrorSummary());
        var path = Html.RedirectedTo(await secretary.SubmitAsync(form, Entry("19.4326"), "main form:not([action])"));
        var id = long.Parse(path.Split('/')[^1].Split('?')[0]);
        var member = await app.WithDbAsync(db => db.Set<NetworkMember>().SingleAsync(m => m.Id == id));
        Assert.Equal((MembershipType.Full, "es", true), (member.Type, member.LocalNameLanguage, member.HostsRegionalOffice));

        var page = await secretary.GetPageAsync($"/admin/network/members/{id}");
        // The logo: not a picture is refused; a PNG is re-encoded and served publicly with its words.
        var notPicture = await secretary.SubmitMultipartAsync(page, [new("LogoAlt", "Emblem")], [("Logo", "logo.png", "hello"u8.ToArray(), "image/png")], "form[action$='handler=logo']");
        Assert.NotEmpty((await Html.ParseAsync(notPicture)).ErrorSummary());
        Html.RedirectedTo(await secretary.SubmitMultipartAsync(page, [new("LogoAlt", "Mexico City's emblem")],
            [("Logo", "logo.png", TestImages.RedLeftBlueRight(64, 48, SKEncodedImageFormat.Png), "image/png")], "form[action$='handler=logo']"));
        var shown = await app.CreateClient().GetPageAsync($"/network/members/{id}");
        var logo = shown.QuerySelector("img.ch-member-logo")!;
        Assert.Equal("Mexico City's emblem", logo.GetAttribute("alt"));
        var logoResponse = await app.CreateClient().GetAsync(logo.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, logoResponse.StatusCode);
        Assert.StartsWith("image/", logoResponse.Content.Headers.ContentType!.MediaType);

        // A contact (private) and a representative account.
        Html.RedirectedTo(await secretary.SubmitAsync(page, [new("Contact.Name", "Lucía Hernández"), new("Contact.Email", "lucia@cdmx.gob.mx"), new("Contact.Phone", "+52 55 5345 8000")],
            "form[action$='handler=contact']"));
        Assert.NotEmpty((await Html.ParseAsync(await secretary.SubmitAsync(page, [new("Contact.Name", ""), new("Contact.Email", "nope")], "form[action$='handler=contact']"))).ErrorSummary());
        var representativeEmail = $"rep-{Guid.NewGuid():N}@example.org";
        await app.SignedUpCitizenAsync(representativeEmail);
        Html.RedirectedTo(await secretary.SubmitAsync(page, [new("RepresentativeEmail", representativeEmail)], "form[action$='handler=representative']"));
        var unknown = await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(page, [new("RepresentativeEmail", "nobody@example.org")], "form[action$='handler=representative']")));
        Assert.NotEmpty(unknown.ErrorSummary());
        var edited = await secretary.GetPageAsync($"/admin/network/members/{id}");
        Assert.Contains("lucia@cdmx.gob.mx", edited.QuerySelector("[data-contacts]")!.TextContent);
        Assert.Contains(representativeEmail, edited.QuerySelector("[data-representatives]")!.TextContent);
        Assert.DoesNotContain("lucia@cdmx.gob.mx", shown.Body!.TextContent);

        // The CSV of the desk's list has it.
        var csv = await secretary.GetStringAsync("/admin/network?handler=csv&region=latin-america");
        Assert.Contains(name, csv);
    }

    [Fact]
    public async Task Fees_follow_the_type_of_membership_and_a_payment_is_recorded_once()
    {
        var full = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Fee City"), "VN", joinedOn: new DateOnly(1990, 5, 1));
        var friend = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Friend City"), "UZ", "middle-east-central-asia", MembershipType.Friendship, joinedOn: new DateOnly(1990, 5, 1));
        var later = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Later City"), "LA", joinedOn: new DateOnly(1991, 1, 10));
        var secretary = await app.SignedInStaffAsync(Roles.Official, department: "digital-policy");
        var fees = await secretary.GetPageAsync("/admin/network/fees?year=1990");
        Assert.Equal("false", fees.QuerySelector($"tr[data-member='{full.Id}']")!.GetAttribute("data-paid"));
        Assert.Equal("true", fees.QuerySelector($"tr[data-member='{friend.Id}']")!.GetAttribute("data-paid")); // no fee for friendship
        Assert.Null(fees.QuerySelector($"tr[data-member='{later.Id}']")); // not a member in 1990

        var row = $"tr[data-member='{full.Id}'] form";
        async Task<string[]> PostAsync(params (string, string)[] values)
        {
            var next = await secretary.GetPageAsync(Html.RedirectedTo(await secretary.SubmitAsync(fees, values.Select(v => new KeyValuePair<string, string>(v.Item1, v.Item2)), row)));
            fees = next;
            return next.ErrorSummary();
        }
        Assert.NotEmpty(await PostAsync(("amount", "-5"), ("paidOn", "1990-06-01")));
        Assert.NotEmpty(await PostAsync(("amount", "abc"), ("paidOn", "1990-06-01")));
        Assert.NotEmpty(await PostAsync(("amount", "5000"), ("paidOn", "0001-01-01")));
        Assert.NotEmpty(await PostAsync(("amount", "5000"), ("paidOn", "1990-06-01"), ("memberId", later.Id.ToString())));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<MembershipFeePayment>().CountAsync(p => p.MemberId == full.Id || p.MemberId == later.Id)));
        var beforePaying = fees;
        Assert.Empty(await PostAsync(("amount", "5000.00"), ("paidOn", "1990-06-01"), ("reference", "SWIFT 123")));
        Assert.Equal("true", fees.QuerySelector($"tr[data-member='{full.Id}']")!.GetAttribute("data-paid"));
        Assert.Null(fees.QuerySelector(row));
        // The same payment posted again from the page as it was (a double click, a second secretary) is refused.
        var again = await secretary.SubmitAsync(beforePaying, [new("amount", "5000"), new("paidOn", "1990-06-02")], row);
        Assert.NotEmpty((await secretary.GetPageAsync(Html.RedirectedTo(again))).ErrorSummary());
        Assert.Equal(5000m, await app.WithDbAsync(db => db.Set<MembershipFeePayment>().Where(p => p.MemberId == full.Id).Select(p => p.Amount).SingleAsync()));

        var csv = await secretary.GetStringAsync("/admin/network/fees?handler=csv&year=1990");
        Assert.Contains($"{full.Id},", csv);
        Assert.Contains("SWIFT 123", csv);

        // A member the Executive Committee made Full in June 1991 pays 1990 and 1991 as an Associate, 1992 as a Full member.
        var promoted = await NetworkTestData.MemberAsync(app, NetworkTestData.Unique("Promoted City"), "KH", joinedOn: new DateOnly(1990, 3, 1));
        await app.WithDbAsync(db => db.Set<NetworkMember>().Where(m => m.Id == promoted.Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.FullSince, new DateOnly(1991, 6, 1))));
        foreach (var (year, type) in new[] { (1990, "Associate"), (1991, "Associate"), (1992, "Full") })
            Assert.Equal(type, (await secretary.GetPageAsync($"/admin/network/fees?year={year}")).QuerySelector($"tr[data-member='{promoted.Id}']")!.GetAttribute("data-type"));
        Assert.Contains($"{promoted.Id},{promoted.Name},Associate,1991,2000.00", await secretary.GetStringAsync("/admin/network/fees?handler=csv&year=1991"));
    }
}
