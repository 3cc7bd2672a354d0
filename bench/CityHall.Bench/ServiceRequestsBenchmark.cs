using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CityHall.Web.Modules.Developers.Keys;
using CityHall.Web.Modules.ServiceRequests;
using CityHall.Web.Modules.ServiceRequests.Open311;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Bench;

/// <summary>
/// An Open311 back office under load: with 100,000 requests stored, clients read the default list
/// (the newest 1,000 of the last 90 days, as JSON) and post new reports with an API key, each POST
/// the real endpoint with its checks, routing and deadline. Afterwards the stored count is checked
/// against the acknowledged posts.
/// </summary>
public static class ServiceRequestsBenchmark
{
    private const string Key = "chk_bench-key-for-the-open311-benchmark-000000000";

    public static async Task RunAsync(BenchOptions options, int stored, int readers, int rate, CancellationToken ct)
    {
        options.PrintHeader("service-requests");
        Console.WriteLine($"# {stored:N0} requests stored; {readers} readers of GET /open311/v2/requests.json (1,000 each); {options.Workers} posting clients");
        await using var app = await AppProcess.StartAsync(options.Provider, options.Connection, new Dictionary<string, string>());
        var services = await SeedAsync(app, stored, ct);
        Console.WriteLine($"# seeded {stored:N0} requests over the last 80 days; measuring {options.Phase.TotalSeconds:N0} s per phase");

        using var http = Load.Client(app.BaseAddress, Math.Max(readers, options.Workers));
        const string list = "/open311/v2/requests.json?jurisdiction_id=seoul.go.kr";
        using (var first = await http.GetAsync(list, ct))
        {
            using var doc = JsonDocument.Parse(await first.Content.ReadAsStringAsync(ct));
            Console.WriteLine($"# the list returns {doc.RootElement.GetArrayLength():N0} requests ({first.Content.Headers.ContentLength:N0} bytes)");
        }
        var reading = await Load.RunAsync("GET requests.json (1,000)", readers, options.Phase, async (_, _) =>
        {
            using var response = await http.GetAsync(list, ct);
            await response.Content.CopyToAsync(Stream.Null, ct);
            return response.IsSuccessStatusCode;
        }, ct);
        Console.WriteLine(reading);
        // The same list with a query the output cache has never seen: every read runs the query and writes the JSON.
        var uncached = await Load.RunAsync("GET requests.json, uncached", readers, options.Phase, async (worker, i) =>
        {
            using var response = await http.GetAsync($"{list}&nocache={worker}-{i}", ct);
            await response.Content.CopyToAsync(Stream.Null, ct);
            return response.IsSuccessStatusCode;
        }, ct);
        Console.WriteLine(uncached);

        long acknowledged = 0, withEmail = 0;
        // A report as a client sends it; every other one gives an e-mail, so its receipt is composed and
        // queued in the outbox in the same transaction (the path a reporter who wants an answer takes).
        async Task<bool> PostAsync(long worker, long i)
        {
            var emailed = i % 2 == 0;
            using var response = await http.PostAsync("/open311/v2/requests.json", ReportForm(services[(int)((worker + i) % services.Length)], Key, worker, i, emailed), ct);
            await response.Content.CopyToAsync(Stream.Null, ct);
            var ok = response.StatusCode == HttpStatusCode.OK;
            if (ok)
            {
                Interlocked.Increment(ref acknowledged);
                if (emailed) Interlocked.Increment(ref withEmail);
            }
            return ok;
        }
        var posting = await Load.RunAsync("POST requests.json (half with e-mail)", options.Workers, options.Phase, (worker, i) => PostAsync(worker, i), ct);
        Console.WriteLine(posting);
        if (rate > 0)
        {
            // The closed phase leaves tens of thousands of receipts queued, and the dispatcher delivering them shares the two
            // cores: the open loop starts once they are delivered, so its tail is the steady state's, not the backlog's.
            var draining = System.Diagnostics.Stopwatch.StartNew();
            var pending = await PendingReceiptsAsync(app, ct);
            var before = pending;
            while (pending > 0 && draining.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(500, ct);
                pending = await PendingReceiptsAsync(app, ct);
            }
            Console.WriteLine($"outbox: {before:N0} receipts waiting after the closed phase, delivered in {draining.Elapsed.TotalSeconds:N1} s ({pending:N0} left) before the open loop");
            var open = await Load.RunOpenLoopAsync("POST requests.json, open loop", rate, options.Phase, n => PostAsync(1000 + n % 200, n), ct: ct);
            Console.WriteLine(open);
        }

        await using var db = app.OpenDatabase();
        var count = await db.Set<ServiceRequest>().LongCountAsync(ct);
        var receipts = await db.Set<CityHall.Web.Platform.Notifications.OutboxMessage>().LongCountAsync(m => m.Recipient.EndsWith("@bench.example"), ct);
        Console.WriteLine($"acknowledged {acknowledged:N0} posts; stored {count - stored:N0} new requests: {(count - stored == acknowledged ? "equal" : "DIFFERENT")}; "
            + $"{withEmail:N0} gave an e-mail, {receipts:N0} receipts queued: {(receipts == withEmail ? "equal" : "DIFFERENT")}");
    }

