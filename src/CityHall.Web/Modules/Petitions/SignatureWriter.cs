using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Petitions;

public enum SignOutcome { Accepted, Withdrawn, AlreadySigned, NotSigned, NotOpen, NotFound }

/// <summary>What the signer keeps: the chain entry that recorded their act.</summary>
public sealed record SignatureReceipt(long PetitionId, long Sequence, string Hash);

public sealed record SignResult(SignOutcome Outcome, SignatureReceipt? Receipt = null);

/// <summary>
/// The one way signatures reach the database: a queue drained by a single loop that commits
/// whatever has gathered as one transaction (group commit). Each batch appends the chain entries,
/// inserts the signatures and moves each proposal's count and chain head once, so no row is
/// locked per signature and no count is recomputed. A caller's task completes after the commit.
/// </summary>
public sealed class SignatureWriter(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PetitionOptions> options,
    ILogger<SignatureWriter> logger) : BackgroundService
{
    private const int MaxAttempts = 5;

    private sealed record Request(ChainEntryKind Kind, long PetitionId, string IdentityKey, string? UserId, string? DistrictCode,
        TaskCompletionSource<SignResult> Done);

    private readonly Channel<Request> queue = Channel.CreateBounded<Request>(
        new BoundedChannelOptions(200_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public Task<SignResult> SignAsync(long petitionId, string identityKey, string userId, string? districtCode, CancellationToken ct = default) =>
        EnqueueAsync(ChainEntryKind.Signature, petitionId, identityKey, userId, districtCode, ct);

    public Task<SignResult> WithdrawAsync(long petitionId, string identityKey, CancellationToken ct = default) =>
        EnqueueAsync(ChainEntryKind.Withdrawal, petitionId, identityKey, null, null, ct);

    private async Task<SignResult> EnqueueAsync(ChainEntryKind kind, long petitionId, string identityKey, string? userId, string? district, CancellationToken ct)
    {
        var done = new TaskCompletionSource<SignResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        await queue.Writer.WriteAsync(new Request(kind, petitionId, identityKey, userId, district, done), ct);
        // Once queued the act is committed or refused whatever the caller does; waiting can stop.
        return await done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Request>();
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < options.Value.SignatureBatchSize && queue.Reader.TryRead(out var request)) batch.Add(request);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var results = await WriteBatchAsync(batch, stoppingToken);
                    for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
                    break;
                }
                catch (DbUpdateException ex) when (attempt < MaxAttempts)
                {
                    // Another node moved a chain head between our read and our commit: read again and redo.
                    logger.LogInformation(ex, "Signature batch of {Count} conflicted; retrying", batch.Count);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Signature batch of {Count} failed", batch.Count);
                    foreach (var request in batch) request.Done.TrySetException(ex);
                    break;
                }
            }
        }
    }

    private async Task<SignResult[]> WriteBatchAsync(List<Request> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = SignatureChain.Truncate(clock.GetUtcNow());
        var ids = batch.Select(r => r.PetitionId).Distinct().ToList();
        var petitions = await db.Set<Petition>().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

        // Live signatures of the people in this batch, in one query: a superset (any of these
        // commitments on any of these proposals), narrowed to exact pairs in memory.
        var commitmentOf = new string?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
            if (petitions.TryGetValue(batch[i].PetitionId, out var p)) commitmentOf[i] = SignatureChain.Commitment(p.Salt, batch[i].IdentityKey);
        var commitments = commitmentOf.OfType<string>().Distinct().ToList();
        var live = new Dictionary<(long, string), PetitionSignature>();
        foreach (var s in await db.Set<PetitionSignature>()
                     .Where(s => ids.Contains(s.PetitionId) && s.WithdrawnAt == null && commitments.Contains(s.Commitment)).ToListAsync(ct))
            live[(s.PetitionId, s.Commitment)] = s;

        var results = new SignResult[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var r = batch[i];
            if (!petitions.TryGetValue(r.PetitionId, out var petition)) { results[i] = new(SignOutcome.NotFound); continue; }
            if (petition.Status != PetitionStatus.Collecting || now > petition.SupportDeadline) { results[i] = new(SignOutcome.NotOpen); continue; }
            var commitment = commitmentOf[i]!;
            live.TryGetValue((petition.Id, commitment), out var existing);
            if (r.Kind == ChainEntryKind.Signature && existing is not null)
            {
                results[i] = new(SignOutcome.AlreadySigned, new(petition.Id, existing.Sequence, ""));
                continue;
            }
            if (r.Kind == ChainEntryKind.Withdrawal && existing is null) { results[i] = new(SignOutcome.NotSigned); continue; }

            var entry = Append(db, petition, r.Kind, commitment, now);
            if (r.Kind == ChainEntryKind.Signature)
            {
                var signature = new PetitionSignature
                {
                    PetitionId = petition.Id, Commitment = commitment, UserId = r.UserId, DistrictCode = r.DistrictCode,
                    SignedAt = now, Sequence = entry.Sequence,
                };
                db.Add(signature);
                live[(petition.Id, commitment)] = signature;
                petition.SignatureCount++;
                results[i] = new(SignOutcome.Accepted, new(petition.Id, entry.Sequence, entry.Hash));
            }
            else
            {
                existing!.WithdrawnAt = now;
                live.Remove((petition.Id, commitment));
                petition.SignatureCount--;
                results[i] = new(SignOutcome.Withdrawn, new(petition.Id, entry.Sequence, entry.Hash));
            }
        }
        await db.SaveChangesAsync(ct);
        return results;
    }

    private static PetitionChainEntry Append(AppDbContext db, Petition petition, ChainEntryKind kind, string commitment, DateTimeOffset at)
    {
        var entry = new PetitionChainEntry
        {
            PetitionId = petition.Id, Sequence = petition.ChainLength + 1, Kind = kind, Commitment = commitment,
            At = at, PreviousHash = petition.ChainHead,
        };
        entry.Hash = SignatureChain.HashOf(entry);
        petition.ChainLength = entry.Sequence;
        petition.ChainHead = entry.Hash;
        db.Add(entry);
        return entry;
    }
}
