using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using System.Text;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Transparency.Budget;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Transparency;

/// <summary>
/// The informatization budget entered by staff and imported from a file, every bad figure refused with nothing
/// written, and the public pages, CSV and open data with shares and changes worked out by hand:
/// 2023: 120,000 + 80,000 = 200,000 of 40,000,000 = 0.5%; 2024: 150,000 + 100,000 + 50,000 = 300,000 of
/// 50,000,000 = 0.6%, +50% on 2023.
/// </summary>
public sealed class BudgetTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    static BudgetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static async Task<HttpResponseMessage> SaveYearAsync(HttpClient staff, int year, string total, string? source = null)
    {
        var page = await staff.GetPageAsync("/admin/transparency");
        return await staff.SubmitAsync(page, [new("Year.Year", year.ToString()), new("Year.CityTotal", total), new("Year.Source", source ?? "")], "form[data-year-form]");
    }

    private static async Task<HttpResponseMessage> SaveLineAsync(HttpClient staff, int year, string code, string nameKo, string amount, long? id = null)
    {
        var page = await staff.GetPageAsync($"/admin/transparency/{year}" + (id is null ? "" : $"?line={id}"));
        return await staff.SubmitAsync(page, [new("Line.Code", code), new("Line.NameKo", nameKo), new("Line.NameEn", ""), new("Line.Amount", amount)], "form[data-line-form]");
    }

    private Task<long> SumAsync(int year) => app.WithDbAsync(db => db.Set<BudgetLine>().Where(l => l.Year == year).SumAsync(l => l.Amount));

    [Fact]
    public async Task Staff_enter_years_and_programmes_and_every_impossible_figure_is_refused_with_nothing_written()
    {
        var official = await app.SignedInStaffAsync(Roles.Official);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync("/admin/transparency")).StatusCode);
        var staff = await app.SignedInStaffAsync(Roles.Administrator);

        Assert.Equal("/admin/transparency/2023?saved=true", Html.RedirectedTo(await SaveYearAsync(staff, 2023, "40,000,000", "2023년도 예산서")));
        Html.RedirectedTo(await SaveLineAsync(staff, 2023, "cloud", "클라우드 전환", "120,000"));
        Html.RedirectedTo(await SaveLineAsync(staff, 2023, "data", "데이터 개방", "80000"));
        Html.RedirectedTo(await SaveYearAsync(staff, 2024, "50000000"));
        Html.RedirectedTo(await SaveLineAsync(staff, 2024, "cloud", "클라우드 전환", "150000"));
        Html.RedirectedTo(await SaveLineAsync(staff, 2024, "data", "데이터 개방", "100000"));
        Html.RedirectedTo(await SaveLineAsync(staff, 2024, "ai", "인공지능 민원 안내", "50000"));

        // Refused, each with its reason on the field, and the year's programmes as they were.
        async Task RefusedAsync(Task<HttpResponseMessage> post, string expected)
        {
            var response = await post;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(expected, string.Join(" | ", (await Html.ParseAsync(response)).ErrorSummary()));
        }
        await RefusedAsync(SaveLineAsync(staff, 2024, "parks", "공원 와이파이", "-5"), "0보다 작을 수 없습니다");
        await RefusedAsync(SaveLineAsync(staff, 2024, "parks", "공원 와이파이", "49,700,001"), "100%");  // 300,000 + 49,700,001 > 50,000,000
        await RefusedAsync(SaveLineAsync(staff, 2024, "parks", "공원 와이파이", "abc"), "정수로 입력해");
        await RefusedAsync(SaveLineAsync(staff, 2024, "Parks WiFi", "공원 와이파이", "10"), "쓸 수 없습니다");
        await RefusedAsync(SaveLineAsync(staff, 2024, "data", "데이터 개방 2", "10"), "이미 \"data\"");
        await RefusedAsync(SaveLineAsync(staff, 2024, "parks", "", "10"), "사업명");
        await RefusedAsync(SaveYearAsync(staff, 2024, "299,999"), "100%"); // the city's budget below its programmes
        await RefusedAsync(SaveYearAsync(staff, 1800, "1000"), "1990");
        await RefusedAsync(SaveYearAsync(staff, 2025, "0"), "0보다 커야");
        Assert.Equal(300_000, await SumAsync(2024));
        Assert.Equal(50_000_000, await app.WithDbAsync(db => db.Set<BudgetYear>().Where(y => y.Year == 2024).Select(y => y.CityTotal).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Set<BudgetYear>().AnyAsync(y => y.Year == 2025 || y.Year == 1800)));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/admin/transparency/2030")).StatusCode);

        // An edit and a removal, each audited with what was there before.
        var id = await app.WithDbAsync(db => db.Set<BudgetLine>().Where(l => l.Year == 2023 && l.Code == "data").Select(l => l.Id).SingleAsync());
        var edit = await staff.GetPageAsync($"/admin/transparency/2023?line={id}");
        Assert.Equal("80000", edit.QuerySelector<IHtmlInputElement>("input[name='Line.Amount']")!.Value);
        Html.RedirectedTo(await SaveLineAsync(staff, 2023, "data", "데이터 개방", "80,000", id));
        var temporary = Html.RedirectedTo(await SaveLineAsync(staff, 2023, "mistake", "잘못 넣은 사업", "1"));
        var mistake = await app.WithDbAsync(db => db.Set<BudgetLine>().Where(l => l.Code == "mistake").Select(l => l.Id).SingleAsync());
        var yearPage = await staff.GetPageAsync(temporary);
        Html.RedirectedTo(await staff.SubmitAsync(yearPage, [], $"form[action*='id={mistake}']"));
        Assert.Equal(200_000, await SumAsync(2023));
        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.TargetType == "budget-line" || a.TargetType == "budget-year")
            .OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
        Assert.Equal(2, actions.Count(a => a == "transparency.budget.year.create"));
        Assert.Contains("transparency.budget.line.edit", actions);
        Assert.Contains("transparency.budget.line.delete", actions);

        // The public page: shares and the change worked out by hand, the latest year's programmes, the same in CSV.
        var client = app.CreateClient();
        var budget = await client.GetPageAsync("/transparency/budget");
        Assert.Equal("0.5", budget.QuerySelector("tr[data-year='2023'] [data-share]")!.GetAttribute("data-share"));
        Assert.Equal("0.6", budget.QuerySelector("tr[data-year='2024'] [data-share]")!.GetAttribute("data-share"));
        Assert.Equal("50", budget.QuerySelector("tr[data-year='2024'] [data-change]")!.GetAttribute("data-change"));
        Assert.Equal(["cloud", "data", "ai"], budget.QuerySelectorAll("[data-programmes] tbody tr").Select(r => r.GetAttribute("data-programme")));
        Assert.NotNull(budget.QuerySelector("figure.ch-chart svg"));
        Assert.NotNull(budget.QuerySelector("figure.ch-line-chart svg polyline"));
        var csv = await client.GetStringAsync("/transparency/budget?handler=csv");
        Assert.Contains("2023,200000,40000000,0.5,,2", csv);
        Assert.Contains("2024,300000,50000000,0.6,50,3", csv);
        Assert.Contains("2023,data,데이터 개방,,80000,40", await client.GetStringAsync("/transparency/budget?year=2023&handler=csv"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/transparency/budget?year=2019")).StatusCode);

        // Open data: a row per programme and year with the year's share.
        var open = await client.GetStringAsync("/open-data/informatization-budget.csv");
        Assert.Contains("2024,ai,인공지능 민원 안내,,50000,300000,50000000,0.6", open);
    }

    [Fact]
    public async Task A_budget_file_is_taken_whole_or_refused_whole_with_each_problem_by_line()
    {
        var staff = await app.SignedInStaffAsync(Roles.Administrator);
        async Task<HttpResponseMessage> ImportAsync(string text, Encoding encoding)
        {
            var page = await staff.GetPageAsync("/admin/transparency");
            return await staff.SubmitMultipartAsync(page, [new("Upload.Encoding", "auto")], [("Upload.File", "budget.csv", encoding.GetBytes(text), "text/csv")], "form[data-import-form]");
        }
        // Korean headers in CP949, as a budget office's spreadsheet saves them; no code column (p01, p02, … by order).
        var file = "연도,사업명,예산액(백만원),총예산(백만원)\n2001,행정정보시스템 운영,\"60,000\",\"30,000,000\"\n2001,정보보호,30000,30000000\n2002,행정정보시스템 운영,70000,32000000\n\n";
        Assert.Equal("/admin/transparency?imported=2001,2002", Html.RedirectedTo(await ImportAsync(file, Encoding.GetEncoding(949))));
        Assert.Equal(90_000, await SumAsync(2001));
        Assert.Equal(["p01", "p02"], await app.WithDbAsync(db => db.Set<BudgetLine>().Where(l => l.Year == 2001).OrderBy(l => l.Code).Select(l => l.Code).ToListAsync()));

        // English headers; 2002 replaced whole by the file's lines.
        Html.RedirectedTo(await ImportAsync("year,code,name_ko,name_en,amount_million_won\n2002,ops,운영,Operations,50000\n2002,security,정보보호,Security,25000\n", Encoding.UTF8));
        Assert.Equal(75_000, await SumAsync(2002));

        // A negative amount, an unreadable year, a repeated code and a year over 100%: all named by line, nothing written.
        var refused = await Html.ParseAsync(await ImportAsync(
            "year,code,name_ko,amount_million_won,city_total_million_won\n2002,ops,운영,-1,32000000\n20x2,a,가,1,\n2000,b,나,5,4\n2002,security,정보보호,1,32000000\n2002,security,정보보호,1,32000000\n",
            Encoding.UTF8));
        var problems = refused.QuerySelectorAll("[data-import-refused] li").Select(li => li.TextContent).ToList();
        Assert.Contains(problems, p => p.StartsWith("2행") && p.Contains("0보다 작을 수 없습니다"));
        Assert.Contains(problems, p => p.StartsWith("3행") && p.Contains("20x2"));
        Assert.Contains(problems, p => p.StartsWith("6행") && p.Contains("두 번"));
        Assert.Equal(75_000, await SumAsync(2002));
        // The lines read well but a year adds up to more than its budget: refused whole.
        var over = await Html.ParseAsync(await ImportAsync("year,name_ko,amount_million_won,city_total_million_won\n2000,가,5,4\n", Encoding.UTF8));
        Assert.Contains("100%", over.QuerySelector("[data-import-refused]")!.TextContent);
        // A year with no budget in the file and none entered.
        var noTotal = await Html.ParseAsync(await ImportAsync("year,name_ko,amount_million_won\n1999,가,5\n", Encoding.UTF8));
        Assert.Contains("1999", noTotal.QuerySelector("[data-import-refused]")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Set<BudgetYear>().AnyAsync(y => y.Year == 2000 || y.Year == 1999)));
        // Not a CSV at all.
        var binary = await Html.ParseAsync(await ImportAsync("\0\0\0", Encoding.UTF8));
        Assert.NotNull(binary.QuerySelector("[data-import-refused]"));
    }
}
