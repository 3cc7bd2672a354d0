using CityHall.Web.Modules.CityNetwork.Members;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.CityNetwork.Mous;

/// <summary>Where an MOU stands on a day, from its dates: a draft until signed, signed until it takes effect, active until it ends, then expired.</summary>
#pragma warning disable CA1720 // "Signed" is a stage of an MOU's life, not the name of a type
public enum MouStatus { Draft, Signed, Active, Expired }
#pragma warning restore CA1720

/// <summary>
/// A memorandum of understanding between the city (or the network) and members or others: its parties, areas of
/// cooperation, dates, documents and the follow-up actions it led to. Its status follows from its dates
/// (<see cref="StatusOn"/>), so it never waits for someone to mark it expired.
/// </summary>
public sealed class Mou
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public List<string> Areas { get; set; } = [];
    public DateOnly? SignedOn { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const int TitleMax = 300, SummaryMax = 4000;

    public MouStatus StatusOn(DateOnly day) =>
        SignedOn is null ? MouStatus.Draft
        : EndsOn is { } end && end < day ? MouStatus.Expired
        : (StartsOn ?? SignedOn) > day ? MouStatus.Signed
        : MouStatus.Active;
}

/// <summary>A party to an MOU: a member of the network, or another organisation by name.</summary>
public sealed class MouParty
{
    public long Id { get; set; }
    public long MouId { get; set; }
    public long? MemberId { get; set; }
    public required string Name { get; set; }
    public required string CountryCode { get; set; }
}

/// <summary>A document of an MOU (the signed text, an annex), as sent: PDF or a scan, told by content. The secretariat's.</summary>
public sealed class MouDocument
{
    public long Id { get; set; }
    public long MouId { get; set; }
    public required string Name { get; set; }
    public required byte[] Bytes { get; set; }
    public required string ContentType { get; set; }
    public required string Sha256 { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>Something agreed to be done under an MOU, by whom and by when; done on a day, or overdue after its date.</summary>
public sealed class MouAction
{
    public long Id { get; set; }
    public long MouId { get; set; }
    public required string Description { get; set; }
    public required string Owner { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }

    public bool OverdueOn(DateOnly day) => DoneOn is null && DueOn < day;
}

internal sealed class MouConfiguration : IEntityTypeConfiguration<Mou>
{
    public void Configure(EntityTypeBuilder<Mou> e)
    {
        e.ToTable("network_mous");
        e.Property(x => x.Title).HasMaxLength(Mou.TitleMax);
        e.Property(x => x.Summary).HasMaxLength(Mou.SummaryMax);
        e.Property(x => x.Areas).HasMaxLength(2000).HasJsonConversion();
        e.HasIndex(x => x.SignedOn);
    }
}

internal sealed class MouPartyConfiguration : IEntityTypeConfiguration<MouParty>
{
    public void Configure(EntityTypeBuilder<MouParty> e)
    {
        e.ToTable("network_mou_parties");
        e.Property(x => x.Name).HasMaxLength(NetworkMember.NameMax);
        e.Property(x => x.CountryCode).HasMaxLength(2);
        e.HasIndex(x => x.MemberId);
        e.HasOne<Mou>().WithMany().HasForeignKey(x => x.MouId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<NetworkMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MouDocumentConfiguration : IEntityTypeConfiguration<MouDocument>
{
    public void Configure(EntityTypeBuilder<MouDocument> e)
    {
        e.ToTable("network_mou_documents");
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(64);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasIndex(x => x.MouId);
        e.HasOne<Mou>().WithMany().HasForeignKey(x => x.MouId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MouActionConfiguration : IEntityTypeConfiguration<MouAction>
{
    public void Configure(EntityTypeBuilder<MouAction> e)
    {
        e.ToTable("network_mou_actions");
        e.Property(x => x.Description).HasMaxLength(1000);
        e.Property(x => x.Owner).HasMaxLength(200);
        e.HasIndex(x => new { x.MouId, x.DueOn });
        e.HasOne<Mou>().WithMany().HasForeignKey(x => x.MouId).OnDelete(DeleteBehavior.Cascade);
    }
}
