using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace CityHall.Tests.Petitions;

/// <summary>A proposal's optional photo: turned upright, stripped of camera details, described, served with caching.</summary>
public sealed class ProposalImageTests(CityHallApp app) : IClassFixture<CityHallApp>
{
    /// <summary>A wide picture, red on the left and blue on the right, whose metadata says "turn me a quarter clockwise" (as phones write).</summary>
    private static byte[] SidewaysPhoto() => TestImages.WithOrientation(TestImages.RedLeftBlueRight(300, 200), 6);

    private static async Task<HttpResponseMessage> ProposeAsync(HttpClient client, string title, byte[]? file, string? alt, string fileName = "photo.jpg")
    {
        var page = await client.GetPageAsync("/petitions/new");
        var token = page.QuerySelector<IHtmlInputElement>("form[action='/petitions/new'] input[name=__RequestVerificationToken]")!.Value;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "Input.Title" },
            { new StringContent("정류장 주변이 어두워 밤에 다니기 무섭습니다. 가로등을 늘려 주세요."), "Input.Body" },
            { new StringContent("safety"), "Input.CategoryCode" },
            { new StringContent(alt ?? ""), "Input.ImageAlt" },
        };
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(content, "Input.Image", fileName);
        }
        return await client.PostAsync("/petitions/new", form);
    }

    [Fact]
    public async Task A_photo_is_turned_upright_stripped_of_metadata_described_and_served_with_caching()
    {
        var author = await app.SignedUpCitizenAsync();
        var title = "어두운 버스 정류장에 가로등을 " + Guid.NewGuid().ToString("N")[..6];
        var posted = await ProposeAsync(author, title, SidewaysPhoto(), "밤의 버스 정류장, 가로등이 없다");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = long.Parse(posted.Headers.Location!.ToString().Split('/', '?')[2], System.Globalization.CultureInfo.InvariantCulture);

        var stored = await app.WithDbAsync(db => db.Set<ProposalImage>().AsNoTracking().SingleAsync(i => i.PetitionId == id));
        Assert.Equal((200, 300), (stored.Width, stored.Height)); // upright: the quarter turn applied
        Assert.DoesNotContain("Exif", System.Text.Encoding.ASCII.GetString(stored.Bytes));
        using (var upright = SKBitmap.Decode(stored.Bytes))
        {
            Assert.True(upright.GetPixel(100, 50).Red > 200, "the left (red) side is now on top");
            Assert.True(upright.GetPixel(100, 250).Blue > 200, "the right (blue) side is now at the bottom");
        }

        // Before review only the author sees it.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/petitions/{id}/image")).StatusCode);
        var own = await author.GetAsync($"/petitions/{id}/image");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True(own.Headers.CacheControl!.NoStore);

        await app.WithDbAsync(db => db.Set<Petition>().Where(p => p.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.Status, PetitionStatus.Collecting).SetProperty(p => p.PublishedAt, DateTimeOffset.UtcNow)
            .SetProperty(p => p.SupportDeadline, DateTimeOffset.UtcNow.AddDays(30))));
        var served = await app.CreateClient().GetAsync($"/petitions/{id}/image");
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.True(served.Headers.CacheControl!.Public);
        var again = new HttpRequestMessage(HttpMethod.Get, $"/petitions/{id}/image");
        again.Headers.IfNoneMatch.Add(served.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await app.CreateClient().SendAsync(again)).StatusCode);

        var page = await app.CreateClient().GetPageAsync($"/petitions/{id}?fresh={Guid.NewGuid():N}");
        var img = page.QuerySelector("main figure img")!;
        Assert.Equal("밤의 버스 정류장, 가로등이 없다", img.GetAttribute("alt"));
        Assert.Equal(("200", "300"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.StartsWith("http://localhost/petitions/" + id + "/image", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task An_unpublished_proposal_and_its_photo_are_for_its_author_and_moderators_signed_in_with_two_factors()
    {
        var author = await app.SignedUpCitizenAsync();
        var posted = await ProposeAsync(author, "공원 화장실 개방 시간 연장 " + Guid.NewGuid().ToString("N")[..6], SidewaysPhoto(), "공원 화장실 입구");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = long.Parse(posted.Headers.Location!.ToString().Split('/', '?')[2], System.Globalization.CultureInfo.InvariantCulture);

        var passwordOnly = await app.SignedInWithPasswordOnlyAsync(CityHall.Web.Platform.Identity.Roles.Moderator);
        Assert.Equal(HttpStatusCode.NotFound, (await passwordOnly.GetAsync($"/petitions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await passwordOnly.GetAsync($"/petitions/{id}/image")).StatusCode);
        var stranger = await app.SignedUpCitizenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/petitions/{id}/image")).StatusCode);

        var moderator = await app.SignedInStaffAsync(CityHall.Web.Platform.Identity.Roles.Moderator);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync($"/petitions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync($"/petitions/{id}/image")).StatusCode);
    }

    [Fact]
    public async Task Bad_photos_get_a_clear_message_and_no_proposal_is_made()
    {
        var author = await app.SignedUpCitizenAsync();
        async Task<string[]> ErrorsAsync(byte[] file, string? alt)
        {
            var response = await ProposeAsync(author, "사진이 잘못된 제안 " + Guid.NewGuid().ToString("N")[..6], file, alt);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Html.ParseAsync(response)).ErrorSummary();
        }
        Assert.Equal(["사진 파일을 읽을 수 없습니다. JPEG, PNG, WebP, GIF 파일을 올려 주세요."],
            await ErrorsAsync("<script>alert(1)</script> not a picture"u8.ToArray(), "설명"));
        Assert.Equal(["사진 설명을 입력하세요."], await ErrorsAsync(SidewaysPhoto(), null));
        Assert.Equal(["사진이 너무 큽니다. 5MB, 4천만 화소 이하의 사진을 올려 주세요."],
            await ErrorsAsync(new byte[ProposalImages.MaxUploadBytes + 1], "설명"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Petition>().CountAsync(p => p.Title.StartsWith("사진이 잘못된 제안"))));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/petitions/987654321/image")).StatusCode);
    }
}
