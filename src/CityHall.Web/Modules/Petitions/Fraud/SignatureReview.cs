using System.Globalization;
using System.Net;
using System.Security.Claims;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.Petitions.Fraud;

/// <summary>Which live signatures an administrator means: any of these narrows the set, and at least one is required.</summary>
public sealed record SignatureFilter(long? PetitionId, IPNetwork? Range, string? EmailDomain, DateTimeOffset? From, DateTimeOffset? To, bool FlaggedOnly)
{
    public bool NarrowsSomething => PetitionId is not null || Range is not null || EmailDomain is not null || From is not null || To is not null;
}

/// <summary>How many live signatures a filter matches on one proposal.</summary>
public sealed record MatchCount(long PetitionId, string Title, int Matching, int Supports);

/// <summary>Flagged signatures grouped the ways fraud shows itself: by proposal, network and e-mail domain.</summary>
public sealed record FlaggedSummary(int Total, IReadOnlyList<(string Key, int Count)> ByNetwork, IReadOnlyList<(string Key, int Count)> ByDomain,
    IReadOnlyList<MatchCount> ByPetition);

/// <summary>
/// Administrators' review of signatures: what was flagged, and bulk invalidation by proposal, address
/// range, e-mail domain or time window. Each invalidated signature goes through the signature writer
/// as an Invalidation entry on its proposal's chain (the count drops, the chain still verifies); the
/// whole action is one audit entry with the filter, the reason and the numbers.
/// </summary>
public sealed class SignatureReview(AppDbContext db, SignatureWriter writer, AuditLog audit)
{
    private sealed record Live(long PetitionId, string Commitment, string? ClientIp, string? EmailDomain, DateTimeOffset SignedAt, bool Flagged);

    private async Task<List<Live>> LiveAsync(SignatureFilter filter, CancellationToken ct)
    {
        var query = db.Set<PetitionSignature>().AsNoTracking().Where(s => s.WithdrawnAt == null);
        if (filter.FlaggedOnly) query = query.Where(s => s.Flagged);
        if (filter.PetitionId is { } id) query = query.Where(s => s.PetitionId == id);
        if (filter.EmailDomain is { } domain) query = query.Where(s => s.EmailDomain == domain);
        var rows = await query.Select(s => new Live(s.PetitionId, s.Commitment, s.ClientIp, s.EmailDomain, s.SignedAt, s.Flagged)).ToListAsync(ct);
        // Address ranges and times are compared here: SQLite has neither network types nor DateTimeOffset comparison.
        return rows.Where(s => (filter.From is not { } from || s.SignedAt >= from) && (filter.To is not { } to || s.SignedAt < to)
                && (filter.Range is not { } range || (IPAddress.TryParse(s.ClientIp, out var ip) && range.Contains(RequestOrigin.Normalize(ip)!))))
            .ToList();
    }

    public async Task<IReadOnlyList<MatchCount>> MatchAsync(SignatureFilter filter, CancellationToken ct = default) =>
        await CountByPetitionAsync(await LiveAsync(filter, ct), ct);

    private async Task<IReadOnlyList<MatchCount>> CountByPetitionAsync(List<Live> rows, CancellationToken ct)
    {
        var counts = rows.GroupBy(r => r.PetitionId).ToDictionary(g => g.Key, g => g.Count());
        var ids = counts.Keys.ToList();
        var petitions = await db.Set<Petition>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.SignatureCount }).ToListAsync(ct);
        return petitions.Select(p => new MatchCount(p.Id, p.Title, counts[p.Id], p.SignatureCount)).OrderByDescending(m => m.Matching).ToList();
    }

    public async Task<FlaggedSummary> FlaggedAsync(CancellationToken ct = default)
    {
        var flagged = await LiveAsync(new(null, null, null, null, null, FlaggedOnly: true), ct);
        static List<(string, int)> Top(IEnumerable<string?> keys) =>
            keys.GroupBy(k => k ?? "").Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).Take(20).ToList();
        return new(flagged.Count, Top(flagged.Select(f => NetworkOf(f.ClientIp))), Top(flagged.Select(f => f.EmailDomain)),
            (await CountByPetitionAsync(flagged, ct)).Take(20).ToList());
    }

    /// <summary>The /24 (IPv4) or /64 (IPv6) an address belongs to: the unit a household or an office usually has.</summary>
    public static string? NetworkOf(string? address)
    {
        if (!IPAddress.TryParse(address, out var ip)) return null;
        ip = RequestOrigin.Normalize(ip)!;
        var prefix = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 24 : 64;
        var bytes = ip.GetAddressBytes();
        for (var bit = prefix; bit < bytes.Length * 8; bit++) bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        return new IPNetwork(new IPAddress(bytes), prefix).ToString();
    }

    /// <summary>Invalidates every live signature the filter matches; returns how many were invalidated.</summary>
    public async Task<int> InvalidateAsync(SignatureFilter filter, string reason, ClaimsPrincipal administrator, CancellationToken ct = default)
    {
        var rows = await LiveAsync(filter, ct);
        var results = await Task.WhenAll(rows.Select(r => writer.InvalidateAsync(r.PetitionId, r.Commitment, ct)));
        var done = results.Count(r => r.Outcome == SignOutcome.Invalidated);
        var byPetition = rows.Zip(results).Where(x => x.Second.Outcome == SignOutcome.Invalidated)
            .GroupBy(x => x.First.PetitionId).ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Count());
        await audit.RecordAsync(administrator, "petition.signatures.invalidated", "PetitionSignatures", filter.PetitionId?.ToString(CultureInfo.InvariantCulture),
            new
            {
                reason,
                filter = new
                {
                    petition = filter.PetitionId, range = filter.Range?.ToString(), domain = filter.EmailDomain,
                    from = filter.From, to = filter.To, flaggedOnly = filter.FlaggedOnly,
                },
                invalidated = done,
                byPetition,
            }, ct);
        return done;
    }
}
