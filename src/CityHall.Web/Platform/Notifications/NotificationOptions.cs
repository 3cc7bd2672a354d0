namespace CityHall.Web.Platform.Notifications;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Sender address of e-mail.</summary>
    public string From { get; set; } = "no-reply@cityhall.example";
    public string FromName { get; set; } = "CityHall";

    /// <summary>SMTP server; when empty, messages are written as .eml files to <see cref="PickupFolder"/>.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public bool SmtpStartTls { get; set; } = true;

    /// <summary>Where e-mail and SMS go when no real gateway is configured (development).</summary>
    public string PickupFolder { get; set; } = "App_Data/pickup";

    public int MaxAttempts { get; set; } = 8;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long a node holds a message it is sending before another node may try it. Longer than a
    /// slow SMTP exchange; if the node dies mid-send the message goes out again after this time.
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);
}
