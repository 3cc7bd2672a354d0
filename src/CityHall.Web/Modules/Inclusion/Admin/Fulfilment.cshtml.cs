using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Fulfilment;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Inclusion.Admin;

/// <summary>
/// What a programme gives out over time: its classes (level, site, sessions, capacity, instructor
/// and supporter, completion rule) or its appointment slots (time, capacity, who serves, visit /
/// remote / at a centre), with what is booked, and forms to add more. Audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + InclusionModule.Manage)]
public sealed class FulfilmentModel(ApplicationIntake intake, AppDbContext db, AuditLog audit, CityClock cityClock, IStringLocalizer<Text> t) : PageModel
{
    public ProgrammeTerms Terms { get; private set; } = null!;
    public IReadOnlyList<ClassCourse> Classes { get; private set; } = [];
    public IReadOnlyList<AppointmentSlot> Slots { get; private set; } = [];

    [BindProperty] public ClassInput NewClass { get; set; } = new();
    [BindProperty] public SlotInput NewSlots { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code) => await LoadAsync(code) ?? Page();

    public async Task<IActionResult> OnPostClassAsync(string code)
    {
        if (await LoadAsync(code) is { } missing) return missing;
        if (Terms.Programme.Fulfilment != FulfilmentKind.ClassSeat) return NotFound();
        ModelState.Forget("NewSlots.");
        var c = NewClass;
        if (string.IsNullOrWhiteSpace(c.TitleKo) || string.IsNullOrWhiteSpace(c.TitleEn)) ModelState.AddModelError("NewClass.TitleKo", t["Inclusion.Classes.Error.Title"]);
        if (string.IsNullOrWhiteSpace(c.Site)) ModelState.AddModelError("NewClass.Site", t["Inclusion.Classes.Error.Site"]);
        if (c.Capacity is not (>= 1 and <= 1000)) ModelState.AddModelError("NewClass.Capacity", t["Inclusion.Classes.Error.Capacity"]);
        if (string.IsNullOrWhiteSpace(c.Instructor) || string.IsNullOrWhiteSpace(c.Supporter)) ModelState.AddModelError("NewClass.Instructor", t["Inclusion.Classes.Error.Teachers"]);
        if (c.FirstSession is null) ModelState.AddModelError("NewClass.FirstSession", t["Inclusion.Classes.Error.FirstSession"]);
        if (c.Sessions is not (>= 1 and <= 52)) ModelState.AddModelError("NewClass.Sessions", t["Inclusion.Classes.Error.Sessions"]);
        if (c.Minutes is not (>= 10 and <= 480)) ModelState.AddModelError("NewClass.Minutes", t["Inclusion.Classes.Error.Minutes"]);
        if (c.EveryDays is not (>= 1 and <= 31)) ModelState.AddModelError("NewClass.EveryDays", t["Inclusion.Classes.Error.EveryDays"]);
        if (c.CompletionSessions is not { } need || need < 1 || need > (c.Sessions ?? 0)) ModelState.AddModelError("NewClass.CompletionSessions", t["Inclusion.Classes.Error.Completion"]);
        if (!ModelState.IsValid) return Page();
        var course = new ClassCourse
        {
            ProgrammeId = Terms.Programme.Id, TitleKo = c.TitleKo!.Trim(), TitleEn = c.TitleEn!.Trim(), Site = c.Site!.Trim(), Capacity = c.Capacity!.Value,
            Instructor = c.Instructor!.Trim(), Supporter = c.Supporter!.Trim(), CompletionSessions = c.CompletionSessions!.Value,
            Sessions = Enumerable.Range(0, c.Sessions!.Value).Select(i =>
            {
                var starts = cityClock.FromLocal(c.FirstSession!.Value.AddDays(i * c.EveryDays!.Value)).UtcDateTime;
                return new ClassSession { StartsAt = starts, EndsAt = starts.AddMinutes(c.Minutes!.Value) };
            }).ToList(),
        };
        db.Add(course);
        await db.SaveChangesAsync();
        await audit.RecordAsync(User, "inclusion.class.create", "inclusion-class", course.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { code, course.TitleKo, course.Site, course.Capacity, sessions = course.Sessions.Count, course.Instructor, course.Supporter }, HttpContext.RequestAborted);
        return Redirect($"/admin/inclusion/{code}/fulfilment");
    }

