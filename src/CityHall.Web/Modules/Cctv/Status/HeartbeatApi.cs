using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Cctv.Status;

/// <summary>
/// <c>POST /api/v1/cctv/heartbeats</c>: a recorder says which of its cameras are alive, many in one batch, with
/// <c>X-Cctv-Recorder: CODE</c> and <c>X-Cctv-Signature: sha256=HEX</c> (HMAC-SHA256 of the exact body with its key).
/// Body: <c>{"sentAt": "2026-12-06T08:00:00Z", "cameras": ["CAM-…", …]}</c>. A batch is taken whole or not at all:
/// a bad signature, a time far from now, a batch not newer than the last (a replay), or a camera that is not the
/// recorder's is refused with problem+json and changes nothing. Taken: each camera is seen now and silent after the
/// recorder's interval and the grace; an offline camera heard again ends its outage at the next sweep.
/// </summary>
public static class HeartbeatApi
{
    public const string Path = "/api/v1/cctv/heartbeats";
    public const string RecorderHeader = "X-Cctv-Recorder", SignatureHeader = "X-Cctv-Signature";

    /// <param name="SentAt">When the recorder sent the batch (its clock, within the allowed skew of the city hall's).</param>
    /// <param name="Cameras">The codes of its cameras that are alive.</param>
    public sealed record HeartbeatBatch(DateTimeOffset? SentAt, List<string?>? Cameras);

    /// <param name="Accepted">How many cameras were marked seen.</param>
    /// <param name="IntervalSeconds">How often the city hall expects the next batch.</param>
    public sealed record HeartbeatReceipt(int Accepted, int IntervalSeconds);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(WebApplication app) =>
        app.MapPost(Path, async (HttpRequest request, RecorderKeys keys, AppDbContext db, IOptionsMonitor<CctvOptions> options, TimeProvider clock,
            IStringLocalizer<Text> t, CancellationToken ct) =>
        {
            var settings = options.CurrentValue;
            // The body is read whole first: the signature is over its exact bytes.
            var limit = settings.MaxBatch * 64 + 1024;
            if (request.ContentLength > limit) return Problem(StatusCodes.Status413PayloadTooLarge, t["Cctv.Heartbeat.TooLarge", settings.MaxBatch]);
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            if (buffer.Length > limit) return Problem(StatusCodes.Status413PayloadTooLarge, t["Cctv.Heartbeat.TooLarge", settings.MaxBatch]);
            var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);

            if (await keys.VerifyAsync(request.Headers[RecorderHeader], body, request.Headers[SignatureHeader], ct) is not { } recorder)
                return Problem(StatusCodes.Status401Unauthorized, t["Cctv.Heartbeat.BadSignature"]);

            HeartbeatBatch? batch;
            try { batch = JsonSerializer.Deserialize<HeartbeatBatch>(body.Span, Json); }
            catch (JsonException) { batch = null; }
            if (batch is not { SentAt: { } sentAt, Cameras: { Count: > 0 } listed }) return Problem(StatusCodes.Status400BadRequest, t["Cctv.Heartbeat.Malformed"]);
            var codes = listed.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (codes.Count != listed.Count(c => !string.IsNullOrWhiteSpace(c)) || codes.Count == 0 || codes.Any(c => c.Length > 40))
                return Problem(StatusCodes.Status400BadRequest, t["Cctv.Heartbeat.Malformed"]);
            if (codes.Count > settings.MaxBatch) return Problem(StatusCodes.Status413PayloadTooLarge, t["Cctv.Heartbeat.TooLarge", settings.MaxBatch]);

            var now = clock.GetUtcNow().UtcDateTime;
            var sent = sentAt.UtcDateTime;
            var skew = TimeSpan.FromSeconds(settings.ClockSkewSeconds);
            if (sent > now + skew) return Problem(StatusCodes.Status422UnprocessableEntity, t["Cctv.Heartbeat.FromTheFuture"], "future");
            if (sent < now - skew) return Problem(StatusCodes.Status409Conflict, t["Cctv.Heartbeat.Stale"], "stale");

            var silentAfter = now.AddSeconds(recorder.IntervalSeconds + settings.GraceSeconds);
            var recorderId = recorder.Id;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // A replay (or two batches crossing) is caught by the recorder's row: only a newer batch moves it on.
            var newer = await db.Set<CameraRecorder>().Where(r => r.Id == recorderId && (r.LastBatchAt == null || r.LastBatchAt < sent))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.LastBatchAt, sent), ct);
            if (newer == 0) return Problem(StatusCodes.Status409Conflict, t["Cctv.Heartbeat.Replay"], "replay");
            var cameras = db.Set<Camera>().Where(c => c.RecorderId == recorderId && codes.Contains(c.Code) && c.RemovedOn == null);
            var heard = await cameras.Where(c => c.Health != CameraHealth.Offline).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Health, CameraHealth.Online).SetProperty(c => c.LastSeenAt, now).SetProperty(c => c.SilentAfter, silentAfter), ct);
            var back = await cameras.Where(c => c.Health == CameraHealth.Offline).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.LastSeenAt, now).SetProperty(c => c.SilentAfter, silentAfter).SetProperty(c => c.BackAt, c => c.BackAt ?? now), ct);
            if (heard + back != codes.Count)
            {
                await transaction.RollbackAsync(ct);
                var known = await db.Set<Camera>().Where(c => c.RecorderId == recorderId && codes.Contains(c.Code) && c.RemovedOn == null).Select(c => c.Code).ToListAsync(ct);
                var unknown = codes.Except(known, StringComparer.Ordinal).Take(20).ToList();
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: t["Cctv.Heartbeat.UnknownCameras", string.Join(", ", unknown)],
                    extensions: new Dictionary<string, object?> { ["reason"] = "unknown-camera", ["unknown"] = unknown });
            }
            await transaction.CommitAsync(ct);
            return Results.Ok(new HeartbeatReceipt(codes.Count, recorder.IntervalSeconds));
        }).DisableAntiforgery().WithTags("CCTV")
          .WithSummary("A recorder's heartbeat for its cameras (signed with its key: X-Cctv-Recorder, X-Cctv-Signature: sha256=HMAC of the body); 200 with the receipt, or problem+json")
          .Produces<HeartbeatReceipt>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
          .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string title, string? reason = null) =>
        TypedResults.Problem(statusCode: status, title: title, extensions: reason is null ? null : new Dictionary<string, object?> { ["reason"] = reason });
}
