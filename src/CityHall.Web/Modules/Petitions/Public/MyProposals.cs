namespace CityHall.Web.Modules.Petitions.Public;

/// <summary>"My city"'s proposals block: the citizen's latest proposals in every state, and how many they support now with the latest.</summary>
public sealed record MyProposals(IReadOnlyList<MyProposals.Proposal> Proposed, int ProposedCount, IReadOnlyList<MyProposals.Proposal> Supported, int SupportedCount)
{
    public sealed record Proposal(long Id, string Title, PetitionStatus Status, int Supports);

    public const int Shown = 3;
    public const string View = "/Modules/Petitions/Public/_MyProposals.cshtml";

    public static async Task<object?> LoadAsync(IServiceProvider services, string userId, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var mine = db.Set<Petition>().AsNoTracking().Where(p => p.AuthorId == userId);
        var supports = db.Set<PetitionSignature>().AsNoTracking().Where(s => s.UserId == userId && s.WithdrawnAt == null);
        var (proposedCount, supportedCount) = (await mine.CountAsync(ct), await supports.CountAsync(ct));
        if (proposedCount + supportedCount == 0) return null;
        var proposed = await mine.OrderByDescending(p => p.Id).Take(Shown).Select(p => new Proposal(p.Id, p.Title, p.Status, p.SignatureCount)).ToListAsync(ct);
        var supported = await supports.OrderByDescending(s => s.Id).Take(Shown)
            .Join(db.Set<Petition>(), s => s.PetitionId, p => p.Id, (s, p) => new Proposal(p.Id, p.Title, p.Status, p.SignatureCount)).ToListAsync(ct);
        return new MyProposals(proposed, proposedCount, supported, supportedCount);
    }
}
