using CityHall.Web.Modules.LiveEvents.Live;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.LiveEvents.Questions;

/// <summary>A question as a channel hands it over, before the rules every channel shares.</summary>
/// <param name="ShortenLong">
/// For channels whose sender cannot be told "too long" (SMS, a social-media post): an over-long text
/// is cut to the limit, its whole kept for the moderator, and it waits for review.
/// </param>
public sealed record IncomingQuestion(long EventId, QuestionChannel Channel, string ExternalId, string SenderKey,
    string SenderLabel, string? UserId, string Text, bool ShortenLong = false);

public enum IntakeOutcome { Stored, Duplicate, NoEvent, NotLive, Empty, TooShort, TooLong, Banned, Flooded }

public sealed record IntakeResult(IntakeOutcome Outcome, long? QuestionId = null, bool Held = false)
{
    public bool Accepted => Outcome is IntakeOutcome.Stored or IntakeOutcome.Duplicate;
}

/// <summary>
/// The one way in for questions from every channel: the event must be live, the text 2–300
/// characters, the sender neither banned nor flooding; a question seen before (same channel and
/// external id) is not stored again; one that contains a word of the event's hold list waits for a
/// moderator as "held". Moderators hear of every stored question at once.
/// </summary>
public sealed class QuestionIntake(LiveEventDirectory events, QuestionWriter writer, QuestionFloodLimiter flood,
    BannedParticipants bans, LiveUpdates updates, TimeProvider clock, IServiceScopeFactory scopes)
{
    /// <summary>What a shortened question is held for (instead of a hold-list word).</summary>
    public const string TooLongMark = "300+";

    public async Task<IntakeResult> SubmitAsync(IncomingQuestion incoming, CancellationToken ct = default)
    {
        var text = Clean(incoming.Text);
        string? whole = null;
        if (text.Length == 0) return new(IntakeOutcome.Empty);
        if (text.Length < LiveQuestion.MinLength) return new(IntakeOutcome.TooShort);
        if (text.Length > LiveQuestion.MaxLength)
        {
            if (!incoming.ShortenLong) return new(IntakeOutcome.TooLong);
            whole = text.Length > 2000 ? text[..2000] : text;
            text = text[..(LiveQuestion.MaxLength - 1)] + "…";
        }
        if (await events.FindAsync(incoming.EventId, ct) is not { } ev) return new(IntakeOutcome.NoEvent);
        if (ev.State != LiveEventState.Live) return new(IntakeOutcome.NotLive);
        if (await ExistingAsync(incoming.Channel, incoming.ExternalId, ct) is { } seen) return new(IntakeOutcome.Duplicate, seen);
        if (await bans.IsBannedAsync(incoming.SenderKey, ct)) return new(IntakeOutcome.Banned);
        if (!flood.TryTake(incoming.SenderKey)) return new(IntakeOutcome.Flooded);

        var lower = text.ToLowerInvariant();
        var heldFor = ev.Keywords().FirstOrDefault(lower.Contains) ?? (whole is null ? null : TooLongMark);
        var question = new LiveQuestion
        {
            EventId = ev.Id,
            Channel = incoming.Channel,
            ExternalId = incoming.ExternalId,
            SenderKey = incoming.SenderKey,
            SenderLabel = incoming.SenderLabel.Trim() is { Length: > 0 } label ? label[..Math.Min(label.Length, 100)] : "—",
            UserId = incoming.UserId,
            Text = text,
            OriginalText = whole,
            State = heldFor is null ? QuestionState.Pending : QuestionState.Held,
            HeldFor = heldFor,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        };
        try
        {
            await writer.WriteAsync(question, ct);
        }
        catch (Exception ex)
        {
            // Not stored by this delivery: its place in the sender's questions a minute is theirs again. Someone told
            // "try again" because the database was away must not be told "too many questions" when they do.
            flood.GiveBack(incoming.SenderKey);
            // Delivered twice at the same moment: the other delivery stored it.
            if (ex is DbUpdateException && await ExistingAsync(incoming.Channel, incoming.ExternalId, ct) is { } other) return new(IntakeOutcome.Duplicate, other);
            throw;
        }
        updates.QuestionChanged(question, decided: false);
        return new(IntakeOutcome.Stored, question.Id, heldFor is not null);
    }

    /// <summary>Whitespace runs made one space, control characters dropped.</summary>
    public static string Clean(string? text) =>
        string.Concat(string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Where(c => !char.IsControl(c)));

    private async Task<long?> ExistingAsync(QuestionChannel channel, string externalId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Set<LiveQuestion>().AsNoTracking().Where(q => q.Channel == channel && q.ExternalId == externalId)
            .Select(q => (long?)q.Id).FirstOrDefaultAsync(ct);
        return id;
    }
}

