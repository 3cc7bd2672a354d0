using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// Who may read /metrics: every route with its counts and latencies and the sign-in outcome counters
/// are for the city's monitoring, not for the public. A scraper is let in by its address (Metrics:AllowedNetworks,
/// CIDR; loopback by default) or by a bearer token (Metrics:BearerToken); anyone else gets 404.
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public List<string> AllowedNetworks { get; set; } = [];

    public string? BearerToken { get; set; }
}

public static class MetricsAccess
{
    public const string Path = "/metrics";

    /// <summary>Before routing, so a refused scrape costs nothing and looks like any unknown page.</summary>
    public static WebApplication UseMetricsAccess(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        // An empty list in configuration means "loopback only"; a list replaces that default.
        var networks = (options.AllowedNetworks.Count > 0 ? options.AllowedNetworks : ["127.0.0.0/8", "::1/128"])
            .Select(n => IPNetwork.Parse(n.Trim())).ToArray();
        var token = string.IsNullOrWhiteSpace(options.BearerToken) ? null : Encoding.UTF8.GetBytes(options.BearerToken.Trim());
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(Path) || Allowed(context, networks, token)) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }

    private static bool Allowed(HttpContext context, IPNetwork[] networks, byte[]? token)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (token is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), token))
            return true;
        // Behind a proxy this is the client's address from X-Forwarded-For (trusted proxies only), so a
        // scrape through the public site is refused like any outsider's.
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return networks.Any(n => n.Contains(address));
    }
}
