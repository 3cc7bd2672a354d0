using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.Taxi;

/// <summary>
/// A rider told no car was found hands the call to the call centre with a mobile number; the transport department's
/// officials see it in their queue, call back and record what came of it; the rider's page says so. Nobody else sees
/// the riders' numbers.
/// </summary>
public sealed class CallCentreTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private const double Lat = 37.5663, Lon = 126.9779; // Seoul City Hall

    [Fact]
    public async Task A_call_no_car_was_found_for_goes_to_the_call_centre_which_calls_back_and_records_it()
    {
        var rider = await app.SignedUpCitizenAsync();
        // A wheelchair-accessible, Russian-speaking car: there is none, so the call waits; then it is told "no car yet".
        var request = new Dictionary<string, string>(TaxiTestData.Pickup(Lat, Lon)) { ["Input.Language"] = "ru" };
        var tripPath = Html.RedirectedTo(await rider.SubmitAsync(await rider.GetPageAsync("/taxi"), request, "form[data-call-form]", "/taxi?handler=call"));
        var callId = long.Parse(tripPath.Split('/')[^1]);
        Assert.Null((await rider.GetPageAsync(tripPath)).QuerySelector("form[data-hand-over]")); // not before the notice
        await app.WithDbAsync(db => db.Set<TaxiCall>().Where(c => c.Id == callId).ExecuteUpdateAsync(u => u.SetProperty(c => c.NoCarSince, DateTime.UtcNow)));

        // A landline is refused, nothing changes; a mobile number hands the call over.
        var trip = await rider.GetPageAsync(tripPath);
        var refused = await rider.GetPageAsync(Html.RedirectedTo(await rider.SubmitAsync(trip, [new("phone", "02-120-0000")], "form[data-hand-over]")));
        Assert.Single(refused.ErrorSummary());
        Assert.Equal(TaxiCallState.Waiting, await StateAsync(callId));
        var handed = await rider.GetPageAsync(Html.RedirectedTo(await rider.SubmitAsync(refused, [new("phone", "010-3333-4444")], "form[data-hand-over]")));
        Assert.Equal("waiting", handed.QuerySelector("[data-handed-over]")!.GetAttribute("data-handed-over"));
        Assert.Contains("01033334444", handed.QuerySelector("[data-handed-over]")!.TextContent);
        Assert.Null(handed.QuerySelector("form[data-hand-over]"));
        Assert.Null(handed.QuerySelector("form[data-cancel]"));
        Assert.Equal(TaxiCallState.NoCar, await StateAsync(callId));
        // Handing it over again is refused.
        Assert.Single((await rider.GetPageAsync(Html.RedirectedTo(await rider.SubmitAsync(trip, [new("phone", "010-3333-4444")], "form[data-hand-over]")))).ErrorSummary());

        // Only the transport department's officials (and administrators) see the queue with the number.
        var otherOfficial = await app.SignedInStaffAsync(Roles.Official, department: "culture");
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficial.GetAsync("/admin/taxi/call-centre")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rider.GetAsync("/admin/taxi/call-centre")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInStaffAsync(Roles.Administrator)).GetAsync("/admin/taxi/call-centre")).StatusCode);
        var agent = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        var queue = await agent.GetPageAsync("/admin/taxi/call-centre");
        var item = queue.QuerySelector($"[data-queue] li[data-call='{callId}']")!;
        Assert.Contains("01033334444", item.TextContent);
        // Another department's official cannot answer either.
        var theirForm = await otherOfficial.GetPageAsync("/admin/taxi/companies/new"); // a page of theirs, for their own antiforgery token
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficial.SubmitAsync(theirForm, [new("callId", callId.ToString()), new("outcome", "NoCar")], "main form", "/admin/taxi/call-centre")).StatusCode);

        // No outcome chosen: refused. Then a car sent by phone, once.
        var unanswered = await agent.GetPageAsync(Html.RedirectedTo(await agent.SubmitAsync(queue, [], $"li[data-call='{callId}'] form[data-answer]")));
        Assert.Single(unanswered.ErrorSummary());
        var answered = await agent.GetPageAsync(Html.RedirectedTo(await agent.SubmitAsync(queue, [new("outcome", "CarSent")], $"li[data-call='{callId}'] form[data-answer]")));
        Assert.Null(answered.QuerySelector($"[data-queue] li[data-call='{callId}']"));
        Assert.NotNull(answered.QuerySelector($"[data-answered] tr[data-answered-call='{callId}']"));
        var again = await agent.GetPageAsync(Html.RedirectedTo(await agent.SubmitAsync(queue, [new("outcome", "NoCar")], $"li[data-call='{callId}'] form[data-answer]")));
        Assert.Single(again.ErrorSummary());
        Assert.Equal(CallCentreOutcome.CarSent, await app.WithDbAsync(db => db.Set<TaxiCall>().Where(c => c.Id == callId).Select(c => c.CentreOutcome).SingleAsync()));

        // The rider's page says what the centre did.
        Assert.Equal("CarSent", (await rider.GetPageAsync(tripPath)).QuerySelector("[data-handed-over]")!.GetAttribute("data-handed-over"));
    }

    private Task<TaxiCallState> StateAsync(long callId) => app.WithDbAsync(db => db.Set<TaxiCall>().Where(c => c.Id == callId).Select(c => c.State).SingleAsync());
}
