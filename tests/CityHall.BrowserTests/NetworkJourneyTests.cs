using CityHall.Web.Platform.Identity;
using Microsoft.Playwright;
using Microsoft.EntityFrameworkCore;

namespace CityHall.BrowserTests;

/// <summary>
/// The city network: a city applies to join in English with its mayor's letter, the secretariat admits it and records
/// governance, and the public sees the members on the world map (drawn without any tile server). Axe on every page,
/// in English and Korean.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class NetworkJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "en-US", "ko-KR" };

    private static readonly byte[] Letter = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [Theory, MemberData(nameof(Locales))]
    public async Task A_city_applies_with_its_letter_the_secretariat_admits_it_and_the_world_map_shows_it(string locale)
    {
        var name = $"Kathmandu {locale} {Guid.NewGuid().ToString("N")[..6]}";
        var page = await f.NewPageAsync(locale);
        await Journeys.SignUpAsync(f, page, $"kathmandu-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync("/network/join");
        await Axe.AssertNoViolationsAsync(page);
        // Sent without a letter: the error summary, with its links.
        await page.FillAsync("#Input_Name", name);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(page);

        await page.FillAsync("#Input_Name", name);
        await page.FillAsync("#Input_LocalName", "काठमाडौं महानगरपालिका");
        await page.FillAsync("#Input_LocalNameLanguage", "ne");
        await page.SelectOptionAsync("#Input_Kind", "City");
        await page.SelectOptionAsync("#Input_Country", "NP");
        await page.SelectOptionAsync("#Input_Region", "asia-pacific");
        await page.FillAsync("#Input_ContactName", "Sita Sharma");
        await page.FillAsync("#Input_ContactEmail", "it@kathmandu.gov.np");
        await page.FillAsync("#Input_SignedBy", "Mayor of Kathmandu");
        await page.SetInputFilesAsync("#Letter", new FilePayload { Name = "letter.pdf", MimeType = "application/pdf", Buffer = Letter });
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/network/join/NET-*");
        Assert.StartsWith("NET-", (await page.TextContentAsync(".ch-reference"))!.Trim());
        await Axe.AssertNoViolationsAsync(page);

        // The secretariat: the desk, the application, admission, the member's record, fees and governance.
        var staff = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, staff, Roles.Official, department: "digital-policy");
        await staff.GotoAsync("/admin/network");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.ClickAsync($"[data-waiting-applications] tr:has-text('{name}') a");
        await staff.WaitForURLAsync("**/admin/network/applications/*");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.ClickAsync("form[action$='handler=admit'] button");
        await staff.WaitForURLAsync("**/admin/network/members/*?admitted=true");
        await Axe.AssertNoViolationsAsync(staff);
        var memberPath = new Uri(staff.Url).AbsolutePath.Replace("/admin", "", StringComparison.Ordinal);
        // Its place on the map.
        await staff.FillAsync("#Input_Latitude", "27.7172");
        await staff.FillAsync("#Input_Longitude", "85.324");
        await staff.ClickAsync("main form:not([action]) button[type=submit]");
        await staff.WaitForURLAsync("**?saved=true");
        await staff.GotoAsync("/admin/network/fees");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.GotoAsync("/admin/network/governance");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.SelectOptionAsync("#Meeting_Body", "ExecutiveCommittee");
        await staff.FillAsync("#Meeting_Title", $"Executive Committee {locale}");
        await staff.FillAsync("#Meeting_HeldOn", "2026-11-20");
        await staff.ClickAsync("form[action$='handler=meeting'] button");
        await staff.WaitForURLAsync("**/admin/network/meetings/*");
        await Axe.AssertNoViolationsAsync(staff);
        var meetingPath = new Uri(staff.Url).AbsolutePath.Replace("/admin/network/meetings", "/network/governance/meetings", StringComparison.Ordinal);
        // An MOU with the admitted city, its document and an overdue action.
        var memberId = long.Parse(memberPath.Split('/')[^1]);
        var mouId = await f.App.WithDbAsync(async db =>
        {
            var mou = new CityHall.Web.Modules.CityNetwork.Mous.Mou { Title = $"Smart city cooperation {locale}", Areas = ["e-government"], SignedOn = new DateOnly(2026, 3, 1), UpdatedAt = DateTime.UtcNow };
            db.Add(mou);
            await db.SaveChangesAsync();
            db.AddRange(new CityHall.Web.Modules.CityNetwork.Mous.MouParty { MouId = mou.Id, MemberId = memberId, Name = name, CountryCode = "NP" },
                new CityHall.Web.Modules.CityNetwork.Mous.MouParty { MouId = mou.Id, Name = "Seoul Digital Foundation", CountryCode = "KR" },
                new CityHall.Web.Modules.CityNetwork.Mous.MouAction { MouId = mou.Id, Description = "Exchange staff", Owner = "Digital Policy Bureau", DueOn = new DateOnly(2026, 6, 30) });
            await db.SaveChangesAsync();
            return mou.Id;
        });
        await staff.GotoAsync("/admin/network/mous");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.GotoAsync($"/admin/network/mous/{mouId}");
        await Axe.AssertNoViolationsAsync(staff);

        // The public pages: the network, the directory with its world map, the member, governance.
        var visitor = await f.NewPageAsync(locale);
        await visitor.GotoAsync("/network");
        await Axe.AssertNoViolationsAsync(visitor);
        await visitor.GotoAsync("/network/members?country=NP");
        // The map draws the countries and the member's dot (SVG paths) from the site's own files.
        await visitor.WaitForSelectorAsync("[data-network-map] path.leaflet-interactive");
        Assert.True(await visitor.Locator("[data-network-map] path").CountAsync() > 100);
        await Axe.AssertNoViolationsAsync(visitor);
        await visitor.GotoAsync(memberPath);
        Assert.Equal("ne", await visitor.GetAttributeAsync("h1 span[lang]", "lang"));
        await Axe.AssertNoViolationsAsync(visitor);
        await visitor.GotoAsync("/network/mous");
        await Axe.AssertNoViolationsAsync(visitor);
        await visitor.GotoAsync("/network/governance");
        await Axe.AssertNoViolationsAsync(visitor);
        await visitor.GotoAsync(meetingPath);
        await Axe.AssertNoViolationsAsync(visitor);
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task A_delegation_asks_for_a_study_visit_the_secretariat_programmes_it_and_after_the_visit_they_answer_the_survey(string locale)
    {
        var organisation = $"Nairobi City County {locale} {Guid.NewGuid().ToString("N")[..6]}";
        var siteName = $"Control room {Guid.NewGuid().ToString("N")[..6]}";
        var siteId = await f.App.WithDbAsync(async db =>
        {
            var site = new CityHall.Web.Modules.CityNetwork.Visits.VisitSite { Name = "스마트서울 상황실 " + siteName, NameEn = siteName, Host = "Digital Policy", Capacity = 30 };
            db.Add(site);
            await db.SaveChangesAsync();
            return site.Id;
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        var from = today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await f.NewPageAsync(locale);
        await Journeys.SignUpAsync(f, page, $"nairobi-{Guid.NewGuid():N}@example.org");
        await page.GotoAsync("/network/visits");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main a[href='/network/visits/request']");
        await page.WaitForURLAsync("**/network/visits/request");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("#Input_Organisation", organisation);
        await page.SelectOptionAsync("#Input_Country", "KE");
        await page.FillAsync("#Input_People", "6");
        // KRDS draws its own boxes over the inputs: people click the labels.
        await page.ClickAsync($"label[for='{await page.GetAttributeAsync("input[name='Input.Topics'][value='open-data']", "id")}']");
        await page.ClickAsync($"label[for='{await page.GetAttributeAsync($"input[name='Input.Sites'][value='{siteId}']", "id")}']");
        await page.FillAsync("#Input_PreferredFrom", from);
        await page.FillAsync("#Input_PreferredTo", from);
        await page.SelectOptionAsync("#Input_InterpreterLanguage", "sw");
        await page.FillAsync("#Input_ContactName", "Wanjiru Kamau");
        await page.FillAsync("#Input_ContactEmail", "ict@nairobi.go.ke");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForURLAsync("**/network/visits/VIS-*");
        await Axe.AssertNoViolationsAsync(page);
        var visitUrl = page.Url;

        // The secretariat: the list, the visit, a session (the calendar's conflicts beside it), the proposal.
        var staff = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, staff, Roles.Official, department: "digital-policy");
        await staff.GotoAsync("/admin/network/visits");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.ClickAsync($"[data-visits] tr:has-text('{organisation}') a");
        await staff.WaitForURLAsync("**/admin/network/visits/*");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.SelectOptionAsync("#Session_SiteId", siteId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await staff.FillAsync("#Session_StartsAt", from + "T10:00");
        await staff.FillAsync("#Session_EndsAt", from + "T11:30");
        await staff.ClickAsync("form[action$='handler=session'] button");
        await staff.WaitForURLAsync("**saved=true#programme");
        await staff.WaitForSelectorAsync("[data-programme] tr[data-session]");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.ClickAsync("form[action$='handler=propose'] button");
        await staff.WaitForSelectorAsync("[data-status='Proposed']");

        // The delegation confirms the programme.
        await page.GotoAsync(visitUrl);
        await page.WaitForSelectorAsync("[data-programme]");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("form[action$='handler=confirm'] button");
        await page.WaitForSelectorAsync("[data-status='Confirmed']");

        // Held (recorded on a past day), then the survey.
        await staff.ReloadAsync();
        await staff.FillAsync("#Held_HeldOn", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await staff.FillAsync("#Held_Visitors", "5");
        await staff.ClickAsync("form[action$='handler=held'] button");
        await staff.WaitForSelectorAsync("[data-status='Held']");
        await Axe.AssertNoViolationsAsync(staff);
        await page.GotoAsync(visitUrl + "/feedback");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("label[for='Input_Overall']");
        await page.ClickAsync("label[for='Input_Programme']");
        await page.ClickAsync("label[for='Input_Organisation']");
        await page.ClickAsync("label[for='Input_Interpretation']");
        await page.ClickAsync("label[for='Input_WouldRecommend']");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("[data-feedback-given]");
        Assert.Equal(visitUrl, page.Url);
        await Axe.AssertNoViolationsAsync(page);
        await staff.GotoAsync("/admin/network/visit-sites");
        await Axe.AssertNoViolationsAsync(staff);
    }

    [Theory, MemberData(nameof(Locales))]
    public async Task A_members_representative_contributes_a_case_the_secretariat_publishes_it_and_the_public_reads_it(string locale)
    {
        var title = $"Open budget of Ulaanbaatar {locale} {Guid.NewGuid().ToString("N")[..6]}";
        var email = $"ub-{Guid.NewGuid():N}@example.org";
        var page = await f.NewPageAsync(locale);
        await Journeys.SignUpAsync(f, page, email);
        await f.App.WithDbAsync(async db =>
        {
            var member = new CityHall.Web.Modules.CityNetwork.Members.NetworkMember
            {
                Name = "", Kind = CityHall.Web.Modules.CityNetwork.Members.MemberKind.City, Type = CityHall.Web.Modules.CityNetwork.Members.MembershipType.Full,
                Status = CityHall.Web.Modules.CityNetwork.Members.MemberStatus.Active, CountryCode = "MN", RegionCode = "asia-pacific", JoinedOn = new DateOnly(2012, 1, 1), UpdatedAt = DateTime.UtcNow,
            };
            member.Rename($"Ulaanbaatar {locale}", "Улаанбаатар", "mn");
            db.Add(member);
            await db.SaveChangesAsync();
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            db.Add(new CityHall.Web.Modules.CityNetwork.Members.NetworkMemberRepresentative { MemberId = member.Id, UserId = userId, Since = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        await page.GotoAsync("/network/library");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main a[href='/network/library/contribute']");
        await page.WaitForURLAsync("**/network/library/contribute");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(page);
        await page.SelectOptionAsync("#Input_Kind", "Practice");
        await page.SelectOptionAsync("#Input_Language", "mn");
        await page.FillAsync("#Input_Title", title);
        await page.FillAsync("#Input_Summary", "Улаанбаатар хотын төсөв нээлттэй.");
        await page.FillAsync("#Input_Body", "Иргэд төсвийн зарцуулалтыг онлайнаар хянадаг.");
        await page.FillAsync("#Input_Year", "2024");
        await page.ClickAsync($"label[for='{await page.GetAttributeAsync("input[name='Input.Topics'][value='participation']", "id")}']");
        await page.ClickAsync("main form:not([action*='handler']) button[type=submit]");
        await page.WaitForURLAsync("**/network/library/contribute/*?saved=true");
        await Axe.AssertNoViolationsAsync(page);
        await page.ClickAsync("form[action$='handler=submit'] button");
        await page.WaitForSelectorAsync("[data-status='InReview']");
        var caseId = new Uri(page.Url).AbsolutePath.Split('/')[^1];

        var staff = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, staff, Roles.Official, department: "digital-policy");
        await staff.GotoAsync("/admin/network/library");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.ClickAsync($"[data-cases] tr[data-case='{caseId}'] a");
        await staff.WaitForURLAsync($"**/admin/network/library/{caseId}");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.ClickAsync("form[action$='handler=publish'] button");
        await staff.WaitForSelectorAsync("[data-status='Published']");

        var visitor = await f.NewPageAsync(locale);
        await visitor.GotoAsync("/network/library?q=" + Uri.EscapeDataString("төсөв"));
        await visitor.WaitForSelectorAsync($"[data-cases] li[data-case='{caseId}']");
        await Axe.AssertNoViolationsAsync(visitor);
        await visitor.ClickAsync($"[data-cases] li[data-case='{caseId}'] a");
        await visitor.WaitForURLAsync($"**/network/library/{caseId}");
        Assert.Equal("mn", await visitor.GetAttributeAsync("article", "lang"));
        await Axe.AssertNoViolationsAsync(visitor);
    }
}
