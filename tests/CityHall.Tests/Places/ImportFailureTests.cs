using System.Net;
using System.Text;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Places;
using CityHall.Web.Modules.Places.Import;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CityHall.Tests.Places;

/// <summary>
/// The end of a background import is written in a second step; when that write fails (the database away
/// for a moment) it is tried again, and when it keeps failing the failure is logged, not lost in a task
/// nobody awaits.
/// </summary>
public sealed class ImportFailureTests : IDisposable
{
    private readonly FaultyDatabaseApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_finishing_write_that_fails_once_is_tried_again_and_the_run_is_recorded()
    {
        app.RefuseSaves(1, Finishing);
        var id = await ImportOneToiletAsync();
        var run = await app.WithDbAsync(db => db.Set<PlaceImportRun>().SingleAsync(r => r.Id == id));
        Assert.Equal((ImportRunStatus.Succeeded, 1), (run.Status, run.Created));
        Assert.Single(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_finishing_write_that_keeps_failing_is_logged_as_an_error_with_the_lost_outcome()
    {
        app.RefuseSaves(PlaceImportJobs.RecordAttempts, Finishing);
        var id = await ImportOneToiletAsync();
        var error = Assert.Single(app.Logs.Entries, e => e.Level == LogLevel.Error && e.Category == typeof(PlaceImportJobs).FullName);
        Assert.Contains(id.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("succeeded (1 created", error.Message, StringComparison.Ordinal);
        // The node no longer reports it as running; the record does until it shows as interrupted.
        Assert.Null(app.Services.GetRequiredService<PlaceImportJobs>().ProgressOf(id));
        Assert.Equal(ImportRunStatus.Running, (await app.WithDbAsync(db => db.Set<PlaceImportRun>().SingleAsync(r => r.Id == id))).Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Place>().CountAsync(p => p.Source == "seoul-smart-map")));
    }

    /// <summary>A save that writes the end of a run.</summary>
    private static bool Finishing(DbContext db) =>
        db.ChangeTracker.Entries<PlaceImportRun>().Any(e => e.State == EntityState.Modified && e.Entity.Status != ImportRunStatus.Running);

    /// <summary>Uploads the header and first row of the city's toilets file and waits for the import to end (it must not throw).</summary>
    private async Task<Guid> ImportOneToiletAsync()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official, "places-official@seoul.go.kr");
        var file = Encoding.UTF8.GetBytes(string.Join('\n', File.ReadLines(ImportTests.SeoulToilets, Encoding.GetEncoding(949)).Take(2)) + "\n");
        var form = await staff.GetPageAsync("/admin/places/import");
        var response = await staff.SubmitMultipartAsync(form, new Dictionary<string, string> { ["Input.Kind"] = "public-toilet", ["Input.Mapping"] = "seoul-smart-map-toilets", ["Input.Encoding"] = "auto" },
            [("Input.File", "one-toilet.csv", file, "text/csv")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString["/admin/places/imports/".Length..]);
        await app.Services.GetRequiredService<PlaceImportJobs>().WhenDoneAsync(id);
        Assert.Equal(0, app.RefusalsLeft);
        return id;
    }
}
