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
        public System.Collections.Concurrent.ConcurrentQueue<bool> Authorized { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) =>
            services.Configure<HubOptions>(o => o.AddFilter(new Recorder(this)));

        private sealed class Recorder(RecordingApp owner) : IHubFilter
        {
            public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
            {
                // The middleware leaves this feature on every request it passes, signed in or not.
                owner.Authenticated.Enqueue(context.Context.GetHttpContext()?.Features.Get<Microsoft.AspNetCore.Authentication.IAuthenticationFeature>() is not null);
                // And the authorization middleware marks the request's Items when it runs for an endpoint.
                owner.Authorized.Enqueue(context.Context.GetHttpContext()?.Items.ContainsKey("__AuthorizationMiddlewareWithEndpointInvoked") == true);
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
        // The live hub asks for no authorization (its methods check roles themselves): neither connection keeps the
        // authorization middleware, whose work it would have been to find nothing to check.
        Assert.Equal([false, false], app.Authorized.ToArray());

        // The viewer counts while connected and is let go when it leaves (its event kept among the connection's features).
        var counter = app.Services.GetRequiredService<ViewerCounter>();
        Assert.Equal(1, counter.Count(live).Pc);
        await viewer.StopAsync();
        for (var i = 0; i < 100 && counter.Count(live).Pc != 0; i++) await Task.Delay(50);
        Assert.Equal(0, counter.Count(live).Pc);
    }

    [Fact]
    public async Task A_hub_websocket_is_answered_without_a_pages_headers_and_counted_while_it_is_open()
    {
        var site = new Uri(app.StartKestrel());
        var limits = app.Services.GetRequiredService<ConnectionLimits>();
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await socket.ConnectAsync(new UriBuilder(new Uri(site, LiveEventHub.Path)) { Scheme = "ws" }.Uri, CancellationToken.None);
        // The 101 carries no page's headers: they would stay in memory for the connection's life and apply to nothing.
        Assert.Equal(System.Net.HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
        Assert.DoesNotContain(socket.HttpResponseHeaders!.Keys, k => k.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase)
            || k.Equals("X-Content-Type-Options", StringComparison.OrdinalIgnoreCase));

        // The hub counts the connection once set up (the SignalR handshake), and lets it go when it closes.
        await socket.SendAsync("{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray(), System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
        for (var i = 0; i < 100 && limits.Realtime != 1; i++) await Task.Delay(50);
        Assert.Equal(1, limits.Realtime);
        await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        for (var i = 0; i < 100 && limits.Realtime != 0; i++) await Task.Delay(50);
        Assert.Equal(0, limits.Realtime);

        // A page keeps them all.
        using var page = await app.CreateClient().GetAsync("/");
        Assert.True(page.Headers.Contains("Content-Security-Policy"));
        Assert.True(page.Headers.Contains("X-Content-Type-Options"));
    }

    [Fact]
    public void An_endpoint_with_authorize_data_or_a_policy_keeps_authorization_on_a_lasting_connection()
    {
        static Microsoft.AspNetCore.Http.Endpoint With(params object[] metadata) =>
            new(_ => Task.CompletedTask, new Microsoft.AspNetCore.Http.EndpointMetadataCollection(metadata), "hub");
        Assert.False(ConnectionLimitsRegistration.AsksForAuthorization(null));
        Assert.False(ConnectionLimitsRegistration.AsksForAuthorization(With()));
        Assert.False(ConnectionLimitsRegistration.AsksForAuthorization(With(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute())));
        Assert.True(ConnectionLimitsRegistration.AsksForAuthorization(With(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute())));
        Assert.True(ConnectionLimitsRegistration.AsksForAuthorization(With(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Roles.Moderator })));
        Assert.True(ConnectionLimitsRegistration.AsksForAuthorization(With(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())));
    }
}
