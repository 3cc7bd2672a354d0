using CityHall.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Platform;

public sealed class VerbTests : IDisposable
{
    private readonly CityHallApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Create_admin_makes_an_administrator_with_a_TOTP_key_who_can_sign_in()
    {
        var (code, output) = await Verbs.RunAsync(app, "create-admin", "--email", "chief@city.example", "--name", "Chief", "--password", "admin-password-9");
        Assert.Equal(0, code);
        Assert.Contains("TOTP key", output);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "chief@city.example"));
        Assert.True(user.TwoFactorEnabled);
    }

    [Fact]
    public async Task Create_admin_with_a_weak_password_fails_with_the_reason()
    {
        var (code, output) = await Verbs.RunAsync(app, "create-admin", "--email", "weak@city.example", "--password", "short");
        Assert.Equal(1, code);
        Assert.Contains("10", output);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var (code, _) = await Verbs.RunAsync(app, "migrate", "--no-such-option");
        Assert.NotEqual(0, code);
    }

    [Fact]
    public async Task Migrate_and_seed_are_idempotent()
    {
        Assert.Equal(0, (await Verbs.RunAsync(app, "migrate")).ExitCode);
        Assert.Equal(0, (await Verbs.RunAsync(app, "seed")).ExitCode);
        Assert.Equal(0, (await Verbs.RunAsync(app, "seed")).ExitCode);
        Assert.Equal(25, await app.WithDbAsync(db => db.Set<CityHall.Web.Platform.City.District>().CountAsync()));
    }
}
