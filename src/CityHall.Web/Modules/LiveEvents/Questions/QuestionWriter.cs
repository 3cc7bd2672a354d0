using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.LiveEvents.Questions;

/// <summary>
/// Stores incoming questions by group commit: during a broadcast hundreds arrive a second from the
/// web, SMS and social media, and one transaction per batch keeps up where one per question would
/// not. A duplicate (same channel and external id) fails alone when its batch is written one by one.
/// </summary>
public sealed class QuestionWriter(IServiceScopeFactory scopes, ILogger<QuestionWriter> logger)
    : GroupCommitWriter<LiveQuestion>(scopes, logger)
{
    protected override Task WriteAsync(IServiceProvider scope, AppDbContext db, IReadOnlyList<LiveQuestion> batch, CancellationToken ct)
    {
        db.AddRange(batch);
        return Task.CompletedTask;
    }
}
