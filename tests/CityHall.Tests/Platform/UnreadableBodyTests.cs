using System.Net;
using System.Net.Sockets;
using System.Text;
using CityHall.Tests.Infrastructure;

namespace CityHall.Tests.Platform;

/// <summary>
/// Bodies the server cannot read (a NUL byte, too large, too many or too long fields, broken
/// multipart, cut short) get the friendly 400/408/413 page on every public form, never a 500.
/// </summary>
public sealed class UnreadableBodyTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    /// <summary>Every public form's target, including the ones that take photos.</summary>
    public static readonly string[] PublicForms =
    [
        "/culture", "/account/sign-in", "/account/sign-up", "/account/forgot-password", "/account/reset-password",
        "/account/confirm", "/account/sign-in/two-factor", "/account/verify", "/account/profile", "/account/two-factor",
        "/account/notifications", "/account/data", "/account/sign-out",
        "/reports/new/details", "/reports/SR-000000-0000", "/petitions/new", "/petitions/1", "/petitions/1/comments",
        "/places/1/report", "/live/1", "/inclusion/pc-handout", "/inclusion/apply/INC-000000-0000-0000/contact",
        "/inclusion/apply/INC-000000-0000-0000/check", "/inclusion/applications/INC-000000-0000-0000",
    ];

    public static IEnumerable<object[]> Shapes() =>
        from form in PublicForms
        from shape in new[] { "nul", "culture-nul", "ten-megabytes", "many-fields", "long-name", "broken-multipart" }
        select new object[] { form, shape };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task An_unreadable_form_post_gets_the_friendly_error_page_not_a_500(string form, string shape)
    {
        var client = await SignedInAsync();
        using var content = Body(shape);
        var response = await client.PostAsync(form, content);
        var expected = shape == "ten-megabytes" ? HttpStatusCode.RequestEntityTooLarge : HttpStatusCode.BadRequest;
        Assert.Equal(expected, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(shape == "ten-megabytes" ? "보낸 내용이 너무 큽니다" : "요청을 처리할 수 없습니다", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Matches("^[0-9a-f]{32}$", page.QuerySelector(".ch-trace span")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/reports/new/details")]
    [InlineData("/petitions/new")]
    [InlineData("/inclusion/apply/INC-000000-0000-0000/documents")]
    public async Task A_hundred_megabyte_photo_gets_413(string form)
    {
        var client = await SignedInAsync();
        using var content = new MultipartFormDataContent("----cityhall");
        content.Add(new StringContent("x"), "Input.Title");
        content.Add(new DeclaredLengthContent(100L * 1024 * 1024), "Input.Photos", "huge.jpg");
        var response = await client.PostAsync(form, content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("보낸 내용이 너무 큽니다", (await Html.ParseAsync(response)).QuerySelector("h1")?.TextContent.Trim());
    }

    private HttpClient? signedIn;

    // A signed-in citizen reaches every form's body; anonymous posts to some would stop at the sign-in redirect.
    private async Task<HttpClient> SignedInAsync() => signedIn ??= await app.SignedUpCitizenAsync();

    private static ByteArrayContent Body(string shape)
    {
        switch (shape)
        {
            case "nul": return Form("x=%00");
            case "culture-nul": return Form("culture=en%00US&returnUrl=%2F");
            case "ten-megabytes": return Form("x=" + new string('a', 10 * 1024 * 1024));
            case "many-fields": return Form(string.Join('&', Enumerable.Range(0, 2000).Select(i => $"f{i}=1")));
            case "long-name": return Form(new string('n', 3000) + "=1");
            case "broken-multipart":
                var broken = new ByteArrayContent(Encoding.ASCII.GetBytes("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhello"));
                broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=XX");
                return broken;
            default: throw new ArgumentOutOfRangeException(nameof(shape));
        }
    }

    private static ByteArrayContent Form(string body)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>A file part that declares its length and writes zeros only as far as the server reads.</summary>
    private sealed class DeclaredLengthContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            for (long sent = 0; sent < length; sent += chunk.Length)
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent)));
        }

        protected override bool TryComputeLength(out long size) { size = length; return true; }
    }
}

/// <summary>A body whose declared length never arrives, over a real socket: the server gives up with 400 or 408, not 500.</summary>
public sealed class CutShortBodyTests : IDisposable
{
    private readonly CityHallApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_body_that_never_arrives_gets_408_or_400_with_the_error_page()
    {
        var address = new Uri(app.StartKestrel());
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        var head = "POST /account/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
                   "Content-Length: 5000\r\nConnection: close\r\n\r\nInput.Email=a";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var response = await reader.ReadToEndAsync(timeout.Token);
        var status = response.Split(' ', 3)[1];
        Assert.Contains(status, new[] { "400", "408" });
        Assert.Contains("class=\"ch-trace\"", response);
    }
}
