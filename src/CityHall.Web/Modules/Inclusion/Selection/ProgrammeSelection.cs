using System.Security.Cryptography;
using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Programmes;

namespace CityHall.Web.Modules.Inclusion.Selection;

/// <summary>
/// Runs a programme's selection over its verified applications: the places left in each pool (the
/// quota less the places already held) go to the first in the method's order — who are offered them
/// at once — and the rest wait in that order. The run (method, seed, entrants, lists) is stored and
/// published; everything it changes is saved in one transaction.
/// </summary>
public sealed class ProgrammeSelection(AppDbContext db, ApplicationIntake intake, TimeProvider clock, IStringLocalizer<Text> t)
{
    /// <summary>A seed nobody chose: 128 random bits in hex, for draws without a public source of randomness.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Places left per pool ("" when the programme has no pools): the quota less applications holding a place in this round.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PlacesLeftAsync(InclusionProgramme p, ProgrammeVersion v, CancellationToken ct)
    {
        var holding = ApplicationStates.Holding;
        var held = await db.Set<InclusionApplication>().AsNoTracking()
            .Where(a => a.ProgrammeId == p.Id && holding.Contains(a.State) && a.SubmittedAt >= v.OpensAt && a.SubmittedAt < v.ClosesAt)
            .GroupBy(a => a.Pool).Select(g => new { Pool = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Held(string? pool) => held.Where(h => (h.Pool ?? "") == (pool ?? "")).Sum(h => h.Count);
        return v.Pools.Count == 0
            ? new Dictionary<string, int> { [""] = Math.Max(0, v.Quota - Held(null)) }
            : v.Pools.ToDictionary(x => x.Code, x => Math.Max(0, x.Quota - Held(x.Code)));
    }

    public async Task<(SelectionRun? Run, string? Refusal)> RunAsync(InclusionProgramme p, ProgrammeVersion v, string? seed, ApplicationActor actor, CancellationToken ct)
    {
        var entrants = await db.Set<InclusionApplication>()
            .Where(a => a.ProgrammeId == p.Id && a.State == ApplicationState.Verified)
            .OrderBy(a => a.Id).ToListAsync(ct);
        if (entrants.Count == 0) return (null, t["Inclusion.Selection.NoEntrants"]);
        seed = seed?.Trim();
        if (v.Selection == SelectionMethod.Lottery && (string.IsNullOrEmpty(seed) || seed.Length > 200)) return (null, t["Inclusion.Selection.SeedNeeded"]);

        var quotas = await PlacesLeftAsync(p, v, ct);
        var list = entrants.Select(a => new Entrant(a.Reference, a.Pool ?? "", a.SubmittedAt!.Value)).ToList();
        IReadOnlyList<PoolResult> results;
        Dictionary<string, double>? totals = null;
        switch (v.Selection)
        {
            case SelectionMethod.Lottery:
                results = Lottery.Draw(seed!, list, quotas);
                break;
            case SelectionMethod.Score:
                var ids = entrants.Select(a => a.Id).ToList();
                var entries = await db.Set<PanelScoreEntry>().AsNoTracking().Where(s => ids.Contains(s.ApplicationId)).ToListAsync(ct);
                var referenceOf = entrants.ToDictionary(a => a.Id, a => a.Reference);
                var scores = entries.Where(e => !e.Conflict).Select(e => new PanelScore(e.MemberId, referenceOf[e.ApplicationId], e.Scores));
                var conflicts = entries.Where(e => e.Conflict).Select(e => (e.MemberId, referenceOf[e.ApplicationId])).ToHashSet();
                var unscored = entrants.Where(a => !entries.Any(e => e.ApplicationId == a.Id && !e.Conflict)).Select(a => a.Reference).ToList();
                if (unscored.Count > 0) return (null, t["Inclusion.Selection.Unscored", unscored.Count, string.Join(", ", unscored.Take(5))]);
                var scored = Ranking.Score(list, v.Criteria, scores, conflicts);
                totals = scored.ToDictionary(s => s.Entrant.Id, s => s.Total);
                results = Ranking.ByScore(scored, v.Criteria, quotas);
                break;
            default:
                results = Ranking.FirstComeFirstServed(list, quotas);
                break;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var run = new SelectionRun
        {
            ProgrammeId = p.Id, ProgrammeVersion = v.Version, Method = v.Selection, Seed = v.Selection == SelectionMethod.Lottery ? seed : null,
            RunAt = now, RunBy = actor.Id, Results = [.. results],
            Entrants = list.Select(e => new PublishedEntrant(e.Id, e.Pool, e.SubmittedAt, totals?.GetValueOrDefault(e.Id))).ToList(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(run);
        await db.SaveChangesAsync(ct);
        var byReference = entrants.ToDictionary(a => a.Reference);
        var method = t[$"Inclusion.Selection.Short.{v.Selection}"].Value;
        foreach (var pool in results)
        {
            var position = 0;
            foreach (var reference in pool.Selected.Concat(pool.Waitlist))
            {
                var a = byReference[reference];
                a.SelectionRunId = run.Id;
                a.QueuePosition = ++position;
            }
            foreach (var reference in pool.Selected)
            {
                var a = byReference[reference];
                if (await intake.MoveAsync(a, ApplicationState.Ranked, actor, t["Inclusion.Selection.RankedReason", run.Id, method], v.Version, ct) is { } refused
                    || await intake.MoveAsync(a, ApplicationState.Offered, actor, null, v.Version, ct) is { } refusedOffer)
                {
                    await tx.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    return (null, t["Inclusion.Apply.ChangedMeanwhile", reference]);
                }
            }
            foreach (var reference in pool.Waitlist)
            {
                var a = byReference[reference];
                if (await intake.MoveAsync(a, ApplicationState.Waitlisted, actor, t["Inclusion.Selection.WaitlistedReason", run.Id, a.QueuePosition! - pool.Selected.Count], v.Version, ct) is not null)
                {
                    await tx.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                    return (null, t["Inclusion.Apply.ChangedMeanwhile", reference]);
                }
            }
        }
        await tx.CommitAsync(ct);
        return (run, null);
    }
}
