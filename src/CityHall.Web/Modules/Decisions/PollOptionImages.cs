using CityHall.Web.Platform.Web;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Decisions;

/// <summary>
/// A picture of a poll's option (a design to choose, a place), shown on the ballot beside its words, with the words that
/// describe it for those who do not see it. Re-encoded as budget pictures are (<see cref="UploadedPhotos"/>: no camera
/// metadata). Staff add it while the poll is a draft; it is fixed with the ballot once published.
/// </summary>
public sealed class PollOptionImage : StoredPicture
{
    public long Id { get; set; }
    public long PollId { get; set; }
    public long OptionId { get; set; }
}

internal sealed class PollOptionImageConfiguration : IEntityTypeConfiguration<PollOptionImage>
{
    public void Configure(EntityTypeBuilder<PollOptionImage> e)
    {
        e.ToTable("decision_option_images");
        StoredPicture.Configure(e, Budgets.BudgetImages.AltMax);
        e.HasIndex(x => x.OptionId).IsUnique();
        e.HasIndex(x => x.PollId);
        e.HasOne<PollOption>().WithMany().HasForeignKey(x => x.OptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class PollOptionImages
{
    /// <summary>The pictures of a poll's options, by option: id and words (the bytes are served apart).</summary>
    public static async Task<IReadOnlyDictionary<long, (long Id, string Alt)>> OfPollAsync(AppDbContext db, long pollId, CancellationToken ct) =>
        (await db.Set<PollOptionImage>().AsNoTracking().Where(i => i.PollId == pollId).Select(i => new { i.OptionId, i.Id, i.AltText }).ToListAsync(ct))
            .ToDictionary(i => i.OptionId, i => (i.Id, i.AltText));

    /// <summary>Serves a picture: of a published poll's option to anyone (kept a day by caches); of a draft's only to staff who prepare polls.</summary>
    public static void Map(WebApplication app) =>
        app.MapGet("/votes/images/{id:long}", async Task<IResult> (long id, HttpContext http, AppDbContext db) =>
        {
            var image = await db.Set<PollOptionImage>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id);
            if (image is null) return TypedResults.NotFound();
            var published = await db.Set<Poll>().AnyAsync(p => p.Id == image.PollId && p.PublishedAt != null);
            if (!published && !http.User.HasPermission(DecisionsModule.Manage)) return TypedResults.NotFound();
            return image.Serve(http, published);
        }).ExcludeFromDescription();
}
