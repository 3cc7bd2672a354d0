using System.Net;
using System.Net.Sockets;
using CityHall.Web.Data;
using CityHall.Web.Platform.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Infrastructure;

/// <summary>
/// The real app on its own empty database (SQLite file or PostgreSQL database), with the
/// friendly error pages of production. Settings can be overridden per test class.
/// </summary>
public class CityHallApp : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = new();
    private readonly Dictionary<string, string?> settings;

    public CityHallApp() : this(new Dictionary<string, string?>()) { }

    protected CityHallApp(IDictionary<string, string?> overrides)
    {
        settings = new()
        {
            ["Database:Provider"] = Database.Provider,
            ["ConnectionStrings:Default"] = Database.ConnectionString,
            ["Seed:Demo"] = "false",
            ["Notifications:DispatchInBackground"] = "false",
            ["Notifications:PickupFolder"] = Path.Combine(Path.GetTempPath(), "cityhall-tests", "pickup-" + Guid.NewGuid().ToString("N")),
            // Generous limits so tests that sign in many times are not throttled; the rate-limit tests set their own.
            ["RequestLimits:SignIn:PermitLimit"] = "1000",
            ["RequestLimits:SignUp:PermitLimit"] = "1000",
            ["RequestLimits:CitizenWrite:PermitLimit"] = "1000",
            ["RequestLimits:ApiRead:PermitLimit"] = "100000",
            // What production must set (readiness fails without them).
            ["Hosting:PublicUrl"] = "http://localhost",
            ["Accounts:IdentityHashKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (k, v) in overrides) settings[k] = v;
    }

    /// <summary>The settings this instance runs with (another node of the same city copies them).</summary>
    public IReadOnlyDictionary<string, string?> Settings => settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.ConfigureTestServices(ConfigureServices);
    }

    /// <summary>Replaces real services where a test must control them (the clock); nothing by default.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>Starts a real Kestrel server (for browsers) and returns its base address.</summary>
    public string StartKestrel()
    {
        var port = FreeLoopbackPort();
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        StartServer();
        kestrelAddress = new Uri($"http://127.0.0.1:{port}");
        return $"http://127.0.0.1:{port}";
    }

    /// <summary>A hub connection through the test server's WebSocket, optionally signed in (a Cookie header).</summary>
    public HubConnection Hub(string path, string? cookie = null) => new HubConnectionBuilder()
        .WithUrl(new Uri(Server.BaseAddress, path), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.WebSocketFactory = async (context, ct) =>
            {
                var client = Server.CreateWebSocketClient();
                if (cookie is not null) client.ConfigureRequest = r => r.Headers.Cookie = cookie;
                return await client.ConnectAsync(context.Uri, ct);
            };
        })
        .Build();

    /// <summary>Where Kestrel listens once <see cref="StartKestrel"/> ran: clients go there rather than to the test server.</summary>
    private Uri? kestrelAddress;

    public HttpClient CreateBrowserLikeClient() => kestrelAddress is null
        ? CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })
        // Over Kestrel the factory's client options are not applied (it followed redirects): a client of our own.
        : new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = kestrelAddress };

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db => { await work(db); return 0; });

    /// <summary>The last text message queued for a number.</summary>
    public Task<OutboxMessage?> LastSmsToAsync(string number) =>
        WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Recipient == number && m.Channel == NotificationChannel.Sms)
            .OrderByDescending(m => m.Id).FirstOrDefaultAsync());

    /// <summary>The last e-mail queued for an address (the outbox is what the dispatcher would send).</summary>
    public Task<OutboxMessage?> LastEmailToAsync(string address) =>
        WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Recipient == address && m.Channel == NotificationChannel.Email)
            .OrderByDescending(m => m.Id).FirstOrDefaultAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Database.Dispose();
    }
}

/// <summary>
/// Another node of the same city: the app again with the settings of <paramref name="sharesWith"/> —
/// its database, its identity hash key — and any of its own. (It also owns an empty database of its
/// own, unused.)
/// </summary>
public class OtherNode(CityHallApp sharesWith, IDictionary<string, string?>? own = null)
    : CityHallApp(Merge(sharesWith.Settings, own))
{
    private static Dictionary<string, string?> Merge(IReadOnlyDictionary<string, string?> shared, IDictionary<string, string?>? own)
    {
        var merged = new Dictionary<string, string?>(shared);
        foreach (var (k, v) in own ?? new Dictionary<string, string?>()) merged[k] = v;
        return merged;
    }
}
