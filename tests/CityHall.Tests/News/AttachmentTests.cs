using System.Globalization;
using System.Net;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.News;
using CityHall.Web.Modules.News.Attachments;
using CityHall.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace CityHall.Tests.News;

/// <summary>
/// A post's documents: PDF, HWP, HWPX, DOCX and XLSX told by their content (a file whose content is not what its
/// extension says is refused, nothing written), their text readable in a page, downloadable by anyone once the post is
/// public and only by its writers and approvers before; sealed with an approved notice; a change invalidates an approval
/// of what was read before.
/// </summary>
public sealed class AttachmentTests(NoticeApp app) : IClassFixture<NoticeApp>
{
    private const string Upload = "form[data-attachment-form]";

    private static async Task<long> DraftAsync(HttpClient writer, string department, string kind = "News")
    {
        var form = await writer.GetPageAsync("/admin/news/new");
        var location = Html.RedirectedTo(await writer.SubmitAsync(form, form.FilledIn("form[data-post-form]").With(("Input.Kind", kind), ("Input.Department", department),
            ("Input.TitleKo", "정류장 이전 안내"), ("Input.BodyKo", "첨부 문서를 확인하세요."), ("Input.LegalBasis", "「도로법」 제10조"),
            ("Input.PeriodFrom", "2027-06-01"), ("Input.PeriodTo", "2027-06-30"), ("Input.When", kind == "Notice" ? "Now" : "Draft")), "form[data-post-form]"));
        return long.Parse(location.Split('/', '?')[3], CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> AttachAsync(HttpClient writer, long post, string name, byte[] bytes)
    {
        var page = await writer.GetPageAsync($"/admin/news/{post}/attachments");
        return await writer.SubmitMultipartAsync(page, [], [("Document", name, bytes, "application/octet-stream")], Upload);
    }

    [Fact]
    public async Task Each_kind_is_told_by_its_content_and_its_text_read_out_and_the_public_gets_it_with_the_post()
    {
        var writer = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        var post = await DraftAsync(writer, "transport");
        var files = new (string Name, byte[] Bytes, string Text, string Type)[]
        {
            ("plan.pdf", TestDocuments.Pdf("Bus stop relocation plan"), "Bus stop relocation plan", "application/pdf"),
            ("공고문.hwp", TestDocuments.Hwp(["정류장을 종로2가로 옮깁니다.", "문의: 교통과"]), "정류장을 종로2가로 옮깁니다.", "application/x-hwp"),
            ("공고문.hwpx", TestDocuments.Hwpx("새 정류장 위치도", "시행일: 6월 1일"), "새 정류장 위치도", "application/hwp+zip"),
            ("안내.docx", TestDocuments.Docx("버스 노선 변경 안내", "첫차부터 적용"), "버스 노선 변경 안내", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("노선표.xlsx", TestDocuments.Xlsx("노선", ["노선", "첫차"], ["7016", "05:30"]), "7016 05:30", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        };
        foreach (var (name, bytes, _, _) in files)
            Assert.Contains("added=1", Html.RedirectedTo(await AttachAsync(writer, post, name, bytes)), StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.Set<NewsAttachment>().Where(a => a.PostId == post).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AttachmentKind.Pdf, AttachmentKind.Hwp, AttachmentKind.Hwpx, AttachmentKind.Docx, AttachmentKind.Xlsx], stored.Select(a => a.Kind));
        // The HWP's table control (eight code units) is skipped, not read as text.
        Assert.Equal("정류장을 종로2가로 옮깁니다.\n문의: 교통과", stored[1].Text);
        Assert.Equal("# 노선\n노선\t첫차\n7016\t05:30", stored[4].Text);

        // A draft's documents: its writer reads them; anyone else finds nothing.
        var anyone = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/news/{post}/files/{stored[0].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/news/{post}/files/{stored[0].Id}/text")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInStaffAsync(Roles.Official, department: "culture")).GetAsync($"/news/{post}/files/{stored[0].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync($"/news/{post}/files/{stored[0].Id}")).StatusCode);

        var edit = await writer.GetPageAsync($"/admin/news/{post}");
        Html.RedirectedTo(await writer.SubmitAsync(edit, edit.FilledIn("form[data-post-form]").With(("Input.When", "Now")), "form[data-post-form]"));
        var page = await anyone.GetPageAsync($"/news/{post}");
        Assert.Equal(stored.Select(a => a.Id.ToString(CultureInfo.InvariantCulture)), page.QuerySelectorAll("[data-post-attachments] [data-attachment]").Select(e => e.GetAttribute("data-attachment")));
        foreach (var ((name, bytes, text, type), attachment) in files.Zip(stored))
        {
            var download = await anyone.GetAsync($"/news/{post}/files/{attachment.Id}");
            Assert.Equal(type, download.Content.Headers.ContentType!.MediaType);
            Assert.Equal(name, download.Content.Headers.ContentDisposition!.FileNameStar);
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
            var reading = await anyone.GetPageAsync($"/news/{post}/files/{attachment.Id}/text");
            Assert.Contains(text, reading.QuerySelector("[data-attachment-text]")!.TextContent.Replace('\n', ' ').Replace("  ", " "), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/news/{post}/files/999999999")).StatusCode);

        // The feed carries them as enclosures, with their types and sizes, and is still valid Atom.
        var xml = await anyone.GetStringAsync($"/news/feed.atom?kind=news&fresh={post}");
        Assert.Empty(AtomConformance.Problems(xml));
        var entry = System.Xml.Linq.XDocument.Parse(xml).Descendants("{http://www.w3.org/2005/Atom}entry")
            .Single(e => e.Element("{http://www.w3.org/2005/Atom}id")!.Value.EndsWith($"/news/{post}", StringComparison.Ordinal));
        var enclosures = entry.Elements("{http://www.w3.org/2005/Atom}link").Where(l => (string?)l.Attribute("rel") == "enclosure").ToList();
        Assert.Equal(stored.Select(a => $"/news/{post}/files/{a.Id}"), enclosures.Select(l => new Uri((string)l.Attribute("href")!).AbsolutePath));
        Assert.Equal(files.Select(f => f.Type), enclosures.Select(l => (string?)l.Attribute("type")));
        Assert.Equal(stored.Select(a => a.Size.ToString(CultureInfo.InvariantCulture)), enclosures.Select(l => (string?)l.Attribute("length")));
    }

    [Fact]
    public async Task A_file_that_is_not_what_its_name_says_is_refused_with_a_message_and_nothing_written()
    {
        var writer = await app.SignedInStaffAsync(Roles.Official, department: "culture");
        var post = await DraftAsync(writer, "culture");
        var pdf = TestDocuments.Pdf("A real PDF");
        var cases = new (string Name, byte[] Bytes)[]
        {
            ("renamed.docx", pdf),                                                  // a PDF calling itself a Word file
            ("script.pdf", "<script>alert(1)</script>"u8.ToArray()),               // text calling itself a PDF
            ("truncated.pdf", pdf[..(pdf.Length / 2)]),                             // a PDF cut in half
            ("empty.hwpx", TestDocuments.Zip(("readme.txt", "not hwpx"))),          // a zip without HWPX's mimetype
            ("other.xlsx", TestDocuments.Zip(("hello.txt", "hi"))),                 // a zip that is no workbook
            ("other.hwp", TestDocuments.Hwp(["본문"], signature: false)),           // a compound file that is not HWP
            ("sheet.hwp", TestDocuments.Xlsx("s", ["a"])),                          // a workbook calling itself HWP
            ("tool.exe", [0x4D, 0x5A, 0x90, 0x00]),                                 // not a kind a post carries
            ("nothing.pdf", []),
        };
        foreach (var (name, bytes) in cases)
        {
            var response = await AttachAsync(writer, post, name, bytes);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Single((await Html.ParseAsync(response)).ErrorSummary());
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<NewsAttachment>().CountAsync(a => a.PostId == post)));
        // Only the post's writers manage its documents.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInStaffAsync(Roles.Official, department: "transport")).GetAsync($"/admin/news/{post}/attachments")).StatusCode);
    }

    [Fact]
    public async Task A_document_added_while_a_notice_waits_needs_approving_again_and_an_approved_notices_documents_are_sealed()
    {
        var writer = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        var approver = await app.SignedInStaffAsync(Roles.Official, department: "transport");
        var notice = await DraftAsync(writer, "transport", kind: "Notice");
        var review = await approver.GetPageAsync($"/admin/news/{notice}");
        Html.RedirectedTo(await AttachAsync(writer, notice, "도면.pdf", TestDocuments.Pdf("Site plan")));

        // What the approver read had no document: approving it is refused; read again, it has one, and is approved.
        var stale = await approver.SubmitAsync(review, [], "form[data-approve-form]");
        Assert.Single((await Html.ParseAsync(stale)).ErrorSummary());
        var again = await approver.GetPageAsync($"/admin/news/{notice}");
        Assert.Single(again.QuerySelectorAll("[data-notice-review] [data-attachment]"));
        Html.RedirectedTo(await approver.SubmitAsync(again, [], "form[data-approve-form]"));

        var sealedPage = await writer.GetPageAsync($"/admin/news/{notice}/attachments");
        Assert.Null(sealedPage.QuerySelector(Upload));
        Assert.Null(sealedPage.QuerySelector("[data-remove-attachment]"));
        var fileId = await app.WithDbAsync(db => db.Set<NewsAttachment>().Where(a => a.PostId == notice).Select(a => a.Id).SingleAsync());
        var token = sealedPage.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await writer.GetPageAsync("/admin/news/new")).FilledIn("form[data-post-form]").Single(f => f.Key == "__RequestVerificationToken").Value;
        var remove = await writer.PostAsync($"/admin/news/{notice}/attachments?handler=Remove&attachmentId={fileId}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        Assert.Single((await Html.ParseAsync(remove)).ErrorSummary());
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<NewsAttachment>().CountAsync(a => a.PostId == notice)));
    }

    [Fact]
    public async Task A_posts_picture_is_re_encoded_described_and_public_with_the_post()
    {
        var writer = await app.SignedInStaffAsync(Roles.Official, department: "culture");
        var post = await DraftAsync(writer, "culture");
        var page = await writer.GetPageAsync($"/admin/news/{post}/attachments");
        async Task<string[]> Refused(string alt, string name, byte[] bytes)
        {
            var response = await writer.SubmitMultipartAsync(page, [new("PictureAlt", alt)], [("Picture", name, bytes, "image/jpeg")], "form[data-picture-form]");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Html.ParseAsync(response)).ErrorSummary();
        }
        var photo = TestImages.RedLeftBlueRight(640, 480);
        Assert.Single(await Refused("", "photo.jpg", photo));                                     // no description
        Assert.Single(await Refused("축제 포스터", "poster.jpg", TestDocuments.Pdf("not a picture"))); // not a picture
        Assert.Single(await Refused(new string('가', 301), "photo.jpg", photo));                 // description too long
        Assert.False(await app.WithDbAsync(db => db.Set<NewsPicture>().AnyAsync(p => p.PostId == post)));

        Html.RedirectedTo(await writer.SubmitMultipartAsync(page, [new("PictureAlt", "한강 불꽃축제 포스터")], [("Picture", "photo.jpg", photo, "image/jpeg")], "form[data-picture-form]"));
        var anyone = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/news/{post}/picture")).StatusCode);
        Assert.Equal("image/jpeg", (await writer.GetAsync($"/news/{post}/picture")).Content.Headers.ContentType!.MediaType);

        var edit = await writer.GetPageAsync($"/admin/news/{post}");
        Html.RedirectedTo(await writer.SubmitAsync(edit, edit.FilledIn("form[data-post-form]").With(("Input.When", "Now")), "form[data-post-form]"));
        var published = await anyone.GetPageAsync($"/news/{post}");
        Assert.Equal("한강 불꽃축제 포스터", published.QuerySelector("[data-post-picture] img")!.GetAttribute("alt"));
        Assert.Contains($"/news/{post}/picture", published.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);
        var served = await anyone.GetAsync($"/news/{post}/picture");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.NotEqual(photo, await served.Content.ReadAsByteArrayAsync()); // re-encoded, never the upload as sent
    }
}
