using System.Security.Cryptography;
using SkiaSharp;

namespace CityHall.Web.Platform.Web;

public enum PhotoProblem { Unreadable, TooLarge }

/// <summary>A photo as the city stores it: re-encoded JPEG bytes, their size, and the hash of the bytes (the ETag).</summary>
public sealed record PreparedPhoto(byte[] Bytes, int Width, int Height, string Hash);

/// <summary>
/// Turns an uploaded photo into what the site serves: a JPEG, PNG or WebP (or GIF where allowed),
/// turned upright, shrunk to fit <see cref="MaxSide"/> and re-encoded as JPEG with SkiaSharp.
/// Re-encoding drops the camera's metadata (GPS position included) and anything hidden in the
/// file. Sizes are checked from the header before decoding, so a tiny file that claims a huge
/// picture is refused without using the memory. A JPEG is decoded at a reduced scale (the decoder
/// skips detail by eighths) no smaller than what is kept, then resized and only then turned
/// upright: a 48-megapixel phone photo takes about 12 MB to decode instead of 190 MB (and a
/// turned copy as large again), and what cannot be decoded under <see cref="MaxDecodedPixels"/>
/// (a huge PNG, which has no reduced decoding) is refused.
/// </summary>
public static class UploadedPhotos
{
    public const int MaxSide = 1600;
    /// <summary>What a picture may claim in its header: a 200-megapixel phone sensor's full output.</summary>
    public const long MaxPixels = 200_000_000;
    /// <summary>What may be decoded at once (4 bytes each: 64 MB), after any reduced-scale decoding.</summary>
    public const long MaxDecodedPixels = 4096L * 4096;

    /// <summary>What phones and cameras produce.</summary>
    public static readonly SKEncodedImageFormat[] Photographs = [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp];
    public static readonly SKEncodedImageFormat[] WithGif = [.. Photographs, SKEncodedImageFormat.Gif];

    /// <summary>The picture ready to store, or null with the reason it cannot be used. The format is read from the content, never the name.</summary>
    public static (PreparedPhoto? Image, PhotoProblem? Problem) Prepare(Stream upload, long length, long maxBytes, IReadOnlyCollection<SKEncodedImageFormat>? formats = null)
    {
        formats ??= Photographs;
        if (length <= 0) return (null, PhotoProblem.Unreadable);
        if (length > maxBytes) return (null, PhotoProblem.TooLarge);
        using var buffer = new MemoryStream();
        upload.CopyTo(buffer);
        buffer.Position = 0;
        using var codec = SKCodec.Create(buffer);
        if (codec is null || !formats.Contains(codec.EncodedFormat)) return (null, PhotoProblem.Unreadable);
        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels) return (null, PhotoProblem.TooLarge);
        var size = DecodeSize(codec);
        if ((long)size.Width * size.Height > MaxDecodedPixels) return (null, PhotoProblem.TooLarge);

        using var decoded = SKBitmap.Decode(codec, codec.Info.WithSize(size.Width, size.Height));
        if (decoded is null) return (null, PhotoProblem.Unreadable);
        // Shrunk before it is turned: the longest side is the same either way, and turning the small copy is cheap.
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(decoded.Width, decoded.Height));
        var width = Math.Max(1, (int)Math.Round(decoded.Width * scale));
        var height = Math.Max(1, (int)Math.Round(decoded.Height * scale));
        using var resized = scale < 1.0 ? decoded.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell)) : null;
        using var upright = Orient(resized ?? decoded, codec.EncodedOrigin);
        (width, height) = (upright?.Width ?? width, upright?.Height ?? height);
        using var image = SKImage.FromBitmap(upright ?? resized ?? decoded);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 82);
        var bytes = jpeg.ToArray();
        return (new PreparedPhoto(bytes, width, height, Convert.ToHexStringLower(SHA256.HashData(bytes))), null);
    }

    /// <summary>
    /// The size to decode at: the smallest the decoder offers (JPEG: 1/8 to 8/8; WebP: any; PNG and GIF:
    /// full size only) whose longest side still reaches <see cref="MaxSide"/>, so nothing kept is lost.
    /// </summary>
    public static SKSizeI DecodeSize(SKCodec codec)
    {
        var full = codec.Info.Size;
        var longest = Math.Max(full.Width, full.Height);
        if (longest <= MaxSide) return full;
        var best = full;
        for (var eighths = 7; eighths >= 1; eighths--)
        {
            var scaled = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Max(scaled.Width, scaled.Height) < MaxSide) break;
            if ((long)scaled.Width * scaled.Height < (long)best.Width * best.Height) best = scaled;
        }
        return best;
    }

    /// <summary>Phones store pictures sideways and say so in the metadata; the re-encoded copy is drawn the right way up (null: it already is).</summary>
    private static SKBitmap? Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft) return null;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(result);
        var (w, h) = (result.Width, result.Height);
        // Canvas calls compose right to left: the last call applies to the picture's points first.
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Translate(w, 0); canvas.Scale(-1, 1); break; // mirrored
            case SKEncodedOrigin.BottomRight: canvas.Translate(w, h); canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Translate(0, h); canvas.Scale(1, -1); break; // upside-down mirror
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break; // transposed: (x, y) -> (y, x)
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break; // a quarter turn clockwise
            case SKEncodedOrigin.RightBottom: canvas.Translate(w, h); canvas.Scale(-1, -1); canvas.RotateDegrees(90); canvas.Scale(1, -1); break; // transverse
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(-90); break; // a quarter turn anticlockwise
        }
        using var picture = SKImage.FromBitmap(source);
        canvas.DrawImage(picture, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }
}
