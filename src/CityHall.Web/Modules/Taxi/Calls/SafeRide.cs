using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CityHall.Web.Modules.Taxi.Fleet;
using CityHall.Web.Platform.Notifications;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Taxi.Calls;

public enum SafeRideRefusal { None, NotOnTrip, BadPhone, TooMany }

/// <summary>
/// Seoul's "safe ride" text: once a car is assigned the rider may send a family member or friend the car's details and
/// a link that follows the trip (/taxi/track/{token}). Only the token's SHA-256 is kept, so the link cannot be read back
/// from the database; it shows the trip while it is under way and nothing once it has ended (or a newer text replaced it).
/// </summary>
public sealed class SafeRide(AppDbContext db, Live.TaxiPush push, Notifier notifier, IOptionsMonitor<TaxiOptions> options, TimeProvider clock, IStringLocalizer<Text> t)
{
    public const string TrackPath = "/taxi/track/";

    /// <summary>The states a safe-ride text can be sent in and its link shows the trip in: a car is assigned and the trip has not ended.</summary>
    public static readonly TaxiCallState[] Tracked = [TaxiCallState.Assigned, TaxiCallState.Arrived, TaxiCallState.OnBoard];

    /// <summary>Texts the car's details and a tracking link to <paramref name="phone"/> (a mobile number), in the rider's language.</summary>
    public async Task<SafeRideRefusal> SendAsync(TaxiCall call, string? phone, string publicOrigin, CancellationToken ct)
    {
        if (!Tracked.Contains(call.State) || call.DriverId is not { } driverId) return SafeRideRefusal.NotOnTrip;
        if (FleetRules.MobilePhone(phone) is not { } number) return SafeRideRefusal.BadPhone;
        if (call.SafeRideTexts >= options.CurrentValue.SafeRideTextsPerCall) return SafeRideRefusal.TooMany;
        var car = await db.Set<TaxiDriver>().AsNoTracking().Where(d => d.Id == driverId)
            .Join(db.Set<TaxiCompany>(), d => d.CompanyId, c => c.Id, (d, c) => new { d.Plate, d.CarModel, d.Name, Company = c.NameKo }).SingleAsync(ct);
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        call.SafeRideTokenHash = Hash(token);
        call.SafeRideSentAt = clock.GetUtcNow().UtcDateTime;
        call.SafeRideTexts++;
        call.Revision++;
        notifier.Sms(number, t["Taxi.SafeRide.Text", car.Plate, car.CarModel, car.Company, car.Name, publicOrigin + TrackPath + token], call.RiderId);
        await db.SaveChangesAsync(ct);
        push.CallChanged(call.Id); // a page open on the link this one replaces finds it gone
        return SafeRideRefusal.None;
    }

    /// <summary>The call a link's token belongs to (ended or not), or null for a token that is not (or no longer) any call's.</summary>
    public async Task<TaxiCall?> FindAsync(string? token, CancellationToken ct)
    {
        if (token is not { Length: 32 } || !Base64Url.IsValid(token)) return null;
        var hash = Hash(token);
        return await db.Set<TaxiCall>().AsNoTracking().FirstOrDefaultAsync(c => c.SafeRideTokenHash == hash, ct);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));
}
