using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.AspNetCore.SignalR;

namespace CityHall.Web.Platform.Hosting;

/// <summary>Settings of "Hosting:Connections".</summary>
public sealed class ConnectionLimitOptions
{
    public const string Section = "Hosting:Connections";

    /// <summary>Connections the node accepts at most; unset = the process's open-file limit less <see cref="ReservedFiles"/>.</summary>
    public int? Max { get; set; }

    /// <summary>Files kept for everything that is not a client connection (database and Redis connections, logs, the runtime).</summary>
    public int ReservedFiles { get; set; } = 400;

    /// <summary>Of <see cref="Max"/>, connections kept for pages and API calls: real-time clients are refused with 503 beyond the rest.</summary>
    public int RealtimeHeadroom { get; set; } = 150;
}

/// <summary>
/// A node must not fall over at its open-file limit: every socket is a file, and a process that
/// cannot open one more fails in the runtime's own way ("Out of memory" from a bare hub here). So
/// the limit is read at start-up (/proc/self/limits, the soft "Max open files"), Kestrel accepts
/// at most that many connections less a reserve, and real-time clients (/hubs) are refused with
/// 503 and a jittered Retry-After before that — while pages and everyone already connected go on
/// being served. Clients retry with back-off, and behind a load balancer land on another node.
/// </summary>
public sealed class ConnectionLimits
{
    public const string RealtimePrefix = "/hubs";

    private static readonly Meter Meter = new("CityHall");
    private int realtime;

    public ConnectionLimits(ConnectionLimitOptions options, int? openFileLimit)
    {
        OpenFileLimit = openFileLimit;
        MaxConnections = options.Max ?? (openFileLimit is { } files ? Math.Max(100, files - options.ReservedFiles) : null);
        MaxRealtime = MaxConnections is { } max ? Math.Max(1, max - options.RealtimeHeadroom) : null;
        Meter.CreateObservableGauge("cityhall.realtime.connections", () => Volatile.Read(ref realtime), description: "Real-time (hub) connections open on this node");
    }

    /// <summary>The process's soft open-file limit, if the system tells it.</summary>
    public int? OpenFileLimit { get; }
    public int? MaxConnections { get; }
    public int? MaxRealtime { get; }
    public int Realtime => Volatile.Read(ref realtime);

