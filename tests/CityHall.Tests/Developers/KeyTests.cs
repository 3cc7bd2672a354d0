using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Data;
using CityHall.Web.Modules.Developers.Keys;
using CityHall.Web.Modules.Transparency.Budget;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Developers;

/// <summary>The city with keys of three calls a minute, so a key's rate is reached in a test.</summary>
public sealed class KeysApp() : ClockedApp(InSeoul(2026, 12, 4, 10), new Dictionary<string, string?> { ["Developers:RequestsPerMinute"] = "3" });

/// <summary>
/// Keys for apps: made with the scopes their owner may give, shown once, checked for scope and rate on a write API
/// (the informatization budget), counted in the usage, rotated with an overlap and revoked — every refusal as
/// problem+json with nothing written.
/// </summary>
public sealed class KeyTests(KeysApp app) : IClassFixture<KeysApp>
{
    private static readonly object Good = new { cityTotal = 50_000_000, source = "budget book", programmes = new[] { new { code = "cloud", nameKo = "클라우드", nameEn = "Cloud", amount = 150_000 } } };

    private async Task<string> MakeKeyAsync(HttpClient staff, string app)
    {
        var page = await staff.GetPageAsync("/developers/keys");
        var response = await staff.SubmitAsync(page, [new("Input.AppName", app), new("Input.Scopes", BudgetApi.Scope)], "form[data-issue-form]");
        Assert.True(response.Headers.CacheControl?.NoStore);
        return (await Html.ParseAsync(response)).QuerySelector("[data-issued-key] [data-key]")!.TextContent.Trim();
    }

    private async Task<HttpResponseMessage> PutAsync(string? key, int year, object body)
    {
        var client = app.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return await client.PutAsJsonAsync($"/api/v1/transparency/budget/{year}", body);
    }

