using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.LiveEvents;

/// <summary>Where an event stands: announced, on air, over, and archived with its recording.</summary>
public enum LiveEventState { Scheduled, Live, Ended, Archived }

/// <summary>How the stream is played: nothing yet, a YouTube live embed, or an HLS playlist played with hls.js.</summary>
public enum StreamKind { None, YouTube, Hls }

/// <summary>Who may put a question: signed-in citizens, or anyone who gives a display name.</summary>
public enum AskPolicy { SignedIn, AnyoneNamed }

/// <summary>
/// A live online event (a mayor's inauguration, a town-hall meeting): what it is in both languages,
/// when, the stream, who may ask and through which channels, and — sampled, not written per join —
/// how many watched.
/// </summary>
public sealed class LiveEvent
{
    public long Id { get; set; }
    public required string TitleKo { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionKo { get; set; }
    public string? DescriptionEn { get; set; }
    /// <summary>Planned start and end (UTC instants).</summary>
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public StreamKind StreamKind { get; set; }
    /// <summary>The YouTube video id or the HLS playlist URL.</summary>
    public string? StreamUrl { get; set; }
    /// <summary>A WebVTT captions track for the HLS player.</summary>
    public string? CaptionsUrl { get; set; }
    public AskPolicy AskPolicy { get; set; }
    /// <summary>The number citizens text questions to (E.164, "+8215880000"); matched against the SMS webhook's To.</summary>
    public string? SmsNumber { get; set; }
    /// <summary>The social-media hashtag for this event, without '#'.</summary>
    public string? Hashtag { get; set; }
    /// <summary>Words that hold a matching question for a moderator's review, one per line.</summary>
    public string? HoldKeywords { get; set; }
    public LiveEventState State { get; set; }
    public string? RecordingUrl { get; set; }
    public DateTime? WentLiveAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>The question on stage now, if any.</summary>
    public long? OnStageQuestionId { get; set; }
    /// <summary>Highest concurrent viewers seen (sampled), by device, and when the total peaked.</summary>
    public int PeakPc { get; set; }
    public int PeakMobile { get; set; }
    public int PeakTotal { get; set; }
    public DateTime? PeakAt { get; set; }
    /// <summary>Distinct viewing sessions over the event, by device.</summary>
    public int TotalPc { get; set; }
    public int TotalMobile { get; set; }
    /// <summary>The newest Mastodon status read for the hashtag (the next poll asks for newer ones).</summary>
    public string? MastodonMinId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>In the reader's language when the event has it (<see cref="LocalizedText.Pick"/>), else Korean.</summary>
    public string Title() => LocalizedText.Pick(CultureInfo.CurrentUICulture, TitleKo, TitleEn ?? "");
    public string? Description() => LocalizedText.Pick(CultureInfo.CurrentUICulture, DescriptionKo ?? "", DescriptionEn ?? "") is { Length: > 0 } d ? d : null;

    /// <summary>The hold list as words, trimmed and lower-cased.</summary>
    public IReadOnlyList<string> Keywords() => (HoldKeywords ?? "")
        .Split(['\n', ',', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(k => k.ToLowerInvariant()).Distinct().ToList();
}

internal sealed class LiveEventConfiguration : IEntityTypeConfiguration<LiveEvent>
{
    public void Configure(EntityTypeBuilder<LiveEvent> e)
    {
        e.ToTable("live_events");
        e.Property(x => x.TitleKo).HasMaxLength(200);
        e.Property(x => x.TitleEn).HasMaxLength(200);
        e.Property(x => x.DescriptionKo).HasMaxLength(4000);
        e.Property(x => x.DescriptionEn).HasMaxLength(4000);
        e.Property(x => x.StartsAt).IsUtcTime();
        e.Property(x => x.EndsAt).IsUtcTime();
        e.Property(x => x.StreamKind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.StreamUrl).HasMaxLength(500);
        e.Property(x => x.CaptionsUrl).HasMaxLength(500);
        e.Property(x => x.AskPolicy).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.SmsNumber).HasMaxLength(20);
        e.Property(x => x.Hashtag).HasMaxLength(100);
        e.Property(x => x.HoldKeywords).HasMaxLength(4000);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.RecordingUrl).HasMaxLength(500);
        e.Property(x => x.WentLiveAt).IsUtcTime();
        e.Property(x => x.EndedAt).IsUtcTime();
        e.Property(x => x.PeakAt).IsUtcTime();
        e.Property(x => x.MastodonMinId).HasMaxLength(64);
        e.Property(x => x.CreatedAt).IsUtcTime();
        e.Property(x => x.UpdatedAt).IsUtcTime();
        e.HasIndex(x => new { x.State, x.StartsAt });
        e.HasIndex(x => x.SmsNumber);
    }
}
