using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CityHall.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace CityHall.Bench;

/// <summary>Verified citizens for the benchmarks where people act signed in (supports, ballots): made in the database, signed in through the pages.</summary>
public static partial class BenchCitizens
{
    public const string Password = "bench-password-42";

    public static string Email(int i) => $"citizen{i}@bench.example";

    /// <summary>Adds verified citizens numbered <paramref name="from"/> to <paramref name="count"/> − 1 (not saved: the caller saves with what it seeds).</summary>
    public static void Add(CityHall.Web.Data.AppDbContext db, int count, Func<int, string?>? district = null, int from = 0)
    {
        // Few PBKDF2 rounds so signing in thousands of citizens takes seconds; the hash records its own
        // count, the app accepts it (and upgrades it). Sign-in cost is not what these benchmarks measure.
        var hasher = new PasswordHasher<CityHallUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));
        var now = DateTimeOffset.UtcNow;
        for (var i = from; i < count; i++)
        {
            var email = Email(i);
            var user = new CityHallUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N"), DisplayName = $"시민{i}",
                VerifiedIdentityHash = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), VerifiedAt = now, DistrictCode = district?.Invoke(i),
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Add(user);
        }
    }

    /// <summary>
    /// Signs in through the pages like a browser (two connections, as a browser keeps; a request a server's closing of an
    /// idle connection cut off is sent again, see <see cref="BrowserResend"/>) and keeps the cookie and a form token from
    /// <paramref name="tokenPage"/>.
    /// </summary>
    /// <param name="source">A loopback address (127.0.0.x) the citizen's connections leave from, as people come from addresses of
    /// their own (the per-address sign-in limit then applies per citizen, behind a proxy too); null: the default.</param>
    public static async Task<(HttpClient Client, string Token)> SignInAsync(Uri baseAddress, string email, string tokenPage, CancellationToken ct, string? source = null)
    {
        var handler = new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 2 };
        if (source is not null) handler.ConnectCallback = SignalRSockets.ConnectFrom(source);
        var client = new HttpClient(new BrowserResend(handler)) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var form = await client.GetStringAsync("/account/sign-in", ct);
        using var signIn = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", Token(form)), new("Input.Email", email), new("Input.Password", Password),
        ]), ct);
        if (signIn.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in of {email} failed: {signIn.StatusCode}");
        var page = await client.GetStringAsync(tokenPage, ct);
        return (client, Token(page));
    }

    /// <summary>Signs in <paramref name="count"/> citizens, 32 at a time.</summary>
    public static async Task<(HttpClient Client, string Token)[]> SignInAllAsync(Uri baseAddress, int count, string tokenPage, CancellationToken ct, Func<int, string>? source = null)
    {
        var sessions = new (HttpClient Client, string Token)[count];
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(ct);
            try { sessions[i] = await SignInAsync(baseAddress, Email(i), tokenPage, ct, source?.Invoke(i)); }
            finally { gate.Release(); }
        }));
        return sessions;
    }

    public static string Token(string html) => TokenField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
