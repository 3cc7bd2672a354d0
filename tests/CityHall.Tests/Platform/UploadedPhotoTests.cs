using CityHall.Tests.Infrastructure;
using CityHall.Web.Platform.Web;
using SkiaSharp;

namespace CityHall.Tests.Platform;

/// <summary>
/// A large photo is decoded at a reduced scale, never smaller than what is kept, so a phone's full
/// picture costs a few megabytes to decode; what cannot be decoded small is refused before decoding.
/// </summary>
public sealed class UploadedPhotoTests
{
    private static (PreparedPhoto? Image, PhotoProblem? Problem) Prepare(byte[] bytes) =>
        UploadedPhotos.Prepare(new MemoryStream(bytes), bytes.Length, 50 * 1024 * 1024);

    [Fact]
    public void A_phone_photo_of_48_megapixels_is_decoded_at_a_quarter_of_its_side_and_kept_at_1600_pixels()
    {
        var photo = TestImages.RedLeftBlueRight(8000, 6000, quality: 70);
        using (var codec = SKCodec.Create(new MemoryStream(photo)))
        {
            var size = UploadedPhotos.DecodeSize(codec);
            Assert.Equal((2000, 1500), (size.Width, size.Height)); // 12 MB decoded, not 192 MB
        }
        var (image, problem) = Prepare(photo);
        Assert.Null(problem);
        Assert.Equal((1600, 1200), (image!.Width, image.Height));
        using var kept = SKBitmap.Decode(image.Bytes);
        Assert.Equal((1600, 1200), (kept.Width, kept.Height));
        Assert.True(kept.GetPixel(100, 600).Red > 200 && kept.GetPixel(1500, 600).Blue > 200, "the picture survives the reduced decoding");
    }

    [Fact]
    public void A_sideways_photo_decoded_small_is_turned_upright_after_shrinking()
    {
        var (image, problem) = Prepare(TestImages.WithOrientation(TestImages.RedLeftBlueRight(6000, 4000, quality: 70), 6));
        Assert.Null(problem);
        Assert.Equal((1067, 1600), (image!.Width, image.Height));
        using var kept = SKBitmap.Decode(image.Bytes);
        Assert.True(kept.GetPixel(500, 200).Red > 200, "the left (red) side is now on top");
        Assert.True(kept.GetPixel(500, 1400).Blue > 200, "the right (blue) side is now at the bottom");
    }

    [Fact]
    public void Nothing_is_decoded_larger_than_needed_and_small_pictures_are_decoded_whole()
    {
        using var small = SKCodec.Create(new MemoryStream(TestImages.RedLeftBlueRight(1200, 900)));
        Assert.Equal(new SKSizeI(1200, 900), UploadedPhotos.DecodeSize(small));
        // 1,700 wide: 7/8 would be 1,488, under what is kept, so it is decoded whole.
        using var justOver = SKCodec.Create(new MemoryStream(TestImages.RedLeftBlueRight(1700, 1000)));
        Assert.Equal(new SKSizeI(1700, 1000), UploadedPhotos.DecodeSize(justOver));
    }

    [Fact]
    public void A_picture_that_cannot_be_decoded_small_and_exceeds_the_decoding_cap_is_refused_as_too_large()
    {
        // PNG has no reduced decoding: 4,100 × 4,100 would take 67 MB.
        var (image, problem) = Prepare(TestImages.RedLeftBlueRight(4100, 4100, SKEncodedImageFormat.Png));
        Assert.Null(image);
        Assert.Equal(PhotoProblem.TooLarge, problem);
        // Under the cap, the same kind of picture is taken.
        Assert.Null(Prepare(TestImages.RedLeftBlueRight(3000, 2000, SKEncodedImageFormat.Png)).Problem);
    }
}
