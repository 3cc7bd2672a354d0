using CityHall.Web.Modules.CityNetwork.Awards;

namespace CityHall.Tests.CityNetwork;

/// <summary>The weighted ranking of a round, computed by hand for small cases; and the rules of entries, conflicts and scoring.</summary>
public sealed class AwardRankingTests
{
    private static readonly AwardRanking.CriterionWeight[] Criteria = [new(1, 20), new(2, 30), new(3, 50)];

    private static IEnumerable<AwardScore> Scores(long entry, long juror, int a, int b, int c) =>
    [
        new() { EntryId = entry, JurorId = juror, Round = 1, CriterionId = 1, Score = a },
        new() { EntryId = entry, JurorId = juror, Round = 1, CriterionId = 2, Score = b },
        new() { EntryId = entry, JurorId = juror, Round = 1, CriterionId = 3, Score = c },
    ];

    [Fact]
    public void Entries_are_ranked_by_the_mean_of_each_jurors_weighted_score()
    {
        // Entry 10: juror 1 gives (8, 6, 9) → (160 + 180 + 450) / 100 = 7.9; juror 2 gives (6, 6, 6) → 6.0; mean 6.95, spread 1.9.
        // Entry 11: juror 1 (10, 10, 5) → (200 + 300 + 250) / 100 = 7.5; juror 2 (7, 7, 7) → 7.0; mean 7.25, spread 0.5.
        // Entry 12: juror 1 only (9, 9, 9) → 9; juror 2 scored two criteria of three and does not count.
        var scores = Scores(10, 1, 8, 6, 9).Concat(Scores(10, 2, 6, 6, 6)).Concat(Scores(11, 1, 10, 10, 5)).Concat(Scores(11, 2, 7, 7, 7))
            .Concat(Scores(12, 1, 9, 9, 9)).Concat(Scores(12, 2, 1, 1, 1).Take(2));
        var ranking = AwardRanking.Rank([10, 11, 12, 13], scores, Criteria, outlierGap: 2m);
        Assert.Equal([12L, 11, 10, 13], ranking.Select(r => r.EntryId));
        Assert.Equal([1, 2, 3, 4], ranking.Select(r => r.Rank));
        Assert.Equal(9m, ranking[0].Score);
        Assert.Single(ranking[0].Jurors);
        Assert.Equal(7.25m, ranking[1].Score);
        Assert.Equal(0.5m, ranking[1].Spread);
        Assert.Equal(6.95m, ranking[2].Score);
        Assert.Equal(1.9m, ranking[2].Spread);
        Assert.Empty(ranking[3].Jurors); // nobody scored it: last, no score
    }

    [Fact]
    public void A_juror_far_from_the_others_is_flagged_and_equal_scores_share_a_rank()
    {
        // Entry 20: three jurors 8, 8 and 3 (all criteria alike): the third is 5 points from the others' mean of 8.
        var scores = Scores(20, 1, 8, 8, 8).Concat(Scores(20, 2, 8, 8, 8)).Concat(Scores(20, 3, 3, 3, 3))
            // Entries 21 and 22 tie at 6.3333; entry 23 below.
            .Concat(Scores(21, 1, 6, 6, 6)).Concat(Scores(21, 2, 7, 7, 7)).Concat(Scores(21, 3, 6, 6, 6))
            .Concat(Scores(22, 1, 7, 7, 7)).Concat(Scores(22, 2, 6, 6, 6)).Concat(Scores(22, 3, 6, 6, 6))
            .Concat(Scores(23, 1, 5, 5, 5));
        var ranking = AwardRanking.Rank([20, 21, 22, 23], scores, Criteria, outlierGap: 2m);
        var first = ranking.Single(r => r.EntryId == 20);
        Assert.Equal(6.3333m, first.Score);
        Assert.True(first.HasOutlier);
        Assert.Equal([3L], first.Jurors.Where(j => j.Outlier).Select(j => j.JurorId));
        Assert.False(ranking.Single(r => r.EntryId == 21).HasOutlier);
        // 20, 21 and 22 all score 6.3333: they share rank 1, and 23 is fourth.
        Assert.Equal([1, 1, 1, 4], ranking.Select(r => r.Rank));
        Assert.True(AwardRanking.TieAcrossLine(ranking, 2)); // a shortlist of two cannot be drawn from the scores alone
        Assert.False(AwardRanking.TieAcrossLine(ranking, 3));
    }

