using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Platform.Web;

/// <summary>
/// A picture as the site keeps it: the bytes <see cref="UploadedPhotos"/> re-encoded (no camera metadata), their
/// size, the words that describe it for those who do not see it, and the hash of the bytes (the ETag, so browsers and
/// caches keep it). A proposal's picture, a budget project's and a poll option's are each one of these with their own
/// keys.
/// </summary>
public abstract class StoredPicture
{
    public required byte[] Bytes { get; set; }
    public string ContentType { get; set; } = "image/jpeg";
    public int Width { get; set; }
    public int Height { get; set; }
    public required string AltText { get; set; }
    public required string Hash { get; set; }

    /// <summary>The columns every stored picture has, with the longest description its module allows.</summary>
    public static void Configure<T>(EntityTypeBuilder<T> e, int altMax) where T : StoredPicture
    {
        e.Property(x => x.ContentType).HasMaxLength(32);
        e.Property(x => x.AltText).HasMaxLength(altMax);
        e.Property(x => x.Hash).HasMaxLength(64);
    }

    /// <summary>The picture as a response: kept a day by any cache when it is public, never cached when only some may see it.</summary>
    public IResult Serve(HttpContext http, bool isPublic)
    {
        http.Response.Headers.CacheControl = isPublic ? "public, max-age=86400" : "private, no-store";
        return TypedResults.Bytes(Bytes, ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{Hash}\""));
    }
}
