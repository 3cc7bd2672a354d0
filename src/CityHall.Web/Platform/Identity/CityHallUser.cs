using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Platform.Identity;

/// <summary>
/// An account. Personal data is kept minimal: what a citizen gives in the profile, and a keyed
/// hash of the verified identity (never the identity itself).
/// </summary>
public sealed class CityHallUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? DistrictCode { get; set; }

    /// <summary>"ko-KR" or "en-US"; the language pages are shown in after sign-in.</summary>
    public string? PreferredCulture { get; set; }
    public bool PrefersLargeText { get; set; }
    public bool PrefersHighContrast { get; set; }

    public bool NotifyByEmail { get; set; } = true;
    public bool NotifyBySms { get; set; }

    /// <summary>Keyed hash of the identifier the verifier returned; unique, so one person holds one verified account.</summary>
    public string? VerifiedIdentityHash { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    /// <summary>
    /// The year of birth given at verification (as a mobile identity check asks it), for polls open to an age range and
    /// results by age band. Only the year: a poll needs no more. Fixed once given; null for people verified before it was asked.
    /// </summary>
    public int? BirthYear { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The 30-second step of the last authenticator code accepted: a code works once (<see cref="OneTimeAuthenticatorTokenProvider"/>).</summary>
    public long LastTotpStep { get; set; }
}

internal sealed class CityHallUserConfiguration : IEntityTypeConfiguration<CityHallUser>
{
    public void Configure(EntityTypeBuilder<CityHallUser> e)
    {
        e.Property(x => x.DisplayName).HasMaxLength(100);
        e.Property(x => x.DistrictCode).HasMaxLength(32);
        e.Property(x => x.PreferredCulture).HasMaxLength(16);
        e.Property(x => x.VerifiedIdentityHash).HasMaxLength(88);
        e.HasIndex(x => x.VerifiedIdentityHash).IsUnique();
    }
}
