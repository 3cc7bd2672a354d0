using CityHall.Web.Platform.Hosting;
using CityHall.Web.Platform.Integrity;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Decisions;

/// <summary>
/// What became of a ballot. A knapsack ballot (a budget heading's) whose projects cost more than the heading's amount is
/// <see cref="OverAmount"/>, one that fills less than the minimum share <see cref="UnderMinimum"/>; any other wrong set
/// of choices (too many or too few, an option of another poll or heading, a repeat) is <see cref="InvalidChoices"/>.
/// </summary>
public enum BallotOutcome { Cast, Replaced, Unchanged, NotOpen, OutsideDistrict, NotInGroup, InvalidChoices, NotFound, OverAmount, UnderMinimum, Flagged, OutsideAge, NoBirthYear, OtherTextMissing }

/// <summary>
/// A verified person's ballot: their identity key (never stored), their district and year of birth, and the options
/// chosen, with the answer they wrote when they chose "other"; for a paper ballot, the officer who entered it at a
/// polling station.
/// </summary>
public sealed record BallotAct(long PollId, string IdentityKey, string? DistrictCode, IReadOnlyList<long> Choices, string? PaperEnteredBy = null, int? BirthYear = null,
    string? OtherText = null)
{
    public bool Paper => PaperEnteredBy is not null;
}

/// <summary>What the voter keeps: the chain entry that recorded their ballot (its sequence and hash). A flagged ballot has none.</summary>
public sealed record BallotReceipt(long PollId, long Sequence, string Hash);

public sealed record BallotResult(BallotOutcome Outcome, BallotReceipt? Receipt = null);

