using System.Globalization;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.CityNetwork.Members;

/// <summary>What a member is: a city or local government, a corporation, or an institution (a university, an agency).</summary>
public enum MemberKind { City, Corporation, Institution }

/// <summary>
/// The network's membership types. A city joins as <see cref="Associate"/> once its letter is checked and becomes
/// <see cref="Full"/> by a decision of the Executive Committee; <see cref="Friendship"/> and <see cref="Corporate"/>
/// are given by the secretariat to cities outside full membership and to companies.
/// </summary>
public enum MembershipType { Full, Associate, Friendship, Corporate }

public enum MemberStatus { Active, Withdrawn }

/// <summary>
/// A member of the network. Its name is kept in English (the network's working language, required) and in its own
/// language and script (optional, with that language's tag so the page marks it up for screen readers and fonts).
/// Contacts are people, so only the secretariat reads them; everything else here is public.
/// </summary>
public sealed class NetworkMember
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? LocalName { get; set; }
    /// <summary>BCP 47 tag of <see cref="LocalName"/>'s language ("ne", "ar", "ko").</summary>
    public string? LocalNameLanguage { get; set; }
    public MemberKind Kind { get; set; }
    public MembershipType Type { get; set; }
    public MemberStatus Status { get; set; }
    public required string CountryCode { get; set; }
    public required string RegionCode { get; set; }
    /// <summary>The member hosts the network's office for its region.</summary>
    public bool HostsRegionalOffice { get; set; }
    public long? Population { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Website { get; set; }
    public string? About { get; set; }
    public DateOnly JoinedOn { get; set; }
    /// <summary>The day the Executive Committee made it a full member (null: not one, or a full member from before the records).</summary>
    public DateOnly? FullSince { get; set; }
    public DateOnly? LeftOn { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>
    /// Both names folded (<see cref="Folded"/>) for finding a member by any part of either: SQLite lowers only ASCII
    /// letters, so a Cyrillic or accented name is folded here, the same way for both databases.
    /// </summary>
    public string SearchText { get; private set; } = "";

    public const int NameMax = 200, AboutMax = 4000, WebsiteMax = 500;

    /// <summary>Sets the names and what finds them.</summary>
    public void Rename(string name, string? localName, string? localNameLanguage)
    {
        Name = name.Trim();
        LocalName = string.IsNullOrWhiteSpace(localName) ? null : localName.Trim();
        LocalNameLanguage = LocalName is null ? null : CleanLanguageTag(localNameLanguage);
        SearchText = Folded(Name + " " + LocalName);
    }

    /// <summary>Text as it is compared when searching: Unicode-normalized (NFKC), lower case in every script, spaces single.</summary>
    public static string Folded(string text) =>
        string.Join(' ', text.Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A fee is due for each year of membership: from the year it joined to the year it withdrew, both included.</summary>
    public bool MemberIn(int year) => JoinedOn.Year <= year && (Status == MemberStatus.Active || LeftOn is not { } left || left.Year >= year);

    /// <summary>
    /// The type a year's fee follows: the one held on the year's first day (or on the day it joined, in its first year).
    /// Full membership comes on a recorded day (<see cref="FullSince"/>), so a member made Full during a year pays that
    /// year as an Associate. Other changes of type carry no day (the secretariat's edit is their only record) and count
    /// for every year.
    /// </summary>
    public MembershipType TypeIn(int year)
    {
        var firstDay = new DateOnly(year, 1, 1) < JoinedOn ? JoinedOn : new DateOnly(year, 1, 1);
        return Type == MembershipType.Full && FullSince is { } since && since > firstDay ? MembershipType.Associate : Type;
    }

    /// <summary>A language tag a page may put in a lang attribute: a culture .NET knows, or null.</summary>
    public static string? CleanLanguageTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        try
        {
            return CultureInfo.GetCultureInfo(tag.Trim(), predefinedOnly: true).Name is { Length: > 0 } name ? name : null;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}

/// <summary>A person the secretariat writes to at a member (the mayor's office, the e-government department).</summary>
public sealed class NetworkMemberContact
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public required string Name { get; set; }
    public string? Position { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
}

/// <summary>An account that acts for a member on this site (applies to the awards, contributes to the library).</summary>
public sealed class NetworkMemberRepresentative
{
    public long MemberId { get; set; }
    public required string UserId { get; set; }
    public DateTime Since { get; set; }
}

/// <summary>A member's logo, re-encoded by the platform's photo handling, with the words that describe it.</summary>
public sealed class NetworkMemberLogo : StoredPicture
{
    public long MemberId { get; set; }
}

internal sealed class NetworkMemberConfiguration : IEntityTypeConfiguration<NetworkMember>
{
    public void Configure(EntityTypeBuilder<NetworkMember> e)
    {
        e.ToTable("network_members");
        e.Property(x => x.Name).HasMaxLength(NetworkMember.NameMax);
        e.Property(x => x.LocalName).HasMaxLength(NetworkMember.NameMax);
        e.Property(x => x.LocalNameLanguage).HasMaxLength(35);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CountryCode).HasMaxLength(2);
        e.Property(x => x.RegionCode).HasMaxLength(40);
        e.Property(x => x.Website).HasMaxLength(NetworkMember.WebsiteMax);
        e.Property(x => x.About).HasMaxLength(NetworkMember.AboutMax);
        e.Property(x => x.SearchText).HasMaxLength(2 * NetworkMember.NameMax + 1);
        e.HasIndex(x => new { x.Status, x.RegionCode, x.Type });
        e.HasIndex(x => x.CountryCode);
    }
}

internal sealed class NetworkMemberContactConfiguration : IEntityTypeConfiguration<NetworkMemberContact>
{
    public void Configure(EntityTypeBuilder<NetworkMemberContact> e)
    {
        e.ToTable("network_member_contacts");
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Position).HasMaxLength(200);
        e.Property(x => x.Email).HasMaxLength(256);
        e.Property(x => x.Phone).HasMaxLength(40);
        e.HasOne<NetworkMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkMemberRepresentativeConfiguration : IEntityTypeConfiguration<NetworkMemberRepresentative>
{
    public void Configure(EntityTypeBuilder<NetworkMemberRepresentative> e)
    {
        e.ToTable("network_member_representatives");
        e.HasKey(x => new { x.MemberId, x.UserId });
        e.Property(x => x.UserId).HasMaxLength(450);
        e.HasIndex(x => x.UserId);
        e.HasOne<NetworkMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NetworkMemberLogoConfiguration : IEntityTypeConfiguration<NetworkMemberLogo>
{
    public void Configure(EntityTypeBuilder<NetworkMemberLogo> e)
    {
        e.ToTable("network_member_logos");
        e.HasKey(x => x.MemberId);
        StoredPicture.Configure(e, MemberLogos.AltMax);
        e.HasOne<NetworkMember>().WithOne().HasForeignKey<NetworkMemberLogo>(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
