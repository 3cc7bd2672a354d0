using System.Globalization;
using CityHall.Web.Platform.Integrity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Decisions;

/// <summary>
/// One option; several (at least / at most); options ranked in order of preference (results by Borda points and
/// instant runoff); a budget heading's projects whose costs add up to at most its amount and at least its minimum
/// (knapsack: only a participatory budget's ballot is one); or yes or no (the options are the city's words for them).
/// A one-answer poll (single choice, yes/no) may add "other", the voter writing their own answer.
/// </summary>
public enum PollKind { SingleChoice = 1, MultipleChoice = 2, Ranked = 3, Knapsack = 4, YesNo = 5 }

/// <summary>When the counts by option are shown: only once the poll has closed (no one votes with the herd), or while it runs.</summary>
public enum ResultsShown { AfterClose = 1, Live = 2 }

public enum PollPhase { Draft, Upcoming, Open, Closed }

/// <summary>
/// A question the city puts to its citizens (mVoting): one or several of its options, one ballot per verified person,
/// changeable until the poll closes. Ballots go onto the poll's own hash chain (<see cref="PollBallot"/>); the counts
/// by option, the number of voters and the chain's head move with each batch, so reading them costs nothing and
/// anyone can recount them from the chain.
/// </summary>
public sealed class Poll
{
    public long Id { get; set; }
    /// <summary>The question, in Korean (always) and English (when given).</summary>
    public required string TitleKo { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionKo { get; set; }
    public string? DescriptionEn { get; set; }
    public PollKind Kind { get; set; } = PollKind.SingleChoice;
    /// <summary>How many options a ballot must and may choose (both 1 for a single choice).</summary>
    public int MinChoices { get; set; } = 1;
    public int MaxChoices { get; set; } = 1;
    public ResultsShown Results { get; set; } = ResultsShown.AfterClose;
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    /// <summary>Null while staff prepare it; once published the question and options no longer change.</summary>
    public DateTime? PublishedAt { get; set; }
    /// <summary>Set when staff close it before <see cref="ClosesAt"/>.</summary>
    public DateTime? ClosedEarlyAt { get; set; }
    /// <summary>The districts whose verified residents may vote, codes separated by commas; null: every verified citizen.</summary>
    public string? Districts { get; set; }
    /// <summary>
    /// Only the members of a group may vote (a school's parents, a market's merchants): <see cref="PollMember"/> holds
    /// them, each as the commitment they would vote under, never as who they are.
    /// </summary>
    public bool ForGroup { get; set; }
    /// <summary>
    /// Only people of these ages may vote (either bound may be open): the age a person reaches in the year the poll
    /// opens, in the city's calendar (<see cref="AgeOf"/>), from the year of birth given at verification.
    /// </summary>
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    /// <summary>This poll's key for voters' commitments (<see cref="Commitments"/>): a person's ballots are linked to each other, never to another poll's.</summary>
    public byte[] Salt { get; set; } = [];
    /// <summary>
    /// Set when the poll is a participatory budget heading's ballot: its options are the heading's projects (with their
    /// costs), its results are also counted as a budget (funded by votes, and by equal shares), and its pages lead
    /// back to the budget.
    /// </summary>
    public long? BudgetHeadingId { get; set; }
    /// <summary>A knapsack ballot's limits: the chosen projects' costs add up to at most <see cref="Amount"/> and at least <see cref="MinAmount"/>.</summary>
    public long? Amount { get; set; }
    public long? MinAmount { get; set; }
    public int VoterCount { get; set; }
    public long ChainLength { get; set; }
    public string ChainHead { get; set; } = HashChain.GenesisHash;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>The citizen who proposed the poll (their account; null for the city's own, or once they erased their data).</summary>
    public string? ProposedBy { get; set; }
    /// <summary>A proposed poll waits for a moderator; once accepted it is the city's draft. The city's own are <see cref="Moderation.Published"/>.</summary>
    public Moderation Moderation { get; set; }
    /// <summary>Why a moderator declined the proposal, for its author.</summary>
    public string? ModerationNote { get; set; }
    /// <summary>Proposed by a citizen (even once its author's account is gone): said on its page.</summary>
    public bool CitizenProposal { get; set; }

    public PollPhase PhaseAt(DateTime now) =>
        PublishedAt is null ? PollPhase.Draft
        : ClosedEarlyAt is not null || now >= ClosesAt ? PollPhase.Closed
        : now < OpensAt ? PollPhase.Upcoming
        : PollPhase.Open;

    /// <summary>When it closed or closes: early, or as planned.</summary>
    public DateTime EndsAt => ClosedEarlyAt is { } early && early < ClosesAt ? early : ClosesAt;

    public bool ForAges => MinAge is not null || MaxAge is not null;

    /// <summary>
    /// A person's age for this poll: the year it opens in the city's calendar less the year of birth — the age reached
    /// that year, as Korea counts age for youth law ("연 나이"), so everyone born in one year is treated alike.
    /// </summary>
    public int AgeOf(int birthYear, CityHall.Web.Platform.City.CityClock clock) => clock.ToLocal(OpensAt).Year - birthYear;

    /// <summary>Whether a person born that year may vote, by age (true when the poll sets no age).</summary>
    public bool AgeAllowed(int? birthYear, CityHall.Web.Platform.City.CityClock clock) =>
        !ForAges || birthYear is { } year && AgeOf(year, clock) is var age && (MinAge is null || age >= MinAge) && (MaxAge is null || age <= MaxAge);

    public IReadOnlyList<string> DistrictCodes => Districts?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>
    /// The options a ballot counts for in <see cref="PollOption.Votes"/>: each chosen one; of a ranking, its first
    /// (the first round of an instant runoff; the full ranked results are counted from the ballots).
    /// </summary>
    public IEnumerable<long> Counted(IReadOnlyList<long> choices) => Kind == PollKind.Ranked ? choices.Take(1) : choices.Distinct();

    /// <summary>A ballot's choices as stored: a ranking in its order, any other set in ascending order.</summary>
    public string ChoicesOf(IEnumerable<long> options) => Kind == PollKind.Ranked
        ? string.Join(',', options.Select(o => o.ToString(CultureInfo.InvariantCulture)))
        : PollBallot.ChoicesOf(options);

    /// <summary>Whether the counts by option may be shown now.</summary>
    public bool ResultsVisibleAt(DateTime now) => PhaseAt(now) switch
    {
        PollPhase.Closed => true,
        PollPhase.Open => Results == ResultsShown.Live,
        _ => false,
    };
}

public sealed class PollOption
{
    public long Id { get; set; }
    public long PollId { get; set; }
    /// <summary>Its place on the ballot, from 1.</summary>
    public int Position { get; set; }
    public required string LabelKo { get; set; }
    public string? LabelEn { get; set; }
    /// <summary>Current ballots that chose it (a replaced ballot no longer counts).</summary>
    public int Votes { get; set; }
    /// <summary>On a budget heading's ballot: the project it stands for, and what it costs.</summary>
    public long? ProjectId { get; set; }
    public long? Cost { get; set; }
    /// <summary>"Other": the voter who chooses it writes their own answer (<see cref="PollOtherAnswer"/>), shown once moderated.</summary>
    public bool IsOther { get; set; }
}

/// <summary>
/// The answer a voter wrote with "other": kept apart from the chain (which records only that "other" was chosen), one
/// per voter (a new ballot replaces or removes it), and shown with the results only once a moderator has published
/// it — a free text can carry what a ballot cannot (an insult, a name). Never shown with its commitment.
/// </summary>
public sealed class PollOtherAnswer
{
    public long Id { get; set; }
    public long PollId { get; set; }
    public required string Commitment { get; set; }
    public required string Text { get; set; }
    public Moderation Moderation { get; set; } = Moderation.Pending;
    public DateTimeOffset At { get; set; }

    public const int MaxLength = 500;
}

internal sealed class PollOtherAnswerConfiguration : IEntityTypeConfiguration<PollOtherAnswer>
{
    public void Configure(EntityTypeBuilder<PollOtherAnswer> e)
    {
        e.ToTable("decision_other_answers");
        e.Property(x => x.Commitment).HasMaxLength(64);
        e.Property(x => x.Text).HasMaxLength(PollOtherAnswer.MaxLength);
        e.HasIndex(x => new { x.PollId, x.Commitment }).IsUnique();
        e.HasIndex(x => new { x.Moderation, x.Id });
        e.HasOne<Poll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// One ballot on a poll's chain. It names no one: the voter is a commitment (a keyed hash of their verified identity
/// under the poll's salt), so the chain can be published whole and recounted by anyone; a later ballot with the same
/// commitment replaces an earlier one, and only each voter's last counts.
/// </summary>
public sealed class PollBallot
{
    public long PollId { get; set; }
    public long Sequence { get; set; }
    public required string Commitment { get; set; }
    /// <summary>The chosen options' ids separated by commas: in ascending order, or for a ranked poll most preferred first.</summary>
    public required string Choices { get; set; }
    public DateTimeOffset At { get; set; }
    public required string PreviousHash { get; set; }
    public string Hash { get; set; } = "";
    public int HashVersion { get; set; } = HashChain.CurrentVersion;
    /// <summary>Entered by an officer from a paper ballot at a polling station (part of the entry's hash, so it cannot be changed after).</summary>
    public bool Paper { get; set; }

    /// <summary>An online ballot's hash covers what it always did; a paper one's also says "paper".</summary>
    public static string HashOf(PollBallot b) => b.Paper
        ? HashChain.Hash("poll-ballot", b.PollId.ToString(CultureInfo.InvariantCulture), b.Sequence.ToString(CultureInfo.InvariantCulture),
            b.Commitment, b.Choices, b.At.UtcTicks.ToString(CultureInfo.InvariantCulture), b.PreviousHash, "paper")
        : HashChain.Hash("poll-ballot", b.PollId.ToString(CultureInfo.InvariantCulture), b.Sequence.ToString(CultureInfo.InvariantCulture),
            b.Commitment, b.Choices, b.At.UtcTicks.ToString(CultureInfo.InvariantCulture), b.PreviousHash);

    public static string ChoicesOf(IEnumerable<long> options) => string.Join(',', options.Distinct().Order().Select(o => o.ToString(CultureInfo.InvariantCulture)));

    public static long[] Parse(string choices) =>
        choices.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => long.Parse(c, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
}

/// <summary>A voter's current ballot in a poll: what one-person-one-vote and replacing a ballot read. Holds the district and year of birth for results by district and age band; never the person.</summary>
public sealed class PollVoter
{
    public long PollId { get; set; }
    public required string Commitment { get; set; }
    /// <summary>The chain entry of their current ballot.</summary>
    public long Sequence { get; set; }
    public required string Choices { get; set; }
    public string? DistrictCode { get; set; }
    /// <summary>The year of birth the voter gave at verification, for results by age band (null: not given).</summary>
    public int? BirthYear { get; set; }
    public DateTimeOffset VotedAt { get; set; }
    /// <summary>Their ballot was a paper one, entered at a polling station: a second ballot by either way is flagged, not counted.</summary>
    public bool Paper { get; set; }
}

/// <summary>
/// A ballot that was not counted because its voter had already voted the other way (online, then on paper at a
/// polling station, or the reverse) or on paper twice: kept for the election's staff to review, never on the chain.
/// </summary>
public sealed class FlaggedBallot
{
    public long Id { get; set; }
    public long PollId { get; set; }
    public required string Commitment { get; set; }
    public required string Choices { get; set; }
    public bool Paper { get; set; }
    /// <summary>The officer who entered a paper ballot.</summary>
    public string? EnteredBy { get; set; }
    /// <summary>Why: "voted-online" (a paper ballot after an online one) or "voted-on-paper" (any ballot after a paper one).</summary>
    public required string Reason { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class FlaggedBallotConfiguration : IEntityTypeConfiguration<FlaggedBallot>
{
    public void Configure(EntityTypeBuilder<FlaggedBallot> e)
    {
        e.ToTable("decision_flagged_ballots");
        e.Property(x => x.Commitment).HasMaxLength(64);
        e.Property(x => x.Choices).HasMaxLength(1000);
        e.Property(x => x.EnteredBy).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(40);
        e.HasIndex(x => x.PollId);
        e.HasOne<Poll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A member of a poll's group, as the commitment they vote under (HMAC of their identity key under the poll's salt): erased in effect with the salt when the poll closes.</summary>
public sealed class PollMember
{
    public long PollId { get; set; }
    public required string Commitment { get; set; }
}

internal sealed class PollMemberConfiguration : IEntityTypeConfiguration<PollMember>
{
    public void Configure(EntityTypeBuilder<PollMember> e)
    {
        e.ToTable("decision_poll_members");
        e.HasKey(x => new { x.PollId, x.Commitment });
        e.Property(x => x.Commitment).HasMaxLength(64);
        e.HasOne<Poll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> e)
    {
        e.ToTable("decision_polls");
        e.Property(x => x.TitleKo).HasMaxLength(300);
        e.Property(x => x.TitleEn).HasMaxLength(300);
        e.Property(x => x.DescriptionKo).HasMaxLength(4000);
        e.Property(x => x.DescriptionEn).HasMaxLength(4000);
        e.Property(x => x.Districts).HasMaxLength(500);
        e.Property(x => x.Salt).HasMaxLength(32);
        e.Property(x => x.ChainHead).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.ProposedBy).HasMaxLength(450);
        e.Property(x => x.ModerationNote).HasMaxLength(1000);
        e.HasIndex(x => new { x.Moderation, x.Id });
        e.HasIndex(x => x.ProposedBy);
        e.Property(x => x.OpensAt).IsUtcTime();
        e.Property(x => x.ClosesAt).IsUtcTime();
        e.Property(x => x.PublishedAt).IsUtcTime();
        e.Property(x => x.ClosedEarlyAt).IsUtcTime();
        e.Property(x => x.CreatedAt).IsUtcTime();
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.HasIndex(x => new { x.PublishedAt, x.ClosesAt });
        e.HasIndex(x => x.BudgetHeadingId);
    }
}

internal sealed class PollOptionConfiguration : IEntityTypeConfiguration<PollOption>
{
    public void Configure(EntityTypeBuilder<PollOption> e)
    {
        e.ToTable("decision_poll_options");
        e.Property(x => x.LabelKo).HasMaxLength(300);
        e.Property(x => x.LabelEn).HasMaxLength(300);
        e.HasIndex(x => new { x.PollId, x.Position }).IsUnique();
        e.HasOne<Poll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PollBallotConfiguration : IEntityTypeConfiguration<PollBallot>
{
    public void Configure(EntityTypeBuilder<PollBallot> e)
    {
        e.ToTable("decision_ballots");
        e.HasKey(x => new { x.PollId, x.Sequence });
        e.Property(x => x.Commitment).HasMaxLength(64);
        e.Property(x => x.Choices).HasMaxLength(1000);
        e.Property(x => x.PreviousHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasOne<Poll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PollVoterConfiguration : IEntityTypeConfiguration<PollVoter>
{
    public void Configure(EntityTypeBuilder<PollVoter> e)
    {
        e.ToTable("decision_voters");
        e.HasKey(x => new { x.PollId, x.Commitment });
        // Results read the voters' ballots grouped by set of choices: this walks them in that order, with no sort.
        e.HasIndex(x => new { x.PollId, x.Choices });
        e.Property(x => x.Commitment).HasMaxLength(64);
        e.Property(x => x.Choices).HasMaxLength(1000);
        e.Property(x => x.DistrictCode).HasMaxLength(20);
        e.HasOne<Poll>().WithMany().HasForeignKey(x => x.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}
