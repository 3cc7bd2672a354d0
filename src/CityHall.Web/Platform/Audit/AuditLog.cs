using System.Security.Claims;

namespace CityHall.Web.Platform.Audit;

/// <summary>
/// Appends staff actions to the hash-chained audit log. The entry is saved in the same
/// SaveChanges as the caller's pending changes, so an action and its audit entry land together.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock, IHttpContextAccessor http, ILogger<AuditLog> logger)
{
    private const int MaxAttempts = 8;

    /// <param name="details">What changed, as an object written to readable JSON (or a JSON string as is).</param>
    public Task<AuditEntry> RecordAsync(ClaimsPrincipal actor, string action, string targetType, string? targetId,
        object? details = null, CancellationToken ct = default) =>
        RecordAsync(actor.FindFirstValue(ClaimTypes.NameIdentifier), actor.Identity?.Name ?? "system",
            action, targetType, targetId, details as string ?? (details is null ? null : Web.ReadableJson.Serialize(details)), ct);

    /// <summary>Adds the entry and saves every pending change of the context with it.</summary>
    public async Task<AuditEntry> RecordAsync(string? actorId, string actorName, string action, string targetType,
        string? targetId, string? details = null, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = await db.Set<AuditEntry>().AsNoTracking()
                .OrderByDescending(x => x.Sequence)
                .Select(x => new { x.Sequence, x.Hash })
                .FirstOrDefaultAsync(ct);
            var entry = new AuditEntry
            {
                Sequence = (head?.Sequence ?? 0) + 1,
                OccurredAt = Integrity.HashChain.Truncate(clock.GetUtcNow()),
                ActorId = actorId,
                ActorName = actorName,
                Action = action,
                TargetType = targetType,
                TargetId = targetId,
                Details = details,
                PreviousHash = head?.Hash ?? Integrity.HashChain.GenesisHash,
                RequestId = http.HttpContext?.TraceIdentifier is { Length: > 0 } request ? request[..Math.Min(request.Length, 64)] : null,
            };
            entry.Hash = entry.ComputeHash();
            db.Add(entry);
            try
            {
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Audit {Sequence}: {Action} on {TargetType} {TargetId} by {Actor}",
                    entry.Sequence, action, targetType, targetId, actorName);
                return entry;
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && ex is not DbUpdateConcurrencyException)
            {
                // Retry only when another writer took this sequence number. Any other failure (the caller's
                // own rows breaking a rule) would fail the same way every time: it is the caller's to report, once.
                var moved = await db.Set<AuditEntry>().AsNoTracking().AnyAsync(x => x.Sequence >= entry.Sequence, ct);
                if (!moved) throw;
                // The caller's changes are still pending: try again on the new head.
                logger.LogDebug(ex, "Audit head moved while appending; retrying");
                db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            }
        }
    }
}
