using System.Net;
using System.Text.RegularExpressions;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Infrastructure;

/// <summary>Gets a person signed in the way they would do it: through the pages.</summary>
public static partial class TestAccounts
{
    public const string Password = "correct-horse-42";

    /// <summary>Signs up through the pages, types in the code from the e-mail, and ends signed in.</summary>
    public static async Task<HttpClient> SignedUpCitizenAsync(this CityHallApp app, string? email = null, string name = "홍길동") =>
        (await SignUpCitizenAsync(app, email, name)).Client;

    /// <summary>As <see cref="SignedUpCitizenAsync"/>, with the sign-in cookie as a Cookie header (for hub connections).</summary>
    public static async Task<(HttpClient Client, string Cookie)> SignUpCitizenAsync(this CityHallApp app, string? email = null, string name = "홍길동")
    {
        email ??= $"citizen-{Guid.NewGuid():N}@example.org";
        var client = app.CreateBrowserLikeClient();
        var signUp = await client.GetPageAsync("/account/sign-up");
        var posted = await client.SubmitAsync(signUp, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name, ["Input.Email"] = email, ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var code = await CodeSentToAsync(app, email);
        var confirm = await client.GetPageAsync(posted.Headers.Location!.ToString());
        var confirmed = await client.SubmitAsync(confirm, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return (client, SignInCookie(confirmed));
    }

    public static async Task<string> CodeSentToAsync(CityHallApp app, string email)
    {
        var message = await app.LastEmailToAsync(email) ?? throw new InvalidOperationException($"No e-mail to {email}");
        return SixDigits().Match(message.Body).Value;
    }

    /// <summary>Creates a staff account with TOTP (as create-admin does) and signs in with password and code.</summary>
    /// <param name="department">For officials: the department (by code) they belong to.</param>
    public static async Task<HttpClient> SignedInStaffAsync(this CityHallApp app, string role, string? email = null, string? department = null) =>
        (await SignInStaffAsync(app, role, email, department)).Client;

    /// <summary>As <see cref="SignedInStaffAsync"/>, with the sign-in cookie as a Cookie header (for hub connections).</summary>
    public static async Task<(HttpClient Client, string Cookie)> SignInStaffAsync(this CityHallApp app, string role, string? email = null, string? department = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@city.example";
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateOrPromoteAsync(email, "직원", Password, role);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            key = result.AuthenticatorKey!;
            if (department is not null) await AddToDepartmentAsync(scope.ServiceProvider, email, department);
        }
        var client = app.CreateBrowserLikeClient();
        var signIn = await client.GetPageAsync("/account/sign-in");
        var first = await client.SubmitAsync(signIn, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/account/sign-in/two-factor", first.Headers.Location!.ToString());
        var second = await client.GetPageAsync(first.Headers.Location!.ToString());
        var done = await client.SubmitAsync(second, new Dictionary<string, string> { ["Input.Code"] = Totp.FreshCode(key) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        return (client, SignInCookie(done));
    }

    /// <summary>The cookies a sign-in response set, as a Cookie header.</summary>
    private static string SignInCookie(HttpResponseMessage signedIn) =>
        string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => !c.EndsWith('=')));

    /// <summary>Makes the staff member with this e-mail a member of the department (by code), as an administrator does at /admin/users.</summary>
    public static async Task AddToDepartmentAsync(IServiceProvider services, string email, string department)
    {
        var db = services.GetRequiredService<CityHall.Web.Data.AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var departmentId = await db.Set<CityHall.Web.Platform.City.Department>().Where(d => d.Code == department).Select(d => d.Id).SingleAsync();
        db.Add(new StaffDepartment { UserId = userId, DepartmentId = departmentId });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A staff member who has not set up an authenticator yet, signed in with the password alone (a
    /// citizen account given a staff role): they hold the role but, where the city requires two factors, none of its permissions.
    /// </summary>
    public static async Task<HttpClient> SignedInWithPasswordOnlyAsync(this CityHallApp app, string role, string? department = null)
    {
        var email = $"password-only-{Guid.NewGuid():N}@city.example";
        (await app.SignedUpCitizenAsync(email)).Dispose();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CityHallUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            if (department is not null)
            {
                var db = scope.ServiceProvider.GetRequiredService<CityHall.Web.Data.AppDbContext>();
                db.Add(new StaffDepartment { UserId = user.Id, DepartmentId = await db.Set<CityHall.Web.Platform.City.Department>().Where(d => d.Code == department).Select(d => d.Id).SingleAsync() });
                await db.SaveChangesAsync();
            }
        }
        var client = app.CreateBrowserLikeClient();
        var signedIn = await client.SubmitAsync(await client.GetPageAsync("/account/sign-in"),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("two-factor", signedIn.Headers.Location!.ToString(), StringComparison.Ordinal);
        return client;
    }

    public static string RandomMobile() => "010" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Walks the SMS verification: number and year of birth, then the code from the text message.</summary>
    public static async Task<HttpResponseMessage> VerifyBySmsAsync(CityHallApp app, HttpClient client, string mobile, bool rightCode = true, string? returnUrl = null, int birthYear = 1980)
    {
        var start = await client.GetPageAsync("/account/verify" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        var answerStep = await Html.ParseAsync(await client.SubmitAsync(start,
            new Dictionary<string, string> { ["Input.Method"] = "sms", ["Input.Subject"] = mobile, ["Input.BirthYear"] = birthYear.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var sms = await app.LastSmsToAsync(new string(mobile.Where(char.IsDigit).ToArray()));
        Assert.NotNull(sms);
        var code = SixDigits().Match(sms.Body).Value;
        if (!rightCode) code = code == "000000" ? "111111" : "000000";
        return await client.SubmitAsync(answerStep, new Dictionary<string, string> { ["Input.Answer"] = code });
    }

    /// <summary>A signed-up citizen who has also verified their identity by SMS.</summary>
    public static async Task<HttpClient> VerifiedCitizenAsync(this CityHallApp app, string? email = null, int birthYear = 1980)
    {
        var client = await app.SignedUpCitizenAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await VerifyBySmsAsync(app, client, RandomMobile(), birthYear: birthYear)).StatusCode);
        return client;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
