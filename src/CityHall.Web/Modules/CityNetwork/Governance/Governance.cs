using CityHall.Web.Modules.CityNetwork.Members;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.CityNetwork.Governance;

/// <summary>The network's two governing bodies: the General Assembly of all full members and the Executive Committee.</summary>
public enum GoverningBody { GeneralAssembly, ExecutiveCommittee }

/// <summary>What a seat of the Executive Committee carries: an office, or an ordinary seat.</summary>
public enum CommitteeOffice { President, VicePresident, SecretaryGeneral, Member }

public enum VoteChoice { For, Against, Abstain }

/// <summary>What a decision does: a resolution (recorded only), or making an associate member a full one.</summary>
public enum DecisionKind { Resolution, FullMembership }

public enum DecisionOutcome { Adopted, Rejected }

/// <summary>A member's seat on the Executive Committee for a term (the first and last day it holds it).</summary>
public sealed class CommitteeSeat
{
    public long Id { get; set; }
    public long MemberId { get; set; }
    public CommitteeOffice Office { get; set; }
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }

    public bool HeldOn(DateOnly day) => TermStart <= day && day <= TermEnd;
    public bool Overlaps(DateOnly start, DateOnly end) => TermStart <= end && start <= TermEnd;
}

/// <summary>A meeting of a governing body, with its minutes.</summary>
public sealed class GovernanceMeeting
{
    public long Id { get; set; }
    public GoverningBody Body { get; set; }
    public required string Title { get; set; }
    public DateOnly HeldOn { get; set; }
    public string? Place { get; set; }
    public string? Minutes { get; set; }
    public DateTime UpdatedAt { get; set; }

    public const int TitleMax = 200, PlaceMax = 200, MinutesMax = 50_000;
}

/// <summary>
/// A decision of a meeting, with each voter's vote recorded and the totals and outcome that follow from them
/// (<see cref="GovernanceRules.Decide"/>). A full-membership decision names the member it is about.
/// </summary>
public sealed class GovernanceDecision
{
    public long Id { get; set; }
    public long MeetingId { get; set; }
    public DecisionKind Kind { get; set; }
    public long? SubjectMemberId { get; set; }
    public required string Title { get; set; }
    public string? Text { get; set; }
    public int VotesFor { get; set; }
    public int VotesAgainst { get; set; }
    public int Abstentions { get; set; }
    /// <summary>How many could vote (seats held, or full members, on the meeting's day), for the quorum.</summary>
    public int Electorate { get; set; }
    public DecisionOutcome Outcome { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }

    public const int TitleMax = 300, TextMax = 10_000;
}

/// <summary>One voter's vote on a decision: the member that cast it.</summary>
public sealed class DecisionVote
{
    public long DecisionId { get; set; }
    public long MemberId { get; set; }
    public VoteChoice Choice { get; set; }
}

internal sealed class CommitteeSeatConfiguration : IEntityTypeConfiguration<CommitteeSeat>
{
    public void Configure(EntityTypeBuilder<CommitteeSeat> e)
    {
        e.ToTable("network_committee_seats");
        e.Property(x => x.Office).HasConversion<string>().HasMaxLength(24);
        e.HasIndex(x => new { x.TermStart, x.TermEnd });
        e.HasOne<NetworkMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GovernanceMeetingConfiguration : IEntityTypeConfiguration<GovernanceMeeting>
{
    public void Configure(EntityTypeBuilder<GovernanceMeeting> e)
    {
        e.ToTable("network_meetings");
        e.Property(x => x.Body).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Title).HasMaxLength(GovernanceMeeting.TitleMax);
        e.Property(x => x.Place).HasMaxLength(GovernanceMeeting.PlaceMax);
        e.Property(x => x.Minutes).HasMaxLength(GovernanceMeeting.MinutesMax);
        e.HasIndex(x => new { x.Body, x.HeldOn });
    }
}

internal sealed class GovernanceDecisionConfiguration : IEntityTypeConfiguration<GovernanceDecision>
{
    public void Configure(EntityTypeBuilder<GovernanceDecision> e)
    {
        e.ToTable("network_decisions");
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Title).HasMaxLength(GovernanceDecision.TitleMax);
        e.Property(x => x.Text).HasMaxLength(GovernanceDecision.TextMax);
        e.Property(x => x.RecordedBy).HasMaxLength(450);
        e.HasIndex(x => x.MeetingId);
        e.HasIndex(x => x.SubjectMemberId);
        e.HasOne<GovernanceMeeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<NetworkMember>().WithMany().HasForeignKey(x => x.SubjectMemberId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DecisionVoteConfiguration : IEntityTypeConfiguration<DecisionVote>
{
    public void Configure(EntityTypeBuilder<DecisionVote> e)
    {
        e.ToTable("network_decision_votes");
        e.HasKey(x => new { x.DecisionId, x.MemberId });
        e.Property(x => x.Choice).HasConversion<string>().HasMaxLength(16);
        e.HasOne<GovernanceDecision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<NetworkMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
