using System.Globalization;
using CityHall.Web.Modules.CityNetwork.Governance;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Admin;

/// <summary>
/// The secretariat's record of governance: the Executive Committee's seats with their offices and terms (at most
/// the settings' number on any day, one President and one Secretary General at a time, one seat a member), the
/// meetings of both bodies, and when the next General Assembly is due.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class GovernanceModel(AppDbContext db, AuditLog audit, CityClock clock, IOptionsMonitor<CityNetworkOptions> options, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public SeatInput Seat { get; set; } = new();
    [BindProperty] public MeetingInput Meeting { get; set; } = new();
    [TempData] public string? Refusal { get; set; }

    public IReadOnlyList<(CommitteeSeat Seat, NetworkMember Member)> Seats { get; private set; } = [];
    public IReadOnlyList<GovernanceMeeting> Meetings { get; private set; } = [];
    public IReadOnlyList<SelectListItem> MemberItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> OfficeItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> BodyItems { get; private set; } = [];
    public DateOnly Today => DateOnly.FromDateTime(clock.Now.DateTime);
    public int HeldToday { get; private set; }
    public DateOnly? NextAssemblyDue { get; private set; }
    public CityNetworkOptions Network => options.CurrentValue;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSeatAsync(CancellationToken ct)
    {
        ModelState.CheckOnly("Seat.");
        if (Seat.Office is not { } office || !Enum.IsDefined(office)) ModelState.AddModelError("Seat.Office", t["Network.Seat.ChooseOffice"]);
        if (Seat.TermStart is null) ModelState.AddModelError("Seat.TermStart", t["Network.Seat.StartRequired"]);
        if (Seat.TermEnd is null) ModelState.AddModelError("Seat.TermEnd", t["Network.Seat.EndRequired"]);
        var member = Seat.MemberId is { } id ? await db.Set<NetworkMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.Status == MemberStatus.Active, ct) : null;
        if (member is null) ModelState.AddModelError("Seat.MemberId", t["Network.Seat.ChooseMember"]);
        if (ModelState.IsValid)
        {
            var (start, end) = (Seat.TermStart!.Value, Seat.TermEnd!.Value);
            var seats = await db.Set<CommitteeSeat>().AsNoTracking().Where(s => s.TermStart <= end && s.TermEnd >= start).ToListAsync(ct);
            if (GovernanceRules.SeatRefusal(seats, member!.Id, Seat.Office!.Value, start, end, Network.ExecutiveCommitteeSeats) is { } refusal)
                ModelState.AddModelError("Seat.MemberId", t[refusal, Network.ExecutiveCommitteeSeats]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var seat = new CommitteeSeat { MemberId = member!.Id, Office = Seat.Office!.Value, TermStart = Seat.TermStart!.Value, TermEnd = Seat.TermEnd!.Value };
        db.Add(seat);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "network.seat.add", "network-member", member.Id.ToString(CultureInfo.InvariantCulture),
            new { seat.Id, office = seat.Office.ToString(), seat.TermStart, seat.TermEnd }, ct);
        return Redirect("/admin/network/governance?saved=true");
    }

    /// <summary>Ends a seat before its term (a member withdrew, an office changed hands) on the day given.</summary>
    public async Task<IActionResult> OnPostEndSeatAsync(long seatId, DateOnly? endOn, CancellationToken ct)
    {
        var seat = await db.Set<CommitteeSeat>().FirstOrDefaultAsync(s => s.Id == seatId, ct);
        if (seat is null) return NotFound();
        if (endOn is not { } day || day < seat.TermStart || day >= seat.TermEnd) Refusal = t["Network.Seat.BadEnd"];
        else
        {
            var before = seat.TermEnd;
            seat.TermEnd = day;
            await db.SaveChangesAsync(ct);
            await audit.RecordAsync(User, "network.seat.end", "network-member", seat.MemberId.ToString(CultureInfo.InvariantCulture), new { seat.Id, before, after = day }, ct);
        }
        return Redirect("/admin/network/governance");
    }

    public async Task<IActionResult> OnPostMeetingAsync(CancellationToken ct)
    {
        ModelState.CheckOnly("Meeting.");
        if (Meeting.Body is not { } body || !Enum.IsDefined(body)) ModelState.AddModelError("Meeting.Body", t["Network.Meeting.ChooseBody"]);
        if (Meeting.HeldOn is null) ModelState.AddModelError("Meeting.HeldOn", t["Network.Meeting.DateRequired"]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var meeting = new GovernanceMeeting
        {
            Body = Meeting.Body!.Value, Title = Meeting.Title.Trim(), HeldOn = Meeting.HeldOn!.Value,
            Place = string.IsNullOrWhiteSpace(Meeting.Place) ? null : Meeting.Place.Trim(), UpdatedAt = clock.Now.UtcDateTime,
        };
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, "network.meeting.create", "network-meeting", meeting.Id.ToString(CultureInfo.InvariantCulture),
            new { body = meeting.Body.ToString(), meeting.Title, meeting.HeldOn, meeting.Place }, ct);
        return Redirect($"/admin/network/meetings/{meeting.Id}");
    }


    private async Task LoadAsync(CancellationToken ct)
    {
        var today = Today;
        var since = today.AddYears(-Network.GeneralAssemblyYears);
        Seats = (await db.Set<CommitteeSeat>().AsNoTracking().Where(s => s.TermEnd >= since)
            .Join(db.Set<NetworkMember>(), s => s.MemberId, m => m.Id, (s, m) => new { s, m }).ToListAsync(ct))
            .OrderBy(x => x.s.TermEnd < today).ThenBy(x => x.s.Office).ThenBy(x => x.m.Name).Select(x => (x.s, x.m)).ToList();
        HeldToday = Seats.Count(x => x.Seat.HeldOn(today));
        Meetings = await db.Set<GovernanceMeeting>().AsNoTracking().OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(ct);
        NextAssemblyDue = Meetings.Where(m => m.Body == GoverningBody.GeneralAssembly).Select(m => (DateOnly?)m.HeldOn).FirstOrDefault()?.AddYears(Network.GeneralAssemblyYears);
        var choose = t["Network.Choose"].Value;
        MemberItems = [new(choose, ""), .. (await db.Set<NetworkMember>().AsNoTracking().Where(m => m.Status == MemberStatus.Active).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => new SelectListItem(m.Name, m.Id.ToString(CultureInfo.InvariantCulture)))];
        OfficeItems = [new(choose, ""), .. Enum.GetValues<CommitteeOffice>().Select(o => new SelectListItem(t[$"Network.Office.{o}"], o.ToString()))];
        BodyItems = [new(choose, ""), .. Enum.GetValues<GoverningBody>().Select(b => new SelectListItem(t[$"Network.Body.{b}"], b.ToString()))];
    }

    public sealed class SeatInput
    {
        [Display(Name = "Network.Seat.Member")] public long? MemberId { get; set; }
        [Display(Name = "Network.Seat.Office")] public CommitteeOffice? Office { get; set; }
        [Display(Name = "Network.Seat.TermStart")] public DateOnly? TermStart { get; set; }
        [Display(Name = "Network.Seat.TermEnd")] public DateOnly? TermEnd { get; set; }
    }

    public sealed class MeetingInput
    {
        [Display(Name = "Network.Meeting.Body")] public GoverningBody? Body { get; set; }
        [Display(Name = "Network.Meeting.Title"), Required(ErrorMessage = "Network.Meeting.TitleRequired"), StringLength(GovernanceMeeting.TitleMax, ErrorMessage = "Form.TooLong")]
        public string Title { get; set; } = "";
        [Display(Name = "Network.Meeting.HeldOn")] public DateOnly? HeldOn { get; set; }
        [Display(Name = "Network.Meeting.Place"), StringLength(GovernanceMeeting.PlaceMax, ErrorMessage = "Form.TooLong")] public string? Place { get; set; }
    }
}
