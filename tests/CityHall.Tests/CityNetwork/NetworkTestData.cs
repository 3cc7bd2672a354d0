using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.CityNetwork.Members;

namespace CityHall.Tests.CityNetwork;

/// <summary>Members as the secretariat would have entered them, for tests that need a network to look at.</summary>
internal static class NetworkTestData
{
    internal static readonly byte[] SignedLetter = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public static Task<NetworkMember> MemberAsync(CityHallApp app, string name, string country = "NP", string region = "asia-pacific",
        MembershipType type = MembershipType.Full, MemberKind kind = MemberKind.City, string? localName = null, string? language = null,
        double? latitude = null, double? longitude = null, DateOnly? joinedOn = null) =>
        app.WithDbAsync(async db =>
        {
            var member = new NetworkMember
            {
                Name = "", Kind = kind, Type = type, Status = MemberStatus.Active, CountryCode = country, RegionCode = region,
                Latitude = latitude, Longitude = longitude, JoinedOn = joinedOn ?? new DateOnly(2015, 3, 1), UpdatedAt = DateTime.UtcNow,
            };
            member.Rename(name, localName, language);
            db.Add(member);
            await db.SaveChangesAsync();
            return member;
        });

    /// <summary>A name no other test uses, so a test finds its own members in lists the class shares.</summary>
    public static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";
}
