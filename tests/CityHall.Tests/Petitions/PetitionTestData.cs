using System.Security.Cryptography;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Petitions;

namespace CityHall.Tests.Petitions;

/// <summary>Proposals put straight into the database, for tests about what happens after review.</summary>
public static class PetitionTestData
{
    public static Task<long> PublishedAsync(CityHallApp app, string title, PetitionStatus status = PetitionStatus.Collecting, TimeSpan? window = null,
        DateTimeOffset? now = null, string? authorId = null) =>
        app.WithDbAsync(async db =>
        {
            var published = now ?? DateTimeOffset.UtcNow;
            var grams = TitleGrams.Of(title);
            var petition = new Petition
            {
                Title = title, Body = "시민이 쓴 제안 내용입니다. 충분히 깁니다.", CategoryCode = "transport", AuthorName = "테스트",
                Status = status, CreatedAt = published, PublishedAt = published, SupportDeadline = published + (window ?? TimeSpan.FromDays(30)),
                AuthorId = authorId,
                DepartmentCode = "transport", Salt = RandomNumberGenerator.GetBytes(32), TitleGramCount = grams.Count,
                RejectionReasonCode = status == PetitionStatus.Rejected ? "duplicate" : null,
            };
            db.Add(petition);
            await db.SaveChangesAsync();
            db.AddRange(grams.Select(g => new PetitionTitleGram { PetitionId = petition.Id, Gram = g }));
            await db.SaveChangesAsync();
            return petition.Id;
        });
}
