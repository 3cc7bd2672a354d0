using System.Globalization;
using CityHall.Web.Modules.CityNetwork.Governance;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.CityNetwork.Admin;

/// <summary>
/// A meeting of a governing body: its details and minutes, its decisions, and recording a new decision with the vote of
/// each member entitled to vote that day (a member left "did not vote" is not counted). A full-membership decision
/// names an associate city; adopted, it makes it a full member.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class MeetingModel(AppDbContext db, DecisionRecording recording, AuditLog audit, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public MeetingDetails Details { get; set; } = new();
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    /// <summary>Each voter's vote by member id ("For", "Against", "Abstain"; empty: did not vote).</summary>
    [BindProperty(Name = "Votes")] public Dictionary<long, string?> Votes { get; set; } = [];

    public GovernanceMeeting Meeting { get; private set; } = null!;
    public IReadOnlyList<NetworkMember> Voters { get; private set; } = [];
    public IReadOnlyList<GovernanceDecision> Decisions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SubjectItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> VoteItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Details = MeetingDetails.From(Meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.CheckOnly("Details.");
        if (Details.HeldOn is null) ModelState.AddModelError("Details.HeldOn", t["Network.Meeting.DateRequired"]);
        else if (Details.HeldOn != Meeting.HeldOn && Decisions.Count > 0) ModelState.AddModelError("Details.HeldOn", t["Network.Meeting.DateFixed"]);
        if (!ModelState.IsValid) return Page();
        var meeting = await db.Set<GovernanceMeeting>().FirstAsync(m => m.Id == id, ct);
        var before = MeetingDetails.From(meeting);
        meeting.Title = Details.Title.Trim();
        meeting.HeldOn = Details.HeldOn!.Value;
        meeting.Place = string.IsNullOrWhiteSpace(Details.Place) ? null : Details.Place.Trim();
        meeting.Minutes = string.IsNullOrWhiteSpace(Details.Minutes) ? null : Details.Minutes.Trim();
        meeting.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "network.meeting.edit", "network-meeting", id.ToString(CultureInfo.InvariantCulture), new { before, after = MeetingDetails.From(meeting) }, ct);
        return Redirect($"/admin/network/meetings/{id}?saved=true");
    }

    public async Task<IActionResult> OnPostDecisionAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Details = MeetingDetails.From(Meeting);
        ModelState.CheckOnly("Decision.");
        if (Decision.Kind is not { } kind || !Enum.IsDefined(kind)) ModelState.AddModelError("Decision.Kind", t["Network.Decision.ChooseKind"]);
        else if (kind == DecisionKind.FullMembership && Decision.SubjectMemberId is null) ModelState.AddModelError("Decision.SubjectMemberId", t["Network.Decision.ChooseSubject"]);
        var votes = new Dictionary<long, VoteChoice>();
        foreach (var (memberId, choice) in Votes)
        {
            if (string.IsNullOrEmpty(choice)) continue;
            if (Enum.TryParse<VoteChoice>(choice, out var vote) && Enum.IsDefined(vote)) votes[memberId] = vote;
            else ModelState.AddModelError("Decision.Title", t["Network.Decision.BadVote"]);
        }
        if (!ModelState.IsValid) return Page();
        var (decision, refusal) = await recording.RecordAsync(User, id, Decision.Kind!.Value, Decision.Kind == DecisionKind.FullMembership ? Decision.SubjectMemberId : null,
            Decision.Title, Decision.Text, votes, ct);
        if (refusal is not null)
        {
            ModelState.AddModelError(refusal == "Network.Decision.NotAnAssociateCity" ? "Decision.SubjectMemberId" : "Decision.Title", t[refusal]);
            return Page();
        }
        return Redirect($"/admin/network/meetings/{id}?recorded={decision!.Id}#decision-{decision.Id}");
    }


    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await db.Set<GovernanceMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting) return false;
        Meeting = meeting;
        Voters = await recording.VotersAsync(meeting, ct);
        Decisions = await db.Set<GovernanceDecision>().AsNoTracking().Where(d => d.MeetingId == id).OrderBy(d => d.Id).ToListAsync(ct);
        var choose = t["Network.Choose"].Value;
        KindItems = [new(choose, ""), .. Enum.GetValues<DecisionKind>().Select(k => new SelectListItem(t[$"Network.DecisionKind.{k}"], k.ToString()))];
        SubjectItems = [new(choose, ""), .. (await db.Set<NetworkMember>().AsNoTracking()
            .Where(m => m.Status == MemberStatus.Active && m.Type == MembershipType.Associate && m.Kind == MemberKind.City).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => new SelectListItem(m.Name, m.Id.ToString(CultureInfo.InvariantCulture)))];
        VoteItems = [new(t["Network.Vote.None"], ""), .. Enum.GetValues<VoteChoice>().Select(v => new SelectListItem(t[$"Network.Vote.{v}"], v.ToString()))];
        return true;
    }

    public sealed class MeetingDetails
    {
        [Display(Name = "Network.Meeting.Title"), Required(ErrorMessage = "Network.Meeting.TitleRequired"), StringLength(GovernanceMeeting.TitleMax, ErrorMessage = "Form.TooLong")]
        public string Title { get; set; } = "";
        [Display(Name = "Network.Meeting.HeldOn")] public DateOnly? HeldOn { get; set; }
        [Display(Name = "Network.Meeting.Place"), StringLength(GovernanceMeeting.PlaceMax, ErrorMessage = "Form.TooLong")] public string? Place { get; set; }
        [Display(Name = "Network.Meeting.Minutes"), StringLength(GovernanceMeeting.MinutesMax, ErrorMessage = "Form.TooLong")] public string? Minutes { get; set; }

        public static MeetingDetails From(GovernanceMeeting m) => new() { Title = m.Title, HeldOn = m.HeldOn, Place = m.Place, Minutes = m.Minutes };
    }

    public sealed class DecisionInput
    {
        [Display(Name = "Network.Decision.Kind")] public DecisionKind? Kind { get; set; }
        [Display(Name = "Network.Decision.Subject")] public long? SubjectMemberId { get; set; }
        [Display(Name = "Network.Decision.Title"), Required(ErrorMessage = "Network.Decision.TitleRequired"), StringLength(GovernanceDecision.TitleMax, ErrorMessage = "Form.TooLong")]
        public string Title { get; set; } = "";
        [Display(Name = "Network.Decision.Text"), StringLength(GovernanceDecision.TextMax, ErrorMessage = "Form.TooLong")] public string? Text { get; set; }
    }
}
