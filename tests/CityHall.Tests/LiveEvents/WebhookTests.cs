using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Modules.LiveEvents.Webhooks;

namespace CityHall.Tests.LiveEvents;

/// <summary>The SMS (Twilio-compatible) and social-media webhooks: signatures, idempotence, refusals.</summary>
public sealed class WebhookTests(LiveEventsApp app) : IClassFixture<LiveEventsApp>
{
    private const string SmsUrl = "http://localhost" + SmsWebhook.Path;

    /// <summary>Twilio's scheme written out here on its own: URL, then each parameter name and value sorted by name, HMAC-SHA1, base64.</summary>
    private static string TwilioSignature(string token, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = url + string.Concat(form.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value));
#pragma warning disable CA5350 // Twilio's scheme
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data)));
#pragma warning restore CA5350
    }

    private static Dictionary<string, string> Sms(string body, string from = "+821012345678", string? sid = null, string to = LiveEventsApp.SmsNumber) => new()
    {
        ["MessageSid"] = sid ?? "SM" + Guid.NewGuid().ToString("N"), ["AccountSid"] = "AC0123456789abcdef", ["From"] = from, ["To"] = to,
        ["Body"] = body, ["NumMedia"] = "0", ["FromCountry"] = "KR",
    };

    private Task<HttpResponseMessage> PostSmsAsync(Dictionary<string, string> form, string? signature = "sign", LiveEventsApp? to = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, SmsWebhook.Path) { Content = new FormUrlEncodedContent(form) };
        if (signature is not null) request.Headers.Add("X-Twilio-Signature", signature == "sign" ? TwilioSignature(LiveEventsApp.SmsToken, SmsUrl, form) : signature);
        return (to ?? app).CreateClient().SendAsync(request);
    }

    /// <summary>The reply SMS a TwiML answer asks the provider to send, if any.</summary>
    private static async Task<string[]> RepliesAsync(HttpResponseMessage response) =>
        [.. XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements("Message").Select(m => m.Value)];

    private sealed class ReplyingApp() : LiveEventsApp(new Dictionary<string, string?> { ["LiveEvents:Sms:Reply"] = "true" });

    [Fact]
    public async Task With_replies_on_a_text_taken_is_acknowledged_by_SMS_and_a_refused_one_is_not()
    {
        using var replying = new ReplyingApp();
        var live = await LiveEventData.EventAsync(replying, sms: "+82215881111");
        var taken = await PostSmsAsync(Sms("<시장님> 공공 자전거 & 버스 환승 할인을 늘려 주세요", to: "+82215881111"), to: replying);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(["질문이 접수되었습니다. 검토를 거쳐 소개될 수 있습니다."], await RepliesAsync(taken)); // the city's default language
        Assert.Contains(await LiveEventData.QuestionsAsync(replying, live), q => q.Text == "<시장님> 공공 자전거 & 버스 환승 할인을 늘려 주세요");
        var refused = await PostSmsAsync(Sms("방송하지 않는 번호로 보낸 문자", to: "+82200001111"), to: replying);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("<Message>", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_signature_is_Twilios_documented_example()
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = "CA1234567890ABCDE", ["Caller"] = "+12349013030", ["Digits"] = "1234", ["From"] = "+12349013030", ["To"] = "+18005551212",
        };
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", SmsWebhook.Sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", form.Select(p => (p.Key, p.Value))));
    }

    [Fact]
    public async Task A_signed_text_is_stored_once_under_a_hashed_number_and_retries_are_not_stored_again()
    {
        var live = await LiveEventData.EventAsync(app, sms: "+82215889999");
        var form = Sms("버스 배차 간격을 줄여 주세요", to: "+82 2-1588-9999");
        var response = await PostSmsAsync(form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await RepliesAsync(response)); // no reply SMS unless configured
        Assert.Equal(HttpStatusCode.OK, (await PostSmsAsync(form)).StatusCode); // Twilio retried
        var retries = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostSmsAsync(form))); // delivered ten times at once
        Assert.All(retries, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var stored = Assert.Single(await LiveEventData.QuestionsAsync(app, live));
        Assert.Equal((QuestionChannel.Sms, form["MessageSid"], "SMS ···5678", QuestionState.Pending), (stored.Channel, stored.ExternalId, stored.SenderLabel, stored.State));
        Assert.StartsWith("sms:", stored.SenderKey);
        Assert.DoesNotContain("12345678", stored.SenderKey);
        Assert.DoesNotContain("1012345678", await app.WithDbAsync(db => Task.FromResult(string.Join("|", db.Set<LiveQuestion>().Select(q => q.SenderKey + q.SenderLabel + q.Text)))));

        // The same phone again is the same sender (so it can be banned or limited), and a long text is cut and held with its whole kept.
        var longText = string.Concat(Enumerable.Repeat("긴 문자 질문입니다. ", 40));
        Assert.Equal(HttpStatusCode.OK, (await PostSmsAsync(Sms(longText, to: "+82215889999"))).StatusCode);
        var second = (await LiveEventData.QuestionsAsync(app, live))[1];
        Assert.Equal(stored.SenderKey, second.SenderKey);
        Assert.Equal((300, QuestionState.Held, QuestionIntake.TooLongMark), (second.Text.Length, second.State, second.HeldFor));
        Assert.Equal(longText.Trim(), second.OriginalText);
    }

    [Fact]
    public async Task Bad_or_missing_signatures_are_refused_and_nothing_is_stored()
    {
        var live = await LiveEventData.EventAsync(app, sms: "+82215887777");
        var form = Sms("서명 없는 문자", to: "+82215887777");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostSmsAsync(form, signature: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostSmsAsync(form, signature: "bm90IGEgc2lnbmF0dXJl")).StatusCode);
        var signedOther = TwilioSignature(LiveEventsApp.SmsToken, SmsUrl, form);
        form["Body"] = "바꿔친 문자";
        Assert.Equal(HttpStatusCode.Forbidden, (await PostSmsAsync(form, signedOther)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostSmsAsync(form, TwilioSignature("another-token", SmsUrl, form))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostSmsAsync(form, TwilioSignature(LiveEventsApp.SmsToken, "https://elsewhere.example/sms", form))).StatusCode);
        Assert.Empty(await LiveEventData.QuestionsAsync(app, live));
    }

    [Fact]
    public async Task Texts_to_no_live_event_empty_texts_and_floods_are_refused_clearly()
    {
        await LiveEventData.EventAsync(app, LiveEventState.Scheduled, sms: "+82215886666");
        var notLive = await PostSmsAsync(Sms("아직 시작 안 한 행사", to: "+82215886666"));
        Assert.Equal(HttpStatusCode.NotFound, notLive.StatusCode);
        Assert.Contains("생방송 중인 행사가 없습니다", await notLive.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await PostSmsAsync(Sms("모르는 번호", to: "+82200000000"))).StatusCode);

        var live = await LiveEventData.EventAsync(app, sms: "+82215885555");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostSmsAsync(Sms("   ", to: "+82215885555"))).StatusCode);
        var missing = Sms("보낸 사람 없음", to: "+82215885555");
        missing.Remove("From");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostSmsAsync(missing)).StatusCode);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await PostSmsAsync(Sms($"도배 문자 {i}", from: "+821099990000", to: "+82215885555"))).StatusCode);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(5, (await LiveEventData.QuestionsAsync(app, live)).Count);
    }

    private Task<HttpResponseMessage> PostSocialAsync(string json, string? signature = "sign")
    {
        var body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, SocialWebhook.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
            request.Headers.Add(SocialWebhook.SignatureHeader, signature == "sign"
                ? "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(LiveEventsApp.SocialSecret), body)) : signature);
        return app.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task Social_posts_signed_over_the_raw_body_reach_the_event_by_hashtag_once()
    {
        var tag = "시민토론" + Guid.NewGuid().ToString("N")[..4];
        var live = await LiveEventData.EventAsync(app, hashtag: tag, sms: null);
        var json = $$"""{"network":"Threads","id":"1789","author":"@seoulite","text":"한강 공원에 그늘을 더 만들어 주세요","hashtag":"#{{tag}}"}""";
        Assert.Equal(HttpStatusCode.Accepted, (await PostSocialAsync(json)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostSocialAsync(json)).StatusCode); // delivered twice
        var stored = Assert.Single(await LiveEventData.QuestionsAsync(app, live));
        Assert.Equal((QuestionChannel.Social, "threads:1789", "@seoulite (Threads)", "social:threads:@seoulite"),
            (stored.Channel, stored.ExternalId, stored.SenderLabel, stored.SenderKey));

        Assert.Equal(HttpStatusCode.Forbidden, (await PostSocialAsync(json, signature: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostSocialAsync(json.Replace("1789", "1790"), signature: "sha256=" + new string('0', 64))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostSocialAsync(json, signature: "sha256=not-hex")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostSocialAsync("""{"text":"no id"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostSocialAsync("not json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostSocialAsync("""{"network":"x","id":"1","author":"a","text":"어느 행사?","hashtag":"없는태그"}""")).StatusCode);
        var ended = await LiveEventData.EventAsync(app, LiveEventState.Ended, sms: null);
        Assert.Equal(HttpStatusCode.Conflict, (await PostSocialAsync($$"""{"network":"x","id":"2","author":"a","text":"끝난 행사","eventId":{{ended}}}""")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostSocialAsync($$"""{"network":"x","id":"3","author":"a","text":"{{new string('가', 301)}}","eventId":{{live}}}""")).StatusCode);
        Assert.Single(await LiveEventData.QuestionsAsync(app, live));
    }
}
