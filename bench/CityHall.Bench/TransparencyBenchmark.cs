using System.Diagnostics;
using CityHall.Web.Modules.ServiceRequests;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Bench;

/// <summary>
/// The transparency dashboard over a big city's year of complaints: a number of closed requests (default 1,000,000,
/// Seoul's order of a year) spread over the last twelve months, services and districts, a share closed late. Printed:
/// the first dashboard (every figure counted from the tables, the complaints figures over all those cases), a figure's
/// page and its CSV cold for another period, then the dashboard under load while its figures are kept.
/// </summary>
public static class TransparencyBenchmark
{
    private static readonly string[] Services = ["road-damage", "noise", "litter", "signs", "sidewalk-block", "other"];
    private static readonly string[] Districts = ["11110", "11140", "11170", "11200", "11215", "11230", "11260", "11290", "11305", "11320"];

    public static async Task RunAsync(BenchOptions options, int requests, CancellationToken ct)
    {
        options.PrintHeader("transparency");
        await using var app = await AppProcess.StartAsync(options.Provider, options.Connection);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(app, requests, ct);
        Console.WriteLine($"# seeded {requests:N0} closed requests over 12 months in {seeding.Elapsed.TotalSeconds:N1} s");

        using var http = Load.Client(app.BaseAddress, options.Workers);
        async Task<TimeSpan> TimeAsync(string url)
        {
            var timer = Stopwatch.StartNew();
            using var response = await http.GetAsync(url, ct);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(ct);
            return timer.Elapsed;
        }
        Console.WriteLine($"dashboard, every figure counted  {(await TimeAsync("/transparency")).TotalSeconds,8:N2} s");
        Console.WriteLine($"dashboard, figures kept          {(await TimeAsync("/transparency")).TotalMilliseconds,8:N0} ms");
        var lastYear = DateTime.UtcNow.Year - 1;
        Console.WriteLine($"one figure's page, another year  {(await TimeAsync($"/transparency/figures/service-requests-resolution-hours?year={lastYear}")).TotalMilliseconds,8:N0} ms");
        Console.WriteLine($"its CSV of months, kept          {(await TimeAsync($"/transparency/figures/service-requests-resolution-hours?year={lastYear}&handler=csv&part=months")).TotalMilliseconds,8:N0} ms");
        var load = await Load.RunAsync("dashboard (kept)", options.Workers, options.Phase, async (_, _) =>
        {
            using var response = await http.GetAsync("/transparency", ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            return response.IsSuccessStatusCode;
        }, ct);
        Console.WriteLine(load);
    }

    private static async Task SeedAsync(AppProcess app, int requests, CancellationToken ct)
    {
        var random = new Random(21);
        var now = DateTime.UtcNow;
        const int batch = 20_000;
        for (var done = 0; done < requests; done += batch)
        {
            await using var db = app.OpenDatabase();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(requests, done + batch); i++)
            {
                var requested = now.AddDays(-random.NextDouble() * 360);
                var hours = random.NextDouble() < 0.9 ? random.NextDouble() * 160 : 160 + random.NextDouble() * 500; // a tenth late
                var closed = requested.AddHours(hours);
                if (closed > now) closed = now;
                db.Add(new ServiceRequest
                {
                    ServiceCode = Services[i % Services.Length], DistrictCode = Districts[random.Next(Districts.Length)], Status = RequestStatus.Resolved,
                    RequestedAt = requested, UpdatedAt = closed, ClosedAt = closed, DueAt = requested.AddHours(168), Description = "bench",
                });
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
