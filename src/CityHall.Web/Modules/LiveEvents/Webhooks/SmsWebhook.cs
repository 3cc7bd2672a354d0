using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using CityHall.Web.Modules.LiveEvents.Questions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.LiveEvents.Webhooks;

/// <summary>
/// Inbound SMS in the form Twilio posts (From, To, Body, MessageSid, ...), checked by
/// X-Twilio-Signature: base64 HMAC-SHA1, keyed with the auth token, over the webhook's configured
/// public URL followed by every posted parameter's name and value sorted by name; compared in
/// constant time. The number texted (To) picks the live event; the sender's number is kept only as
/// a keyed hash. Answers with TwiML: empty (no reply SMS), or with an acknowledgement when
/// <see cref="SmsWebhookOptions.Reply"/> is on.
/// </summary>
public static class SmsWebhook
{
    public const string Path = "/live-events/webhooks/sms";
    private static readonly string NoReply = Twiml(null);

    /// <summary>A TwiML response, with a reply SMS when there is a message.</summary>
    private static string Twiml(string? message)
    {
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement("Response", message is null ? null : new XElement("Message", message)));
        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    public static void Map(WebApplication app) =>
        app.MapPost(Path, async Task<IResult> (HttpRequest request, IOptions<LiveEventsOptions> options, SenderHash hash,
                LiveEventDirectory events, QuestionIntake intake, IStringLocalizer<Text> t, CancellationToken ct) =>
        {
            var token = options.Value.Sms.AuthToken;
            if (string.IsNullOrEmpty(token) || !hash.Configured)
                return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: t["LiveEvents.Webhook.NotConfigured"]);
            if (!request.HasFormContentType)
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: t["LiveEvents.Webhook.FormExpected"]);
            var form = await request.ReadFormAsync(ct);
            var url = options.Value.Sms.PublicUrl is { Length: > 0 } configured ? configured
                : $"{request.PublicOrigin()}{request.PathBase}{request.Path}{request.QueryString}";
            if (!SignatureMatches(token, url, form, request.Headers["X-Twilio-Signature"]))
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: t["LiveEvents.Webhook.BadSignature"]);

            var from = form["From"].ToString();
            var sid = form["MessageSid"].ToString() is { Length: > 0 } messageSid ? messageSid : form["SmsSid"].ToString();
            if (from.Length == 0 || sid.Length is 0 or > 100)
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: t["LiveEvents.Webhook.MissingFields"]);
            if (await events.LiveBySmsNumberAsync(form["To"].ToString(), ct) is not { } ev)
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: t["LiveEvents.Webhook.NoLiveEvent"]);
            var incoming = new IncomingQuestion(ev.Id, QuestionChannel.Sms, sid, hash.PhoneKey(from), SenderHash.PhoneLabel(from), null, form["Body"].ToString(), ShortenLong: true);
            var answer = options.Value.Sms.Reply ? Twiml(t["LiveEvents.Sms.Received"]) : NoReply;
            return await WebhookAnswers.AcceptAsync(intake, incoming, t, () => TypedResults.Text(answer, "text/xml; charset=utf-8"), ct);
        }).DisableAntiforgery().RequireRateLimiting(RateLimits.Webhook)
          .WithTags("Live events").WithSummary("Inbound SMS questions (Twilio-compatible, signed)");

    /// <summary>Twilio's request signature, checked in constant time.</summary>
    public static bool SignatureMatches(string authToken, string url, IFormCollection form, string? signature)
    {
        if (string.IsNullOrEmpty(signature)) return false;
        var expected = Sign(authToken, url, form.SelectMany(p => p.Value.Select(v => (p.Key, v ?? ""))));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), given);
    }

    /// <summary>base64(HMAC-SHA1(token, url + name1 + value1 + name2 + value2 ...)) with parameters sorted by name.</summary>
    public static string Sign(string authToken, string url, IEnumerable<(string Name, string Value)> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
            data.Append(name).Append(value);
        // SHA-1 because Twilio's signature is defined with it; as an HMAC it is still unforgeable without the token.
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}

/// <summary>How the webhooks answer what the intake decided, the same for every channel.</summary>
public static class WebhookAnswers
{
    /// <summary>A webhook answers within this even if the store is slow; the question is queued and written after.</summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromMilliseconds(800);

    public static async Task<IResult> AcceptAsync(QuestionIntake intake, IncomingQuestion incoming, IStringLocalizer<Text> t,
        Func<IResult> accepted, CancellationToken ct)
    {
        IntakeResult result;
        try
        {
            result = await intake.SubmitAsync(incoming, CancellationToken.None).WaitAsync(AnswerWithin, ct);
        }
        catch (TimeoutException)
        {
            return accepted(); // still being written in the background
        }
        return result.Outcome switch
        {
            IntakeOutcome.Stored or IntakeOutcome.Duplicate => accepted(),
            IntakeOutcome.NoEvent => Refuse(StatusCodes.Status404NotFound, t["LiveEvents.Webhook.NoLiveEvent"]),
            IntakeOutcome.NotLive => Refuse(StatusCodes.Status409Conflict, t["LiveEvents.NotLive"]),
            IntakeOutcome.Banned => Refuse(StatusCodes.Status403Forbidden, t["LiveEvents.Banned"]),
            IntakeOutcome.Flooded => Refuse(StatusCodes.Status429TooManyRequests, t["LiveEvents.Flooded"]),
            IntakeOutcome.TooLong => Refuse(StatusCodes.Status422UnprocessableEntity, t["LiveEvents.Question.TooLong", LiveQuestion.MaxLength]),
            _ => Refuse(StatusCodes.Status422UnprocessableEntity, t["LiveEvents.Question.TooShort", LiveQuestion.MinLength]),
        };
    }

    private static ProblemHttpResult Refuse(int status, string title) => TypedResults.Problem(statusCode: status, title: title);
}
