using CityHall.Web.Platform.Import;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.Places.Import;

/// <summary>
/// Imports uploaded in admin run here, in the background, so the page can show a progress bar
/// while thousands of rows are read and written. Each import is recorded (<see cref="PlaceImportRun"/>)
/// when it starts and again when it ends, with its summary, and audited. How far a running import
/// is lives in this node's memory; the record says "running" on every node. A run still running
/// after <see cref="InterruptedAfter"/> was interrupted by a restart: it wrote nothing (one transaction).
/// </summary>
public sealed class PlaceImportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PlaceImportJobs> logger, IHostApplicationLifetime lifetime)
{
    public static readonly TimeSpan InterruptedAfter = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, ImportProgress> running = new();
    private readonly ConcurrentDictionary<Guid, Task> tasks = new();

    /// <summary>How far a running import of this node is; null when it is not running here.</summary>
    public ImportProgress? ProgressOf(Guid id) => running.TryGetValue(id, out var p) ? p : null;

    public async Task<Guid> StartAsync(byte[] file, string fileName, string kind, Import.PlaceMapping mapping, string mappingName, string encoding,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var run = new PlaceImportRun
        {
            Id = Guid.NewGuid(), KindCode = kind, FileName = Path.GetFileName(fileName) is { Length: > 0 } name ? name[..Math.Min(name.Length, 260)] : "upload.csv",
            Mapping = mappingName, StartedBy = user.Identity?.Name ?? "", StartedAt = clock.GetUtcNow().UtcDateTime, Status = ImportRunStatus.Running,
        };
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(run);
            await db.SaveChangesAsync(ct);
        }
        running[run.Id] = new ImportProgress(0, 1, false);
        // Not tied to the request: the page that started it has long answered when the import ends.
        tasks[run.Id] = Task.Run(() => RunAsync(run.Id, file, kind, mapping, encoding, user, CultureInfo.CurrentUICulture), lifetime.ApplicationStopping);
        return run.Id;
    }

    /// <summary>Waits for an import of this node to end (tests, shutdown).</summary>
    public Task WhenDoneAsync(Guid id) => tasks.TryGetValue(id, out var task) ? task : Task.CompletedTask;

    private async Task RunAsync(Guid id, byte[] file, string kind, Import.PlaceMapping mapping, string encoding, ClaimsPrincipal user, CultureInfo culture)
    {
        // Reasons are written in the language of the person who uploaded the file.
        CultureInfo.CurrentUICulture = culture;
        var ct = lifetime.ApplicationStopping;
        ImportSummary? summary = null;
        string? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<PlaceImporter>();
            summary = await importer.ImportAsync(new MemoryStream(file, writable: false), kind, mapping, encoding, new Reporter(running, id), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Import {Id} of places failed", id);
            failure = ex.Message;
        }
        catch (OperationCanceledException)
        {
            failure = "stopped";
        }
        try
        {
            await RecordEndAsync(id, summary, failure, user);
        }
        finally
        {
            running.TryRemove(id, out _);
            tasks.TryRemove(id, out _);
        }
    }

    /// <summary>How many times the end of a run is written before giving up, and the pause before each retry.</summary>
    public const int RecordAttempts = 3;
    private static readonly TimeSpan RecordRetryPause = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Writes the run's outcome and its audit entry. The database may be briefly away at that moment
    /// (a failover, a restart): the write is tried again with a pause. When every attempt fails, the
    /// failure is logged with the outcome that was lost; the record then says "running" until it shows
    /// as interrupted, and the places themselves were written or not by the import's own transaction.
    /// </summary>
    private async Task RecordEndAsync(Guid id, ImportSummary? summary, string? failure, ClaimsPrincipal user)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var run = await db.Set<PlaceImportRun>().SingleAsync(r => r.Id == id, CancellationToken.None);
                run.FinishedAt = clock.GetUtcNow().UtcDateTime;
                if (summary is { Succeeded: true })
                {
                    (run.Status, run.Encoding, run.Read, run.Created, run.Updated, run.Unchanged, run.SkippedCount) =
                        (ImportRunStatus.Succeeded, summary.Encoding, summary.Read, summary.Created, summary.Updated, summary.Unchanged, summary.Skipped.Count);
                    run.SkipsJson = JsonSerializer.Serialize(summary.Skipped.Take(PlaceImportRun.MaxSkipsKept));
                }
                else (run.Status, run.Encoding, run.Problem) = summary is null ? (ImportRunStatus.Failed, null, failure) : (ImportRunStatus.Refused, summary.Encoding, summary.Problem);
                await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(user, "places.import", "place-import", id.ToString(),
                    new { run.KindCode, run.FileName, run.Mapping, status = run.Status.ToString(), run.Read, run.Created, run.Updated, run.Unchanged, skipped = run.SkippedCount, run.Problem },
                    CancellationToken.None);
                return;
            }
            catch (Exception ex) when (attempt < RecordAttempts)
            {
                logger.LogWarning(ex, "Recording the end of import {Id} of places failed (attempt {Attempt} of {Attempts}); trying again", id, attempt, RecordAttempts);
                await Task.Delay(RecordRetryPause * attempt, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The background task has no caller to throw to: without this the failure was silent.
                logger.LogError(ex, "Recording the end of import {Id} of places failed {Attempts} times; the run stays 'running' until shown as interrupted. " +
                    "Outcome lost: {Outcome} ({Created} created, {Updated} updated, problem: {Problem})",
                    id, RecordAttempts, summary is null ? "failed" : summary.Succeeded ? "succeeded" : "refused", summary?.Created, summary?.Updated, summary?.Problem ?? failure);
                return;
            }
        }
    }

    /// <summary>Runs where the importer reports, without posting to a synchronization context.</summary>
    private sealed class Reporter(ConcurrentDictionary<Guid, ImportProgress> running, Guid id) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => running[id] = value;
    }
}
