using CityHall.Web.Platform.Web;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityHall.Web.Modules.Decisions.Budgets;

/// <summary>A step in carrying out a funded project: what was done or is planned, when, how far along the project is, and a photo.</summary>
public sealed class BudgetMilestone
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    /// <summary>The day it happened (or is planned), in the city's calendar.</summary>
    public DateOnly On { get; set; }
    public required string TitleKo { get; set; }
    public string? TitleEn { get; set; }
    public string? NoteKo { get; set; }
    public string? NoteEn { get; set; }
    /// <summary>How much of the project is done, 0 to 100, as of this milestone.</summary>
    public int PercentComplete { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>
/// A picture of a project: its idea's (from the citizen who proposed it; no milestone) or a milestone's photo of the
/// work. Stored as the city re-encoded it (<see cref="UploadedPhotos"/>: no camera metadata, no GPS), with the words
/// that describe it.
/// </summary>
public sealed class BudgetImage : StoredPicture
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public long? MilestoneId { get; set; }
}

/// <summary>A project's picture or a milestone's photo: one each, at most <see cref="MaxUploadBytes"/>, prepared by <see cref="UploadedPhotos"/>.</summary>
public static class BudgetImages
{
    public const int MaxUploadBytes = 5 * 1024 * 1024;
    public const int AltMax = 300;

    /// <summary>The picture ready to store, or null with the text key of the reason it cannot be used.</summary>
    public static async Task<(PreparedPhoto? Image, string? Error)> PrepareAsync(IFormFile upload)
    {
        if (upload.Length > MaxUploadBytes) return (null, "Decisions.Budget.Image.TooLarge");
        await using var stream = upload.OpenReadStream();
        var (photo, problem) = UploadedPhotos.Prepare(stream, upload.Length, MaxUploadBytes);
        return (photo, problem switch
        {
            null => null,
            PhotoProblem.TooLarge => "Decisions.Budget.Image.TooLarge",
            _ => "Decisions.Budget.Image.Unreadable",
        });
    }

    public static BudgetImage From(PreparedPhoto photo, long projectId, long? milestoneId, string alt) => new()
    {
        ProjectId = projectId, MilestoneId = milestoneId, Bytes = photo.Bytes, Width = photo.Width, Height = photo.Height, AltText = alt.Trim(), Hash = photo.Hash,
    };

    /// <summary>
    /// Serves a picture: of a published project to anyone (kept a day by caches), of an idea waiting for moderation or
    /// declined only to its author, to staff who manage budgets and to moderators (never cached).
    /// </summary>
    public static void Map(WebApplication app) =>
        app.MapGet("/budgets/images/{id:long}", async Task<IResult> (long id, HttpContext http, AppDbContext db) =>
        {
            var image = await db.Set<BudgetImage>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id);
            if (image is null) return TypedResults.NotFound();
            var project = await db.Set<BudgetProject>().AsNoTracking().Where(p => p.Id == image.ProjectId).Select(p => new { p.Moderation, p.AuthorId }).SingleAsync();
            var published = project.Moderation == Moderation.Published;
            if (!published && project.AuthorId != http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value && !http.User.HasPermission(DecisionsModule.Manage) && !http.User.HasPermission(DecisionsModule.Moderate))
                return TypedResults.NotFound();
            return image.Serve(http, published);
        }).ExcludeFromDescription();
}

internal sealed class BudgetMilestoneConfiguration : IEntityTypeConfiguration<BudgetMilestone>
{
    public void Configure(EntityTypeBuilder<BudgetMilestone> e)
    {
        e.ToTable("decision_budget_milestones");
        e.Property(x => x.TitleKo).HasMaxLength(300);
        e.Property(x => x.TitleEn).HasMaxLength(300);
        e.Property(x => x.NoteKo).HasMaxLength(4000);
        e.Property(x => x.NoteEn).HasMaxLength(4000);
        e.Property(x => x.CreatedBy).HasMaxLength(200);
        e.Property(x => x.CreatedAt).IsUtcTime();
        e.HasIndex(x => x.ProjectId);
        e.HasOne<BudgetProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BudgetImageConfiguration : IEntityTypeConfiguration<BudgetImage>
{
    public void Configure(EntityTypeBuilder<BudgetImage> e)
    {
        e.ToTable("decision_budget_images");
        StoredPicture.Configure(e, BudgetImages.AltMax);
        e.HasIndex(x => new { x.ProjectId, x.MilestoneId });
        e.HasOne<BudgetProject>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<BudgetMilestone>().WithMany().HasForeignKey(x => x.MilestoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
