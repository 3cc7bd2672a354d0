using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.LiveEvents.Live;
using CityHall.Web.Platform.Audit;

namespace CityHall.Web.Modules.LiveEvents.Questions;

/// <summary>What a moderator may do to a question.</summary>
public enum ModerationAction { Approve, Edit, Hide, Merge, Stage, Answer, Ban }

/// <summary>Why a moderator's action was refused (resource key "LiveEvents.Refused.{value}").</summary>
public enum ModerationRefusal { None, NoQuestion, NotApproved, AlreadyMerged, MergeIntoItself, MergeTarget, TextLength, EventOver }

/// <summary>
/// Moderators' decisions on the one queue: approve (after editing, if need be), hide, merge a
/// duplicate into another question (its asker and supporters count for the other), put one
/// question on stage, mark it answered (with a short written answer for the archive), ban a
/// sender. Several moderators work at once: each decision is sent to the others as it is made, and
/// each is audited.
/// </summary>
public sealed class Moderation(AppDbContext db, AuditLog audit, LiveUpdates updates, BannedParticipants bans, TimeProvider clock)
{
    public async Task<ModerationRefusal> ApplyAsync(ClaimsPrincipal moderator, long eventId, long questionId, ModerationAction action,
        string? text = null, long? mergeInto = null, CancellationToken ct = default)
    {
        var question = await db.Set<LiveQuestion>().FirstOrDefaultAsync(q => q.Id == questionId && q.EventId == eventId, ct);
        if (question is null) return ModerationRefusal.NoQuestion;
        var ev = await db.Set<LiveEvent>().SingleAsync(e => e.Id == eventId, ct);
        if (ev.State == LiveEventState.Archived) return ModerationRefusal.EventOver;
        if (question.State == QuestionState.Merged && action is not ModerationAction.Ban) return ModerationRefusal.AlreadyMerged;
        var now = clock.GetUtcNow().UtcDateTime;
        var who = moderator.Identity?.Name ?? "";
        var before = new { state = question.State.ToString(), question.Text };
        object? details = null;
        LiveQuestion? other = null;

        switch (action)
        {
            case ModerationAction.Approve:
                question.State = QuestionState.Approved;
                break;
            case ModerationAction.Edit:
                var edited = QuestionIntake.Clean(text);
                if (edited.Length is < LiveQuestion.MinLength or > LiveQuestion.MaxLength) return ModerationRefusal.TextLength;
                if (edited != question.Text)
                {
                    question.OriginalText ??= question.Text;
                    question.Text = edited;
                }
                question.State = QuestionState.Approved;
                break;
            case ModerationAction.Hide:
                question.State = QuestionState.Hidden;
                if (ev.OnStageQuestionId == question.Id) ev.OnStageQuestionId = null;
                break;
            case ModerationAction.Stage:
                if (question.State != QuestionState.Approved) return ModerationRefusal.NotApproved;
                details = new { previous = ev.OnStageQuestionId };
                ev.OnStageQuestionId = question.Id;
                question.OnStageAt = now;
                break;
            case ModerationAction.Answer:
                if (question.State is not (QuestionState.Approved or QuestionState.Answered)) return ModerationRefusal.NotApproved;
                question.State = QuestionState.Answered;
                question.AnsweredAt ??= now;
                question.Answer = string.IsNullOrWhiteSpace(text) ? question.Answer : text.Trim()[..Math.Min(text.Trim().Length, 2000)];
                if (ev.OnStageQuestionId == question.Id) ev.OnStageQuestionId = null;
                break;
            case ModerationAction.Merge:
                if (mergeInto == question.Id) return ModerationRefusal.MergeIntoItself;
                other = await db.Set<LiveQuestion>().FirstOrDefaultAsync(q => q.Id == mergeInto && q.EventId == eventId, ct);
                if (other is null || other.State is QuestionState.Merged or QuestionState.Hidden) return ModerationRefusal.MergeTarget;
                question.State = QuestionState.Merged;
                question.MergedIntoId = other.Id;
                if (ev.OnStageQuestionId == question.Id) ev.OnStageQuestionId = null;
                await MoveSupportsAsync(question, other, now, ct);
                details = new { into = other.Id };
                break;
            case ModerationAction.Ban:
                if (!await db.Set<BannedParticipant>().AnyAsync(b => b.SenderKey == question.SenderKey, ct))
                    db.Add(new BannedParticipant { SenderKey = question.SenderKey, SenderLabel = question.SenderLabel, Reason = text?.Trim(), BannedAt = now, BannedBy = who });
                question.State = QuestionState.Hidden;
                if (ev.OnStageQuestionId == question.Id) ev.OnStageQuestionId = null;
                details = new { sender = question.SenderLabel, reason = text?.Trim() };
                break;
        }
        if (action != ModerationAction.Stage && action != ModerationAction.Answer) { question.DecidedAt = now; question.DecidedBy = who; }
        ev.UpdatedAt = now;
        await audit.RecordAsync(moderator, "live.question." + action.ToString().ToLowerInvariant(), "live-question",
            question.Id.ToString(CultureInfo.InvariantCulture),
            new { eventId, before, after = new { state = question.State.ToString(), question.Text }, details }, ct);
        if (action == ModerationAction.Ban) bans.Forget();
        updates.QuestionChanged(question, ev.OnStageQuestionId);
        if (other is not null) updates.QuestionChanged(other, ev.OnStageQuestionId);
        return ModerationRefusal.None;
    }

    /// <summary>The duplicate's asker and supporters support the question it was merged into (once each).</summary>
    private async Task MoveSupportsAsync(LiveQuestion duplicate, LiveQuestion into, DateTime now, CancellationToken ct)
    {
        var already = (await db.Set<QuestionSupport>().Where(s => s.QuestionId == into.Id).Select(s => s.SupporterKey).ToListAsync(ct)).ToHashSet();
        var moving = await db.Set<QuestionSupport>().Where(s => s.QuestionId == duplicate.Id).Select(s => s.SupporterKey).ToListAsync(ct);
        moving.Add(duplicate.SenderKey);
        foreach (var key in moving.Distinct().Where(k => k != into.SenderKey && already.Add(k)))
            db.Add(new QuestionSupport { QuestionId = into.Id, SupporterKey = key, SupportedAt = now });
        into.Supports = already.Count(k => k != into.SenderKey);
    }
}

/// <summary>The moderation console's list.</summary>
public static class ModerationQueue
{
    public const int PageSize = 200;
}
