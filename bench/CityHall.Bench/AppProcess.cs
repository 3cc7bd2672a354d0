using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Bench;

/// <summary>The app as an operator runs it: its own process, Production settings, a database of its own.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string? sqliteFolder;
    private readonly Dictionary<string, string?> environment;

    /// <summary>The app's process id (for its memory).</summary>
    public int ProcessId => process.Id;

    /// <summary>The app's resident memory now, in bytes (VmRSS).</summary>
    /// <summary>The process's resident memory sampled every 250 ms for <paramref name="span"/>: median, least and most.</summary>
    public async Task<(long Median, long Min, long Max)> SteadyResidentBytesAsync(TimeSpan span, CancellationToken ct)
    {
        var samples = new List<long>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            samples.Add(ResidentBytes());
            await Task.Delay(250, ct);
        } while (watch.Elapsed < span);
        samples.Sort();
        return (samples[samples.Count / 2], samples[0], samples[^1]);
    }

    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return 0;
    }

    /// <summary>Runs one of the app's command-line verbs (create-admin, ...) against the same database; returns what it printed.</summary>
    public async Task<string> RunVerbAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CityHall.Web.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment) start.Environment[k] = v;
        using var verb = Process.Start(start)!;
        var output = await verb.StandardOutput.ReadToEndAsync();
        await verb.WaitForExitAsync();
        return output;
    }

    public Uri BaseAddress { get; }
    public string Provider { get; }
    /// <summary>The app's database, for seeding before a run and checking after it.</summary>
    public string ConnectionString { get; }

    private AppProcess(Process process, Uri baseAddress, string? sqliteFolder, string provider, string connectionString, Dictionary<string, string?> environment)
    {
        this.process = process;
        this.environment = environment;
        BaseAddress = baseAddress;
        this.sqliteFolder = sqliteFolder;
        Provider = provider;
        ConnectionString = connectionString;
    }

    public CityHall.Web.Data.AppDbContext OpenDatabase() => Provider == "Sqlite"
        ? new CityHall.Web.Data.SqliteAppDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<CityHall.Web.Data.SqliteAppDbContext>()
            .UseSqlite(ConnectionString).Options)
        : new CityHall.Web.Data.PostgresAppDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<CityHall.Web.Data.PostgresAppDbContext>()
            .UseNpgsql(ConnectionString).Options);

    /// <param name="sharesDatabaseWith">A second node: the same database as this running node (SQLite file or PostgreSQL).</param>
    public static async Task<AppProcess> StartAsync(string provider, string? connectionString, IDictionary<string, string>? settings = null, AppProcess? sharesDatabaseWith = null)
    {
        var (start, port) = ServerOnFreePort("CityHall.Web.dll");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Accounts__IdentityHashKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        // Production requires the public address (readiness fails without it, and hosts are filtered by it).
        start.Environment["Hosting__PublicUrl"] = $"http://127.0.0.1:{port}";
        // The load comes from one address; the per-IP limits are not what is measured here.
        start.Environment["RequestLimits__SignIn__PermitLimit"] = "1000000";
        start.Environment["RequestLimits__SignUp__PermitLimit"] = "1000000";
        start.Environment["RequestLimits__CitizenWrite__PermitLimit"] = "1000000";
        start.Environment["RequestLimits__ApiRead__PermitLimit"] = "1000000";
        string? folder = null;
        start.Environment["Database__Provider"] = provider;
        if (sharesDatabaseWith is not null && provider == "Sqlite")
        {
            start.Environment["Database__SqliteFile"] = sharesDatabaseWith.environment["Database__SqliteFile"];
            connectionString = sharesDatabaseWith.ConnectionString;
        }
        else if (provider == "Sqlite")
        {
            folder = Path.Combine(Path.GetTempPath(), "cityhall-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            start.Environment["Database__SqliteFile"] = Path.Combine(folder, "bench.db");
            connectionString = $"Data Source={Path.Combine(folder, "bench.db")}";
        }
        else start.Environment["ConnectionStrings__Default"] = connectionString ?? throw new ArgumentException("PostgreSQL needs --connection");
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) start.Environment[k.Replace(":", "__", StringComparison.Ordinal)] = v;

        return await WaitUntilReadyAsync(Process.Start(start)!, port, folder, provider, connectionString!, start);
    }

    private static async Task<AppProcess> WaitUntilReadyAsync(Process process, int port, string? folder, string provider, string connectionString, ProcessStartInfo start)
    {
        _ = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"), folder, provider, connectionString,
            start.Environment.ToDictionary(e => e.Key, e => e.Value));
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException("The app stopped while starting: " + await errors);
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode) return app;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline) { }
            await Task.Delay(200);
        }
    }

    /// <summary>A web app built beside the bench, to listen on a free loopback port in Production.</summary>
    private static (ProcessStartInfo Start, int Port) ServerOnFreePort(string dll)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return (start, port);
    }

    /// <summary>bench/BareHub, built beside the bench: no database, only the hub's routes and /health/ready.</summary>
    public static async Task<AppProcess> StartBareHubAsync()
    {
        var (start, port) = ServerOnFreePort("BareHub.dll");
        return await WaitUntilReadyAsync(Process.Start(start)!, port, null, "none", "", start);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        if (sqliteFolder is not null)
        {
            try { Directory.Delete(sqliteFolder, recursive: true); } catch (IOException) { }
        }
    }
}
