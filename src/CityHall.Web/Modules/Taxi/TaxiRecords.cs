using CityHall.Web.Modules.Taxi.Dispatch;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Taxi;

/// <summary>A taxi company: it registers its drivers and cars, and answers for them.</summary>
public sealed class TaxiCompany
{
    public long Id { get; set; }
    public required string NameKo { get; set; }
    public string? NameEn { get; set; }
    /// <summary>The business registration number (사업자등록번호, ten digits written 000-00-00000).</summary>
    public required string RegistrationNumber { get; set; }
    public required string Phone { get; set; }
    public string? Address { get; set; }
    /// <summary>A suspended company's drivers cannot go on duty.</summary>
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

/// <summary>A company's staff account: they register and manage that company's drivers, and see its trips.</summary>
public sealed class TaxiCompanyStaff
{
    public long Id { get; set; }
    public long CompanyId { get; set; }
    public required string UserId { get; set; }
    public DateTime AddedAt { get; set; }
    public required string AddedBy { get; set; }
}

/// <summary>A driver and the car they drive, registered by their company; signs in with their own account.</summary>
public sealed class TaxiDriver
{
    public long Id { get; set; }
    public long CompanyId { get; set; }
    /// <summary>The driver's own account; null once they erased it (the company's register keeps the driver, inactive).</summary>
    public string? UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>The driver's licence number (12 digits, written 00-00-000000-00).</summary>
    public required string LicenceNumber { get; set; }
    public required string Phone { get; set; }
    /// <summary>The number plate as written on the car ("서울32바1234"); taxis carry 아, 바, 사 or 자.</summary>
    public required string Plate { get; set; }
    public required string CarModel { get; set; }
    public CarFeatures Features { get; set; }
    /// <summary>Languages spoken besides Korean, ISO 639-1 codes separated by spaces ("en ja").</summary>
    public string Languages { get; set; } = "";
    public byte[]? Photo { get; set; }
    public string? PhotoType { get; set; }
    public bool Active { get; set; } = true;
    public DateTime RegisteredAt { get; set; }
    public required string RegisteredBy { get; set; }
    /// <summary>When the driver went on duty; null when off duty.</summary>
    public DateTime? OnDutySince { get; set; }
    public DateTime? PausedUntil { get; set; }
    public int RatingCount { get; set; }
    public int RatingSum { get; set; }

    public CarTraits Traits => CarTraits.Of(Features, Languages);
}

public enum TaxiCallState
{
    /// <summary>Looking for a car (an offer may be out).</summary>
    Waiting,
    /// <summary>A driver accepted and is on the way.</summary>
    Assigned,
    /// <summary>The car is at the pickup.</summary>
    Arrived,
    /// <summary>The rider is on board; the destination is shown to the driver.</summary>
    OnBoard,
    Completed,
    Cancelled,
    /// <summary>No car was found and the rider stopped looking, or the call went to the phone centre.</summary>
    NoCar,
}

/// <summary>A rider's call and, once a car takes it, the trip.</summary>
public sealed class TaxiCall
{
    public long Id { get; set; }
    /// <summary>The rider's account; null once they erased it (the trip still counts in the figures).</summary>
    public string? RiderId { get; set; }
    public double PickupLatitude { get; set; }
    public double PickupLongitude { get; set; }
    public string? PickupAddress { get; set; }
    public string? PickupDistrict { get; set; }
    public double? DestinationLatitude { get; set; }
    public double? DestinationLongitude { get; set; }
    public string? DestinationAddress { get; set; }
    public CarFeatures Needs { get; set; }
    public string? Language { get; set; }
    public TaxiCallState State { get; set; }
    public double SearchRadiusMeters { get; set; }
    /// <summary>The estimate shown before the rider confirmed, in seconds (null: no car was near).</summary>
    public double? EstimatedPickupSeconds { get; set; }
    public DateTime CalledAt { get; set; }
    public DateTime? FirstOfferAt { get; set; }
    /// <summary>When the rider was told no car was found yet (they may widen the search or call the phone centre).</summary>
    public DateTime? NoCarSince { get; set; }
    public DateTime? AssignedAt { get; set; }
    public DateTime? ArrivedAt { get; set; }
    public DateTime? PickedUpAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public long? DriverId { get; set; }
    /// <summary>The metered fare in won, entered by the driver at the end.</summary>
    public long? Fare { get; set; }
    public long? CancellationFee { get; set; }
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    /// <summary>SHA-256 of the safe-ride link's token; the link works until the trip ends.</summary>
    public byte[]? SafeRideTokenHash { get; set; }
    public DateTime? SafeRideSentAt { get; set; }
    /// <summary>How many safe-ride texts were sent for this call (each new one replaces the link; capped per call).</summary>
    public int SafeRideTexts { get; set; }
    /// <summary>The service request filed about this trip ("report a problem"), by reference.</summary>
    public string? ProblemCase { get; set; }
    /// <summary>
    /// When the trip's personal details were forgotten (addresses, destination, the exact pickup, the comment): at the
    /// rider's erasure or <see cref="TaxiOptions.TripDetailsDays"/> after the call. Times, district and fare stay for the figures.
    /// </summary>
    public DateTime? DetailsForgottenAt { get; set; }
    /// <summary>When the rider, told no car was found, asked the city's call centre to find one and call back (the call left dispatch).</summary>
    public DateTime? HandedOverAt { get; set; }
    /// <summary>The mobile number the call centre calls back (forgotten with the trip's details).</summary>
    public string? CallbackPhone { get; set; }
    /// <summary>What the call centre did, once an agent recorded it.</summary>
    public CallCentreOutcome? CentreOutcome { get; set; }
    public DateTime? CentreHandledAt { get; set; }
    /// <summary>The agent's account.</summary>
    public string? CentreHandledBy { get; set; }
    public int Revision { get; set; }
}

/// <summary>How the call centre answered a call handed over to it.</summary>
public enum CallCentreOutcome
{
    /// <summary>Called back and a car was sent by phone (a car the centre found outside dispatch).</summary>
    CarSent,
    /// <summary>Called back; no car could be found.</summary>
    NoCar,
    /// <summary>The rider did not answer.</summary>
    Unreachable,
}

public enum TaxiOfferOutcome { Accepted, Declined, Expired, Withdrawn }

/// <summary>An offer of a call to a driver, as dispatch made it; kept for the time-to-assign figures.</summary>
public sealed class TaxiOffer
{
    public long Id { get; set; }
    public long CallId { get; set; }
    public long DriverId { get; set; }
    public DateTime OfferedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public double PickupSeconds { get; set; }
    public double Meters { get; set; }
    public TaxiOfferOutcome? Outcome { get; set; }
    public DateTime? AnsweredAt { get; set; }
}

internal sealed class TaxiConfiguration : IEntityTypeConfiguration<TaxiCompany>, IEntityTypeConfiguration<TaxiCompanyStaff>,
    IEntityTypeConfiguration<TaxiDriver>, IEntityTypeConfiguration<TaxiCall>, IEntityTypeConfiguration<TaxiOffer>
{
    public void Configure(EntityTypeBuilder<TaxiCompany> e)
    {
        e.ToTable("taxi_companies");
        e.Property(x => x.NameKo).HasMaxLength(100);
        e.Property(x => x.NameEn).HasMaxLength(100);
        e.Property(x => x.RegistrationNumber).HasMaxLength(12);
        e.Property(x => x.Phone).HasMaxLength(20);
        e.Property(x => x.Address).HasMaxLength(200);
        e.HasIndex(x => x.RegistrationNumber).IsUnique();
    }

    public void Configure(EntityTypeBuilder<TaxiCompanyStaff> e)
    {
        e.ToTable("taxi_company_staff");
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.AddedBy).HasMaxLength(64);
        e.HasIndex(x => new { x.CompanyId, x.UserId }).IsUnique();
        e.HasIndex(x => x.UserId);
    }

