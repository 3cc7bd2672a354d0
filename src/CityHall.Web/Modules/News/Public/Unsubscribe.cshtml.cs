using CityHall.Web.Modules.News.Subscriptions;

namespace CityHall.Web.Modules.News.Public;

/// <summary>
/// The link at the end of every digest: it stops the digest without signing in. Opening it asks (a mail program
/// that opens links to scan them must not unsubscribe anyone); the button stops it. A link already used says so.
/// </summary>
[AllowAnonymous]
public sealed class UnsubscribeModel(AppDbContext db) : PageModel
{
    public bool Found { get; private set; }
    public bool Stopped { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct) =>
        Found = await db.Set<NewsSubscription>().AnyAsync(s => s.UnsubscribeToken == token, ct);

    public async Task OnPostAsync(string token, CancellationToken ct)
    {
        Stopped = await db.Set<NewsSubscription>().Where(s => s.UnsubscribeToken == token).ExecuteDeleteAsync(ct) > 0;
        Found = Stopped;
    }
}