/// <summary>
/// The one way ballots reach the database: the platform's group commit. Each batch appends the ballots to their polls'
/// chains, inserts or replaces each voter's current ballot, and moves the counts by option, the number of voters and
/// the chain's head once per poll — no lock per ballot, no recount. A poll's row moves only if its chain is still as
/// read, so two nodes writing the same poll cannot fork its chain: the loser reads again and redoes its batch.
/// </summary>
public sealed class BallotWriter(IServiceScopeFactory scopes, TimeProvider clock, CityHall.Web.Platform.City.CityClock cityClock, IOptions<DecisionsOptions> options, ILogger<BallotWriter> logger)
    : GroupCommitWriter<BallotAct, BallotResult>(logger, BatchFailure.RetryOnConflict, queueCapacity: 200_000)
{
    protected override int BatchSize => options.Value.BallotBatchSize;

    public Task<BallotResult> CastAsync(BallotAct ballot, CancellationToken ct = default) => EnqueueAsync(ballot, ct);

    /// <summary>
    /// Why a ballot choosing these options is not valid for the poll, or null when it is: known options, no repeats,
    /// within its minimum and maximum; on a knapsack ballot, costs adding up to no more than the amount and no less than
    /// the minimum. <paramref name="costs"/> holds the poll's options and what each costs (null: no cost).
    /// </summary>
    public static BallotOutcome? Refusal(Poll poll, IReadOnlyDictionary<long, long?> costs, IReadOnlyCollection<long> chosen)
    {
        if (chosen.Count != chosen.Distinct().Count() || !chosen.All(costs.ContainsKey) || chosen.Count < poll.MinChoices || chosen.Count > poll.MaxChoices)
            return BallotOutcome.InvalidChoices;
        if (poll.Kind != PollKind.Knapsack) return null;
        var total = chosen.Sum(c => costs[c] ?? 0);
        return total > poll.Amount ? BallotOutcome.OverAmount : total < (poll.MinAmount ?? 0) ? BallotOutcome.UnderMinimum : null;
    }

    protected override async Task<IReadOnlyList<BallotResult>> CommitAsync(IReadOnlyList<BallotAct> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var at = HashChain.Truncate(clock.GetUtcNow());
        var now = at.UtcDateTime;
        var ids = batch.Select(b => b.PollId).Distinct().ToList();
        var polls = await db.Set<Poll>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var states = polls.Values.ToDictionary(p => p.Id, p => new PollState(p));
        var options = await db.Set<PollOption>().AsNoTracking().Where(o => ids.Contains(o.PollId)).Select(o => new { o.Id, o.PollId, o.Votes, o.Cost, o.IsOther }).ToListAsync(ct);
        foreach (var o in options)
        {
            states[o.PollId].VotesRead[o.Id] = states[o.PollId].Votes[o.Id] = o.Votes;
            states[o.PollId].Costs[o.Id] = o.Cost;
            if (o.IsOther) states[o.PollId].Other = o.Id;
        }

        // A closed poll's salt may be erased: its ballots are refused below, before any commitment is needed.
        var commitmentOf = batch.Select(b => polls.TryGetValue(b.PollId, out var p) && p.Salt.Length > 0 ? Commitments.Of(p.Salt, b.IdentityKey) : null).ToArray();
        var commitments = commitmentOf.OfType<string>().Distinct().ToList();
        var grouped = polls.Values.Where(p => p.ForGroup).Select(p => p.Id).ToList();
        var members = grouped.Count == 0 ? [] : (await db.Set<PollMember>().AsNoTracking().Where(m => grouped.Contains(m.PollId) && commitments.Contains(m.Commitment))
            .Select(m => new { m.PollId, m.Commitment }).ToListAsync(ct)).Select(m => (m.PollId, m.Commitment)).ToHashSet();
        var voters = (await db.Set<PollVoter>().AsNoTracking().Where(v => ids.Contains(v.PollId) && commitments.Contains(v.Commitment)).ToListAsync(ct))
            .ToDictionary(v => (v.PollId, v.Commitment), v => new VoterState(v, IsNew: false));

        var results = new BallotResult[batch.Count];
        var otherAnswers = new Dictionary<(long PollId, string Commitment), string?>();
        var entries = new List<PollBallot>();
        var flagged = new List<FlaggedBallot>();
        for (var i = 0; i < batch.Count; i++)
        {
            var act = batch[i];
            if (!polls.TryGetValue(act.PollId, out var poll)) { results[i] = new(BallotOutcome.NotFound); continue; }
            if (poll.PhaseAt(now) != PollPhase.Open || commitmentOf[i] is null) { results[i] = new(BallotOutcome.NotOpen); continue; }
            if (poll.DistrictCodes is { Count: > 0 } districts && (act.DistrictCode is null || !districts.Contains(act.DistrictCode, StringComparer.OrdinalIgnoreCase)))
            {
                results[i] = new(BallotOutcome.OutsideDistrict);
                continue;
            }
            if (poll.ForGroup && !members.Contains((poll.Id, commitmentOf[i]!))) { results[i] = new(BallotOutcome.NotInGroup); continue; }
            if (!poll.AgeAllowed(act.BirthYear, cityClock)) { results[i] = new(act.BirthYear is null ? BallotOutcome.NoBirthYear : BallotOutcome.OutsideAge); continue; }
            var state = states[poll.Id];
            if (Refusal(poll, state.Costs, act.Choices) is { } refusal) { results[i] = new(refusal); continue; }
            // "Other" carries the voter's own words: none, or too many, and the ballot is not taken.
            var choseOther = state.Other is { } otherOption && act.Choices.Contains(otherOption);
            var other = choseOther ? act.OtherText?.Trim() : null;
            if (choseOther && (string.IsNullOrEmpty(other) || other.Length > PollOtherAnswer.MaxLength))
            {
                results[i] = new(BallotOutcome.OtherTextMissing);
                continue;
            }
            var choices = poll.ChoicesOf(act.Choices);
            var key = (poll.Id, commitmentOf[i]!);
            voters.TryGetValue(key, out var current);
            // One person, one ballot across the ways of voting: online ballots replace each other, but a paper ballot
            // after any ballot, or any ballot after a paper one, is kept aside for review and not counted.
            if (current is not null && (current.Voter.Paper || act.Paper))
            {
                flagged.Add(new FlaggedBallot { PollId = poll.Id, Commitment = key.Item2, Choices = choices, Paper = act.Paper, EnteredBy = act.PaperEnteredBy,
                    Reason = current.Voter.Paper ? "voted-on-paper" : "voted-online", At = at });
                results[i] = new(BallotOutcome.Flagged);
                continue;
            }
            if (state.Other is not null) otherAnswers[key] = other; // the voter's last word: replaces or (null) removes theirs
            if (current is not null && current.Voter.Choices == choices && other is null)
            {
                results[i] = new(BallotOutcome.Unchanged, new(poll.Id, current.Voter.Sequence, ""));
                continue;
            }
            var entry = new PollBallot { PollId = poll.Id, Sequence = state.Length + 1, Commitment = key.Item2, Choices = choices, At = at, PreviousHash = state.Head, Paper = act.Paper };
            entry.Hash = PollBallot.HashOf(entry);
            entries.Add(entry);
            (state.Length, state.Head) = (entry.Sequence, entry.Hash);
            foreach (var option in poll.Counted(act.Choices)) state.Votes[option]++;
            if (current is null)
            {
                state.Voters++;
                voters[key] = new(new PollVoter { PollId = poll.Id, Commitment = key.Item2, Sequence = entry.Sequence, Choices = choices, DistrictCode = act.DistrictCode, BirthYear = act.BirthYear, VotedAt = at, Paper = act.Paper }, IsNew: true);
                results[i] = new(BallotOutcome.Cast, new(poll.Id, entry.Sequence, entry.Hash));
            }
            else
            {
                foreach (var option in poll.Counted(PollBallot.Parse(current.Voter.Choices))) state.Votes[option]--;
                (current.Voter.Sequence, current.Voter.Choices, current.Voter.DistrictCode, current.Voter.BirthYear, current.Voter.VotedAt) = (entry.Sequence, choices, act.DistrictCode, act.BirthYear, at);
                current.Changed = true;
                results[i] = new(BallotOutcome.Replaced, new(poll.Id, entry.Sequence, entry.Hash));
            }
        }
        var answers = otherAnswers.Select(a => new PollOtherAnswer { PollId = a.Key.PollId, Commitment = a.Key.Commitment, Text = a.Value ?? "", At = at }).ToList();
        if (entries.Count > 0 || flagged.Count > 0 || answers.Count > 0)
            await WriteAsync(db, entries, voters.Values.Where(v => v.IsNew || v.Changed).ToList(), states.Values.Where(s => s.Length != s.LengthRead).ToList(), flagged, answers, ct);
        return results;
    }

    /// <summary>One transaction of prepared statements (see <see cref="RowStatement"/>); undone and retried when another node moved a poll meanwhile.</summary>
    private static async Task WriteAsync(AppDbContext db, List<PollBallot> entries, List<VoterState> voters, List<PollState> moved, List<FlaggedBallot> flagged,
        List<PollOtherAnswer> answers, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var tx = transaction.GetDbTransaction();
        var rowsPerStatement = RowStatement.RowsPerStatementFor(db);
        await using (var chain = new RowStatement(connection, tx, rows =>
            "INSERT INTO decision_ballots (\"PollId\", \"Sequence\", \"Commitment\", \"Choices\", \"At\", \"PreviousHash\", \"Hash\", \"HashVersion\", \"Paper\") VALUES " + rows, 9, rowsPerStatement))
        {
            foreach (var e in entries) await chain.AddAsync(ct, e.PollId, e.Sequence, e.Commitment, e.Choices, e.At, e.PreviousHash, e.Hash, e.HashVersion, e.Paper);
            await chain.FlushAsync(ct);
        }
        await using (var added = new RowStatement(connection, tx, rows =>
            "INSERT INTO decision_voters (\"PollId\", \"Commitment\", \"Sequence\", \"Choices\", \"DistrictCode\", \"BirthYear\", \"VotedAt\", \"Paper\") VALUES " + rows, 8, rowsPerStatement))
        // A VALUES column of nulls only is text to PostgreSQL: the year of birth is cast back to a number.
        await using (var replaced = new RowStatement(connection, tx, rows =>
            "UPDATE decision_voters SET \"Sequence\" = v.column3, \"Choices\" = v.column4, \"DistrictCode\" = v.column5, \"BirthYear\" = CAST(v.column6 AS integer), \"VotedAt\" = v.column7 " +
            $"FROM (VALUES {rows}) AS v WHERE \"PollId\" = v.column1 AND \"Commitment\" = v.column2", 7, rowsPerStatement))
        {
            foreach (var (v, isNew) in voters.Select(s => (s.Voter, s.IsNew)))
            {
                if (isNew) await added.AddAsync(ct, v.PollId, v.Commitment, v.Sequence, v.Choices, v.DistrictCode, v.BirthYear, v.VotedAt, v.Paper);
                else await replaced.AddAsync(ct, v.PollId, v.Commitment, v.Sequence, v.Choices, v.DistrictCode, v.BirthYear, v.VotedAt);
            }
            await added.FlushAsync(ct);
            await replaced.FlushAsync(ct);
            if (replaced.Affected != voters.Count(s => !s.IsNew)) throw new DbUpdateConcurrencyException("A voter's ballot to replace was gone.");
        }
        // (VALUES columns are named column1.. on both SQLite and PostgreSQL.)
        await using (var votes = new RowStatement(connection, tx, rows =>
            $"UPDATE decision_poll_options SET \"Votes\" = v.column2 FROM (VALUES {rows}) AS v WHERE \"Id\" = v.column1", 2, rowsPerStatement))
        {
            foreach (var poll in moved)
                foreach (var (option, count) in poll.Votes.Where(v => v.Value != poll.VotesRead[v.Key]))
                    await votes.AddAsync(ct, option, count);
            await votes.FlushAsync(ct);
        }
        await using (var heads = new RowStatement(connection, tx, rows =>
            "UPDATE decision_polls SET \"VoterCount\" = v.column2, \"ChainLength\" = v.column3, \"ChainHead\" = v.column4 " +
            $"FROM (VALUES {rows}) AS v WHERE \"Id\" = v.column1 AND \"ChainLength\" = v.column5", 5, rowsPerStatement))
        {
            foreach (var p in moved) await heads.AddAsync(ct, p.Id, p.Voters, p.Length, p.Head, p.LengthRead);
            await heads.FlushAsync(ct);
            if (heads.Affected != moved.Count) throw new DbUpdateConcurrencyException("A poll's chain moved while this batch was written.");
        }
        if (flagged.Count > 0) db.AddRange(flagged);
        // A voter's written answer goes with their ballot (a poll with "other" only): the earlier one out, the new one in
        // to wait for moderation; an empty one means their ballot no longer chooses "other".
        foreach (var answer in answers)
        {
            await db.Set<PollOtherAnswer>().Where(a => a.PollId == answer.PollId && a.Commitment == answer.Commitment).ExecuteDeleteAsync(ct);
            if (answer.Text.Length > 0) db.Add(answer);
        }
        if (flagged.Count > 0 || answers.Any(a => a.Text.Length > 0)) await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Where a poll's chain and counts stand during the batch, and what was read.</summary>
    private sealed class PollState(Poll poll)
    {
        public long Id { get; } = poll.Id;
        public long LengthRead { get; } = poll.ChainLength;
        public long Length { get; set; } = poll.ChainLength;
        public string Head { get; set; } = poll.ChainHead;
        public int Voters { get; set; } = poll.VoterCount;
        public Dictionary<long, int> Votes { get; } = [];
        public Dictionary<long, int> VotesRead { get; } = [];
        public Dictionary<long, long?> Costs { get; } = [];
        /// <summary>The poll's "other" option, if it has one.</summary>
        public long? Other { get; set; }
    }

    private sealed record VoterState(PollVoter Voter, bool IsNew)
    {
        public bool Changed { get; set; }
    }
}
