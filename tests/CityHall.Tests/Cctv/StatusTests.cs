using System.Net;
using System.Text;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Cctv;
using CityHall.Web.Modules.Cctv.Status;
using CityHall.Web.Platform.Identity;
using CityHall.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Cctv;

/// <summary>Heartbeats from recorders with their keys, refusals that change nothing, and outages found on the app's clock and told once.</summary>
public sealed class StatusTests(CctvApp app) : IClassFixture<CctvApp>
{
    private async Task<(HttpClient Official, string Email, string Recorder, string Key, Camera Jongno, Camera Gangnam)> RecorderWithCamerasAsync()
    {
        var email = $"cctv-{Guid.NewGuid():N}@city.example";
        var official = await app.SignedInStaffAsync(Roles.Official, email, department: "safety");
        var tag = CctvTestData.Unique("S");
        await CctvTestData.ImportAsync(official, CctvTestData.StandardFile(tag));
        var cameras = await app.WithDbAsync(db => db.Set<Camera>().Where(c => c.Address!.Contains(tag)).OrderBy(c => c.Latitude).ToListAsync());
        var recorder = CctvTestData.Unique("NVR");
        var key = await CctvTestData.AddRecorderAsync(official, recorder);
        await CctvTestData.AssignAsync(official, app, recorder, cameras[0].Code, cameras[1].Code);
        return (official, email, recorder, key, cameras[1], cameras[0]);
    }

    private Task<Camera> CameraAsync(int id) => app.WithDbAsync(db => db.Set<Camera>().AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>Outage notices to this official naming this camera (other tests' cameras fall silent too when the clock moves).</summary>
    private Task<int> NoticesToAsync(string email, string camera) => app.WithDbAsync(db => db.Set<InAppNotification>()
        .CountAsync(n => db.Users.Any(u => u.Id == n.UserId && u.Email == email) && n.Link == "/admin/cctv/outages" && n.Body.Contains(camera)));

    private async Task SweepAsync() => await app.Services.GetRequiredService<OutageWatch>().SweepAsync(CancellationToken.None);

    [Fact]
    public async Task A_signed_batch_marks_its_cameras_seen_and_every_bad_batch_is_refused_without_writing()
    {
        var (_, _, recorder, key, jongno, gangnam) = await RecorderWithCamerasAsync();
        var client = app.CreateClient();
        var now = app.Clock.GetUtcNow();
        var ok = await CctvTestData.BeatAsync(client, recorder, key, now, jongno.Code, gangnam.Code);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var receipt = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((2, 30), (receipt.GetProperty("accepted").GetInt32(), receipt.GetProperty("intervalSeconds").GetInt32()));
        var seen = await CameraAsync(jongno.Id);
        Assert.Equal(CameraHealth.Online, seen.Health);
        Assert.Equal(now.UtcDateTime, seen.LastSeenAt);
        Assert.Equal(now.UtcDateTime.AddSeconds(40), seen.SilentAfter); // 30 s interval + 10 s grace

        app.Clock.Advance(TimeSpan.FromSeconds(5));
        var later = app.Clock.GetUtcNow();
        async Task RefusedAsync(HttpResponseMessage response, HttpStatusCode status, string? reason = null)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (reason is not null) Assert.Equal(reason, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("reason").GetString());
        }
        // A bad signature, another key, an unknown recorder, no signature.
        var body = JsonSerializer.SerializeToUtf8Bytes(new { sentAt = later, cameras = new[] { jongno.Code } });
        await RefusedAsync(await CctvTestData.SendAsync(client, recorder, "sha256=" + new string('0', 64), body), HttpStatusCode.Unauthorized);
        await RefusedAsync(await CctvTestData.BeatAsync(client, recorder, key + "x", later, jongno.Code), HttpStatusCode.Unauthorized);
        await RefusedAsync(await CctvTestData.BeatAsync(client, "NVR-NOBODY", key, later, jongno.Code), HttpStatusCode.Unauthorized);
        await RefusedAsync(await CctvTestData.SendAsync(client, recorder, "", body), HttpStatusCode.Unauthorized);
        // Signed but malformed: not JSON, no cameras, a camera twice.
        var notJson = Encoding.UTF8.GetBytes("cameras=all");
        await RefusedAsync(await CctvTestData.SendAsync(client, recorder, RecorderKeys.Sign(key, notJson), notJson), HttpStatusCode.BadRequest);
        await RefusedAsync(await CctvTestData.BeatAsync(client, recorder, key, later), HttpStatusCode.BadRequest);
        await RefusedAsync(await CctvTestData.BeatAsync(client, recorder, key, later, jongno.Code, jongno.Code), HttpStatusCode.BadRequest);
        // A time far in the future, or too old.
        await RefusedAsync(await CctvTestData.BeatAsync(client, recorder, key, later.AddHours(1), jongno.Code), HttpStatusCode.UnprocessableEntity, "future");
        await RefusedAsync(await CctvTestData.BeatAsync(client, recorder, key, later.AddHours(-1), jongno.Code), HttpStatusCode.Conflict, "stale");
        // A camera that is not this recorder's: the whole batch is refused, naming it, and the good camera is not marked.
        var unknown = await CctvTestData.BeatAsync(client, recorder, key, later, jongno.Code, "CAM-NOSUCHCAM");
        await RefusedAsync(unknown, HttpStatusCode.UnprocessableEntity, "unknown-camera");
        Assert.Contains("CAM-NOSUCHCAM", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(now.UtcDateTime, (await CameraAsync(jongno.Id)).LastSeenAt);
        // The same batch twice: the second is a replay.
        Assert.Equal(HttpStatusCode.OK, (await CctvTestData.BeatAsync(client, recorder, key, later, jongno.Code)).StatusCode);
        await RefusedAsync(await CctvTestData.BeatAsync(client, recorder, key, later, jongno.Code), HttpStatusCode.Conflict, "replay");
        Assert.Equal(later.UtcDateTime, (await CameraAsync(jongno.Id)).LastSeenAt);
        Assert.Equal(now.UtcDateTime, (await CameraAsync(gangnam.Id)).LastSeenAt);
        // Nothing was opened by any of it.
        await SweepAsync();
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CameraOutage>().CountAsync(o => o.CameraId == jongno.Id || o.CameraId == gangnam.Id)));
    }

