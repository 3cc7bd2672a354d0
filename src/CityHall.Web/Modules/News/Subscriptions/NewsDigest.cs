using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Hosting;
using CityHall.Web.Platform.Notifications;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.News.Subscriptions;

public sealed class NewsOptions
{
    public const string Section = "News";

    /// <summary>The hour of the city's day from which the daily digests go out (8: with the morning's first look at the phone).</summary>
    public int DigestHour { get; set; } = 8;
}

/// <summary>
/// The daily digest: from <see cref="NewsOptions.DigestHour"/> on, each subscriber with posts they follow published
/// since their last digest gets one message — in the app, and by e-mail and text as their account asks — in their
/// language, listing the posts with their links and ending with the unsubscribe link. A subscriber's day is claimed
/// by a conditional update before the message is written, in the same transaction, so two nodes running the job
/// never send two digests in a day and a crash sends none half-way. Runs every ten minutes.
/// </summary>
public sealed class NewsDigest(IServiceScopeFactory scopes, TimeProvider clock, IOptionsMonitor<NewsOptions> options, ILogger<NewsDigest> logger)
    : PeriodicJob(logger)
{
    /// <summary>At most this many posts are listed by name; the rest are counted, with the link to all news.</summary>
    public const int Listed = 20;
    /// <summary>A subscriber silent for longer hears of the last week only (someone back from a long absence).</summary>
    private static readonly TimeSpan LongestLookBack = TimeSpan.FromDays(7);
    /// <summary>
    /// Posts published in the last minutes wait for the next digest: a post's time is taken when it is saved, and its
    /// transaction may commit a moment after a digest has read up to that time — it would never be told otherwise.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(2);

    protected override TimeSpan Period => TimeSpan.FromMinutes(10);

    protected override Task RunOnceAsync(CancellationToken ct) => SendAsync(ct);

    /// <summary>Sends the digests due now; how many went out.</summary>
    public async Task<int> SendAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var cityClock = services.GetRequiredService<CityClock>();
        var local = cityClock.Now;
        if (local.Hour < Math.Clamp(options.CurrentValue.DigestHour, 0, 23)) return 0;
        var today = DateOnly.FromDateTime(local.DateTime);
        var until = clock.GetUtcNow().UtcDateTime - SettleTime;
        var since = until - LongestLookBack;
        var posts = await db.Set<NewsPost>().AsNoTracking().PublishedBy(until).Where(p => p.PublishAt > since)
            .OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id).ToListAsync(ct);
        if (posts.Count == 0) return 0;
        var departments = await db.Set<Department>().AsNoTracking().ToListAsync(ct);

        var sent = 0;
        long after = 0;
        while (true)
        {
            var due = await db.Set<NewsSubscription>().AsNoTracking()
                .Where(s => s.Id > after && (s.LastDigestDay == null || s.LastDigestDay < today) && s.SentThrough < until)
                .OrderBy(s => s.Id).Take(500).ToListAsync(ct);
            if (due.Count == 0) break;
            after = due[^1].Id;
            foreach (var subscription in due)
            {
                var news = posts.Where(p => p.PublishAt > subscription.SentThrough && subscription.Follows(p)).ToList();
                if (news.Count == 0) continue;
                await using var work = scopes.CreateAsyncScope();
                if (await SendOneAsync(work.ServiceProvider, subscription, news, departments, today, until, ct)) sent++;
            }
        }
        return sent;
    }

    private static async Task<bool> SendOneAsync(IServiceProvider services, NewsSubscription subscription, List<NewsPost> news, List<Department> departments,
        DateOnly today, DateTime until,
        CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var notifier = services.GetRequiredService<Notifier>();
        var t = services.GetRequiredService<IStringLocalizer<Text>>();
        var origin = services.GetRequiredService<IOptions<Platform.Web.HostingOptions>>().Value.PublicUri?.GetLeftPart(UriPartial.Authority) ?? "";

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Set<NewsSubscription>()
            .Where(s => s.Id == subscription.Id && (s.LastDigestDay == null || s.LastDigestDay < today) && s.SentThrough == subscription.SentThrough)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastDigestDay, today).SetProperty(s => s.SentThrough, until), ct);
        if (claimed != 1) return false;
        await notifier.ToUserAsync(subscription.UserId, () =>
        {
            var culture = System.Globalization.CultureInfo.CurrentUICulture;
            var lines = news.Take(Listed).Select(p =>
                $"- [{t["News.Kind." + p.Kind]}] {NewsPosts.Title(p, culture)} ({departments.FirstOrDefault(d => d.Code == p.DepartmentCode)?.Name(culture) ?? p.DepartmentCode}) {origin}/news/{p.Id}").ToList();
            if (news.Count > Listed) lines.Add(t["News.Digest.More", news.Count - Listed, $"{origin}/news"]);
            lines.Add("");
            lines.Add(t["News.Digest.Change", $"{origin}/news/subscription"]);
            lines.Add(t["News.Digest.Unsubscribe", $"{origin}/news/unsubscribe/{subscription.UnsubscribeToken}"]);
            return (t["News.Digest.Title", news.Count], string.Join("\n", lines));
        }, "/news", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
