namespace CityHall.Web.Modules.CityNetwork.Members;

/// <summary>A picture's size, words and hash for a page (the bytes are served apart).</summary>
public sealed record NetworkPictureInfo(int Width, int Height, string Alt, string Hash);

/// <summary>Members' logos: public, like the rest of a member's page, served at /network/members/{id}/logo.</summary>
public static class MemberLogos
{
    public const int AltMax = 300;

    public static Task<NetworkPictureInfo?> InfoAsync(AppDbContext db, long memberId, CancellationToken ct) =>
        db.Set<NetworkMemberLogo>().AsNoTracking().Where(l => l.MemberId == memberId)
            .Select(l => new NetworkPictureInfo(l.Width, l.Height, l.AltText, l.Hash)).FirstOrDefaultAsync(ct);

    /// <summary>The reason (a text key) a logo cannot be used, or the picture ready to store.</summary>
    public static (PreparedPhoto? Image, string? Error) Prepare(Stream upload, long length, long maxBytes)
    {
        var (photo, problem) = UploadedPhotos.Prepare(upload, length, maxBytes);
        return (photo, problem switch { null => null, PhotoProblem.TooLarge => "Network.Logo.TooLarge", _ => "Network.Logo.Unreadable" });
    }

    public static void Map(WebApplication app) =>
        app.MapGet("/network/members/{id:long}/logo", async Task<IResult> (long id, HttpContext http, AppDbContext db, CancellationToken ct) =>
            await db.Set<NetworkMemberLogo>().AsNoTracking().FirstOrDefaultAsync(l => l.MemberId == id, ct) is { } logo
                ? logo.Serve(http, isPublic: true) : TypedResults.NotFound()).ExcludeFromDescription();
}
