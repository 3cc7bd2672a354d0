using AngleSharp.Dom;
using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Admin;

public sealed class CityUnitsTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    [Fact]
    public async Task Administrators_add_rename_and_remove_departments_with_an_audit_trail()
    {
        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        var code = "dept-" + Guid.NewGuid().ToString("N")[..8];

        var list = await admin.GetPageAsync("/admin/city/departments");
        Assert.NotNull(list.QuerySelector("tr[data-code=transport]"));
        var added = await admin.SubmitAsync(list, new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.NameKo"] = "디지털정책관", ["Input.NameEn"] = "Digital Policy Bureau",
        }, "form[action*=add]");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var duplicate = await Html.ParseAsync(await admin.SubmitAsync(await admin.GetPageAsync("/admin/city/departments"), new Dictionary<string, string>
        {
            ["Input.Code"] = code.ToUpperInvariant(), ["Input.NameKo"] = "중복", ["Input.NameEn"] = "Duplicate",
        }, "form[action*=add]"));
        Assert.Equal(["이미 쓰이는 코드입니다. 다른 코드를 입력하세요."], duplicate.ErrorSummary());

        var edit = await admin.GetPageAsync($"/admin/city/departments?edit={code}");
        Assert.Equal("디지털정책관", edit.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_NameKo")!.Value);
        var renamed = await admin.SubmitAsync(edit, new Dictionary<string, string> { ["Input.NameKo"] = "디지털정책국", ["Input.NameEn"] = "Digital Policy Bureau" }, "form[action*=rename]");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("디지털정책국", await app.WithDbAsync(db => db.Set<Department>().Where(d => d.Code == code).Select(d => d.NameKo).SingleAsync()));

        var removed = await admin.SubmitAsync(await admin.GetPageAsync("/admin/city/departments"), new Dictionary<string, string>(), $"tr[data-code={code}] form");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<Department>().AnyAsync(d => d.Code == code)));

        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.TargetId == code).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["department.added", "department.renamed", "department.removed"], actions);
    }

    [Fact]
    public async Task A_department_with_staff_cannot_be_removed()
    {
        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        var code = "busy-" + Guid.NewGuid().ToString("N")[..8];
        var adminId = await app.WithDbAsync(async db =>
        {
            var department = new Department { Code = code, NameKo = "바쁜부서", NameEn = "Busy Office" };
            db.Add(department);
            await db.SaveChangesAsync();
            var anyone = await db.Users.Select(u => u.Id).FirstAsync();
            db.Add(new StaffDepartment { UserId = anyone, DepartmentId = department.Id });
            await db.SaveChangesAsync();
            return anyone;
        });
        // No remove button is offered, and a forged post is refused with the reason.
        var page = await admin.GetPageAsync("/admin/city/departments");
        Assert.Null(page.QuerySelector($"tr[data-code={code}] form"));
        var forged = await admin.SubmitAsync(page, new Dictionary<string, string>(), "form[action*=add]", $"/admin/city/departments?handler=delete&code={code}");
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("바쁜부서", (await Html.ParseAsync(forged)).ErrorSummary().Single());
        Assert.True(await app.WithDbAsync(db => db.Set<Department>().AnyAsync(d => d.Code == code)));
    }

    [Fact]
    public async Task Districts_are_added_and_renamed_with_their_names_checked()
    {
        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        var list = await admin.GetPageAsync("/admin/city/districts");
        Assert.Equal(25, list.QuerySelectorAll("tbody tr").Length);
        Assert.Null(list.QuerySelector("tbody form")); // districts are never removed

        var bad = await Html.ParseAsync(await admin.SubmitAsync(list, new Dictionary<string, string>
        {
            ["Input.Code"] = "x", ["Input.NameKo"] = "", ["Input.NameEn"] = "",
        }, "form[action*=add]"));
        Assert.Equal(["코드는 영문자·숫자·하이픈 2~32자로 입력하세요.", "한국어 이름을 입력하세요.", "영어 이름을 입력하세요."], bad.ErrorSummary());

        var code = "gu-" + Guid.NewGuid().ToString("N")[..6];
        await admin.SubmitAsync(list, new Dictionary<string, string> { ["Input.Code"] = code, ["Input.NameKo"] = "새구", ["Input.NameEn"] = "Sae-gu" }, "form[action*=add]");
        var api = await app.CreateClient().GetStringAsync("/api/v1/city/districts");
        Assert.Contains(code, api);
        await app.WithDbAsync(async db => { db.Remove(await db.Set<District>().SingleAsync(d => d.Code == code)); await db.SaveChangesAsync(); });
    }
}
