using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Web;

/// <summary>Where the city's site is reached from outside (Hosting:PublicUrl).</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// The public base URL ("https://eminwon.seoul.go.kr"). Every absolute URL the app writes (feeds, the
    /// open-data catalogue, Open311 discovery, calendars, link previews) starts with it, never with the
    /// request's Host header, which a client chooses. Required in production: readiness fails without it.
    /// </summary>
    public string? PublicUrl { get; set; }

    public bool BehindProxy { get; set; }

    public Uri? PublicUri => Uri.TryCreate(PublicUrl?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null;
}

public static class PublicUrl
{
    /// <summary>
    /// Scheme, host and port of the public site, without a trailing slash. Without Hosting:PublicUrl (a
    /// developer's first run) the request's own origin; production refuses to be ready in that case.
    /// </summary>
    public static string PublicOrigin(this HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<IOptions<HostingOptions>>().Value.PublicUri is { } uri
            ? uri.GetLeftPart(UriPartial.Authority)
            : $"{request.Scheme}://{request.Host}";

    /// <summary>The public site's host name (for calendar UIDs and the like).</summary>
    public static string PublicHost(this HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<IOptions<HostingOptions>>().Value.PublicUri?.Host ?? request.Host.Host;

    /// <summary>
    /// In production with a public URL, only its host (and loopback names, for health checks on the node
    /// itself) may appear in the Host header; anything else is refused with 400 by host filtering.
    /// </summary>
    public static IServiceCollection AddPublicUrl(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<HostingOptions>(configuration.GetSection(HostingOptions.Section));
        var configured = configuration.GetSection(HostingOptions.Section).Get<HostingOptions>()?.PublicUri;
        var allowed = configuration["AllowedHosts"];
        if (configured is not null && !environment.IsDevelopment() && (string.IsNullOrWhiteSpace(allowed) || allowed.Trim() == "*"))
            services.PostConfigure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o =>
                o.AllowedHosts = [configured.IdnHost, "localhost", "127.0.0.1", "[::1]"]);
        return services;
    }
}
