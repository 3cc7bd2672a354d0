using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace CityHall.Web.Modules.Taxi.Driving;

/// <summary>
/// The token a car's phone sends positions with: a time-limited Data Protection payload naming the driver, given by the
/// driver's page on duty. Checking it reads no database row, and the app's unprotect cache makes the repeat checks of
/// a car reporting every few seconds cheap. A singleton, so the thousands of reports a second build no database context.
/// </summary>
public sealed class PositionTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>How long a shift's position token works (a long shift, with margin).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(16);

    public const string Purpose = "CityHall.Taxi.PositionToken";

    public string Issue(long driverId) => Issue(protection, driverId, clock.GetUtcNow() + Lifetime);

    /// <summary>A position token for the driver until the given time (also how the benchmark's simulated cars get theirs, from the app's key ring).</summary>
    public static string Issue(IDataProtectionProvider protection, long driverId, DateTimeOffset expires) =>
        Protector(protection).Protect(driverId.ToString(CultureInfo.InvariantCulture), expires);

    /// <summary>The driver a token names, or null when it is forged, damaged or expired.</summary>
    public long? DriverOf(string? token) => DriverOf(token, out _);

    /// <summary>As <see cref="DriverOf(string?)"/>, with when the token expires (a hub connection outlives a request).</summary>
    public long? DriverOf(string? token, out DateTimeOffset expires)
    {
        expires = default;
        if (string.IsNullOrEmpty(token) || token.Length > 1024) return null;
        try
        {
            return long.TryParse(Protector(protection).Unprotect(token, out expires), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        catch (FormatException) { return null; }
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
}
