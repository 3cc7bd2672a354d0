using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.LiveEvents.Questions;

/// <summary>Where a question came from.</summary>
public enum QuestionChannel { Web, Sms, Mastodon, Social }

/// <summary>
/// A question's place in the one moderated queue: waiting for a moderator, held by the keyword
/// list, approved (shown to viewers), hidden, answered on stage, or merged into another.
/// </summary>
public enum QuestionState { Pending, Held, Approved, Hidden, Answered, Merged }

/// <summary>
/// A question or opinion from any channel, stored once per (channel, external id): a webhook
/// delivered twice, or a form sent twice, is one question.
/// </summary>
public sealed class LiveQuestion
{
    public const int MinLength = 2;
    public const int MaxLength = 300;

    public long Id { get; set; }
    public long EventId { get; set; }
    public QuestionChannel Channel { get; set; }
    /// <summary>The channel's own id (Twilio's MessageSid, a Mastodon status id, the web form's one-time token).</summary>
    public required string ExternalId { get; set; }
    /// <summary>Who sent it, as a key for bans and flood limits: "user:{id}", "viewer:{cookie}", "sms:{keyed hash}", "mastodon:{acct}".</summary>
    public required string SenderKey { get; set; }
    /// <summary>How the sender is shown: a display name, "SMS ···1234", "@name@server".</summary>
    public required string SenderLabel { get; set; }
    public string? UserId { get; set; }
    public required string Text { get; set; }
    /// <summary>What the sender wrote, kept when a moderator edited the text before approving.</summary>
    public string? OriginalText { get; set; }
    public QuestionState State { get; set; }
    /// <summary>The hold-list word that held it.</summary>
    public string? HeldFor { get; set; }
    public long? MergedIntoId { get; set; }
    public int Supports { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? OnStageAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    /// <summary>A short written answer for the archive.</summary>
    public string? Answer { get; set; }
}

/// <summary>One person's support of one question (unique: a second support is refused).</summary>
public sealed class QuestionSupport
{
    public long Id { get; set; }
    public long QuestionId { get; set; }
    public required string SupporterKey { get; set; }
    public DateTime SupportedAt { get; set; }
}

/// <summary>A participant a moderator banned from asking (by sender key, across events).</summary>
public sealed class BannedParticipant
{
    public long Id { get; set; }
    public required string SenderKey { get; set; }
    public required string SenderLabel { get; set; }
    public string? Reason { get; set; }
    public DateTime BannedAt { get; set; }
    public string? BannedBy { get; set; }
}

internal sealed class LiveQuestionConfiguration : IEntityTypeConfiguration<LiveQuestion>, IEntityTypeConfiguration<QuestionSupport>,
    IEntityTypeConfiguration<BannedParticipant>
{
    public void Configure(EntityTypeBuilder<LiveQuestion> e)
    {
        e.ToTable("live_questions");
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ExternalId).HasMaxLength(100);
        e.Property(x => x.SenderKey).HasMaxLength(120);
        e.Property(x => x.SenderLabel).HasMaxLength(100);
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Text).HasMaxLength(LiveQuestion.MaxLength + 10);
        e.Property(x => x.OriginalText).HasMaxLength(2000);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.HeldFor).HasMaxLength(100);
        e.Property(x => x.DecidedBy).HasMaxLength(256);
        e.Property(x => x.Answer).HasMaxLength(2000);
        e.Property(x => x.ReceivedAt).IsUtcTime();
        e.Property(x => x.DecidedAt).IsUtcTime();
        e.Property(x => x.OnStageAt).IsUtcTime();
        e.Property(x => x.AnsweredAt).IsUtcTime();
        e.HasIndex(x => new { x.Channel, x.ExternalId }).IsUnique();
        e.HasIndex(x => new { x.EventId, x.State, x.Supports });
        e.HasIndex(x => new { x.EventId, x.Id });
        e.HasIndex(x => x.SenderKey);
        e.HasOne<LiveEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<QuestionSupport> e)
    {
        e.ToTable("live_question_supports");
        e.Property(x => x.SupporterKey).HasMaxLength(120);
        e.Property(x => x.SupportedAt).IsUtcTime();
        e.HasIndex(x => new { x.QuestionId, x.SupporterKey }).IsUnique();
        e.HasOne<LiveQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<BannedParticipant> e)
    {
        e.ToTable("live_banned_participants");
        e.Property(x => x.SenderKey).HasMaxLength(120);
        e.Property(x => x.SenderLabel).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.BannedBy).HasMaxLength(256);
        e.Property(x => x.BannedAt).IsUtcTime();
        e.HasIndex(x => x.SenderKey).IsUnique();
    }
}