    private static AwardEdition Edition() => new()
    {
        Id = 1, Title = "Prize", TimeZone = "Asia/Seoul", OpensAt = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc),
        DeadlineAt = new DateTime(2026, 7, 1, 14, 59, 0, DateTimeKind.Utc), Phase = AwardPhase.Entries, ScaleMax = 10,
    };

    private static AwardEntry Entry(string country, long? member = null, EntryStatus status = EntryStatus.Draft) => new()
    {
        Id = 5, Reference = "AWD", EditionId = 1, CategoryId = 3, CityName = "City", CountryCode = country, MemberId = member, Title = "T", Language = "en", Status = status,
    };

    [Fact]
    public void A_draft_is_taken_only_between_the_opening_and_the_deadline()
    {
        var edition = Edition();
        Assert.Equal("Network.Awards.Entry.NotOpenYet", AwardRules.DraftRefusal(edition, Entry("NP"), new DateTime(2026, 4, 30, 23, 59, 0, DateTimeKind.Utc)));
        Assert.Null(AwardRules.DraftRefusal(edition, Entry("NP"), new DateTime(2026, 7, 1, 14, 58, 59, DateTimeKind.Utc)));
        Assert.Equal("Network.Awards.Entry.DeadlinePassed", AwardRules.DraftRefusal(edition, Entry("NP"), new DateTime(2026, 7, 1, 14, 59, 0, DateTimeKind.Utc)));
        Assert.Equal("Network.Awards.Entry.NotDraft", AwardRules.DraftRefusal(edition, Entry("NP", status: EntryStatus.Submitted), new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_juror_never_scores_an_entry_from_their_own_city_or_country_nor_outside_the_round_or_the_scale()
    {
        var edition = Edition();
        edition.Phase = AwardPhase.Round1;
        var juror = new AwardJuror { Id = 9, EditionId = 1, CategoryId = 3, UserId = "u", Name = "J", CountryCode = "KR", MemberId = 77 };
        long[] criteria = [1, 2];
        var good = new Dictionary<long, int> { [1] = 5, [2] = 10 };
        var eligible = Entry("NP", status: EntryStatus.Eligible);
        Assert.Null(AwardRules.ScoreRefusal(edition, juror, eligible, 1, false, criteria, good));
        Assert.Equal("Network.Awards.Score.Conflict", AwardRules.ScoreRefusal(edition, juror, Entry("kr", status: EntryStatus.Eligible), 1, false, criteria, good));
        Assert.Equal("Network.Awards.Score.Conflict", AwardRules.ScoreRefusal(edition, juror, Entry("NP", 77, EntryStatus.Eligible), 1, false, criteria, good));
        Assert.Equal("Network.Awards.Score.Conflict", AwardRules.ScoreRefusal(edition, juror, eligible, 1, true, criteria, good));
        Assert.Equal("Network.Awards.Score.OutOfScale", AwardRules.ScoreRefusal(edition, juror, eligible, 1, false, criteria, new Dictionary<long, int> { [1] = 0, [2] = 5 }));
        Assert.Equal("Network.Awards.Score.OutOfScale", AwardRules.ScoreRefusal(edition, juror, eligible, 1, false, criteria, new Dictionary<long, int> { [1] = 11, [2] = 5 }));
        Assert.Equal("Network.Awards.Score.EveryCriterion", AwardRules.ScoreRefusal(edition, juror, eligible, 1, false, criteria, new Dictionary<long, int> { [1] = 5 }));
        Assert.Equal("Network.Awards.Score.NotYours", AwardRules.ScoreRefusal(edition, juror, Entry("NP", status: EntryStatus.Ineligible), 1, false, criteria, good));
        Assert.Equal("Network.Awards.Score.RoundClosed", AwardRules.ScoreRefusal(edition, juror, eligible, 2, false, criteria, good));
        edition.Phase = AwardPhase.Shortlisting;
        Assert.Equal("Network.Awards.Score.RoundClosed", AwardRules.ScoreRefusal(edition, juror, eligible, 1, false, criteria, good));
    }
}
