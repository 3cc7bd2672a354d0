using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.ServiceRequests;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CityHall.Tests.ServiceRequests;

/// <summary>
/// A citizen reports through the pages without JavaScript: service, place by address or point,
/// the service's questions, photos; then tracks, follows, rates and reopens. Public lists and
/// statistics show what they should and nothing private.
/// </summary>
public sealed class ReportPagesTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static byte[] Photo(SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var bitmap = new SKBitmap(320, 240);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(SKColors.DarkGray);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    /// <summary>Steps 1–3 as a browser without JavaScript does them; returns the details page's response to the final POST.</summary>
    internal static async Task<HttpResponseMessage> ReportAsync(HttpClient citizen, string service, string location, Dictionary<string, string> fields,
        params (string Name, byte[] Bytes)[] photos)
    {
        var start = await citizen.GetPageAsync("/reports/new");
        Assert.NotNull(start.QuerySelector($"input[name=service][value={service}]"));
        var details = await citizen.GetPageAsync($"/reports/new/details?service={service}&{location}");
        Assert.NotNull(details.QuerySelector("form[data-report-form]"));
        return await PostDetailsAsync(citizen, details, fields, photos);
    }

    private static async Task<HttpResponseMessage> PostDetailsAsync(HttpClient citizen, IDocument details, Dictionary<string, string> fields, params (string Name, byte[] Bytes)[] photos)
    {
        var form = details.QuerySelector<IHtmlFormElement>("form[data-report-form]")!;
        var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
            if (!fields.ContainsKey(hidden.Name!)) content.Add(new StringContent(hidden.Value), hidden.Name!);
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name.Split('#')[0]);
        foreach (var (name, bytes) in photos)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, "photos", name);
        }
        return await citizen.PostAsync(new Uri(details.Url).PathAndQuery, content);
    }

    internal static string ReferenceOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("?new=true", location, StringComparison.Ordinal);
        return location.Split('/', '?')[2];
    }

    [Fact]
    public async Task A_citizen_reports_by_address_with_a_photo_and_sees_the_reference_and_what_happens_next()
    {
        var citizen = await app.SignedUpCitizenAsync();
        var chosen = await citizen.GetPageAsync("/reports/new/location?service=road-damage");
        Assert.NotNull(chosen.QuerySelector("select[name=district]"));
        // Nothing given: the same page again with an error summary.
        var empty = await citizen.GetPageAsync("/reports/new/location?service=road-damage&go=true&address=");
        Assert.Single(empty.ErrorSummary());
        var next = await citizen.GetAsync("/reports/new/location?service=road-damage&go=true&address=" + Uri.EscapeDataString("세종대로 110 앞") + "&district=11140");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/reports/new/details?service=road-damage", next.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var photo = Photo();
        var response = await ReportAsync(citizen, "road-damage", "address=" + Uri.EscapeDataString("세종대로 110 앞") + "&district=11140", new()
        {
            ["attribute[damage_type]"] = "crack", ["attribute[width_cm]"] = "35", ["Input.Description"] = "횡단보도 앞 도로가 길게 갈라졌습니다.",
            ["Input.IsPublic"] = "true", ["Input.NotifyByEmail"] = "true",
        }, ("crack.jpg", photo));
        var reference = ReferenceOf(response);

        var confirmation = await citizen.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(reference, confirmation.QuerySelector("[data-confirmation] [data-reference]")!.TextContent.Trim());
        Assert.Equal(3, confirmation.QuerySelectorAll("[data-confirmation] ol li").Length);
        Assert.Equal("Received", confirmation.QuerySelector("[data-history] li")!.GetAttribute("data-event"));

        var stored = await app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().Include(r => r.Photos).SingleAsync(r => r.Reference == reference));
        Assert.Equal(("11140", "transport", RequestChannel.Web), (stored.DistrictCode, stored.DepartmentCode, stored.Channel));
        Assert.Equal(["crack", "35"], stored.Attributes.Select(a => a.Value));
        Assert.True(stored.NotifyByEmail);
        var saved = Assert.Single(stored.Photos);
        Assert.NotEqual(photo, saved.Bytes); // re-encoded
        Assert.DoesNotContain("Exif", System.Text.Encoding.ASCII.GetString(saved.Bytes));

        var served = await app.CreateClient().GetAsync($"/reports/{reference}/photos/1");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.True(served.Headers.CacheControl!.Public);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/reports/{reference}/photos/2")).StatusCode);

        // Anyone may look it up; the reporter's own list has it.
        var tracked = await app.CreateClient().GetPageAsync($"/reports/{reference.ToLowerInvariant()}");
        Assert.Contains("길게 갈라졌습니다", tracked.QuerySelector("[data-description]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(tracked.QuerySelector("[data-confirmation]"));
        var mine = await citizen.GetPageAsync("/reports/mine");
        Assert.Contains(reference, mine.QuerySelector("[data-list=reported]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reporting_needs_signing_in_and_bad_input_is_refused_with_an_error_summary_and_nothing_stored()
    {
        var anonymous = await app.CreateBrowserLikeClient().GetAsync("/reports/new");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var citizen = await app.SignedUpCitizenAsync();
        Assert.Equal("/reports/new?missing=true", (await citizen.GetAsync("/reports/new/location?service=no-such")).Headers.Location!.OriginalString);
        Assert.Single((await citizen.GetPageAsync("/reports/new?missing=true")).ErrorSummary());
        Assert.Single((await citizen.GetPageAsync("/reports/new/location?service=noise&go=true&lat=91&long=127")).ErrorSummary());

        var before = await app.WithDbAsync(db => db.Set<ServiceRequest>().CountAsync());
        var details = await citizen.GetPageAsync("/reports/new/details?service=noise&address=" + Uri.EscapeDataString("마포구 월드컵로 1"));
        async Task<string[]> Refused(Dictionary<string, string> fields, params (string, byte[])[] photos)
        {
            var response = await PostDetailsAsync(citizen, details, fields, photos);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Html.ParseAsync(response)).ErrorSummary();
        }
        // No description, no answer to the required question.
        Assert.Equal(2, (await Refused(new() { ["Input.Description"] = "" })).Length);
        Assert.Single(await Refused(new() { ["Input.Description"] = "밤마다 공사 소음이 심합니다.", ["attribute[source]"] = "aliens" }));
        Assert.Single(await Refused(new() { ["Input.Description"] = "밤마다 공사 소음이 심합니다.", ["attribute[source]"] = "construction" },
            ("notes.jpg", "not a picture at all"u8.ToArray())));
        Assert.Single(await Refused(new() { ["Input.Description"] = "밤마다 공사 소음이 심합니다.", ["attribute[source]"] = "construction" },
            ("1.jpg", Photo()), ("2.jpg", Photo()), ("3.jpg", Photo()), ("4.jpg", Photo())));
        Assert.Single(await Refused(new() { ["Input.Description"] = "밤마다 공사 소음이 심합니다.", ["attribute[source]"] = "construction", ["attribute[heard_at]"] = "last night" }));
        Assert.Equal(before, await app.WithDbAsync(db => db.Set<ServiceRequest>().CountAsync()));

        // A PNG and a WebP are photos too.
        var ok = await PostDetailsAsync(citizen, details, new() { ["Input.Description"] = "밤마다 공사 소음이 심합니다.", ["attribute[source]"] = "construction",
            ["attribute[heard_at]"] = "2026-11-26T23:30" }, ("a.png", Photo(SKEncodedImageFormat.Png)), ("b.webp", Photo(SKEncodedImageFormat.Webp)));
        Assert.True(ok.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", (await Html.ParseAsync(ok)).ErrorSummary()));
        var reference = ReferenceOf(ok);
        var stored = await app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().Include(r => r.Photos).SingleAsync(r => r.Reference == reference));
        Assert.Equal(2, stored.Photos.Count);
        Assert.Equal("11440", stored.DistrictCode); // "마포구" read from the address
    }

    [Fact]
    public async Task Open_reports_within_50_metres_are_offered_and_this_is_mine_too_follows_one()
    {
        var first = await app.SignedUpCitizenAsync();
        var reference = ReferenceOf(await ReportAsync(first, "illegal-parking", "lat=37.50001&long=127.03001", new()
        {
            ["Input.Description"] = "소화전 앞에 차량이 계속 주차되어 있습니다.", ["Input.IsPublic"] = "true",
        }));

        var second = await app.SignedUpCitizenAsync();
        // About 22 m north: offered. About 220 m: not.
        var near = await second.GetPageAsync("/reports/new/details?service=illegal-parking&lat=37.50021&long=127.03001");
        Assert.Equal(reference, near.QuerySelector("[data-nearby] [data-nearby-reference]")!.GetAttribute("data-nearby-reference"));
        var far = await second.GetPageAsync("/reports/new/details?service=illegal-parking&lat=37.50201&long=127.03001");
        Assert.Null(far.QuerySelector("[data-nearby]"));
        // Another service at the same point: not the same problem.
        Assert.Null((await second.GetPageAsync("/reports/new/details?service=litter&lat=37.50001&long=127.03001")).QuerySelector("[data-nearby]"));

        var followed = await second.SubmitAsync(near, [], "[data-nearby] form");
        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        var page = await second.GetPageAsync($"/reports/{reference}");
        Assert.NotNull(page.QuerySelector("[data-following]"));
        Assert.Contains(reference, (await second.GetPageAsync("/reports/mine")).QuerySelector("[data-list=followed]")!.TextContent, StringComparison.Ordinal);
        // Following twice changes nothing; the reporter cannot follow their own.
        await second.SubmitAsync(near, [], "[data-nearby] form");
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<ServiceRequestFollower>()
            .CountAsync(f => db.Set<ServiceRequest>().Any(r => r.Id == f.RequestId && r.Reference == reference))));
        Assert.Null((await first.GetPageAsync($"/reports/{reference}")).QuerySelector("form[action*='handler=Follow']"));
    }

    [Fact]
    public async Task A_point_outside_the_city_is_refused_at_the_location_step_and_at_the_details_step()
    {
        var citizen = await app.SignedUpCitizenAsync();
        var location = await citizen.GetPageAsync("/reports/new/location?service=road-damage&lat=0&long=0&go=true");
        Assert.Contains(location.ErrorSummary(), e => e.Contains("관할 구역 밖", StringComparison.Ordinal));
        var details = await citizen.GetAsync("/reports/new/details?service=road-damage&lat=0&long=0");
        Assert.Equal(HttpStatusCode.Redirect, details.StatusCode);
        Assert.StartsWith("/reports/new/location", details.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_report_shows_its_stage_to_the_reference_holder_and_its_content_only_to_the_reporter()
    {
        var reporter = await app.SignedUpCitizenAsync();
        var reference = ReferenceOf(await ReportAsync(reporter, "women-safety", "address=" + Uri.EscapeDataString("관악구 신림로 1 골목"), new()
        {
            ["Input.Description"] = "골목 가로등이 꺼져 있고 수상한 카메라가 있습니다.", ["Input.IsPublic"] = "false",
        }, ("x.jpg", Photo())));

        var stranger = await app.SignedUpCitizenAsync();
        var seen = await stranger.GetPageAsync($"/reports/{reference}");
        Assert.NotNull(seen.QuerySelector("[data-status]"));
        Assert.NotNull(seen.QuerySelector("[data-private-note]"));
        Assert.Null(seen.QuerySelector("[data-description]"));
        Assert.DoesNotContain("수상한 카메라", seen.Source.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/reports/{reference}/photos/1")).StatusCode);
        var own = await reporter.GetAsync($"/reports/{reference}/photos/1");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True(own.Headers.CacheControl!.Private);
        Assert.NotNull((await reporter.GetPageAsync($"/reports/{reference}")).QuerySelector("[data-description]"));

        Assert.DoesNotContain(reference, (await app.CreateClient().GetPageAsync("/reports?service=women-safety")).Source.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/open311/v2/requests/{reference}.json?jurisdiction_id=seoul.go.kr")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/reports/260101-AAAA-BBBB")).StatusCode);
    }

    [Fact]
    public async Task After_closing_the_reporter_rates_once_and_may_reopen_once_with_a_reason()
    {
        var reporter = await app.SignedUpCitizenAsync();
        var reference = ReferenceOf(await ReportAsync(reporter, "sewer", "address=" + Uri.EscapeDataString("성북구 보문로 10"), new()
        {
            ["Input.Description"] = "하수구에서 악취가 심하게 납니다.", ["Input.IsPublic"] = "true",
        }));
        var open = await reporter.GetPageAsync($"/reports/{reference}");
        Assert.Null(open.QuerySelector("form[action*='handler=Rate']"));
        Assert.Null(open.QuerySelector("form[action*='handler=Reopen']"));

        await app.WithDbAsync(db => db.Set<ServiceRequest>().Where(r => r.Reference == reference).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, RequestStatus.Resolved).SetProperty(r => r.ClosedAt, DateTime.UtcNow)));
        var closed = await reporter.GetPageAsync($"/reports/{reference}");
        var noRating = await Html.ParseAsync(await reporter.SubmitAsync(closed, [], "form[action*='handler=Rate']"));
        Assert.Single(noRating.ErrorSummary());
        var rated = await reporter.SubmitAsync(closed, new Dictionary<string, string> { ["Rating"] = "2", ["RatingComment"] = "아직 냄새가 납니다." }, "form[action*='handler=Rate']");
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var afterRating = await reporter.GetPageAsync($"/reports/{reference}");
        Assert.Null(afterRating.QuerySelector("form[action*='handler=Rate']"));
        Assert.NotNull(afterRating.QuerySelector("[data-rating]"));
        // Someone else cannot rate or reopen it.
        var stranger = await app.SignedUpCitizenAsync();
        var strangersForm = await stranger.GetPageAsync("/reports/new/details?service=sewer&address=x");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.SubmitAsync(strangersForm, new Dictionary<string, string> { ["ReopenReason"] = "x" },
            "form[data-report-form]", $"/reports/{reference}?handler=Reopen")).StatusCode);

        var reopened = await reporter.SubmitAsync(afterRating, new Dictionary<string, string> { ["ReopenReason"] = "악취가 그대로입니다." }, "form[action*='handler=Reopen']");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var stored = await app.WithDbAsync(db => db.Set<ServiceRequest>().AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Reference == reference));
        Assert.Equal((2, RequestStatus.InProgress, "악취가 그대로입니다."), (stored.Rating, stored.Status, stored.ReopenReason));
        Assert.Equal([CaseEventKind.Received, CaseEventKind.Rated, CaseEventKind.Reopened], stored.Events.OrderBy(e => e.Id).Select(e => e.Kind));

        // Closed again: no second reopening.
        await app.WithDbAsync(db => db.Set<ServiceRequest>().Where(r => r.Reference == reference).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RequestStatus.Closed)));
        Assert.Null((await reporter.GetPageAsync($"/reports/{reference}")).QuerySelector("form[action*='handler=Reopen']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await reporter.SubmitAsync(afterRating, new Dictionary<string, string> { ["ReopenReason"] = "또" },
            "form[action*='handler=Reopen']")).StatusCode);
    }

    [Fact]
    public async Task The_public_list_filters_and_the_statistics_count_medians_and_deadlines()
    {
        var citizen = await app.SignedUpCitizenAsync();
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
            references.Add(ReferenceOf(await ReportAsync(citizen, "recurring-ice", $"address={Uri.EscapeDataString("도봉구 도봉로 " + i)}", new()
            {
                ["Input.Description"] = $"언덕길이 매일 아침 얼어 있습니다 {i}", ["Input.IsPublic"] = "true",
            })));
        // One closed in 2 days (within its 7 working days), one in 20 days (late).
        var now = DateTime.UtcNow;
        await app.WithDbAsync(async db =>
        {
            var rows = await db.Set<ServiceRequest>().Where(r => references.Contains(r.Reference!)).OrderBy(r => r.Id).ToListAsync();
            rows[0].Status = RequestStatus.Resolved; rows[0].RequestedAt = now.AddDays(-3); rows[0].DueAt = now.AddDays(6); rows[0].ClosedAt = now.AddDays(-1);
            rows[1].Status = RequestStatus.Closed; rows[1].RequestedAt = now.AddDays(-25); rows[1].DueAt = now.AddDays(-15); rows[1].ClosedAt = now.AddDays(-5);
            await db.SaveChangesAsync();
        });

        var list = await app.CreateClient().GetPageAsync("/reports?service=recurring-ice&district=11320");
        Assert.Equal("3", list.QuerySelector("[data-total]")!.GetAttribute("data-total"));
        var closed = await app.CreateClient().GetPageAsync("/reports?service=recurring-ice&district=11320&state=closed");
        Assert.Equal(2, closed.QuerySelectorAll("[data-reports] li").Length);
        Assert.Equal(references[2], (await app.CreateClient().GetPageAsync("/reports?service=recurring-ice&district=11320&state=open"))
            .QuerySelector("[data-reports] li")!.GetAttribute("data-reference"));

        var stats = await app.CreateClient().GetPageAsync("/reports/statistics?days=30");
        var row = stats.QuerySelectorAll("[data-stats=service] tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "상습 결빙");
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["1", "2", "11일", "50%"], cells); // median of 2 and 20 days; one of two on time
        Assert.NotNull(stats.QuerySelector("[data-stats=district]"));
    }
}
