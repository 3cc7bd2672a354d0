using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CityHall.Web.Modules.LiveEvents.Questions;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.LiveEvents.Webhooks;

/// <summary>
/// Posts from any other social network (through a bridge the city runs), as JSON signed with
/// HMAC-SHA256 over the raw body: header <c>X-CityHall-Signature: sha256=&lt;hex&gt;</c>, keyed with
/// LiveEvents:Social:Secret and compared in constant time. The post names the live event by its id
/// or by its hashtag.
/// </summary>
public static class SocialWebhook
{
    public const string Path = "/live-events/webhooks/social";
    public const string SignatureHeader = "X-CityHall-Signature";
    private const int MaxBody = 64 * 1024;

    /// <summary>The post as the bridge sends it.</summary>
    public sealed record SocialPost(string? Network, string? Id, string? Author, string? Text, string? Hashtag, long? EventId);

    public static void Map(WebApplication app) =>
        app.MapPost(Path, async Task<IResult> (HttpRequest request, IOptions<LiveEventsOptions> options, LiveEventDirectory events,
                QuestionIntake intake, IStringLocalizer<Text> t, CancellationToken ct) =>
        {
            if (options.Value.Social.Secret is not { Length: > 0 } secret)
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: t["LiveEvents.Webhook.NotConfigured"]);
            var body = await ReadBodyAsync(request, ct);
            if (body is null) return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: t["LiveEvents.Webhook.TooLarge"]);
            if (!SignatureMatches(secret, body, request.Headers[SignatureHeader]))
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["LiveEvents.Webhook.BadSignature"]);
            SocialPost? post;
            try { post = JsonSerializer.Deserialize<SocialPost>(body, JsonSerializerOptions.Web); }
            catch (JsonException) { post = null; }
            if (post is not { Network.Length: > 0 and <= 30, Id.Length: > 0 and <= 60, Author.Length: > 0 })
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: t["LiveEvents.Webhook.BadPost"]);
            long? eventId = post.EventId ?? (post.Hashtag is { Length: > 0 } tag ? (await events.LiveByHashtagAsync(tag, ct))?.Id : null);
            if (eventId is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["LiveEvents.Webhook.NoLiveEvent"]);
            var network = post.Network.ToLowerInvariant();
            var author = post.Author.Trim();
            var sender = $"social:{network}:{author.ToLowerInvariant()}";
            var incoming = new IncomingQuestion(eventId.Value, QuestionChannel.Social, $"{network}:{post.Id}",
                sender.Length > 120 ? sender[..120] : sender, $"{author} ({post.Network})", null, post.Text ?? "");
            return await WebhookAnswers.AcceptAsync(intake, incoming, t, () => TypedResults.Accepted((string?)null), ct);
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.Webhook)
          .WithTags("Live events").WithSummary("Questions from other social networks (HMAC-SHA256 signed JSON)");

    /// <summary>"sha256=" and the hex HMAC-SHA256 of the raw body, compared in constant time.</summary>
    public static bool SignatureMatches(string secret, byte[] body, string? header)
    {
        if (header is null || !header.StartsWith("sha256=", StringComparison.Ordinal)) return false;
        byte[] given;
        try { given = Convert.FromHexString(header.AsSpan(7)); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body), given);
    }

    public static string Sign(string secret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBody) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
