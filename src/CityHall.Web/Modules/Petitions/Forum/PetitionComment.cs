using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Petitions.Forum;

/// <summary>A side taken in the forum: by a vote, or by a comment that argues for or against.</summary>
public enum ForumStance { Pro = 1, Con = 2, Neutral = 3 }

/// <summary>Whether readers see a comment's text.</summary>
public enum CommentState
{
    Visible = 0,
    /// <summary>Enough readers reported it: hidden until a moderator decides.</summary>
    HiddenByReports = 1,
    /// <summary>A moderator hid it.</summary>
    HiddenByModerator = 2,
    /// <summary>Its writer deleted their account: the text and name are gone, its place in the thread stays.</summary>
    Erased = 3,
}

/// <summary>
/// A comment on a proposal, or an answer to another comment (threads). Written while the forum is
/// open it belongs to the debate and may argue for or against. Plain text: nothing in it is markup.
/// </summary>
public sealed class PetitionComment
{
    public long Id { get; set; }
    public long PetitionId { get; set; }
    /// <summary>The comment this one answers; null for a comment on the proposal itself.</summary>
    public long? ParentId { get; set; }
    /// <summary>Null once the account is deleted; the text stays under the name it was written with.</summary>
    public string? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public required string Body { get; set; }
    /// <summary>Written in the public forum, with its side if the writer took one.</summary>
    public bool InForum { get; set; }
    public ForumStance? Stance { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public CommentState State { get; set; }
    /// <summary>Reports since a moderator last decided; reaching the setting hides the comment.</summary>
    public int OpenReports { get; set; }
    /// <summary>Written in a burst over the city's limits: shown, but put in the moderators' queue.</summary>
    public bool Flagged { get; set; }
    public DateTimeOffset? ModeratedAt { get; set; }
    public string? ModeratedBy { get; set; }
}

/// <summary>One reader's report of one comment (a reader reports a comment once).</summary>
public sealed class PetitionCommentReport
{
    public long CommentId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}

/// <summary>An account a moderator stopped from commenting on proposals.</summary>
public sealed class PetitionCommentBlock
{
    public required string UserId { get; set; }
    public DateTimeOffset BlockedAt { get; set; }
    public string BlockedBy { get; set; } = "";
    /// <summary>The comment that led to the block, for the record.</summary>
    public long? CommentId { get; set; }
}

/// <summary>
/// A verified person's vote in a proposal's forum. Like a signature it is keyed by the person's
/// commitment (not the account): one person, one vote, which they may change while the forum is open.
/// </summary>
public sealed class PetitionForumVote
{
    public long PetitionId { get; set; }
    public required string Commitment { get; set; }
    public string? UserId { get; set; }
    public ForumStance Choice { get; set; }
    public DateTimeOffset CastAt { get; set; }
}

internal sealed class PetitionCommentConfiguration : IEntityTypeConfiguration<PetitionComment>
{
    public void Configure(EntityTypeBuilder<PetitionComment> e)
    {
        e.ToTable("petition_comments");
        e.Property(x => x.AuthorId).HasMaxLength(64);
        e.Property(x => x.AuthorName).HasMaxLength(100);
        e.Property(x => x.Body).HasMaxLength(CommentLimits.BodyMax);
        e.Property(x => x.Stance).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ModeratedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.PetitionId, x.Id });
        e.HasIndex(x => new { x.State, x.OpenReports });
        e.HasOne<Petition>().WithMany().HasForeignKey(x => x.PetitionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<PetitionComment>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PetitionCommentReportConfiguration : IEntityTypeConfiguration<PetitionCommentReport>
{
    public void Configure(EntityTypeBuilder<PetitionCommentReport> e)
    {
        e.ToTable("petition_comment_reports");
        e.HasKey(x => new { x.CommentId, x.UserId });
        e.Property(x => x.UserId).HasMaxLength(64);
        e.HasOne<PetitionComment>().WithMany().HasForeignKey(x => x.CommentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PetitionCommentBlockConfiguration : IEntityTypeConfiguration<PetitionCommentBlock>
{
    public void Configure(EntityTypeBuilder<PetitionCommentBlock> e)
    {
        e.ToTable("petition_comment_blocks");
        e.HasKey(x => x.UserId);
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.BlockedBy).HasMaxLength(256);
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PetitionForumVoteConfiguration : IEntityTypeConfiguration<PetitionForumVote>
{
    public void Configure(EntityTypeBuilder<PetitionForumVote> e)
    {
        e.ToTable("petition_forum_votes");
        e.HasKey(x => new { x.PetitionId, x.Commitment });
        e.Property(x => x.Commitment).HasMaxLength(64);
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.Choice).HasConversion<string>().HasMaxLength(10);
        e.HasIndex(x => new { x.UserId, x.PetitionId });
        e.HasOne<Petition>().WithMany().HasForeignKey(x => x.PetitionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

public static class CommentLimits
{
    public const int BodyMin = 2;
    public const int BodyMax = 3_000;
}
