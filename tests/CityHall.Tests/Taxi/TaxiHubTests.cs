using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Modules.Taxi.Live;
using CityHall.Web.Platform.Notifications;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Taxi;

/// <summary>
/// The taxi pages are told of changes over the hub: the driver's phone of an offer made and lapsed, the rider's page of
/// the car assigned, its moves and the trip's steps, a safe-ride link's page the same until the trip ends; nobody joins
/// a call or a driver's group that is not theirs.
/// </summary>
public sealed partial class TaxiHubTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private const double Lat = 37.5663, Lon = 126.9779; // Seoul City Hall
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>A hub connection and what it hears, in order.</summary>
    private sealed class Listener : IAsyncDisposable
    {
        public HubConnection Connection { get; }
        public Channel<string> Heard { get; } = Channel.CreateUnbounded<string>();

        public Listener(HubConnection connection)
        {
            Connection = connection;
            connection.On(nameof(ITaxiClient.Changed), () => Heard.Writer.TryWrite("changed"));
            connection.On<double, double, DateTimeOffset>(nameof(ITaxiClient.CarMoved), (lat, lon, _) => Heard.Writer.TryWrite(FormattableString.Invariant($"moved {lat:F4},{lon:F4}")));
        }

        /// <summary>Waits for a message that satisfies <paramref name="match"/>, skipping others.</summary>
        public async Task<string> HearsAsync(Func<string, bool> match)
        {
            using var timeout = new CancellationTokenSource(Wait);
            while (true)
            {
                var message = await Heard.Reader.ReadAsync(timeout.Token);
                if (match(message)) return message;
            }
        }

        public async Task<string> HearsAsync(string exactly) => await HearsAsync(m => m == exactly);

        public void Forget() { while (Heard.Reader.TryRead(out _)) { } }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private async Task<Listener> ConnectAsync(string? cookie)
    {
        var listener = new Listener(app.Hub(TaxiHub.Path, cookie));
        await listener.Connection.StartAsync();
        return listener;
    }

    [GeneratedRegex("/taxi/track/([A-Za-z0-9_-]{32})")]
    private static partial Regex TrackLink();

    [Fact]
    public async Task The_driver_hears_of_the_offer_and_the_rider_and_a_safe_ride_link_of_the_car_and_the_trip_until_it_ends()
    {
        // A Mongolian-speaking car, so no other test's car is offered this call.
        var (driver, driverCookie, driverId, _) = await TaxiTestData.DriverAccountAsync(app, features: CarFeatures.WheelchairAccessible, languages: "mn");
        Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], "form[data-on-duty]"));
        var token = (await driver.GetPageAsync("/taxi/drive")).QuerySelector("[data-position-sharing]")!.GetAttribute("data-token");
        var api = app.CreateClient();
        var at = DateTimeOffset.UtcNow.AddSeconds(-10); // fresh (30 s), with room for the later reports
        Assert.Equal(HttpStatusCode.NoContent, (await DrivingTests.ReportAsync(api, token, new { latitude = Lat + 0.004, longitude = Lon, at })).StatusCode);
        await using var phone = await ConnectAsync(driverCookie);
        await phone.Connection.InvokeAsync(nameof(TaxiHub.Drive));

        var (rider, riderCookie) = await app.SignUpCitizenAsync();
        var request = new Dictionary<string, string>(TaxiTestData.Pickup(Lat, Lon)) { ["Input.Language"] = "mn" };
        var tripPath = Html.RedirectedTo(await rider.SubmitAsync(await rider.GetPageAsync("/taxi"), request, "form[data-call-form]", "/taxi?handler=call"));
        var callId = long.Parse(tripPath.Split('/')[^1]);
        var trip = await rider.GetPageAsync(tripPath);
        Assert.NotNull(trip.QuerySelector($"[data-taxi-live='call'][data-call='{callId}'][data-hub='{TaxiHub.Path}']"));
        await using var page = await ConnectAsync(riderCookie);
        await page.Connection.InvokeAsync(nameof(TaxiHub.Follow), callId);

        // The offer reaches the phone without it asking; the page then shows it with the seconds to count down.
        await phone.HearsAsync("changed");
        var offer = await TaxiTestData.OfferForAsync(app, driverId, callId);
        var drive = await driver.GetPageAsync("/taxi/drive");
        Assert.NotNull(drive.QuerySelector($"[data-offer='{offer.Id}']"));
        Assert.Contains("{0}", drive.QuerySelector("[data-offer-seconds]")!.GetAttribute("data-format"));
        Assert.NotNull(drive.QuerySelector("[data-taxi-live='drive']"));

        // Accepted: the rider's page hears of it, then of every move of the car.
        Html.RedirectedTo(await driver.SubmitAsync(drive, [], "form[data-accept]"));
        await page.HearsAsync("changed");
        at = at.AddSeconds(5);
        Assert.Equal(HttpStatusCode.NoContent, (await DrivingTests.ReportAsync(api, token, new { latitude = Lat + 0.003, longitude = Lon, at })).StatusCode);
        Assert.Equal(FormattableString.Invariant($"moved {Lat + 0.003:F4},{Lon:F4}"), await page.HearsAsync(m => m.StartsWith("moved", StringComparison.Ordinal)));
        // The rider's page has the trip's map: the pickup, and the car where it was last seen.
        var map = (await rider.GetPageAsync(tripPath)).QuerySelector("[data-trip-map]")!;
        Assert.Equal((Lat.ToString("R", CultureInfo.InvariantCulture), (Lat + 0.003).ToString("R", CultureInfo.InvariantCulture)),
            (map.GetAttribute("data-pickup-lat"), map.GetAttribute("data-car-lat")));

        // A safe-ride link's page hears the same, with no account.
        var sent = await rider.SubmitAsync(await rider.GetPageAsync(tripPath), [new("phone", "010-2222-3333")], "form[data-safe-ride]");
        Html.RedirectedTo(sent);
        var text = await app.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Recipient == "01022223333").Select(m => m.Body).SingleAsync());
        var link = TrackLink().Match(text).Groups[1].Value;
        Assert.NotNull((await app.CreateClient().GetPageAsync($"/taxi/track/{link}")).QuerySelector($"[data-taxi-live='track'][data-token='{link}']"));
        await using var family = await ConnectAsync(null);
        await family.Connection.InvokeAsync(nameof(TaxiHub.Track), link);
        at = at.AddSeconds(5);
        Assert.Equal(HttpStatusCode.NoContent, (await DrivingTests.ReportAsync(api, token, new { latitude = Lat + 0.002, longitude = Lon, at })).StatusCode);
        Assert.Equal(FormattableString.Invariant($"moved {Lat + 0.002:F4},{Lon:F4}"), await family.HearsAsync(m => m.StartsWith("moved", StringComparison.Ordinal)));

        // Each step of the trip reaches both; at its end the link's page finds the link gone.
        family.Forget();
        page.Forget();
        foreach (var step in new[] { "form[data-arrived]", "form[data-on-board]" })
        {
            Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], step));
            await page.HearsAsync("changed");
            await family.HearsAsync("changed");
        }
        Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [new("fare", "9900")], "form[data-end-trip]"));
        await page.HearsAsync("changed");
        await family.HearsAsync("changed");
        Assert.Equal(HttpStatusCode.Gone, (await app.CreateClient().GetAsync($"/taxi/track/{link}")).StatusCode);
        // The car, free again, is no longer followed.
        Assert.Null(app.Services.GetRequiredService<DriverMap>().Find(driverId)!.Value.TripCallId);
        await using var late = await ConnectAsync(null);
        await Assert.ThrowsAsync<HubException>(() => late.Connection.InvokeAsync(nameof(TaxiHub.Track), link));
        await Assert.ThrowsAsync<HubException>(() => page.Connection.InvokeAsync(nameof(TaxiHub.Follow), callId));
    }

    [Fact]
    public async Task Nobody_joins_a_call_or_a_driver_that_is_not_theirs()
    {
        var (rider, _) = await app.SignUpCitizenAsync();
        var request = new Dictionary<string, string>(TaxiTestData.Pickup(Lat, Lon)) { ["Input.Language"] = "ru" }; // no car here speaks it: it stays waiting
        var tripPath = Html.RedirectedTo(await rider.SubmitAsync(await rider.GetPageAsync("/taxi"), request, "form[data-call-form]", "/taxi?handler=call"));
        var callId = long.Parse(tripPath.Split('/')[^1]);

        var (_, otherCookie) = await app.SignUpCitizenAsync();
        await using var other = await ConnectAsync(otherCookie);
        await Assert.ThrowsAsync<HubException>(() => other.Connection.InvokeAsync(nameof(TaxiHub.Follow), callId));
        await Assert.ThrowsAsync<HubException>(() => other.Connection.InvokeAsync(nameof(TaxiHub.Drive))); // not a driver
        await using var anonymous = await ConnectAsync(null);
        await Assert.ThrowsAsync<HubException>(() => anonymous.Connection.InvokeAsync(nameof(TaxiHub.Follow), callId));
        await Assert.ThrowsAsync<HubException>(() => anonymous.Connection.InvokeAsync(nameof(TaxiHub.Drive)));
        await Assert.ThrowsAsync<HubException>(() => anonymous.Connection.InvokeAsync(nameof(TaxiHub.Track), new string('A', 32)));
        await Assert.ThrowsAsync<HubException>(() => anonymous.Connection.InvokeAsync(nameof(TaxiHub.Track), "short"));
        // What reaches a group does not reach those refused.
        app.Services.GetRequiredService<TaxiPush>().CallChanged(callId);
        await Task.Delay(300);
        Assert.False(other.Heard.Reader.TryRead(out _));
        Assert.False(anonymous.Heard.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_cars_phone_may_send_its_positions_over_the_hub_with_its_shifts_token_and_is_refused_as_over_http()
    {
        var (driver, _, driverId, _) = await TaxiTestData.DriverAccountAsync(app, languages: "zh");
        Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], "form[data-on-duty]"));
        var token = (await driver.GetPageAsync("/taxi/drive")).QuerySelector("[data-position-sharing]")!.GetAttribute("data-token")!;
        await using var phone = await ConnectAsync(null);
        var at = DateTimeOffset.UtcNow.AddSeconds(-5);

        // Before sharing, or with a token that is not one: refused.
        Assert.Equal("bad-token", (await phone.Connection.InvokeAsync<PositionAnswer?>(nameof(TaxiHub.Report), Lat, Lon, at))!.Reason);
        await Assert.ThrowsAsync<HubException>(() => phone.Connection.InvokeAsync(nameof(TaxiHub.Share), token[..^4] + "AAAA"));
        Assert.False(app.Services.GetRequiredService<DriverMap>().Find(driverId)!.Value.HasPosition);

        await phone.Connection.InvokeAsync(nameof(TaxiHub.Share), token);
        Assert.Null(await phone.Connection.InvokeAsync<PositionAnswer?>(nameof(TaxiHub.Report), Lat, Lon, at));
        var spot = app.Services.GetRequiredService<DriverMap>().Find(driverId)!.Value;
        Assert.Equal((Lat, Lon, at), (spot.Latitude, spot.Longitude, spot.ReportedAt));

        // The same refusals as the HTTP endpoint, with the page's text; nothing changes.
        var outdated = await phone.Connection.InvokeAsync<PositionAnswer?>(nameof(TaxiHub.Report), Lat + 0.001, Lon, at.AddSeconds(-1));
        Assert.Equal("outdated", outdated!.Reason);
        var outside = await phone.Connection.InvokeAsync<PositionAnswer?>(nameof(TaxiHub.Report), 35.1796, 129.0756, at.AddSeconds(1)); // Busan
        Assert.Null(outside!.Reason);
        Assert.False(string.IsNullOrWhiteSpace(outside.Title));
        var jump = await phone.Connection.InvokeAsync<PositionAnswer?>(nameof(TaxiHub.Report), Lat + 0.2, Lon, at.AddSeconds(2)); // 22 km in a second
        Assert.Null(jump!.Reason);
        Assert.Equal((Lat, Lon), (app.Services.GetRequiredService<DriverMap>().Find(driverId)!.Value.Latitude, app.Services.GetRequiredService<DriverMap>().Find(driverId)!.Value.Longitude));

        // Off duty: the phone is told, so its page reloads.
        Html.RedirectedTo(await driver.SubmitAsync(await driver.GetPageAsync("/taxi/drive"), [], "form[data-off-duty]"));
        Assert.Equal("not-on-duty", (await phone.Connection.InvokeAsync<PositionAnswer?>(nameof(TaxiHub.Report), Lat, Lon, at.AddSeconds(3)))!.Reason);
    }
}
