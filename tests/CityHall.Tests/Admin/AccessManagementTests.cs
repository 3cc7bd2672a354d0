using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Admin;

/// <summary>Sessions are checked against the account on every request, so a change shows at once.</summary>
public sealed class ImmediateSessionsApp() : CityHallApp(new Dictionary<string, string?>
{
    ["Accounts:SessionRevalidationInterval"] = "00:00:00",
});

public sealed class AccessManagementTests(ImmediateSessionsApp app) : IClassFixture<ImmediateSessionsApp>
{
    private static KeyValuePair<string, string> Role(string role) => new("SelectedRoles", role);
    private static KeyValuePair<string, string> Department(int id) => new("SelectedDepartments", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private Task<string> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<int> DepartmentIdAsync(string code) =>
        app.WithDbAsync(db => db.Set<CityHall.Web.Platform.City.Department>().Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

    [Fact]
    public async Task An_administrator_changes_roles_and_departments_and_the_session_follows_at_once()
    {
        var email = $"official-{Guid.NewGuid():N}@city.example";
        var official = await app.SignedInStaffAsync(Roles.Official, email);
        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        var id = await UserIdAsync(email);
        var transport = await DepartmentIdAsync("transport");

        // Sessions are refreshed from the database on each request here: the two-factor mark must survive it.
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync("/admin")).StatusCode);

        var page = await admin.GetPageAsync($"/admin/users/{id}");
        Assert.NotNull(page.QuerySelector("#role-Official[checked]"));
        var saved = await admin.SubmitAsync(page, [Role(Roles.Official), Role(Roles.Moderator), Department(transport)], "#access-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var reloaded = await admin.GetPageAsync(saved.Headers.Location!.ToString());
        Assert.NotNull(reloaded.QuerySelector("#role-Moderator[checked]"));
        Assert.NotNull(reloaded.QuerySelector($"#department-{transport}[checked]"));
        Assert.NotNull(reloaded.QuerySelector(".ch-notice"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CityHallUser>>();
            var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<CityHallUser>>()
                .CreateUserPrincipalAsync((await users.FindByIdAsync(id))!);
            Assert.Equal(["transport"], principal.Departments());
            Assert.True(principal.ActsForDepartment("transport"));
            Assert.False(principal.ActsForDepartment("culture"));
            Assert.True(principal.IsInRole(Roles.Moderator));
        }

        var entry = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "user.access-changed" && e.TargetId == id).SingleAsync());
        Assert.Contains("\"rolesAdded\":[\"Moderator\"]", entry.Details);
        Assert.Contains("\"departmentsAdded\":[\"transport\"]", entry.Details);

        // Taking the staff roles away closes the staff pages on the person's next request.
        var demote = await admin.SubmitAsync(await admin.GetPageAsync($"/admin/users/{id}"), [Role(Roles.Citizen)], "#access-form");
        Assert.Equal(HttpStatusCode.Redirect, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync("/admin")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<StaffDepartment>().CountAsync(m => m.UserId == id)));
    }

    [Fact]
    public async Task Officials_need_a_department_and_citizens_cannot_have_one()
    {
        var email = $"citizen-{Guid.NewGuid():N}@example.org";
        (await app.SignedUpCitizenAsync(email)).Dispose();
        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        var id = await UserIdAsync(email);
        var transport = await DepartmentIdAsync("transport");

        var noDepartment = await admin.SubmitAsync(await admin.GetPageAsync($"/admin/users/{id}"), [Role(Roles.Official)], "#access-form");
        Assert.Equal(HttpStatusCode.OK, noDepartment.StatusCode);
        var page = await Html.ParseAsync(noDepartment);
        Assert.Equal(["공무원에게는 소속 부서를 하나 이상 고르세요."], page.ErrorSummary());
        Assert.Equal("SelectedDepartments", page.QuerySelector(".ch-error-summary a")!.GetAttribute("href")!.TrimStart('#'));

        var citizenInDepartment = await Html.ParseAsync(await admin.SubmitAsync(await admin.GetPageAsync($"/admin/users/{id}"),
            [Role(Roles.Citizen), Department(transport)], "#access-form"));
        Assert.Single(citizenInDepartment.ErrorSummary());

        Assert.Equal(["Citizen"], await app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync()));
        Assert.False(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.TargetId == id)));
    }

    [Fact]
    public async Task Administrators_cannot_remove_their_own_administrator_role()
    {
        var email = $"admin-{Guid.NewGuid():N}@city.example";
        var admin = await app.SignedInStaffAsync(Roles.Administrator, email);
        var id = await UserIdAsync(email);
        var response = await admin.SubmitAsync(await admin.GetPageAsync($"/admin/users/{id}"), [Role(Roles.Citizen)], "#access-form");
        var page = await Html.ParseAsync(response);
        Assert.Equal(["자기 자신의 관리자 역할은 뺄 수 없습니다. 다른 관리자에게 요청하세요."], page.ErrorSummary());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_unlocks_a_locked_account_and_it_is_audited()
    {
        var email = $"locked-{Guid.NewGuid():N}@example.org";
        (await app.SignedUpCitizenAsync(email)).Dispose();
        var id = await UserIdAsync(email);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == id);
            user.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(10);
            user.AccessFailedCount = 5;
            await db.SaveChangesAsync();
        });
        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        var page = await admin.GetPageAsync($"/admin/users/{id}");
        Assert.Equal("true", page.QuerySelector("[data-locked]")!.GetAttribute("data-locked"));
        var unlocked = await admin.SubmitAsync(page, new Dictionary<string, string>(), "form[action*=unlock]");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(e => e.Action == "user.unlocked" && e.TargetId == id)));

        // The account can sign in again.
        var client = app.CreateBrowserLikeClient();
        var signIn = await client.SubmitAsync(await client.GetPageAsync("/account/sign-in"),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Officials_cannot_open_an_account_and_unknown_accounts_are_404()
    {
        var official = await app.SignedInStaffAsync(Roles.Official);
        var admin = await app.SignedInStaffAsync(Roles.Administrator);
        var id = await app.WithDbAsync(db => db.Users.Select(u => u.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await official.GetAsync($"/admin/users/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/users/{Guid.NewGuid()}")).StatusCode);
    }
}
