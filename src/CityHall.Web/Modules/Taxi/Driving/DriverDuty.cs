using CityHall.Web.Modules.Taxi.Dispatch;

namespace CityHall.Web.Modules.Taxi.Driving;

public enum DutyRefusal { None, NotADriver, DriverInactive, CompanySuspended }

/// <summary>
/// Drivers going on and off duty. Duty is recorded on the driver (so a node started later knows who is on duty) and
/// put on every node's <see cref="DriverMap"/> through <see cref="TaxiSync"/>; a node that hears a report from a driver
/// it does not have reads the driver once. The token the phone reports with is <see cref="PositionTokens"/>'.
/// </summary>
public sealed class DriverDuty(AppDbContext db, DriverMap map, TaxiSync sync, TimeProvider clock)
{
    public Task<TaxiDriver?> FindByUserAsync(string userId, CancellationToken ct) =>
        db.Set<TaxiDriver>().FirstOrDefaultAsync(d => d.UserId == userId, ct);

    public async Task<DutyRefusal> GoOnDutyAsync(TaxiDriver driver, CancellationToken ct)
    {
        if (!driver.Active) return DutyRefusal.DriverInactive;
        if (!await db.Set<TaxiCompany>().AnyAsync(c => c.Id == driver.CompanyId && c.Active, ct)) return DutyRefusal.CompanySuspended;
        driver.OnDutySince ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        sync.OnDuty(driver.Id, driver.Traits);
        return DutyRefusal.None;
    }

    public async Task GoOffDutyAsync(TaxiDriver driver, CancellationToken ct)
    {
        driver.OnDutySince = null;
        await db.SaveChangesAsync(ct);
        sync.OffDuty(driver.Id);
    }

    /// <summary>Puts an on-duty driver this node has not seen yet on its map (busy, if on a trip); false when the driver is not on duty.</summary>
    public async Task<bool> EnsureOnMapAsync(long driverId, CancellationToken ct)
    {
        if (map.Find(driverId) is not null) return true;
        var driver = await db.Set<TaxiDriver>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == driverId && d.OnDutySince != null && d.Active, ct);
        if (driver is null) return false;
        map.OnDuty(driver.Id, driver.Traits);
        if ((await OnDutyDrivers.TripsAsync(db, ct, driverId)).TryGetValue(driverId, out var callId)) map.SetState(driverId, DriverState.Busy, callId);
        return true;
    }
}
