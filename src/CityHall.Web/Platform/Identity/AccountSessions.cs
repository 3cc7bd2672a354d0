using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using CityHall.Web.Platform.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Identity;

/// <summary>
/// One signed-in browser. The sign-in cookie carries the session's id; signing out revokes the row,
/// so a copy of the cookie taken before sign-out stops working on every node (the cookie alone is a
/// bearer token that would otherwise live until it expires).
/// </summary>
public sealed class AccountSession
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Updated at each revalidation (about once a minute of use), so old rows can be cleared.</summary>
    public DateTime LastSeenAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> e)
    {
        e.ToTable("account_sessions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(32);
        e.Property(x => x.UserId).HasMaxLength(450);
        e.HasIndex(x => x.UserId);
        e.HasIndex(x => x.RevokedAt);
        e.HasIndex(x => x.LastSeenAt);
        e.HasOne<CityHallUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The sessions revoked lately, held in memory on each node so that checking a request costs no query:
/// this node's sign-outs at once, other nodes' within <see cref="RevokedSessionsRefresher"/>'s period.
/// An id is kept as long as a cookie issued before its revocation could still be valid.
/// </summary>
public sealed class RevokedSessions
{
    private readonly ConcurrentDictionary<string, DateTime> revoked = new(StringComparer.Ordinal);

    public bool Contains(string sessionId) => revoked.ContainsKey(sessionId);

    public void Add(string sessionId, DateTime revokedAt) => revoked[sessionId] = revokedAt;

    public void ForgetOlderThan(DateTime cutoff)
    {
        foreach (var (id, at) in revoked)
            if (at < cutoff) revoked.TryRemove(id, out _);
    }
}

/// <summary>Reads the sessions other nodes revoked since the last read, and clears rows no cookie can use any more.</summary>
public sealed class RevokedSessionsRefresher(IServiceScopeFactory scopes, RevokedSessions revoked, IOptions<AccountOptions> options,
    TimeProvider clock, ILogger<RevokedSessionsRefresher> logger) : PeriodicJob(logger)
{
    private DateTime since = DateTime.MinValue;
    private DateTime lastCleanup = DateTime.MinValue;

    protected override TimeSpan Period => options.Value.SessionRevocationPeriod;
    protected override bool RunAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var lifetime = options.Value.SessionLifetime;
        // A little overlap with the previous read: a revocation committed just before it may carry an earlier time.
        var from = since == DateTime.MinValue ? now - lifetime : since - TimeSpan.FromSeconds(30);
        var rows = await db.Set<AccountSession>().AsNoTracking().Where(s => s.RevokedAt != null && s.RevokedAt > from)
            .Select(s => new { s.Id, s.RevokedAt }).ToListAsync(ct);
        foreach (var row in rows) revoked.Add(row.Id, row.RevokedAt!.Value);
        since = now;
        revoked.ForgetOlderThan(now - lifetime);

        if (now - lastCleanup > TimeSpan.FromHours(1))
        {
            lastCleanup = now;
            var stale = now - lifetime - TimeSpan.FromDays(1);
            await db.Set<AccountSession>().Where(s => s.LastSeenAt < stale || s.RevokedAt < stale).ExecuteDeleteAsync(ct);
        }
    }
}

/// <summary>Starts, checks and ends sessions; wired into the sign-in cookie's events by <see cref="IdentitySetup"/>.</summary>
public static class SessionTracking
{
    public const string ClaimType = "cityhall:session";

    public static string? SessionId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimType);

    /// <summary>
    /// On every cookie issue: a fresh sign-in gets a new session; a re-issue for the same person in the
    /// same browser (profile saved, two-factor set up) keeps the session it had.
    /// </summary>
    public static async Task OnSigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity) return;
        var userId = identity.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (userId is null) return;
        foreach (var old in identity.FindAll(ClaimType).ToList()) identity.RemoveClaim(old);
        var current = context.HttpContext.User;
        var sessionId = current.FindFirstValue(ClaimTypes.NameIdentifier) == userId ? current.SessionId() : null;
        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (sessionId is null || !await db.Set<AccountSession>().AnyAsync(s => s.Id == sessionId && s.RevokedAt == null))
        {
            sessionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            // Its own context: the request's may hold unsaved changes of the page that signs in.
            await using var scope = context.HttpContext.RequestServices.CreateAsyncScope();
            var own = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            own.Add(new AccountSession { Id = sessionId, UserId = userId, CreatedAt = now, LastSeenAt = now });
            await own.SaveChangesAsync();
        }
        identity.AddClaim(new Claim(ClaimType, sessionId));
    }

    /// <summary>Per request, from memory: a session revoked on this node or read from another one no longer signs anyone in.</summary>
    public static bool IsRevoked(ClaimsPrincipal principal, IServiceProvider services) =>
        principal.SessionId() is { } id && services.GetRequiredService<RevokedSessions>().Contains(id);

    /// <summary>At revalidation (about once a minute of use): the row must exist and be live; its last use is recorded.</summary>
    public static async Task<bool> IsLiveAsync(ClaimsPrincipal principal, IServiceProvider services)
    {
        if (principal.SessionId() is not { } id) return false;
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return await db.Set<AccountSession>().Where(s => s.Id == id && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now)) == 1;
    }

    /// <summary>Ends this browser's session everywhere, then clears its cookie.</summary>
    public static async Task SignOutAsync(HttpContext http, SignInManager<CityHallUser> signIn)
    {
        if (http.User.SessionId() is { } id)
        {
            var (db, revoked, now) = RevocationParts(http.RequestServices);
            await db.Set<AccountSession>().Where(s => s.Id == id && s.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now));
            revoked.Add(id, now);
        }
        await signIn.SignOutAsync();
    }

    /// <summary>"Sign out everywhere": every session of the person, and the security stamp (which also ends other cookies at revalidation).</summary>
    public static async Task SignOutEverywhereAsync(HttpContext http, SignInManager<CityHallUser> signIn, CityHallUser user)
    {
        var (db, revoked, now) = RevocationParts(http.RequestServices);
        await db.Set<AccountSession>().Where(s => s.UserId == user.Id && s.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now));
        // Read back after the update, not before: a session started in between is revoked in the table and
        // must be in this node's memory too (the other nodes read the table).
        foreach (var row in await db.Set<AccountSession>().AsNoTracking().Where(s => s.UserId == user.Id && s.RevokedAt != null)
                     .Select(s => new { s.Id, s.RevokedAt }).ToListAsync())
            revoked.Add(row.Id, row.RevokedAt!.Value);
        await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
    }

    private static (AppDbContext Db, RevokedSessions Revoked, DateTime Now) RevocationParts(IServiceProvider services) =>
        (services.GetRequiredService<AppDbContext>(), services.GetRequiredService<RevokedSessions>(),
            services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    /// <summary>Rejects the cookie and removes it from the browser.</summary>
    public static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
