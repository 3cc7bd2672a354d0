using CityHall.Web.Modules.CityNetwork.Awards;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.BrowserTests;

/// <summary>
/// The awards in a real browser: a member city's representative enters in English, the secretariat screens the entry and
/// opens round 1, a juror scores it. Axe on every page, in English and Korean.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class AwardsJourneyTests(BrowserFixture f)
{
    public static TheoryData<string> Locales => new() { "en-US", "ko-KR" };

    [Theory, MemberData(nameof(Locales))]
    public async Task A_city_enters_in_English_and_a_juror_scores_the_entry_in_round_1(string locale)
    {
        var now = DateTime.UtcNow;
        var (editionId, categoryId, memberId) = await f.App.WithDbAsync(async db =>
        {
            var edition = new AwardEdition
            {
                Year = 2026, Title = $"Smart City Prize {locale}", TitleKo = "스마트도시상", TimeZone = "Asia/Seoul", OpensAt = now.AddDays(-1), DeadlineAt = now.AddDays(10),
                Languages = ["en", "ko"], Phase = AwardPhase.Entries, UpdatedAt = now,
            };
            db.Add(edition);
            await db.SaveChangesAsync();
            var category = new AwardCategory { EditionId = edition.Id, Name = "Open City", NameKo = "열린 도시" };
            db.Add(category);
            db.AddRange(new AwardCriterion { EditionId = edition.Id, Code = "innovation", Name = "Innovation", NameKo = "혁신성", Weight = 60, Order = 1 },
                new AwardCriterion { EditionId = edition.Id, Code = "impact", Name = "Impact", NameKo = "효과성", Weight = 40, Order = 2 });
            await db.SaveChangesAsync();
            db.Add(new AwardQuestion { EditionId = edition.Id, Prompt = "What problem does the practice solve?", PromptKo = "어떤 문제를 해결합니까?", Order = 1 });
            var member = new NetworkMember { Name = "", Kind = MemberKind.City, Type = MembershipType.Full, CountryCode = "NP", RegionCode = "asia-pacific", JoinedOn = new DateOnly(2012, 1, 1), UpdatedAt = now };
            member.Rename($"Kathmandu {locale}", "काठमाडौं", "ne");
            db.Add(member);
            await db.SaveChangesAsync();
            return (edition.Id, category.Id, member.Id);
        });

        // The applicant: an account representing the member city.
        var page = await f.NewPageAsync(locale);
        var email = await Journeys.SignUpAsync(f, page, $"kathmandu-{Guid.NewGuid():N}@example.org");
        await f.App.WithDbAsync(async db =>
        {
            db.Add(new NetworkMemberRepresentative { MemberId = memberId, UserId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(), Since = now });
            await db.SaveChangesAsync();
        });
        await page.GotoAsync("/network/awards");
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync($"/network/awards/{editionId}");
        // The script suggests the browser's time zone in the choice.
        Assert.False(string.IsNullOrEmpty(await page.InputValueAsync("#Input_TimeZone")));
        await Axe.AssertNoViolationsAsync(page);
        await page.SelectOptionAsync("#Input_CategoryId", categoryId.ToString());
        await page.ClickAsync("label[for='Input_ApplicantType']");
        await page.SelectOptionAsync("#Input_MemberId", memberId.ToString());
        await page.FillAsync("#Input_Title", "Digital ward offices");
        await page.SelectOptionAsync("#Input_Language", "en");
        await page.ClickAsync("form[data-start-entry] button[type=submit]");
        await page.WaitForURLAsync("**/network/awards/entries/AWD-*");
        await Axe.AssertNoViolationsAsync(page);
        // Submitted without the answer: the error summary; then answered and submitted.
        await page.ClickAsync("form[data-entry-form] button[name=submit]");
        await page.WaitForSelectorAsync(".ch-error-summary");
        await Axe.AssertNoViolationsAsync(page);
        await page.FillAsync("[data-entry-form] textarea[name^='Answers[']", "People queued for days at ward offices for simple certificates.");
        await page.ClickAsync("form[data-entry-form] button[name=submit]");
        await page.WaitForURLAsync("**?submitted=true");
        Assert.Equal("Submitted", await page.GetAttributeAsync("[data-status]", "data-status"));
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/network/awards/mine");
        await Axe.AssertNoViolationsAsync(page);

        // The deadline passes; the secretariat screens the entry and opens round 1; a Korean juror is named.
        await f.App.WithDbAsync(db => db.Set<AwardEdition>().Where(e => e.Id == editionId).ExecuteUpdateAsync(u => u.SetProperty(e => e.DeadlineAt, DateTime.UtcNow.AddMinutes(-1))));
        var juror = await f.NewPageAsync(locale);
        var jurorEmail = await Journeys.SignUpAsync(f, juror, $"juror-{Guid.NewGuid():N}@example.org");
        var staff = await f.NewPageAsync(locale);
        await Journeys.SignInAsStaffAsync(f, staff, Roles.Official, department: "digital-policy");
        await staff.GotoAsync("/admin/network/awards");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.GotoAsync($"/admin/network/awards/{editionId}");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.SelectOptionAsync("#Juror_CategoryId", categoryId.ToString());
        await staff.FillAsync("#Juror_Name", "Min-ji Park");
        await staff.FillAsync("#Juror_Email", jurorEmail);
        await staff.SelectOptionAsync("#Juror_Country", "KR");
        await staff.ClickAsync("form[action$='handler=juror'] button");
        await staff.WaitForURLAsync("**?saved=true#jurors");
        await staff.ClickAsync("[data-screen] button[value=true]");
        await staff.WaitForSelectorAsync("[data-entries] tr[data-status=Eligible]");
        await staff.ClickAsync("form[action$='handler=openround1'] button");
        await staff.WaitForSelectorAsync("[data-phase=Round1]");
        await Axe.AssertNoViolationsAsync(staff);

        // The juror scores it on the two criteria.
        await juror.GotoAsync("/network/awards/jury");
        await Axe.AssertNoViolationsAsync(juror);
        await juror.ClickAsync("[data-jury-entries] a");
        await juror.WaitForURLAsync("**/network/awards/jury/*/entries/*");
        await Axe.AssertNoViolationsAsync(juror);
        foreach (var select in await juror.Locator("[data-score-form] select").AllAsync()) await select.SelectOptionAsync("8");
        await juror.ClickAsync("form[data-score-form] button[type=submit]");
        await juror.WaitForURLAsync("**?scored=true");
        await Axe.AssertNoViolationsAsync(juror);
        await juror.GotoAsync("/network/awards/jury");
        Assert.Equal("true", await juror.GetAttributeAsync("[data-jury-entries] [data-scored]", "data-scored"));

        // Round 1 closes; the shortlist (the one entry, preselected) opens round 2, which the juror scores too.
        await staff.GotoAsync($"/admin/network/awards/{editionId}");
        await staff.ClickAsync("form[action*='handler=closeround'] button");
        await staff.WaitForSelectorAsync("[data-phase=Shortlisting]");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.ClickAsync("form[data-select='1'] button[type=submit]");
        await staff.WaitForSelectorAsync("[data-phase=Round2]");
        await juror.GotoAsync("/network/awards/jury");
        await juror.ClickAsync("[data-jury-entries] a");
        foreach (var select in await juror.Locator("[data-score-form] select").AllAsync()) await select.SelectOptionAsync("9");
        await juror.ClickAsync("form[data-score-form] button[type=submit]");
        await juror.WaitForURLAsync("**?scored=true");
        // Round 2 closes; the winner is recorded and announced; the results and the applicant's page say so.
        await staff.GotoAsync($"/admin/network/awards/{editionId}");
        await staff.ClickAsync("form[action*='handler=closeround'] button");
        await staff.WaitForSelectorAsync("[data-phase=Deciding]");
        await Axe.AssertNoViolationsAsync(staff);
        await staff.ClickAsync("form[data-select='2'] button[type=submit]");
        await staff.WaitForSelectorAsync("form[action$='handler=announce']");
        await staff.ClickAsync("form[action$='handler=announce'] button");
        await staff.WaitForSelectorAsync("[data-phase=Announced]");
        await Axe.AssertNoViolationsAsync(staff);
        await page.GotoAsync($"/network/awards/{editionId}/results");
        Assert.Equal(1, await page.Locator("[data-winner]").CountAsync());
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/network/awards/mine");
        await page.ClickAsync("[data-my-entries] a");
        Assert.Equal("Awarded", await page.GetAttributeAsync("[data-status]", "data-status"));
        await Axe.AssertNoViolationsAsync(page);
        await juror.GotoAsync("/network/awards/jury");
        await juror.ClickAsync("[data-jury-entries] a");
        await juror.WaitForSelectorAsync("[data-all-scores]");
        await Axe.AssertNoViolationsAsync(juror);
    }
}
