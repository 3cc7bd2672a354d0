using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CityHall.Web.Platform.Notifications;

public interface IEmailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

/// <summary>Sends SMS through a gateway. A city plugs in its provider; the default writes to the pickup folder.</summary>
public interface ISmsSender
{
    Task SendAsync(string phoneNumber, string body, CancellationToken ct);
}

/// <summary>E-mail through MailKit: SMTP when a host is configured, otherwise .eml files in the pickup folder.</summary>
public sealed class MailKitEmailSender(IOptions<NotificationOptions> options, IHostEnvironment env) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var folder = PickupFolder.Resolve(o, env);
            var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, ct);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost, o.SmtpPort, o.SmtpStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(o.SmtpUser))
            await client.AuthenticateAsync(o.SmtpUser, o.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}

/// <summary>Development SMS gateway: one text file per message in the pickup folder.</summary>
public sealed class PickupFolderSmsSender(IOptions<NotificationOptions> options, IHostEnvironment env) : ISmsSender
{
    public Task SendAsync(string phoneNumber, string body, CancellationToken ct)
    {
        var folder = PickupFolder.Resolve(options.Value, env);
        var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.sms.txt");
        return File.WriteAllTextAsync(file, $"To: {phoneNumber}\n\n{body}\n", ct);
    }
}

internal static class PickupFolder
{
    public static string Resolve(NotificationOptions o, IHostEnvironment env)
    {
        var folder = Path.IsPathRooted(o.PickupFolder) ? o.PickupFolder : Path.Combine(env.ContentRootPath, o.PickupFolder);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
