namespace CityHall.Web.Modules.LiveEvents;

/// <summary>Settings of live events (section "LiveEvents").</summary>
public sealed class LiveEventsOptions
{
    public const string Section = "LiveEvents";

    /// <summary>
    /// The key for hashing senders' phone numbers (base64, 32 bytes or more). A number is stored only
    /// as HMAC-SHA256 under it, so a stolen database does not list who texted; bans and flood limits
    /// still recognise a number that texts again.
    /// </summary>
    public string? SenderHashKey { get; set; }

    /// <summary>Viewers are sent a snapshot at most this often, however many votes and questions arrive.</summary>
    public double SnapshotSeconds { get; set; } = 2;

    /// <summary>
    /// Snapshots that only carry changed counts (votes, questions waiting for review, viewers) go out
    /// at most this often, so they seldom hold back a moderator's decision behind the period above.
    /// </summary>
    public double CountsSeconds { get; set; } = 5;

    /// <summary>A viewing session counts as watching while its last heartbeat is this recent.</summary>
    public int ViewerWindowSeconds { get; set; } = 60;

    /// <summary>Questions one sender may put per minute (web, SMS and social counted together per sender).</summary>
    public int QuestionsPerMinute { get; set; } = 5;

    public SmsWebhookOptions Sms { get; set; } = new();
    public SocialWebhookOptions Social { get; set; } = new();
    public MastodonOptions Mastodon { get; set; } = new();
}

/// <summary>The Twilio-compatible inbound SMS webhook.</summary>
public sealed class SmsWebhookOptions
{
    /// <summary>The account's auth token: the key of X-Twilio-Signature. Without it the webhook refuses everything.</summary>
    public string? AuthToken { get; set; }
    /// <summary>The webhook's public URL exactly as configured at the SMS provider (what the signature covers); without it, the request's own URL.</summary>
    public string? PublicUrl { get; set; }
    /// <summary>
    /// Answer each text taken into the queue with a short acknowledgement (TwiML &lt;Message&gt;, in the
    /// city's default language). Every reply is an outbound SMS the city pays for, so it is off by default.
    /// </summary>
    public bool Reply { get; set; }
}

/// <summary>The generic social-media webhook (HMAC-SHA256 over the raw body).</summary>
public sealed class SocialWebhookOptions
{
    public string? Secret { get; set; }
}

/// <summary>Polling a Mastodon server's public hashtag timeline for live events with a hashtag.</summary>
public sealed class MastodonOptions
{
    /// <summary>The server's base URL ("https://mastodon.social"); empty turns polling off.</summary>
    public string? Server { get; set; }
    public int PollSeconds { get; set; } = 15;
}