    public async Task<IActionResult> OnPostSlotsAsync(string code)
    {
        if (await LoadAsync(code) is { } missing) return missing;
        if (Terms.Programme.Fulfilment != FulfilmentKind.Appointment) return NotFound();
        ModelState.Forget("NewClass.");
        var s = NewSlots;
        var modes = Request.Form["NewSlots.Modes"].Select(m => Enum.TryParse<AppointmentMode>(m, out var mode) ? mode : (AppointmentMode?)null).ToList();
        if (s.Start is null) ModelState.AddModelError("NewSlots.Start", t["Inclusion.Slots.Error.Start"]);
        if (s.Minutes is not (>= 10 and <= 480)) ModelState.AddModelError("NewSlots.Minutes", t["Inclusion.Classes.Error.Minutes"]);
        if (s.Capacity is not (>= 1 and <= 100)) ModelState.AddModelError("NewSlots.Capacity", t["Inclusion.Slots.Error.Capacity"]);
        if (string.IsNullOrWhiteSpace(s.Staffer)) ModelState.AddModelError("NewSlots.Staffer", t["Inclusion.Slots.Error.Staffer"]);
        if (modes.Count == 0 || modes.Any(m => m is null)) ModelState.AddModelError("NewSlots.Modes", t["Inclusion.Slots.Error.Modes"]);
        if (s.Days is not (>= 1 and <= 60)) ModelState.AddModelError("NewSlots.Days", t["Inclusion.Slots.Error.Days"]);
        if (!ModelState.IsValid) return Page();
        var slots = Enumerable.Range(0, s.Days!.Value).Select(i =>
        {
            var starts = cityClock.FromLocal(s.Start!.Value.AddDays(i)).UtcDateTime;
            return new AppointmentSlot { ProgrammeId = Terms.Programme.Id, StartsAt = starts, EndsAt = starts.AddMinutes(s.Minutes!.Value), Capacity = s.Capacity!.Value,
                Staffer = s.Staffer!.Trim(), Modes = modes.Select(m => m!.Value).Distinct().ToList() };
        }).ToList();
        db.AddRange(slots);
        await db.SaveChangesAsync();
        await audit.RecordAsync(User, "inclusion.slots.create", "inclusion-programme", code, new { count = slots.Count, first = slots[0].StartsAt, s.Capacity, s.Staffer }, HttpContext.RequestAborted);
        return Redirect($"/admin/inclusion/{code}/fulfilment");
    }

    private async Task<IActionResult?> LoadAsync(string code)
    {
        var ct = HttpContext.RequestAborted;
        if (await intake.FindProgrammeAsync(code, ct) is not { } terms) return NotFound();
        Terms = terms;
        Classes = await db.Set<ClassCourse>().AsNoTracking().Include(c => c.Sessions).Where(c => c.ProgrammeId == terms.Programme.Id).OrderByDescending(c => c.Id).Take(200).ToListAsync(ct);
        Slots = await db.Set<AppointmentSlot>().AsNoTracking().Where(x => x.ProgrammeId == terms.Programme.Id).OrderByDescending(x => x.StartsAt).Take(200).ToListAsync(ct);
        return null;
    }

    public sealed class ClassInput
    {
        [Display(Name = "Inclusion.Classes.TitleKo")] public string? TitleKo { get; set; }
        [Display(Name = "Inclusion.Classes.TitleEn")] public string? TitleEn { get; set; }
        [Display(Name = "Inclusion.Classes.Site")] public string? Site { get; set; }
        [Display(Name = "Inclusion.Classes.Capacity")] public int? Capacity { get; set; }
        [Display(Name = "Inclusion.Classes.Instructor")] public string? Instructor { get; set; }
        [Display(Name = "Inclusion.Classes.Supporter")] public string? Supporter { get; set; }
        [Display(Name = "Inclusion.Classes.FirstSession")] public DateTime? FirstSession { get; set; }
        [Display(Name = "Inclusion.Classes.Sessions")] public int? Sessions { get; set; }
        [Display(Name = "Inclusion.Classes.Minutes")] public int? Minutes { get; set; }
        [Display(Name = "Inclusion.Classes.EveryDays")] public int? EveryDays { get; set; } = 7;
        [Display(Name = "Inclusion.Classes.CompletionSessions")] public int? CompletionSessions { get; set; }
    }

    public sealed class SlotInput
    {
        [Display(Name = "Inclusion.Slots.Start")] public DateTime? Start { get; set; }
        [Display(Name = "Inclusion.Classes.Minutes")] public int? Minutes { get; set; } = 60;
        [Display(Name = "Inclusion.Slots.Capacity")] public int? Capacity { get; set; } = 1;
        [Display(Name = "Inclusion.Slots.Staffer")] public string? Staffer { get; set; }
        [Display(Name = "Inclusion.Slots.Days")] public int? Days { get; set; } = 1;
    }
}