    public void Configure(EntityTypeBuilder<TaxiDriver> e)
    {
        e.ToTable("taxi_drivers");
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.LicenceNumber).HasMaxLength(15);
        e.Property(x => x.Phone).HasMaxLength(20);
        e.Property(x => x.Plate).HasMaxLength(16);
        e.Property(x => x.CarModel).HasMaxLength(60);
        e.Property(x => x.Features).HasConversion<int>();
        e.Property(x => x.Languages).HasMaxLength(60);
        e.Property(x => x.PhotoType).HasMaxLength(40);
        e.Property(x => x.RegisteredBy).HasMaxLength(64);
        e.Ignore(x => x.Traits);
        e.HasIndex(x => x.UserId).IsUnique();
        e.HasIndex(x => x.LicenceNumber).IsUnique();
        e.HasIndex(x => x.Plate).IsUnique();
        e.HasIndex(x => x.CompanyId);
        e.HasIndex(x => x.OnDutySince);
    }

    public void Configure(EntityTypeBuilder<TaxiCall> e)
    {
        e.ToTable("taxi_calls");
        e.Property(x => x.RiderId).HasMaxLength(64);
        e.Property(x => x.PickupAddress).HasMaxLength(200);
        e.Property(x => x.PickupDistrict).HasMaxLength(32);
        e.Property(x => x.DestinationAddress).HasMaxLength(200);
        e.Property(x => x.Needs).HasConversion<int>();
        e.Property(x => x.Language).HasMaxLength(8);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.RatingComment).HasMaxLength(1000);
        e.Property(x => x.SafeRideTokenHash).HasMaxLength(32);
        e.Property(x => x.ProblemCase).HasMaxLength(32);
        e.Property(x => x.CallbackPhone).HasMaxLength(20);
        e.Property(x => x.CentreOutcome).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CentreHandledBy).HasMaxLength(64);
        e.Property(x => x.Revision).IsConcurrencyToken();
        e.HasIndex(x => new { x.RiderId, x.CalledAt });
        e.HasIndex(x => new { x.State, x.CalledAt });
        e.HasIndex(x => new { x.DriverId, x.CalledAt });
        e.HasIndex(x => x.CalledAt);
        e.HasIndex(x => x.SafeRideTokenHash);
        e.HasIndex(x => new { x.DetailsForgottenAt, x.CalledAt });
        e.HasIndex(x => new { x.HandedOverAt, x.CentreOutcome });
    }

    public void Configure(EntityTypeBuilder<TaxiOffer> e)
    {
        e.ToTable("taxi_offers");
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        e.HasIndex(x => x.CallId);
        e.HasIndex(x => new { x.DriverId, x.OfferedAt });
    }
}
