using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.News.Attachments;

/// <summary>
/// A post's picture, shown above its text and on the card a shared link draws: one a post, re-encoded by the
/// platform's photo handling (no camera metadata), with the words that describe it for those who do not see it.
/// </summary>
public sealed class NewsPicture : StoredPicture
{
    public long PostId { get; set; }
}

internal sealed class NewsPictureConfiguration : IEntityTypeConfiguration<NewsPicture>
{
    public void Configure(EntityTypeBuilder<NewsPicture> e)
    {
        e.ToTable("news_pictures");
        e.HasKey(x => x.PostId);
        StoredPicture.Configure(e, NewsPictures.AltMax);
        e.HasOne<NewsPost>().WithOne().HasForeignKey<NewsPicture>(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class NewsPictures
{
    public const int MaxUploadBytes = 10 * 1024 * 1024;
    public const int AltMax = 300;

    /// <summary>The picture of a post, for a page: its size and words (the bytes are served apart), or null.</summary>
    public static Task<NewsPictureInfo?> OfAsync(AppDbContext db, long postId, CancellationToken ct) =>
        db.Set<NewsPicture>().AsNoTracking().Where(p => p.PostId == postId).Select(p => new NewsPictureInfo(p.Width, p.Height, p.AltText, p.Hash)).FirstOrDefaultAsync(ct);

    /// <summary>/news/{id}/picture: to anyone once the post is public, before only to those who may read its documents.</summary>
    public static void Map(WebApplication app) =>
        app.MapGet("/news/{id:long}/picture", async Task<IResult> (long id, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            if (await AttachmentDownloads.ReadablePostAsync(db, http.User, id, clock.GetUtcNow().UtcDateTime, ct) is not { } isPublic) return TypedResults.NotFound();
            var picture = await db.Set<NewsPicture>().AsNoTracking().FirstOrDefaultAsync(p => p.PostId == id, ct);
            return picture is null ? TypedResults.NotFound() : picture.Serve(http, isPublic);
        }).ExcludeFromDescription();
}

public sealed record NewsPictureInfo(int Width, int Height, string Alt, string Hash);
