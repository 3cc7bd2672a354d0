namespace CityHall.Web.Platform.Web;

/// <summary>
/// Headers every response carries. The CSP allows no inline script anywhere except the API docs UI,
/// which is a third-party page that needs it and serves no citizen data.
/// </summary>
public static class SecurityHeaders
{
    private static string StrictPolicy(string? tileOrigin) =>
        $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{(tileOrigin is null ? "" : " " + tileOrigin)}; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private const string ApiDocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs") ? ApiDocsPolicy
                    : StrictPolicy(context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<City.CityOptions>>().CurrentValue.MapTileOrigin);
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
}
