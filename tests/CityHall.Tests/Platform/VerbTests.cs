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
        var (code, output) = await Verbs.RunAsync(app, "migrate", "--no-such-option");
        // The parser's refusal naming the option (a crash would also exit non-zero, but with neither).
        Assert.True(code == 1, $"exit {code}: {output}");
        Assert.Contains("--no-such-option", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_and_seed_are_idempotent()
    {
        Assert.Equal(0, (await Verbs.RunAsync(app, "migrate")).ExitCode);
        Assert.Equal(0, (await Verbs.RunAsync(app, "seed")).ExitCode);
        Assert.Equal(0, (await Verbs.RunAsync(app, "seed")).ExitCode);
        Assert.Equal(25, await app.WithDbAsync(db => db.Set<CityHall.Web.Platform.City.District>().CountAsync()));
    }

    [Fact]
    public async Task Verbs_accept_the_host_options_the_server_takes()
    {
        var (code, output) = await Verbs.RunAsync(app, "seed", "--contentRoot", AppContext.BaseDirectory, "--environment", "Production", "--Logging:LogLevel:Default=Warning");
        Assert.True(code == 0, output);
        Assert.Equal(25, await app.WithDbAsync(db => db.Set<CityHall.Web.Platform.City.District>().CountAsync()));
    }

    [Fact]
    public async Task Started_from_another_folder_the_app_still_finds_its_settings_and_is_ready()
    {
        var elsewhere = Directory.CreateTempSubdirectory("cityhall-elsewhere-").FullName;
        var port = CityHallApp.FreeLoopbackPort();
        var start = Verbs.StartInfo(app, "--urls", $"http://127.0.0.1:{port}");
        start.WorkingDirectory = elsewhere;
        start.Environment["Accounts__IdentityHashKey"] = Convert.ToBase64String(new byte[32]);
        start.Environment["Hosting__PublicUrl"] = "https://eminwon.seoul.example";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            HttpResponseMessage? ready = null;
            while (DateTime.UtcNow < deadline && !process.HasExited)
            {
                try
                {
                    ready = await http.GetAsync("/health/ready");
                    if (ready.IsSuccessStatusCode) break;
                }
                catch (HttpRequestException) { }
                await Task.Delay(250);
            }
            Assert.True(ready?.IsSuccessStatusCode == true, $"not ready: {(int?)ready?.StatusCode}");
            Assert.Equal(25, await app.WithDbAsync(db => db.Set<CityHall.Web.Platform.City.District>().CountAsync()));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await stdout;
            await stderr;
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