/// <summary>
/// Questions per sender per minute (a person, a phone, a social account), on top of the per-address
/// request limit: someone who floods from many addresses is still one sender. Counted per node, in
/// windows of a minute from a sender's first question; a question that took a place and was not stored
/// gives it back. Senders whose window has ended are dropped once a minute, so the table holds only
/// the last minute's senders.
/// </summary>
public sealed class QuestionFloodLimiter(IOptions<LiveEventsOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SenderWindow> senders = new(StringComparer.Ordinal);
    private long sweptAt = clock.GetTimestamp();

    private sealed class SenderWindow(long startedAt)
    {
        public long StartedAt = startedAt;
        public int Taken;
        public bool Dropped; // removed by a sweep while a question was on its way: that question starts a new one
    }

    /// <summary>How many senders are counted now (the last minute's).</summary>
    public int Senders => senders.Count;

    public bool TryTake(string senderKey)
    {
        var now = clock.GetTimestamp();
        SweepWhenDue(now);
        var limit = Math.Max(1, options.Value.QuestionsPerMinute);
        while (true)
        {
            var window = senders.GetOrAdd(senderKey, static (_, at) => new SenderWindow(at), now);
            lock (window)
            {
                if (window.Dropped) continue;
                if (clock.GetElapsedTime(window.StartedAt, now) >= Window) (window.StartedAt, window.Taken) = (now, 0);
                if (window.Taken >= limit) return false;
                window.Taken++;
                return true;
            }
        }
    }

    /// <summary>A question that took a place was not stored (the database was away, a duplicate): the sender may use it again.</summary>
    public void GiveBack(string senderKey)
    {
        if (!senders.TryGetValue(senderKey, out var window)) return;
        lock (window)
            if (window.Taken > 0) window.Taken--;
    }

    private void SweepWhenDue(long now)
    {
        var last = Interlocked.Read(ref sweptAt);
        if (clock.GetElapsedTime(last, now) < Window || Interlocked.CompareExchange(ref sweptAt, now, last) != last) return;
        foreach (var (key, window) in senders)
        {
            lock (window)
            {
                if (clock.GetElapsedTime(window.StartedAt, now) < Window) continue;
                window.Dropped = true;
            }
            senders.TryRemove(new(key, window));
        }
    }
}

/// <summary>
/// Who may not ask. Bans are few and questions many: the whole list is kept in memory and read again
/// every few seconds (a ban made on this node counts at once, one made on another within seconds),
/// so a question costs no lookup in the database.
/// </summary>
public sealed class BannedParticipants(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim reading = new(1, 1);
    private volatile HashSet<string> banned = [];
    private long readAt = long.MinValue;

    public async Task<bool> IsBannedAsync(string senderKey, CancellationToken ct = default)
    {
        if (Interlocked.Read(ref readAt) == long.MinValue || clock.GetElapsedTime(Interlocked.Read(ref readAt)) > Freshness)
            await ReadAsync(ct);
        return banned.Contains(senderKey);
    }

    /// <summary>A ban was made here: the next question reads the list again.</summary>
    public void Forget() => Interlocked.Exchange(ref readAt, long.MinValue);

    public void Dispose() => reading.Dispose();

    private async Task ReadAsync(CancellationToken ct)
    {
        await reading.WaitAsync(ct);
        try
        {
            if (Interlocked.Read(ref readAt) != long.MinValue && clock.GetElapsedTime(Interlocked.Read(ref readAt)) <= Freshness) return;
            await using var scope = scopes.CreateAsyncScope();
            var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<BannedParticipant>().AsNoTracking()
                .Select(b => b.SenderKey).ToListAsync(ct);
            banned = [.. keys];
            Interlocked.Exchange(ref readAt, clock.GetTimestamp());
        }
        finally { reading.Release(); }
    }
}
