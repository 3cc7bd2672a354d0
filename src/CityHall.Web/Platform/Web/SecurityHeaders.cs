namespace CityHall.Web.Platform.Web;

/// <summary>
/// Headers every response carries. The CSP allows no inline script anywhere except the API docs UI,
/// which is a third-party page that needs it and serves no citizen data. A page that embeds something
/// from elsewhere (a live event's video) adds exactly that origin with <see cref="Allow"/>.
/// </summary>
public static class SecurityHeaders
{
    private const string ExtraSourcesKey = "cityhall:csp-extra";

    /// <summary>Lets this response load from one more source for one directive ("frame-src", "media-src", "connect-src").</summary>
    public static void Allow(HttpContext context, string directive, string source)
    {
        if (context.Items[ExtraSourcesKey] is not List<(string Directive, string Source)> extra)
            context.Items[ExtraSourcesKey] = extra = [];
        extra.Add((directive, source));
    }

    /// <summary>The policy of a page that adds no source, made once for the city's tile origin (the settings may change it).</summary>
    private sealed record CommonPolicy(string? TileOrigin, string Policy);
    private static CommonPolicy? common;

    private static string PolicyFor(string? tileOrigin, List<(string Directive, string Source)>? extra)
    {
        if (extra is not null) return StrictPolicy(tileOrigin, extra);
        var made = common;
        if (made is null || made.TileOrigin != tileOrigin) common = made = new(tileOrigin, StrictPolicy(tileOrigin, null));
        return made.Policy;
    }

    private static string StrictPolicy(string? tileOrigin, List<(string Directive, string Source)>? extra)
    {
        string More(string directive) => extra is null ? "" : string.Concat(extra.Where(e => e.Directive == directive).Select(e => " " + e.Source).Distinct());
        var frames = More("frame-src");
        var media = More("media-src");
        return $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{(tileOrigin is null ? "" : " " + tileOrigin)}{More("img-src")}; font-src 'self'; " +
            $"connect-src 'self'{More("connect-src")}; {(frames.Length > 0 ? $"frame-src{frames}; " : "")}{(media.Length > 0 ? $"media-src 'self'{media}; " : "")}" +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private const string ApiDocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // A hub's WebSocket is answered with 101 and then carries no document a browser would apply these to, and
            // whatever a response's headers hold stays in memory for as long as the connection lasts (a viewer's hours).
            if (Hosting.ConnectionLimitsRegistration.IsHubWebSocket(context)) return next(context);
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs") ? ApiDocsPolicy
                    : PolicyFor(context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<City.CityOptions>>().CurrentValue.MapTileOrigin,
                        context.Items[ExtraSourcesKey] as List<(string Directive, string Source)>);
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                // What a signed-in person is shown is theirs: no copy in a shared computer's cache, or in the service
                // worker's (it keeps no private or no-store page), or in a proxy. Files and answers that set their own
                // caching keep it; a page with a form already says no-store (antiforgery), and now private too.
                var caching = h.CacheControl.ToString();
                if (context.User.Identity?.IsAuthenticated == true && (caching.Length == 0 || caching.Contains("no-store", StringComparison.Ordinal)))
                    h.CacheControl = "private, no-store";
                return Task.CompletedTask;
            });
            // Handed on, not awaited: a hub's request lasts hours, and an awaiting middleware stays in memory that long.
            return next(context);
        });
}
