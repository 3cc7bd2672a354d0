using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.CityNetwork.Members;

/// <summary>
/// A member's fee paid for one year: what was paid, in which currency, on which day, with the transfer's reference.
/// One a member and year (the key), so a payment recorded twice by two people is refused rather than counted twice.
/// </summary>
public sealed class MembershipFeePayment
{
    public long MemberId { get; set; }
    public int Year { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }
    public DateOnly PaidOn { get; set; }
    public string? Reference { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }
}

internal sealed class MembershipFeePaymentConfiguration : IEntityTypeConfiguration<MembershipFeePayment>
{
    public void Configure(EntityTypeBuilder<MembershipFeePayment> e)
    {
        e.ToTable("network_fee_payments");
        e.HasKey(x => new { x.MemberId, x.Year });
        e.Property(x => x.Amount).HasPrecision(14, 2);
        e.Property(x => x.Currency).HasMaxLength(3);
        e.Property(x => x.Reference).HasMaxLength(100);
        e.Property(x => x.RecordedBy).HasMaxLength(450);
        e.HasOne<NetworkMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
