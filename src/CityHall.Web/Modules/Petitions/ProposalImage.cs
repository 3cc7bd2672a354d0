using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Petitions;

/// <summary>A proposal's one picture, as the city re-encoded it (no camera metadata), with the words that describe it.</summary>
public sealed class ProposalImage : StoredPicture
{
    public long PetitionId { get; set; }
}

internal sealed class ProposalImageConfiguration : IEntityTypeConfiguration<ProposalImage>
{
    public void Configure(EntityTypeBuilder<ProposalImage> e)
    {
        e.ToTable("petition_images");
        e.HasKey(x => x.PetitionId);
        StoredPicture.Configure(e, ProposalImages.AltMax);
        e.HasOne<Petition>().WithOne().HasForeignKey<ProposalImage>(x => x.PetitionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A proposal's photo: one, at most <see cref="MaxUploadBytes"/>, prepared by <see cref="UploadedPhotos"/>.</summary>
public static class ProposalImages
{
    public const int MaxUploadBytes = 5 * 1024 * 1024;
    public const int AltMax = 300;

    /// <summary>The picture ready to store, or null with the resource key of the reason it cannot be used.</summary>
    public static (PreparedPhoto? Image, string? Error) Prepare(Stream upload, long length)
    {
        var (photo, problem) = UploadedPhotos.Prepare(upload, length, MaxUploadBytes, UploadedPhotos.WithGif);
        return (photo, problem switch
        {
            null => null,
            PhotoProblem.TooLarge => "Petitions.Image.TooLarge",
            _ => "Petitions.Image.Unreadable",
        });
    }
}
