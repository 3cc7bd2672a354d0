namespace CityHall.Web.Modules.Petitions;

/// <summary>Published proposals (collecting, closed or rejected) whose titles share most letter pairs with a draft title.</summary>
public sealed class SimilarPetitions(AppDbContext db)
{
    public const double MinimumSimilarity = 0.3;

    public sealed record Match(long Id, string Title, PetitionStatus Status, int Supports, double Similarity);

    public async Task<IReadOnlyList<Match>> FindAsync(string? title, int max = 5, long? except = null, CancellationToken ct = default)
    {
        var grams = TitleGrams.Of(title);
        if (grams.Count < 2) return [];
        var shared = await db.Set<PetitionTitleGram>().AsNoTracking()
            .Where(g => grams.Contains(g.Gram))
            .GroupBy(g => g.PetitionId)
            .Select(g => new { PetitionId = g.Key, Shared = g.Count() })
            .OrderByDescending(x => x.Shared).Take(50)
            .ToListAsync(ct);
        var ids = shared.Select(s => s.PetitionId).ToList();
        var petitions = await db.Set<Petition>().AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.Status != PetitionStatus.PendingReview && p.Id != except)
            .Select(p => new { p.Id, p.Title, p.Status, p.SignatureCount, p.TitleGramCount })
            .ToListAsync(ct);
        return petitions
            .Select(p => new Match(p.Id, p.Title, p.Status, p.SignatureCount,
                TitleGrams.Similarity(shared.First(s => s.PetitionId == p.Id).Shared, p.TitleGramCount, grams.Count)))
            .Where(m => m.Similarity >= MinimumSimilarity)
            .OrderByDescending(m => m.Similarity).ThenByDescending(m => m.Supports)
            .Take(max).ToList();
    }
}
