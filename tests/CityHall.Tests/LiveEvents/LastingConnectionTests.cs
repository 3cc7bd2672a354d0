using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.LiveEvents.Live;
using CityHall.Web.Platform.Hosting;
using CityHall.Web.Platform.Identity;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.LiveEvents;

/// <summary>
/// A hub's lasting connection over a real socket (Kestrel, an HTTP/1.1 upgrade, as browsers connect): an anonymous
/// viewer skips the authentication middleware, and one that carries the sign-in cookie is still authenticated.
/// </summary>
public sealed class LastingConnectionTests : IDisposable
{
    private readonly RecordingApp app = new();

    public void Dispose() => app.Dispose();

    /// <summary>Records, for each hub connection, whether the authentication middleware ran for it.</summary>
    private sealed class RecordingApp : LiveEventsApp
    {
        public System.Collections.Concurrent.ConcurrentQueue<bool> Authenticated { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) =>
            services.Configure<HubOptions>(o => o.AddFilter(new Recorder(this)));

        private sealed class Recorder(RecordingApp owner) : IHubFilter
        {
            public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
            {
                // The middleware leaves this feature on every request it passes, signed in or not.
                owner.Authenticated.Enqueue(context.Context.GetHttpContext()?.Features.Get<Microsoft.AspNetCore.Authentication.IAuthenticationFeature>() is not null);
                return next(context);
            }
        }
    }

    private sealed class Upgradable : Microsoft.AspNetCore.Http.Features.IHttpUpgradeFeature
    {
        public bool IsUpgradableRequest => true;
        public Task<Stream> UpgradeAsync() => throw new NotSupportedException();
    }

    [Fact]
    public void Only_a_lasting_hub_connection_without_the_sign_in_cookie_skips_authentication()
    {
        static Microsoft.AspNetCore.Http.DefaultHttpContext Upgrade(string path, string? cookie)
        {
            var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            context.Request.Method = "GET";
            context.Request.Path = path;
            if (cookie is not null) context.Request.Headers.Cookie = cookie;
            context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpUpgradeFeature>(new Upgradable());
            return context;
        }
        Assert.True(ConnectionLimitsRegistration.IsAnonymousLastingConnection(Upgrade(LiveEventHub.Path, null), ".CityHall.Auth"));
        Assert.True(ConnectionLimitsRegistration.IsAnonymousLastingConnection(Upgrade(LiveEventHub.Path, "ch_live=abc; .CityHall.Culture=c%3Den"), ".CityHall.Auth"));
        Assert.False(ConnectionLimitsRegistration.IsAnonymousLastingConnection(Upgrade(LiveEventHub.Path, "ch_live=abc; .CityHall.Auth=chunks-2"), ".CityHall.Auth"));
        Assert.False(ConnectionLimitsRegistration.IsAnonymousLastingConnection(Upgrade("/live/1", null), ".CityHall.Auth"));
    }

    [Fact]
    public async Task Over_a_real_socket_a_viewer_watches_anonymously_and_a_moderator_is_still_recognised()
    {
        var site = new Uri(app.StartKestrel());
        var live = await LiveEventData.EventAsync(app);
        var (_, cookie) = await app.SignInStaffAsync(Roles.Moderator);
        HubConnection Connect(string? withCookie) => new HubConnectionBuilder()
            .WithUrl(new Uri(site, LiveEventHub.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (withCookie is not null) o.Headers["Cookie"] = withCookie;
            })
            .Build();

        await using var viewer = Connect(null);
        await viewer.StartAsync();
        var snapshot = await viewer.InvokeAsync<LiveSnapshot>(nameof(LiveEventHub.Watch), live, "pc");
        Assert.Equal(live, snapshot.EventId);
        await Assert.ThrowsAnyAsync<HubException>(() => viewer.InvokeAsync<List<ModeratedQuestion>>(nameof(LiveEventHub.Moderate), live));

        await using var moderator = Connect(cookie);
        await moderator.StartAsync();
        Assert.NotNull(await moderator.InvokeAsync<List<ModeratedQuestion>>(nameof(LiveEventHub.Moderate), live));
        // The viewer's connection passed by the authentication middleware, the moderator's went through it (and no
        // second authentication that WebApplication adds at the start when it thinks none was placed).
        Assert.Equal([false, true], app.Authenticated.ToArray());

        // The viewer counts while connected and is let go when it leaves (its event kept among the connection's features).
        var counter = app.Services.GetRequiredService<ViewerCounter>();
        Assert.Equal(1, counter.Count(live).Pc);
        await viewer.StopAsync();
        for (var i = 0; i < 100 && counter.Count(live).Pc != 0; i++) await Task.Delay(50);
        Assert.Equal(0, counter.Count(live).Pc);
    }
}
