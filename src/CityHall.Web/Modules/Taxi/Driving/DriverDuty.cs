using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using CityHall.Web.Modules.Taxi.Dispatch;

namespace CityHall.Web.Modules.Taxi.Driving;

public enum DutyRefusal { None, NotADriver, DriverInactive, CompanySuspended }

/// <summary>
/// Drivers going on and off duty, and the token their car's phone sends positions with. Duty is recorded on the
/// driver (so a node started later knows who is on duty) and put on every node's <see cref="DriverMap"/> through
/// <see cref="TaxiSync"/>; a node that hears a report from a driver it does not have reads the driver once.
/// The position token is a time-limited Data Protection payload naming the driver: checking it needs no database
/// read, and the app's unprotect cache makes the repeat checks of a car reporting every few seconds cheap.
/// </summary>
public sealed class DriverDuty(AppDbContext db, DriverMap map, TaxiSync sync, IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>How long a shift's position token works (a long shift, with margin).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(16);

    public const string TokenPurpose = "CityHall.Taxi.PositionToken";

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

    public string IssueToken(long driverId) => IssueToken(protection, driverId, clock.GetUtcNow() + TokenLifetime);

    /// <summary>A position token for the driver until the given time (also how the benchmark's simulated cars get theirs, from the app's key ring).</summary>
    public static string IssueToken(IDataProtectionProvider protection, long driverId, DateTimeOffset expires) =>
        protection.CreateProtector(TokenPurpose).ToTimeLimitedDataProtector().Protect(driverId.ToString(CultureInfo.InvariantCulture), expires);

    /// <summary>The driver a token names, or null when it is forged, damaged or expired.</summary>
    public long? DriverOf(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024) return null;
        try
        {
            return long.TryParse(Protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        catch (FormatException) { return null; }
    }

    private ITimeLimitedDataProtector Protector => protection.CreateProtector(TokenPurpose).ToTimeLimitedDataProtector();
}
