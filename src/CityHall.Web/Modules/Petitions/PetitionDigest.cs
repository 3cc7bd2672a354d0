using CityHall.Web.Platform.Hosting;
using CityHall.Web.Platform.Notifications;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Petitions;

/// <summary>
/// Tells a proposal's author and its signers what happened to it (thresholds, forum, closing,
/// answers, follow-ups) through each person's chosen channels and in their language, gathering the
/// news into at most one message per proposal per <see cref="PetitionOptions.NotificationSpacing"/>
/// (a day): whatever happens meanwhile waits for the next message. Runs every few minutes.
/// </summary>
public sealed class PetitionDigest(IServiceScopeFactory scopes, TimeProvider clock, IOptionsMonitor<PetitionOptions> options,
    ILogger<PetitionDigest> logger) : PeriodicJob(logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(5);

    protected override Task RunOnceAsync(CancellationToken ct) => SendAsync(ct);

    /// <summary>Sends every digest that is due; returns how many proposals' news went out.</summary>
    public async Task<int> SendAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var spacing = options.CurrentValue.NotificationSpacing;
        var waiting = await db.Set<Petition>().AsNoTracking()
            .Where(p => db.Set<PetitionEvent>().Any(e => e.PetitionId == p.Id && e.Id > p.NotifiedThroughEventId))
            .Select(p => new { p.Id, p.LastNotifiedAt }).ToListAsync(ct);
        var sent = 0;
        foreach (var p in waiting.Where(p => p.LastNotifiedAt is null || p.LastNotifiedAt.Value + spacing <= now))
        {
            await using var work = scopes.CreateAsyncScope();
            if (await SendOneAsync(work.ServiceProvider, p.Id, now, ct)) sent++;
        }
        return sent;
    }

    private async Task<bool> SendOneAsync(IServiceProvider services, long id, DateTimeOffset now, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var notifier = services.GetRequiredService<Notifier>();
        var t = services.GetRequiredService<IStringLocalizer<Text>>();
        var petition = await db.Set<Petition>().AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Title, p.AuthorId, p.NotifiedThroughEventId }).FirstAsync(ct);
        var news = await db.Set<PetitionEvent>().AsNoTracking()
            .Where(e => e.PetitionId == id && e.Id > petition.NotifiedThroughEventId).OrderBy(e => e.Id).ToListAsync(ct);
        if (news.Count == 0) return false;
        var recipients = await db.Set<PetitionSignature>().AsNoTracking()
            .Where(s => s.PetitionId == id && s.WithdrawnAt == null && s.UserId != null).Select(s => s.UserId!).ToListAsync(ct);
        if (petition.AuthorId is { } author) recipients.Add(author); // the notifier tells each person once

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Claimed first: another node that read the same news finds the mark moved and sends nothing.
        var claimed = await db.Set<Petition>().Where(p => p.Id == id && p.NotifiedThroughEventId == petition.NotifiedThroughEventId)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.NotifiedThroughEventId, news[^1].Id).SetProperty(p => p.LastNotifiedAt, now), ct);
        if (claimed != 1) return false;
        await notifier.ToUsersAsync(recipients, () => (
            t["Petitions.Notify.News.Title", petition.Title].Value,
            string.Join("\n", news.Select(e => "- " + t["Petitions.News." + e.Kind].Value))), $"/petitions/{id}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