    /// <summary>The soft "Max open files" of /proc/self/limits ("unlimited" or no such file: none).</summary>
    public static int? ReadOpenFileLimit(string path = "/proc/self/limits")
    {
        try
        {
            if (!File.Exists(path)) return null;
            return ParseOpenFileLimit(File.ReadAllText(path));
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public static int? ParseOpenFileLimit(string limits)
    {
        foreach (var line in limits.Split('\n'))
        {
            if (!line.StartsWith("Max open files", StringComparison.Ordinal)) continue;
            var soft = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return int.TryParse(soft, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
        return null;
    }

    /// <summary>
    /// Refuses a real-time request when the node holds as many hub connections as it may; otherwise hands it on without
    /// waiting for it. The count is kept by the hubs (<see cref="HubConnectionCount"/>), not here: a gate that awaited the
    /// request to count it down again would stay suspended in memory for as long as each viewer watches. A few
    /// connections admitted at the same moment may pass the limit by a handful; the headroom for pages absorbs that.
    /// </summary>
    public Task GateAsync(HttpContext context, RequestDelegate next)
    {
        if (Volatile.Read(ref realtime) < MaxRealtime) return next(context);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        // Spread the retries: a full node's refused clients must not all come back in the same second.
        context.Response.Headers.RetryAfter = Random.Shared.Next(2, 15).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    }

    /// <summary>Counts every hub's connections: up once a connection is set up (its OnConnectedAsync went through), down when it ends.</summary>
    private sealed class HubConnectionCount(ConnectionLimits limits) : IHubFilter
    {
        public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
        {
            // SignalR calls OnDisconnectedAsync only for a connection whose OnConnectedAsync did not throw.
            await next(context);
            Interlocked.Increment(ref limits.realtime);
        }

        public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception,
            Func<HubLifetimeContext, Exception?, Task> next)
        {
            Interlocked.Decrement(ref limits.realtime);
            await next(context, exception);
        }
    }

    /// <summary>The hub filter that keeps <see cref="Realtime"/>.</summary>
    public IHubFilter Counter() => new HubConnectionCount(this);
}

public static class ConnectionLimitsRegistration
{
    public static WebApplicationBuilder AddConnectionLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ConnectionLimitOptions.Section).Get<ConnectionLimitOptions>() ?? new();
        var limits = new ConnectionLimits(options, ConnectionLimits.ReadOpenFileLimit());
        builder.Services.AddSingleton(limits);
        builder.Services.Configure<HubOptions>(o => o.AddFilter(limits.Counter()));
        builder.WebHost.ConfigureKestrel(k =>
        {
            if (limits.MaxConnections is { } max)
            {
                k.Limits.MaxConcurrentConnections = max;
                k.Limits.MaxConcurrentUpgradedConnections = max;
            }
        });
        return builder;
    }

    /// <summary>
    /// Middleware that only pages and APIs need, left out of a hub's lasting connection: a WebSocket (or an event
    /// stream) is one request that lasts as long as someone watches, and every asynchronous middleware it passes
    /// stays suspended in memory that long, per viewer. Error pages, localization and the proxy's request-id scope
    /// do nothing for it, so tens of thousands of viewers should not each keep them (docs/benchmarks.md, "live-events
    /// memory per viewer"); it keeps routing, the connection gate and, where they have work, authentication and
    /// authorization. A hub's short requests (negotiation, long polling, a path no hub serves) take the whole pipeline,
    /// errors as problem+json included.
    /// </summary>
    public static IApplicationBuilder ForPagesAndApis(this IApplicationBuilder app, Action<IApplicationBuilder> pipeline) =>
        app.UseWhen(c => !IsLastingRealtimeConnection(c), pipeline);

    /// <summary>
    /// Authentication, except for a hub's lasting connection that carries no sign-in cookie: that one is anonymous
    /// whatever authentication would find, and the middleware would keep a cookie handler, its results and its own
    /// suspended call for the connection's life (about 0.7 KB per viewer; most of an event's viewers are not signed in).
    /// A connection with the cookie (a moderator, a driver's phone) is authenticated as any request.
    /// </summary>
    public static IApplicationBuilder UseAuthenticationWhereItCounts(this IApplicationBuilder app, string signInCookie)
    {
        app.UseWhen(c => !IsAnonymousLastingConnection(c, signInCookie), branch => branch.UseAuthentication());
        // UseAuthentication marks the builder it is called on, and WebApplication adds authentication again at the
        // start of the pipeline when its own builder is not marked: every request would be authenticated twice, hub
        // connections included (a test counts the authentications of a signed-in request).
        app.Properties[AuthenticationMiddlewareSet] = true;
        return app;
    }

    /// <summary>The mark <c>UseAuthentication</c> leaves on its builder (ASP.NET Core's WebApplication reads it).</summary>
    private const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";

    /// <summary>
    /// Authorization, except for a hub's lasting connection to an endpoint that asks for none (no [Authorize], no policy,
    /// no requirement) while no fallback policy applies to everything: the middleware would find nothing to check and stay
    /// suspended, with the mark it leaves in the request's Items, for as long as the viewer watches. A hub that asks for
    /// authorization (now, or once someone adds [Authorize] to it) is authorized as any request; what a hub method
    /// checks itself (a moderator's role) it checks on every call.
    /// </summary>
    public static IApplicationBuilder UseAuthorizationWhereItCounts(this IApplicationBuilder app)
    {
        // Known at start-up from the policy provider; if it cannot say at once, every request is authorized.
        var fallback = app.ApplicationServices.GetRequiredService<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        var noFallback = fallback.IsCompletedSuccessfully && fallback.Result is null;
        app.UseWhen(c => !noFallback || !IsLastingRealtimeConnection(c) || AsksForAuthorization(c.GetEndpoint()), branch => branch.UseAuthorization());
        app.Properties[AuthorizationMiddlewareSet] = true; // as for authentication: WebApplication would add one at the start
        return app;
    }

    /// <summary>The mark <c>UseAuthorization</c> leaves on its builder (ASP.NET Core's WebApplication reads it).</summary>
    private const string AuthorizationMiddlewareSet = "__AuthorizationMiddlewareSet";

    /// <summary>What the authorization middleware would combine into a policy for this endpoint.</summary>
    public static bool AsksForAuthorization(Endpoint? endpoint) =>
        endpoint is not null && (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is not null
            || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.AuthorizationPolicy>() is not null
            || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizationRequirementData>() is not null);

    /// <summary>A hub's lasting connection without the sign-in cookie (see <see cref="UseAuthenticationWhereItCounts"/>).</summary>
    public static bool IsAnonymousLastingConnection(HttpContext context, string signInCookie) =>
        IsLastingRealtimeConnection(context) && !context.Request.Cookies.ContainsKey(signInCookie);

    /// <summary>A hub's transport that stays open: a WebSocket upgrade (HTTP/1.1 or HTTP/2's extended CONNECT) or server-sent events.</summary>
    public static bool IsLastingRealtimeConnection(HttpContext context) =>
        IsHubWebSocket(context) || (context.Request.Path.StartsWithSegments(ConnectionLimits.RealtimePrefix) && HttpMethods.IsGet(context.Request.Method)
            && context.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.OrdinalIgnoreCase));

    /// <summary>A hub's WebSocket: an upgrade (HTTP/1.1) or HTTP/2's extended CONNECT under <see cref="ConnectionLimits.RealtimePrefix"/>.</summary>
    public static bool IsHubWebSocket(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ConnectionLimits.RealtimePrefix)
        && (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpUpgradeFeature>()?.IsUpgradableRequest == true
            || context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpExtendedConnectFeature>()?.IsExtendedConnect == true);

    /// <summary>Before routing: refused real-time clients cost no more than a status line.</summary>
    public static WebApplication UseConnectionLimits(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<ConnectionLimits>();
        app.Logger.LogInformation("Open-file limit {Files}; connections at most {Max}, real-time at most {Realtime}",
            limits.OpenFileLimit?.ToString(CultureInfo.InvariantCulture) ?? "unknown", limits.MaxConnections?.ToString(CultureInfo.InvariantCulture) ?? "unlimited",
            limits.MaxRealtime?.ToString(CultureInfo.InvariantCulture) ?? "unlimited");
        if (limits.MaxRealtime is null) return app;
        app.UseWhen(c => c.Request.Path.StartsWithSegments(ConnectionLimits.RealtimePrefix), branch => branch.Use(next => context => limits.GateAsync(context, next)));
        return app;
    }
}