    private static async Task<string> ReasonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("reason").GetString()!;
    }

    [Fact]
    public async Task A_write_key_is_checked_for_its_scope_and_rate_and_every_bad_figure_is_refused_with_nothing_written()
    {
        // A citizen may give the open scopes (Open311) but not one that writes the city's records, even by a forged form.
        var citizen = await app.SignedUpCitizenAsync();
        var citizenPage = await citizen.GetPageAsync("/developers/keys");
        Assert.NotNull(citizenPage.QuerySelector($"form[data-issue-form] input[value='{Web.Modules.ServiceRequests.Open311.Open311Api.Scope}']"));
        Assert.Null(citizenPage.QuerySelector($"form[data-issue-form] input[value='{BudgetApi.Scope}']"));
        var forged = await Html.ParseAsync(await citizen.SubmitAsync(citizenPage, [new("Input.AppName", "Forged"), new("Input.Scopes", BudgetApi.Scope)], "form[data-issue-form]"));
        Assert.NotEmpty(forged.ErrorSummary());
        Assert.Null(forged.QuerySelector("[data-issued-key]"));
        Assert.False(await app.WithDbAsync(db => db.Set<DeveloperKey>().AnyAsync(k => k.AppName == "Forged")));
        Assert.NotNull((await app.CreateClient().GetPageAsync("/developers")).QuerySelector($"[data-scopes] tr[data-scope='{BudgetApi.Scope}']"));

        var staff = await app.SignedInStaffAsync(Roles.Administrator);
        var key = await MakeKeyAsync(staff, "Budget office sync");
        Assert.StartsWith(DeveloperKeys.KeyPrefix, key);
        Assert.DoesNotContain(key, await (await staff.GetAsync("/developers/keys")).Content.ReadAsStringAsync()); // shown once
        Assert.False(await app.WithDbAsync(db => db.Set<DeveloperKey>().AnyAsync(k => k.Prefix == key)));

        Assert.Equal("missing-key", await ReasonAsync(await PutAsync(null, 2027, Good), HttpStatusCode.Unauthorized));
        Assert.Equal("unknown-key", await ReasonAsync(await PutAsync(DeveloperKeys.KeyPrefix + "not-a-key", 2027, Good), HttpStatusCode.Unauthorized));

        // Three calls a minute: a negative amount and a share over 100% refused (nothing written), then the budget taken.
        Assert.Equal("negative", await ReasonAsync(await PutAsync(key, 2027, new { cityTotal = 50_000_000, programmes = new[] { new { code = "cloud", nameKo = "클라우드", amount = -1 } } }),
            HttpStatusCode.UnprocessableEntity));
        Assert.Equal("over-total", await ReasonAsync(await PutAsync(key, 2027, new { cityTotal = 100_000, programmes = new[] { new { code = "cloud", nameKo = "클라우드", amount = 150_000 } } }),
            HttpStatusCode.UnprocessableEntity));
        Assert.False(await app.WithDbAsync(db => db.Set<BudgetYear>().AnyAsync(y => y.Year == 2027)));
        var taken = await PutAsync(key, 2027, Good);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var year = JsonDocument.Parse(await taken.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0.3, year.GetProperty("sharePercent").GetDouble()); // 150,000 of 50,000,000
        Assert.Equal("budget book", year.GetProperty("source").GetString());
        var limited = await PutAsync(key, 2027, Good);
        Assert.Equal("rate", await ReasonAsync(limited, HttpStatusCode.TooManyRequests));
        Assert.True(int.Parse(limited.Headers.RetryAfter!.ToString()) is > 0 and <= 60);
        // The public reads it without a key; the change is audited as made through the app's key.
        Assert.Contains("\"code\":\"cloud\"", await app.CreateClient().GetStringAsync("/api/v1/transparency/budget"));
        Assert.Contains(await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == "transparency.budget.import").Select(a => a.ActorName).ToListAsync()),
            name => name.EndsWith(": Budget office sync", StringComparison.Ordinal));

        // The usage, counted in memory and written by the meter: 3 calls and 1 refused for the rate today.
        await app.Services.GetRequiredService<KeyUsageMeter>().FlushAsync();
        var keys = await staff.GetPageAsync("/developers/keys");
        var today = keys.QuerySelector("[data-app-key] [data-usage] tr[data-day='2026-12-04']")!;
        Assert.Equal("3", today.QuerySelector("[data-calls]")!.TextContent);
        Assert.Equal("1", today.QuerySelector("[data-limited]")!.TextContent);
        Assert.NotNull(keys.QuerySelector("[data-app-key] figure.ch-chart svg"));
    }

    [Fact]
    public async Task A_rotated_key_works_beside_the_new_one_for_the_overlap_and_a_revoked_or_unpermitted_one_not_at_all()
    {
        var email = $"rotator-{Guid.NewGuid():N}@city.example";
        var staff = await app.SignedInStaffAsync(Roles.Administrator, email);
        var old = await MakeKeyAsync(staff, "Rotating app");
        var keysPage = await staff.GetPageAsync("/developers/keys");
        var rotated = await staff.SubmitAsync(keysPage, [], "form[data-rotate]");
        var fresh = (await Html.ParseAsync(rotated)).QuerySelector("[data-issued-key] [data-key]")!.TextContent.Trim();
        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(old, 2026, Good)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(fresh, 2026, Good)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal("unknown-key", await ReasonAsync(await PutAsync(old, 2026, Good), HttpStatusCode.Unauthorized));
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(fresh, 2026, Good)).StatusCode);

        var revoke = await staff.GetPageAsync("/developers/keys");
        Assert.Equal(HttpStatusCode.OK, (await staff.SubmitAsync(revoke, [], "form[data-revoke]")).StatusCode);
        Assert.Equal("unknown-key", await ReasonAsync(await PutAsync(fresh, 2026, Good), HttpStatusCode.Unauthorized));

        // A key whose owner no longer holds the permission behind its scope: the scope stops working.
        var unused = await MakeKeyAsync(staff, "Left the budget office");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CityHallUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.RemoveFromRoleAsync(user, Roles.Administrator);
        }
        Assert.Equal("scope", await ReasonAsync(await PutAsync(unused, 2025, Good), HttpStatusCode.Forbidden));
        Assert.False(await app.WithDbAsync(db => db.Set<BudgetYear>().AnyAsync(y => y.Year == 2025)));
        var actions = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.TargetType == "developer-key").Select(a => a.Action).ToListAsync());
        Assert.Contains("developers.key.rotate", actions);
        Assert.Contains("developers.key.revoke", actions);
    }
}
