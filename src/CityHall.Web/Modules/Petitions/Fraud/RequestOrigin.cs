using System.Net;
using System.Security.Claims;

namespace CityHall.Web.Modules.Petitions.Fraud;

/// <summary>Where an act came from, as fraud review groups it: the network address and the e-mail domain.</summary>
public static class RequestOrigin
{
    /// <summary>The client's address (IPv4 written as IPv4 even when the server listens on IPv6).</summary>
    public static string? Address(HttpContext context) => Normalize(context.Connection.RemoteIpAddress)?.ToString();

    public static IPAddress? Normalize(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;

    /// <summary>The part after '@' of the signed-in person's e-mail address, lower-cased; null without one.</summary>
    public static string? EmailDomain(ClaimsPrincipal user)
    {
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name;
        var at = email?.LastIndexOf('@') ?? -1;
        return at < 0 || at == email!.Length - 1 ? null : email[(at + 1)..].ToLowerInvariant();
    }
}
