using CityHall.Web.Modules.Taxi.Dispatch;

namespace CityHall.Web.Modules.Taxi;

/// <summary>
/// What the taxi module holds about a person, for "download my data", and its erasure with the account. As a rider:
/// their calls, whose personal details are forgotten (<see cref="TripDetails.ForgetAsync"/>) and which are unlinked from
/// them; the trips still count in the operators' figures. As a driver: the company's register keeps the driver (the
/// licence and plate answer for past trips) but inactive, off duty, without the photo or the account. As company staff:
/// the memberships go.
/// </summary>
public sealed class TaxiPersonalData(AppDbContext db, TaxiSync sync, Live.TaxiPush push, TimeProvider clock) : IPersonalDataContributor
{
    public string Section => "taxi";

    public async Task<object?> ExportAsync(string userId, CancellationToken ct) => new
    {
        calls = await db.Set<TaxiCall>().AsNoTracking().Where(c => c.RiderId == userId).OrderBy(c => c.Id).Select(c => new
        {
            c.Id, state = c.State.ToString(), c.CalledAt, c.PickupAddress, c.PickupLatitude, c.PickupLongitude, c.DestinationAddress, c.DestinationLatitude,
            c.DestinationLongitude, needs = c.Needs.ToString(), c.Language, c.AssignedAt, c.PickedUpAt, c.EndedAt, c.Fare, c.CancellationFee, c.Rating,
            c.RatingComment, c.SafeRideSentAt, c.SafeRideTexts, c.ProblemCase, c.HandedOverAt, c.CallbackPhone, centreOutcome = c.CentreOutcome.ToString(),
            c.CentreHandledAt, c.DetailsForgottenAt,
        }).ToListAsync(ct),
        driver = await db.Set<TaxiDriver>().AsNoTracking().Where(d => d.UserId == userId).Select(d => new
        {
            d.Name, d.LicenceNumber, d.Phone, d.Plate, d.CarModel, features = d.Features.ToString(), d.Languages, hasPhoto = d.Photo != null, d.Active,
            d.RegisteredAt, d.OnDutySince, d.PausedUntil, d.RatingCount, d.RatingSum,
            company = db.Set<TaxiCompany>().Where(c => c.Id == d.CompanyId).Select(c => c.NameKo).FirstOrDefault(),
            trips = db.Set<TaxiCall>().Count(c => c.DriverId == d.Id),
        }).FirstOrDefaultAsync(ct),
        companiesManaged = await db.Set<TaxiCompanyStaff>().AsNoTracking().Where(s => s.UserId == userId)
            .Join(db.Set<TaxiCompany>(), s => s.CompanyId, c => c.Id, (s, c) => new { c.NameKo, s.AddedAt }).ToListAsync(ct),
    };

    public async Task EraseAsync(string userId, CancellationToken ct)
    {
        var calls = db.Set<TaxiCall>().Where(c => c.RiderId == userId);
        // A trip under way is ended for the records: nobody is left to ride it.
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await calls.Where(c => Calls.CallDesk.Open.Contains(c.State)).ToListAsync(ct);
        foreach (var open in ended) (open.State, open.EndedAt) = (TaxiCallState.Cancelled, now);
        await db.SaveChangesAsync(ct);
        foreach (var open in ended)
        {
            if (open.DriverId is { } driverId) sync.DriverState(driverId, DriverState.Free);
            else sync.CallClosed(open.Id);
            push.CallChanged(open.Id, open.DriverId);
        }
        await TripDetails.ForgetAsync(calls, now, ct);
        await calls.ExecuteUpdateAsync(u => u.SetProperty(c => c.RiderId, (string?)null), ct);

        var drivers = await db.Set<TaxiDriver>().Where(d => d.UserId == userId).ToListAsync(ct);
        foreach (var driver in drivers) (driver.UserId, driver.Active, driver.OnDutySince, driver.Photo, driver.PhotoType) = (null, false, null, null, null);
        await db.SaveChangesAsync(ct);
        foreach (var driver in drivers) sync.OffDuty(driver.Id);
        await db.Set<TaxiCompanyStaff>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
    }
}
