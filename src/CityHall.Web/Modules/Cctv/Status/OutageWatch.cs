using System.Globalization;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Hosting;
using CityHall.Web.Platform.Notifications;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Cctv.Status;

/// <summary>
/// Every few seconds (<see cref="CctvOptions.SweepSeconds"/>), on every node: a camera heard from that has been silent
/// past its recorder's interval and the grace goes offline and an outage opens, from its last heartbeat; an offline
/// camera heard again comes back and its outage ends at that heartbeat. Each change is a conditional update, so
/// when two nodes sweep at once exactly one opens (and tells of) each outage. The responsible department's staff are
/// told once per outage, one message per department per sweep listing its cameras, in the same save as the outages.
/// </summary>
public sealed class OutageWatch(IServiceScopeFactory scopes, IOptionsMonitor<CctvOptions> options, TimeProvider clock, ILogger<OutageWatch> logger)
    : PeriodicJob(logger)
{
    /// <summary>The most cameras a sweep takes on each way; a bigger blackout is taken on over the next sweeps.</summary>
    private const int PerSweep = 5000;
    private const int Listed = 20;

    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.SweepSeconds));

    protected override Task RunOnceAsync(CancellationToken ct) => SweepAsync(ct);

    /// <summary>One sweep; how many outages it opened and ended.</summary>
    public async Task<(int Opened, int Ended)> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var opened = await OpenAsync(scope.ServiceProvider, db, now, ct);
        var ended = await EndAsync(db, ct);
        if (opened > 0 || ended > 0) logger.LogInformation("CCTV sweep: {Opened} outages opened, {Ended} ended", opened, ended);
        return (opened, ended);
    }

    private async Task<int> OpenAsync(IServiceProvider services, AppDbContext db, DateTime now, CancellationToken ct)
    {
        var silent = await db.Set<Camera>().AsNoTracking().Where(c => c.Health == CameraHealth.Online && c.SilentAfter < now)
            .OrderBy(c => c.SilentAfter).Take(PerSweep)
            .Select(c => new SilentCamera(c.Id, c.Code, c.Address ?? c.LotAddress, c.DistrictCode, c.DepartmentCode, c.LastSeenAt ?? now)).ToListAsync(ct);
        if (silent.Count == 0) return 0;
        var taken = new List<SilentCamera>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var camera in silent)
        {
            var id = camera.Id;
            if (await db.Set<Camera>().Where(c => c.Id == id && c.Health == CameraHealth.Online && c.SilentAfter < now)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.Health, CameraHealth.Offline), ct) == 0) continue;
            taken.Add(camera);
            db.Add(new CameraOutage { CameraId = id, StartedAt = camera.LastSeen, DetectedAt = now, DepartmentCode = camera.DepartmentCode });
        }
        await TellAsync(services, taken, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return taken.Count;
    }

    private static async Task<int> EndAsync(AppDbContext db, CancellationToken ct)
    {
        var heard = await db.Set<Camera>().AsNoTracking().Where(c => c.Health == CameraHealth.Offline && c.BackAt != null)
            .Take(PerSweep).Select(c => new { c.Id, BackAt = c.BackAt!.Value }).ToListAsync(ct);
        var ended = 0;
        foreach (var camera in heard)
        {
            var id = camera.Id;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.Set<Camera>().Where(c => c.Id == id && c.Health == CameraHealth.Offline && c.BackAt != null)
                    .ExecuteUpdateAsync(u => u.SetProperty(c => c.Health, CameraHealth.Online).SetProperty(c => c.BackAt, (DateTime?)null), ct) == 0) continue;
            await db.Set<CameraOutage>().Where(o => o.CameraId == id && o.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(o => o.EndedAt, camera.BackAt), ct);
            await transaction.CommitAsync(ct);
            ended++;
        }
        return ended;
    }

    /// <summary>One message per department: how many of its cameras fell silent, the first of them by code and place, and where to see them all.</summary>
    private static async Task TellAsync(IServiceProvider services, List<SilentCamera> cameras, CancellationToken ct)
    {
        var holders = services.GetRequiredService<PermissionHolders>();
        var notifier = services.GetRequiredService<Notifier>();
        var t = services.GetRequiredService<IStringLocalizer<Text>>();
        var cityClock = services.GetRequiredService<CityClock>();
        foreach (var department in cameras.GroupBy(c => c.DepartmentCode))
        {
            var staff = await holders.InDepartmentAsync(CctvModule.Manage, department.Key, ct);
            if (staff.Count == 0) continue;
            var list = department.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
            await notifier.ToUsersAsync(staff, () => (
                t["Cctv.Outage.Notice.Title", list.Count],
                string.Join("\n", list.Take(Listed).Select(c => t["Cctv.Outage.Notice.Line", c.Code, c.Place ?? "", cityClock.Format(c.LastSeen)].Value))
                    + (list.Count > Listed ? "\n" + t["Cctv.Outage.Notice.More", list.Count - Listed] : "")),
                "/admin/cctv/outages", ct);
        }
    }

    private sealed record SilentCamera(int Id, string Code, string? Place, string? DistrictCode, string DepartmentCode, DateTime LastSeen);
}
