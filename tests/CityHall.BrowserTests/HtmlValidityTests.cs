using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Decisions;
using Microsoft.Playwright;

namespace CityHall.BrowserTests;

/// <summary>
/// The HTML the server sends is valid HTML: every page below (public, a citizen's, staff) goes through
/// the Nu Html Checker (npm vnu-jar, the W3C validator's engine) and must have no errors. Assistive
/// technology reads what the markup says, so invalid markup (a required select without a placeholder,
/// a wrong autocomplete token) is an accessibility defect even where axe is silent.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HtmlValidityTests(BrowserFixture f)
{
    private static readonly string[] PublicPages =
    [
        "/", "/account/sign-up", "/account/sign-in", "/account/forgot-password", "/account/reset-password", "/pages/privacy", "/pages/accessibility",
        "/places", "/places/near", "/places/near?address=%EA%B0%95%EB%82%A8%EA%B5%AC&radius=1000", "/places/kind/public-toilet",
        "/open-data", "/petitions", "/petitions/answers", "/petitions/verify", "/live", "/inclusion", "/inclusion/pc-handout", "/inclusion/app-business-centre",
        "/reports", "/reports/statistics", "/broadcasts", "/api/docs/", "/no-such-page", "/sectors/participation", "/sectors/transport", "/votes", "/votes/verify", "/budgets", "/votes/verify?poll=1&entry=0&hash=x", "/news", "/news?kind=event&district=11110&month=2026-12", "/news/unsubscribe/no-such-link", "/search?q=%EA%B3%B5%EC%9B%90", "/search?q=%2A%2A%2A",
        "/transparency", "/transparency?year=2025", "/transparency/budget", "/transparency/figures/service-requests-on-time-by-service", "/transparency/figures/places-fresh", "/developers",
        "/developers/incubator", "/developers/showcase",
    ];

    private static readonly string[] CitizenPages =
    [
        "/account/profile", "/account/notifications", "/account/data", "/account/verify", "/account/two-factor", "/account/sign-out",
        "/petitions/new", "/petitions/mine", "/news/subscription", "/reports/new", "/reports/new/location?service=road-damage",
        "/reports/new/details?service=road-damage&address=%EA%B0%95%EB%82%A8%EA%B5%AC%20%ED%85%8C%ED%97%A4%EB%9E%80%EB%A1%9C%20100",
        "/reports/mine", "/inclusion/applications", "/developers/open311", "/developers/keys", "/votes/propose", "/votes/proposals",
    ];

    private static readonly string[] StaffPages =
    [
        "/admin", "/admin/audit", "/admin/city", "/admin/city/departments", "/admin/city/districts", "/admin/pages", "/admin/pages/privacy",
        "/admin/users", "/admin/petitions", "/admin/petitions/answers", "/admin/petitions/comments", "/admin/petitions/signatures",
        "/admin/places", "/admin/places/import", "/admin/service-requests", "/admin/service-requests/catalogue", "/admin/service-requests/templates",
        "/admin/inclusion", "/admin/inclusion/reports", "/admin/inclusion/pc-handout", "/admin/inclusion/pc-handout/edit",
        "/admin/live", "/admin/broadcasts", "/admin/broadcasts/changes/new", "/admin/votes", "/admin/votes/new", "/admin/budgets", "/admin/budgets/new", "/admin/budgets/review", "/admin/votes/proposals", "/admin/news", "/admin/news/new", "/admin/transparency",
        "/admin/incubator", "/admin/incubator/demo-days", "/admin/incubator/showcase",
    ];

    [Fact]
    public async Task Public_citizen_and_staff_pages_are_valid_html()
    {
        var folder = Directory.CreateTempSubdirectory("cityhall-html-");
        try
        {
            var files = new Dictionary<string, string>();
            var visitor = await f.NewPageAsync();
            var (original, correction, waiting, document) = await NoticesAsync();
            await SaveAsync(visitor, [.. PublicPages, $"/votes/{await LivePollAsync()}/results", $"/news/{await NewsPostAsync()}", $"/news/{original}", $"/news/{correction}", "/news?kind=notice",
                $"/news/{original}/files/{document}/text"],
                "public", folder.FullName, files);
            await visitor.Context.CloseAsync();

            var citizen = await f.NewPageAsync("en-US");
            await Journeys.SignUpAsync(f, citizen, $"valid-{Guid.NewGuid():N}@example.org");
            await SaveAsync(citizen, CitizenPages, "citizen", folder.FullName, files);
            await citizen.Context.CloseAsync();

            var staff = await f.NewPageAsync();
            await Journeys.SignInAsStaffAsync(f, staff, CityHall.Web.Platform.Identity.Roles.Administrator);
            await SaveAsync(staff, [.. StaffPages, $"/admin/news/{original}", $"/admin/news/{waiting}", $"/admin/news/new?corrects={correction}", $"/admin/news/{waiting}/attachments", $"/admin/news/{original}/attachments"], "staff", folder.FullName, files);
            await staff.Context.CloseAsync();

            var errors = await ValidateAsync(files);
            Assert.True(errors.Count == 0, $"{errors.Count} HTML errors:\n" + string.Join("\n", errors.Take(40)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A published poll showing live results, so its page has a results chart to validate.</summary>
    private Task<long> LivePollAsync() => f.App.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var poll = new Poll { TitleKo = "유효성 검사 투표", TitleEn = "Validity poll", Kind = PollKind.SingleChoice, MinChoices = 1, MaxChoices = 1, Results = ResultsShown.Live,
            OpensAt = now.AddHours(-1), ClosesAt = now.AddDays(3), PublishedAt = now.AddHours(-1), Salt = RandomNumberGenerator.GetBytes(32), CreatedAt = now, UpdatedAt = now, CreatedBy = "browser-test" };
        db.Add(poll);
        await db.SaveChangesAsync();
        db.AddRange(new PollOption { PollId = poll.Id, Position = 1, LabelKo = "예", LabelEn = "Yes", Votes = 3 }, new PollOption { PollId = poll.Id, Position = 2, LabelKo = "아니요", LabelEn = "No", Votes = 1 });
        poll.VoterCount = 4;
        await db.SaveChangesAsync();
        return poll.Id;
    });

    /// <summary>A published post with Markdown in it, so its page has a rendered body and an OpenGraph card to validate.</summary>
    private Task<long> NewsPostAsync() => f.App.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var post = new CityHall.Web.Modules.News.NewsPost { Kind = CityHall.Web.Modules.News.NewsKind.PressRelease, DepartmentCode = "transport", Districts = "11110",
            TitleKo = "유효성 검사 보도자료", BodyKo = "# 제목\n\n**굵게**, [링크](https://example.org), 목록:\n\n- 하나\n- 둘", PublishAt = now.AddMinutes(-1), CreatedAt = now, UpdatedAt = now, CreatedBy = "browser-test" };
        db.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    });

    /// <summary>
    /// Official notices in each state the pages draw differently: one corrected (with its banner), its correction (linking
    /// it), and one waiting for approval (the review with the approve and return forms).
    /// </summary>
    private Task<(long Original, long Correction, long Waiting, long Document)> NoticesAsync() => f.App.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        CityHall.Web.Modules.News.NewsPost Notice(string title, int? number, long? corrects = null) => new()
        {
            Kind = CityHall.Web.Modules.News.NewsKind.Notice, DepartmentCode = "culture", TitleKo = title, BodyKo = "다음과 같이 **공고**합니다.\n\n- 기간: 30일",
            LegalBasis = "「문화유산법」 제27조", PeriodFrom = DateOnly.FromDateTime(now), PeriodTo = DateOnly.FromDateTime(now.AddDays(30)), CorrectsId = corrects,
            SubmittedBy = "browser-test", SubmittedAt = now, ApprovedBy = number is null ? null : "approver", ApprovedAt = number is null ? null : now,
            PublishAt = number is null ? null : now.AddMinutes(-1), NoticeYear = number is null ? null : 2001, NoticeNumber = number,
            CreatedAt = now, UpdatedAt = now, CreatedBy = "browser-test",
        };
        var original = Notice("유효성 검사 공고", 1);
        db.Add(original);
        await db.SaveChangesAsync();
        var correction = Notice("[정정] 유효성 검사 공고", 2, original.Id);
        var waiting = Notice("승인 대기 공고", null);
        db.AddRange(correction, waiting);
        await db.SaveChangesAsync();
        var bytes = CityHall.Tests.News.TestDocuments.Docx("공고문", "첫째 줄", "둘째 줄");
        var document = new CityHall.Web.Modules.News.Attachments.NewsAttachment { PostId = original.Id, FileName = "공고문.docx", Kind = CityHall.Web.Modules.News.Attachments.AttachmentKind.Docx,
            Size = bytes.Length, Sha256 = "0", Content = bytes, Text = "공고문\n첫째 줄\n둘째 줄", UploadedAt = now, UploadedBy = "browser-test" };
        db.AddRange(document, new CityHall.Web.Modules.News.Attachments.NewsAttachment { PostId = waiting.Id, FileName = "도면.docx", Kind = CityHall.Web.Modules.News.Attachments.AttachmentKind.Docx,
            Size = bytes.Length, Sha256 = "0", Content = bytes, Text = null, UploadedAt = now, UploadedBy = "browser-test" });
        var picture = CityHall.Tests.Infrastructure.TestImages.RedLeftBlueRight(320, 200);
        db.Add(new CityHall.Web.Modules.News.Attachments.NewsPicture { PostId = original.Id, Bytes = picture, Width = 320, Height = 200, AltText = "공고 위치도", Hash = new string('a', 64) });
        await db.SaveChangesAsync();
        return (original.Id, correction.Id, waiting.Id, document.Id);
    });

    /// <summary>The HTML as the server sent it (not the DOM after scripts), fetched with the browser's cookies.</summary>
    private static async Task SaveAsync(IPage page, string[] urls, string who, string folder, Dictionary<string, string> files)
    {
        foreach (var url in urls)
        {
            var response = await page.Context.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
            Assert.True(response.Status is 200 or 404, $"{who} {url}: {response.Status} (is it the right page?)");
            var file = Path.Combine(folder, $"{who}-{files.Count:D3}.html");
            await File.WriteAllTextAsync(file, await response.TextAsync());
            files[file] = $"{who} {url}";
        }
    }

    private static async Task<List<string>> ValidateAsync(Dictionary<string, string> files)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("JAVA") ?? "java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-Xss8m", "-jar", VnuJar(), "--errors-only", "--format", "json", "--exit-zero-always" }) start.ArgumentList.Add(arg);
        foreach (var file in files.Keys) start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var report = await process.StandardError.ReadToEndAsync(); // vnu writes its JSON report to standard error
        await process.WaitForExitAsync();
        await stdout;
        using var json = JsonDocument.Parse(report);
        return json.RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() == "error")
            .Select(m => $"{(m.TryGetProperty("url", out var u) && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var at) && files.TryGetValue(at.LocalPath, out var page) ? page : u.ToString())}" +
                $"{(m.TryGetProperty("lastLine", out var line) ? $":{line}" : "")}: {m.GetProperty("message").GetString()}" +
                $"{(m.TryGetProperty("extract", out var extract) ? $" [{extract.GetString()?.Trim()}]" : "")}")
            .ToList();
    }

    /// <summary>vnu.jar from this project's node_modules (npm ci runs at build, from package-lock.json).</summary>
    private static string VnuJar()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var jar = Path.Combine(dir.FullName, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
            if (File.Exists(jar)) return jar;
        }
        throw new FileNotFoundException("vnu.jar not found: the build runs npm ci in tests/CityHall.BrowserTests");
    }
}
