using SkiaSharp;

namespace CityHall.Tests.Infrastructure;

/// <summary>Pictures for upload tests, made with the same library the app decodes them with.</summary>
public static class TestImages
{
    /// <summary>A picture, red on its left half and blue on its right (so turning it can be seen), encoded as asked.</summary>
    public static byte[] RedLeftBlueRight(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg, int quality = 90)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 2f, height, red);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, quality).ToArray();
    }

    /// <summary>
    /// The JPEG with an EXIF segment saying how to turn it, as phones write (6: a quarter turn clockwise).
    /// The segment goes right after the start marker.
    /// </summary>
    public static byte[] WithOrientation(byte[] jpeg, byte orientation)
    {
        byte[] exif =
        [
            0xFF, 0xE1, 0x00, 0x22, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0, 0, 0, 8, // big-endian TIFF, first directory at 8
            0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, orientation, 0, 0, // one entry: Orientation
            0, 0, 0, 0,
        ];
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }
}
