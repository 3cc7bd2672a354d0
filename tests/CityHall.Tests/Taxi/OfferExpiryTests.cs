using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Taxi;

/// <summary>Offers that last one second, so a test can let one run out.</summary>
public sealed class ShortOffersApp() : CityHallApp(new Dictionary<string, string?> { ["Taxi:OfferSeconds"] = "1" });

/// <summary>An offer accepted after it ran out is refused with a message; the call is not assigned.</summary>
public sealed class OfferExpiryTests(ShortOffersApp app) : IClassFixture<ShortOffersApp>
{
    [Fact]
    public async Task Accepting_an_offer_that_ran_out_is_refused_and_changes_nothing()
    {
        var (driver, driverId, _) = await TaxiTestData.OnDutyNearAsync(app, 37.5512, 126.9882, CarFeatures.WheelchairAccessible); // Namsan
        var rider = await app.SignedUpCitizenAsync();
        var tripPath = Html.RedirectedTo(await rider.SubmitAsync(await rider.GetPageAsync("/taxi"), TaxiTestData.Pickup(37.5512, 126.9882), "form[data-call-form]", "/taxi?handler=call"));
        var callId = long.Parse(tripPath.Split('/')[^1]);
        var offer = await TaxiTestData.OfferForAsync(app, driverId, callId);
        var page = await driver.GetPageAsync("/taxi/drive");
        Assert.NotNull(page.QuerySelector("form[data-accept]"));
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        var refused = await Html.ParseAsync(await driver.GetAsync(Html.RedirectedTo(await driver.SubmitAsync(page, [], "form[data-accept]"))));
        Assert.Single(refused.ErrorSummary());
        var call = await app.WithDbAsync(db => db.Set<TaxiCall>().AsNoTracking().SingleAsync(c => c.Id == callId));
        Assert.Equal((TaxiCallState.Waiting, (long?)null), (call.State, call.DriverId));
        Assert.NotEqual(TaxiOfferOutcome.Accepted, await app.WithDbAsync(db => db.Set<TaxiOffer>().Where(o => o.Id == offer.Id).Select(o => o.Outcome).SingleAsync()));
        Html.RedirectedTo(await rider.SubmitAsync(await rider.GetPageAsync(tripPath), [], "form[data-cancel]"));
    }
}