    private static async Task<long> PendingReceiptsAsync(AppProcess app, CancellationToken ct)
    {
        await using var db = app.OpenDatabase();
        return await db.Set<CityHall.Web.Platform.Notifications.OutboxMessage>().LongCountAsync(m => m.SentAt == null && !m.GaveUp, ct);
    }

    /// <summary>A report as an Open311 client posts it: a place in Seoul, a description, the service's required attributes, an e-mail if asked.</summary>
    public static FormUrlEncodedContent ReportForm(ServiceDefinition service, string key, long worker, long i, bool emailed)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("api_key", key), new("jurisdiction_id", "seoul.go.kr"), new("service_code", service.Code),
            new("lat", (37.45 + (i % 200) * 0.001).ToString(CultureInfo.InvariantCulture)),
            new("long", (126.85 + (worker % 200) * 0.001).ToString(CultureInfo.InvariantCulture)),
            new("description", $"부하 시험 민원 {worker}-{i}: 보도블록이 깨져 있습니다."),
        };
        if (emailed) form.Add(new("email", $"reporter{worker}-{i}@bench.example"));
        foreach (var attribute in service.Attributes.Where(a => a.Required))
            form.Add(new($"attribute[{attribute.Code}]" + (attribute.Datatype == AttributeDatatype.MultiValueList ? "[]" : ""), attribute.Values[0].Key));
        return new FormUrlEncodedContent(form);
    }

    /// <summary>An app key for Open311 with a rate no run reaches (not saved): the benches measure the intake, not the key's limit.</summary>
    public static void AddKey(CityHall.Web.Data.AppDbContext db, string key) => db.Add(new DeveloperKey
    {
        OwnerId = "bench", AppName = "bench", Prefix = key[..10], Hash = SHA256.HashData(Encoding.UTF8.GetBytes(key)), Scopes = Open311Api.Scope,
        RequestsPerMinute = 100_000_000, CreatedAt = DateTime.UtcNow,
    });

    /// <summary>The bench's key, and <paramref name="stored"/> public requests spread over the seeded services and the last 80 days.</summary>
    private static async Task<ServiceDefinition[]> SeedAsync(AppProcess app, int stored, CancellationToken ct)
    {
        await using var db = app.OpenDatabase();
        AddKey(db, Key);
        await db.SaveChangesAsync(ct);
        var services = await db.Set<ServiceDefinition>().AsNoTracking().Include(s => s.Attributes).OrderBy(s => s.Order).ToArrayAsync(ct);
        var districts = await db.Set<CityHall.Web.Platform.City.District>().AsNoTracking().Select(d => d.Code).ToArrayAsync(ct);
        var random = new Random(311);
        var now = DateTime.UtcNow;
        RequestStatus[] statuses = [RequestStatus.Received, RequestStatus.Assigned, RequestStatus.InProgress, RequestStatus.Resolved, RequestStatus.Closed];
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var done = 0; done < stored;)
        {
            var batch = Math.Min(5000, stored - done);
            for (var i = 0; i < batch; i++, done++)
            {
                var service = services[random.Next(services.Length)];
                // Oldest first, as cases arrive: ids follow time, as in production.
                var at = now.AddMinutes(-80.0 * 24 * 60 * (stored - done) / stored);
                var status = statuses[random.Next(statuses.Length)];
                db.Add(new ServiceRequest
                {
                    Reference = $"{at:yyMMdd}-B{done:D7}",
                    ServiceCode = service.Code,
                    Status = status,
                    Channel = RequestChannel.Web,
                    Description = $"시험 민원 {done}: {service.NameKo} 신고입니다.",
                    Latitude = 37.45 + random.NextDouble() * 0.25,
                    Longitude = 126.8 + random.NextDouble() * 0.35,
                    Address = "서울특별시 중구 세종대로 110",
                    DistrictCode = districts[random.Next(districts.Length)],
                    DepartmentCode = "transport",
                    RequestedAt = at,
                    UpdatedAt = at.AddHours(1),
                    ClosedAt = ServiceRequestStates.IsClosed(status) ? at.AddDays(3) : null,
                    DueAt = at.AddDays(9),
                });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        // A city's database has planner statistics: autovacuum analyzes a table within a minute of large changes. The
        // bench queries seconds after loading 100,000 rows, before it has, and uncached reads then ran on a plan chosen
        // without statistics (22 reads/s instead of 170 on 2026-12-04). ANALYZE here is what autovacuum would have done.
        if (app.Provider != "Sqlite") await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        return services;
    }
}