    [Fact]
    public async Task A_silent_camera_opens_one_outage_told_once_to_its_department_which_ends_when_it_is_heard_again()
    {
        var (official, email, recorder, key, jongno, gangnam) = await RecorderWithCamerasAsync();
        var client = app.CreateClient();
        var heardAt = app.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await CctvTestData.BeatAsync(client, recorder, key, heardAt, jongno.Code, gangnam.Code)).StatusCode);

        // 30 s later Gangnam is heard, Jongno is not; still within its grace (30 s + 10 s): online.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await CctvTestData.BeatAsync(client, recorder, key, app.Clock.GetUtcNow(), gangnam.Code)).StatusCode);
        await SweepAsync();
        Assert.Equal(CameraHealth.Online, (await CameraAsync(jongno.Id)).Health);
        // At 45 s it is past: offline, one outage from its last heartbeat, the department told — found within two intervals.
        app.Clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(HttpStatusCode.OK, (await CctvTestData.BeatAsync(client, recorder, key, app.Clock.GetUtcNow(), gangnam.Code)).StatusCode);
        await SweepAsync();
        Assert.Equal(CameraHealth.Offline, (await CameraAsync(jongno.Id)).Health);
        Assert.Equal(CameraHealth.Online, (await CameraAsync(gangnam.Id)).Health);
        var outage = await app.WithDbAsync(db => db.Set<CameraOutage>().SingleAsync(o => o.CameraId == jongno.Id));
        Assert.Equal((heardAt.UtcDateTime, (DateTime?)null, "safety"), (outage.StartedAt, outage.EndedAt, outage.DepartmentCode));
        Assert.True(outage.DetectedAt - outage.StartedAt <= TimeSpan.FromSeconds(60));
        Assert.Equal(1, await NoticesToAsync(email, jongno.Code));

        // Minutes of silence and many sweeps later: still one outage, one message.
        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(2));
            await SweepAsync();
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<CameraOutage>().CountAsync(o => o.CameraId == jongno.Id)));
        Assert.Equal(1, await NoticesToAsync(email, jongno.Code));
        var open = await official.GetPageAsync("/admin/cctv/outages?department=safety");
        Assert.NotNull(open.QuerySelector($"[data-open-outages] [data-outage='{jongno.Code}']"));
        Assert.Equal("Offline", (await official.GetPageAsync($"/admin/cctv/cameras/{jongno.Id}")).QuerySelector("[data-camera-status] [data-health]")!.GetAttribute("data-health"));
        // Whether a crime-prevention camera works is its department's business: another department's official sees neither its status nor its outage.
        var other = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        Assert.Null((await other.GetPageAsync("/admin/cctv/outages?department=safety")).QuerySelector($"[data-outage='{jongno.Code}']"));
        var read = await other.GetPageAsync($"/admin/cctv/cameras/{jongno.Id}");
        Assert.Null(read.QuerySelector("[data-camera-status] [data-health]"));
        Assert.Null(read.QuerySelector("[data-outages]"));
        Assert.Null((await other.GetPageAsync("/admin/cctv?health=Offline")).QuerySelector($"[data-camera='{jongno.Code}']"));

        // Heard again: the outage ends at that heartbeat, the camera is online, nobody is told again.
        var backAt = app.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await CctvTestData.BeatAsync(client, recorder, key, backAt, jongno.Code, gangnam.Code)).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.OK, (await CctvTestData.BeatAsync(client, recorder, key, app.Clock.GetUtcNow(), jongno.Code, gangnam.Code)).StatusCode);
        await SweepAsync();
        Assert.Equal(CameraHealth.Online, (await CameraAsync(jongno.Id)).Health);
        Assert.Equal(backAt.UtcDateTime, await app.WithDbAsync(db => db.Set<CameraOutage>().Where(o => o.Id == outage.Id).Select(o => o.EndedAt).SingleAsync()));
        Assert.Equal(1, await NoticesToAsync(email, jongno.Code));
        var ended = await official.GetPageAsync("/admin/cctv/outages?department=safety");
        Assert.NotNull(ended.QuerySelector($"[data-ended-outages] [data-outage='{jongno.Code}']"));

        // Silent again: a second outage, told again.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await SweepAsync();
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<CameraOutage>().CountAsync(o => o.CameraId == jongno.Id)));
        Assert.Equal(2, await NoticesToAsync(email, jongno.Code));
        // Taken off the recorder: no longer watched, its open outage ends.
        var edit = await official.GetPageAsync($"/admin/cctv/cameras/{jongno.Id}");
        Html.RedirectedTo(await official.SubmitAsync(edit, edit.FilledIn("main form").With(("Input.Recorder", ""))));
        Assert.Equal(CameraHealth.NotReporting, (await CameraAsync(jongno.Id)).Health);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<CameraOutage>().CountAsync(o => o.CameraId == jongno.Id && o.EndedAt == null)));
    }

    [Fact]
    public async Task A_rotated_key_works_beside_the_new_one_for_the_overlap_and_a_retired_recorder_is_refused()
    {
        var (official, _, recorder, key, jongno, _) = await RecorderWithCamerasAsync();
        var client = app.CreateClient();
        var page = await official.GetPageAsync("/admin/cctv/recorders");
        var rotated = await Html.ParseAsync(await official.SubmitAsync(page, [], $"tr[data-recorder='{recorder}'] form[action*='handler=rotate']"));
        var newKey = rotated.QuerySelector("[data-issued-key] [data-key]")!.TextContent;
        Assert.NotEqual(key, newKey);
        // Keys are kept encrypted: neither appears in the database.
        var stored = await app.WithDbAsync(db => db.Set<CameraRecorder>().SingleAsync(r => r.Code == recorder));
        Assert.DoesNotContain(newKey, stored.KeyProtected!);
        Assert.DoesNotContain(key, stored.PreviousKeyProtected!);

        Assert.Equal(HttpStatusCode.OK, (await CctvTestData.BeatAsync(client, recorder, newKey, app.Clock.GetUtcNow(), jongno.Code)).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await CctvTestData.BeatAsync(client, recorder, key, app.Clock.GetUtcNow(), jongno.Code)).StatusCode);
        // After the overlap (60 minutes) only the new key works.
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await CctvTestData.BeatAsync(client, recorder, key, app.Clock.GetUtcNow(), jongno.Code)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CctvTestData.BeatAsync(client, recorder, newKey, app.Clock.GetUtcNow(), jongno.Code)).StatusCode);

        // Another department's official may not rotate or retire it.
        var other = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        var otherPage = await other.GetPageAsync("/admin/cctv/recorders");
        Assert.Null(otherPage.QuerySelector($"tr[data-recorder='{recorder}'] form"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.SubmitAsync(otherPage, [], "form[action='/admin/cctv/recorders']", $"/admin/cctv/recorders?handler=retire&id={stored.Id}")).StatusCode);

        Html.RedirectedTo(await official.SubmitAsync(await official.GetPageAsync("/admin/cctv/recorders"), [], $"tr[data-recorder='{recorder}'] form[action*='handler=retire']"));
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await CctvTestData.BeatAsync(client, recorder, newKey, app.Clock.GetUtcNow(), jongno.Code)).StatusCode);
        Assert.Equal(CameraHealth.NotReporting, (await CameraAsync(jongno.Id)).Health);
    }
}
