using System.Net;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CityHall.Web.Modules.LiveEvents.Questions;
using CityHall.Web.Platform.Hosting;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.LiveEvents.Webhooks;

/// <summary>
/// Reads a Mastodon server's public hashtag timeline (GET /api/v1/timelines/tag/{tag}?min_id=…) for
/// each live event with a hashtag, every LiveEvents:Mastodon:PollSeconds: the statuses newer than
/// the last one read, oldest first, each into the one queue (stored once by server and status id).
/// The first read of an event takes only statuses posted since it went live.
/// </summary>
public sealed partial class MastodonPoller(IHttpClientFactory http, IServiceScopeFactory scopes, QuestionIntake intake,
    IOptions<LiveEventsOptions> options, ILogger<MastodonPoller> logger) : PeriodicJob(logger)
{
    public const string HttpClientName = "mastodon";

    protected override TimeSpan Period => TimeSpan.FromSeconds(Math.Max(2, options.Value.Mastodon.PollSeconds));

    protected override Task RunOnceAsync(CancellationToken ct) => PollOnceAsync(ct);

    /// <summary>One round over the live events; returns how many statuses were read.</summary>
    public async Task<int> PollOnceAsync(CancellationToken ct = default)
    {
        if (!Uri.TryCreate(options.Value.Mastodon.Server, UriKind.Absolute, out var server)) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var events = await db.Set<LiveEvent>().Where(e => e.State == LiveEventState.Live && e.Hashtag != null).ToListAsync(ct);
        var read = 0;
        foreach (var ev in events)
        {
            try { read += await PollEventAsync(server, ev, ct); }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
            {
                logger.LogWarning(ex, "Reading #{Tag} from {Server} failed; trying again next round", ev.Hashtag, server);
            }
            await db.SaveChangesAsync(ct); // the cursor, as far as it got
        }
        return read;
    }

    private async Task<int> PollEventAsync(Uri server, LiveEvent ev, CancellationToken ct)
    {
        var url = new Uri(server, $"/api/v1/timelines/tag/{Uri.EscapeDataString(ev.Hashtag!)}?limit=40"
            + (ev.MastodonMinId is { } since ? "&min_id=" + Uri.EscapeDataString(since) : ""));
        var statuses = await http.CreateClient(HttpClientName).GetFromJsonAsync<List<MastodonStatus>>(url, ct) ?? [];
        // Oldest first, so the cursor only moves past what was stored.
        var ordered = statuses.Where(s => s.Id is { Length: > 0 }).OrderBy(s => s.Id!.Length).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        foreach (var status in ordered)
        {
            if (ev.MastodonMinId is null && ev.WentLiveAt is { } live && status.CreatedAt < live) { ev.MastodonMinId = status.Id; continue; }
            var acct = status.Account?.Acct is { Length: > 0 } a ? (a.Contains('@') ? a : $"{a}@{server.Host}") : "unknown@" + server.Host;
            var result = await intake.SubmitAsync(new IncomingQuestion(ev.Id, QuestionChannel.Mastodon, $"{server.Host}:{status.Id}",
                "mastodon:" + acct.ToLowerInvariant(), "@" + acct, null, PlainText(status.Content), ShortenLong: true), ct);
            if (!result.Accepted) logger.LogInformation("Mastodon status {Id} not taken: {Outcome}", status.Id, result.Outcome);
            ev.MastodonMinId = status.Id;
        }
        return ordered.Count;
    }

    /// <summary>A status's HTML as text: paragraphs and line breaks become spaces, tags go, entities are decoded.</summary>
    public static string PlainText(string? html) =>
        WebUtility.HtmlDecode(Tags().Replace(Breaks().Replace(html ?? "", " "), "")).Trim();

    [GeneratedRegex(@"<br\s*/?>|</p>", RegexOptions.IgnoreCase)] private static partial Regex Breaks();
    [GeneratedRegex(@"<[^>]*>")] private static partial Regex Tags();

    private sealed record MastodonStatus(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("created_at")] DateTime CreatedAt,
        [property: JsonPropertyName("content")] string? Content,
        [property: JsonPropertyName("account")] MastodonAccount? Account);

    private sealed record MastodonAccount([property: JsonPropertyName("acct")] string? Acct);
}
