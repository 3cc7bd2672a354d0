using Microsoft.EntityFrameworkCore.Storage;
using CityHall.Web.Platform.Hosting;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Petitions;

public enum SignOutcome { Accepted, Withdrawn, Invalidated, AlreadySigned, NotSigned, NotOpen, NotFound }

/// <summary>Where a signature came from, kept for fraud review; Flagged when it was part of a burst.</summary>
public sealed record SignatureOrigin(string? ClientIp, string? EmailDomain, bool Flagged);

/// <summary>What the signer keeps: the chain entry that recorded their act.</summary>
public sealed record SignatureReceipt(long PetitionId, long Sequence, string Hash);

public sealed record SignResult(SignOutcome Outcome, SignatureReceipt? Receipt = null);

/// <summary>A sign or withdraw request names the person (IdentityKey); an invalidation names the signature (Commitment). Made by <see cref="SignatureWriter"/>'s methods.</summary>
public sealed record SignatureAct(ChainEntryKind Kind, long PetitionId, string? IdentityKey, string? Commitment, string? UserId, string? DistrictCode,
    SignatureOrigin? Origin);

/// <summary>
/// The one way signatures reach the database: the platform's group commit (one loop commits whatever
/// has gathered as one transaction). Each batch appends the chain entries, inserts the signatures and
/// moves each proposal's count and chain head once, so no row is locked per signature and no count is
/// recomputed. A caller's task completes after the commit. The acts of a batch build on each other
/// (one chain), so a batch another node got in the way of is read again and redone whole.
/// </summary>
public sealed class SignatureWriter(IServiceScopeFactory scopes, TimeProvider clock, IOptions<PetitionOptions> options,
    ILogger<SignatureWriter> logger) : GroupCommitWriter<SignatureAct, SignResult>(logger, BatchFailure.RetryOnConflict, queueCapacity: 200_000)
{
    protected override int BatchSize => options.Value.SignatureBatchSize;

    public Task<SignResult> SignAsync(long petitionId, string identityKey, string userId, string? districtCode, CancellationToken ct = default) =>
        SignAsync(petitionId, identityKey, userId, districtCode, null, ct);

    public Task<SignResult> SignAsync(long petitionId, string identityKey, string userId, string? districtCode, SignatureOrigin? origin,
        CancellationToken ct = default) =>
        EnqueueAsync(new(ChainEntryKind.Signature, petitionId, identityKey, null, userId, districtCode, origin), ct);

    public Task<SignResult> WithdrawAsync(long petitionId, string identityKey, CancellationToken ct = default) =>
        EnqueueAsync(new(ChainEntryKind.Withdrawal, petitionId, identityKey, null, null, null, null), ct);

    /// <summary>An administrator's invalidation of one live signature: an Invalidation entry on the chain, the count down by one. Allowed after the proposal closes.</summary>
    public Task<SignResult> InvalidateAsync(long petitionId, string commitment, CancellationToken ct = default) =>
        EnqueueAsync(new(ChainEntryKind.Invalidation, petitionId, null, commitment, null, null, null), ct);

    protected override async Task<IReadOnlyList<SignResult>> CommitAsync(IReadOnlyList<SignatureAct> batch, CancellationToken ct) =>
        await WriteBatchAsync(batch, ct);

    private async Task<SignResult[]> WriteBatchAsync(IReadOnlyList<SignatureAct> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Platform.Integrity.HashChain.Truncate(clock.GetUtcNow());
        var ids = batch.Select(r => r.PetitionId).Distinct().ToList();
        var petitions = await db.Set<Petition>().AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new PetitionState { Id = p.Id, Status = p.Status, Deadline = p.SupportDeadline, Salt = p.Salt,
                Count = p.SignatureCount, Length = p.ChainLength, Head = p.ChainHead,
                ThresholdReached = p.ThresholdReachedAt != null, ForumOpened = p.ForumOpenedAt != null })
            .ToDictionaryAsync(p => p.Id, ct);
        foreach (var p in petitions.Values) p.LengthRead = p.Length;

        // Live signatures of the people in this batch, in one query by commitment (the unique index's
        // first column), narrowed to these proposals in memory.
        var commitmentOf = new string?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
            if (petitions.TryGetValue(batch[i].PetitionId, out var p))
                commitmentOf[i] = batch[i].Commitment ?? SignatureChain.Commitment(p.Salt, batch[i].IdentityKey!);
        var commitments = commitmentOf.OfType<string>().Distinct().ToList();
        var live = (await db.Set<PetitionSignature>().AsNoTracking()
                .Where(s => commitments.Contains(s.Commitment) && s.WithdrawnAt == null)
                .Select(s => new { s.PetitionId, s.Commitment, s.Sequence })
                .ToListAsync(ct))
            .Where(s => petitions.ContainsKey(s.PetitionId))
            .ToDictionary(s => (s.PetitionId, s.Commitment), s => s.Sequence);

        var results = new SignResult[batch.Count];
        // In chain order, so a sign, withdraw and sign again by one person in one batch is written as it happened.
        var writes = new List<(PetitionChainEntry Entry, PetitionSignature? Signature)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var r = batch[i];
            if (!petitions.TryGetValue(r.PetitionId, out var petition)) { results[i] = new(SignOutcome.NotFound); continue; }
            // Fraud found later is still removed: invalidations do not depend on the proposal being open.
            if (r.Kind != ChainEntryKind.Invalidation && (petition.Status != PetitionStatus.Collecting || now > petition.Deadline))
            {
                results[i] = new(SignOutcome.NotOpen);
                continue;
            }
            var commitment = commitmentOf[i]!;
            var signed = live.TryGetValue((petition.Id, commitment), out var existing);
            if (r.Kind == ChainEntryKind.Signature && signed)
            {
                results[i] = new(SignOutcome.AlreadySigned, new(petition.Id, existing, ""));
                continue;
            }
            if (r.Kind != ChainEntryKind.Signature && !signed) { results[i] = new(SignOutcome.NotSigned); continue; }

            var entry = new PetitionChainEntry
            {
                PetitionId = petition.Id, Sequence = petition.Length + 1, Kind = r.Kind, Commitment = commitment,
                At = now, PreviousHash = petition.Head,
            };
            entry.Hash = SignatureChain.HashOf(entry);
            petition.Length = entry.Sequence;
            petition.Head = entry.Hash;
            if (r.Kind == ChainEntryKind.Signature)
            {
                writes.Add((entry, new PetitionSignature
                {
                    PetitionId = petition.Id, Commitment = commitment, UserId = r.UserId, DistrictCode = r.DistrictCode,
                    SignedAt = now, Sequence = entry.Sequence,
                    ClientIp = r.Origin?.ClientIp, EmailDomain = r.Origin?.EmailDomain, Flagged = r.Origin?.Flagged ?? false,
                }));
                live[(petition.Id, commitment)] = entry.Sequence;
                petition.Count++;
                results[i] = new(SignOutcome.Accepted, new(petition.Id, entry.Sequence, entry.Hash));
            }
            else
            {
                writes.Add((entry, null));
                live.Remove((petition.Id, commitment));
                petition.Count--;
                results[i] = new(r.Kind == ChainEntryKind.Invalidation ? SignOutcome.Invalidated : SignOutcome.Withdrawn,
                    new(petition.Id, entry.Sequence, entry.Hash));
            }
        }
        if (writes.Count > 0)
            await CommitAsync(db, writes, petitions.Values.Where(p => p.Length != p.LengthRead).ToList(), now, options.Value, ct);
        return results;
    }

    /// <summary>
    /// One transaction of prepared statements: far cheaper per row than change tracking, which
    /// matters at thousands of signatures a second. Each proposal's row moves only if its chain
    /// length is still the one read (another node would have changed it): otherwise all is undone and retried.
    /// </summary>
    private static async Task CommitAsync(AppDbContext db, List<(PetitionChainEntry Entry, PetitionSignature? Signature)> writes,
        List<PetitionState> moved, DateTimeOffset now, PetitionOptions rules, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var tx = transaction.GetDbTransaction();

        var rowsPerStatement = RowStatement.RowsPerStatementFor(db);
        await using var entries = new RowStatement(connection, tx, rows =>
            "INSERT INTO petition_chain (\"PetitionId\", \"Sequence\", \"Kind\", \"Commitment\", \"At\", \"PreviousHash\", \"Hash\", \"HashVersion\") VALUES " + rows,
            8, rowsPerStatement);
        await using var signatures = new RowStatement(connection, tx, rows =>
            "INSERT INTO petition_signatures (\"PetitionId\", \"Commitment\", \"UserId\", \"DistrictCode\", \"SignedAt\", \"Sequence\", \"ClientIp\", \"EmailDomain\", \"Flagged\") VALUES " + rows,
            9, rowsPerStatement);
        await using (var withdraw = DbCommands.Prepare(connection, tx,
            "UPDATE petition_signatures SET \"WithdrawnAt\" = @p0, \"InvalidatedAt\" = @p1 WHERE \"PetitionId\" = @p2 AND \"Commitment\" = @p3 AND \"WithdrawnAt\" IS NULL", 4))
        {
            foreach (var (e, signature) in writes)
            {
                await entries.AddAsync(ct, e.PetitionId, e.Sequence, (int)e.Kind, e.Commitment, e.At, e.PreviousHash, e.Hash, e.HashVersion);
                if (signature is { } s)
                    await signatures.AddAsync(ct, s.PetitionId, s.Commitment, s.UserId, s.DistrictCode, s.SignedAt, s.Sequence, s.ClientIp, s.EmailDomain, s.Flagged);
                else
                {
                    // In order: the signature being withdrawn may be one of the rows still waiting.
                    await signatures.FlushAsync(ct);
                    if (await DbCommands.RunAsync(withdraw, ct, now, e.Kind == ChainEntryKind.Invalidation ? now : null, e.PetitionId, e.Commitment) != 1)
                        throw new DbUpdateConcurrencyException("A signature to withdraw was already gone.");
                }
            }
            await entries.FlushAsync(ct);
            await signatures.FlushAsync(ct);
        }
        // Each moved proposal's count and head, only where its chain length is still the one read:
        // fewer rows changed than proposals moved means another node moved one: undo and retry.
        // (VALUES columns are named column1..column5 on both SQLite and PostgreSQL.)
        await using (var heads = new RowStatement(connection, tx, rows =>
            "UPDATE petition_petitions SET \"SignatureCount\" = v.column2, \"ChainLength\" = v.column3, \"ChainHead\" = v.column4 " +
            $"FROM (VALUES {rows}) AS v WHERE \"Id\" = v.column1 AND \"ChainLength\" = v.column5", 5, rowsPerStatement))
        {
            foreach (var p in moved) await heads.AddAsync(ct, p.Id, p.Count, p.Length, p.Head, p.LengthRead);
            await heads.FlushAsync(ct);
            if (heads.Affected != moved.Count)
                throw new DbUpdateConcurrencyException("A proposal's chain moved while this batch was written.");
        }
        // Thresholds are crossed once, in the batch that crosses them (counts only fall by withdrawal,
        // and an answer owed stays owed): the department's answer falls due, the forum opens.
        await using (var answerDue = DbCommands.Prepare(connection, tx,
            "UPDATE petition_petitions SET \"ThresholdReachedAt\" = @p0, \"AnswerDueAt\" = @p1 WHERE \"Id\" = @p2 AND \"ThresholdReachedAt\" IS NULL", 3))
        await using (var forum = DbCommands.Prepare(connection, tx,
            "UPDATE petition_petitions SET \"ForumOpenedAt\" = @p0, \"ForumClosesAt\" = @p1 WHERE \"Id\" = @p2 AND \"ForumOpenedAt\" IS NULL", 3))
        await using (var news = DbCommands.Prepare(connection, tx,
            "INSERT INTO petition_events (\"PetitionId\", \"Kind\", \"At\") VALUES (@p0, @p1, @p2)", 3))
        {
            foreach (var p in moved)
            {
                if (!p.ThresholdReached && p.Count >= rules.SupportThreshold
                    && await DbCommands.RunAsync(answerDue, ct, now, now + rules.DepartmentAnswerWindow, p.Id) == 1)
                    await DbCommands.RunAsync(news, ct, p.Id, nameof(PetitionEventKind.SupportThresholdReached), now);
                if (!p.ForumOpened && p.Count >= rules.ForumThreshold
                    && await DbCommands.RunAsync(forum, ct, now, now + rules.ForumWindow, p.Id) == 1)
                    await DbCommands.RunAsync(news, ct, p.Id, nameof(PetitionEventKind.ForumOpened), now);
            }
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>What the writer needs of a proposal, and where its chain stands during the batch.</summary>
    private sealed class PetitionState
    {
        public long Id { get; init; }
        public PetitionStatus Status { get; init; }
        public DateTimeOffset? Deadline { get; init; }
        public byte[] Salt { get; init; } = [];
        public int Count { get; set; }
        public long Length { get; set; }
        public long LengthRead { get; set; }
        public string Head { get; set; } = "";
        public bool ThresholdReached { get; init; }
        public bool ForumOpened { get; init; }
    }
}
