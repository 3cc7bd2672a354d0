using System.Globalization;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Broadcasts.Admin;

/// <summary>
/// A programme's details and weekly slots: add slots for several days at once ("weekdays 07:00 for
/// 120 minutes"), remove a slot, delete the programme. Slots of a channel may not overlap. Audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + BroadcastsModule.Edit)]
public sealed class ProgrammeModel(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    public const int MaxMinutes = 24 * 60;

    [BindProperty] public ProgrammeInput Input { get; set; } = new();
    [BindProperty] public SlotInput Slot { get; set; } = new();

    public Programme? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> ChannelItems { get; private set; } = [];

    /// <summary>"new" (0), a programme's id, or not a page (-1).</summary>

    public async Task<IActionResult> OnGetAsync(string id, string? channel)
    {
        if (await LoadAsync(EditRoutes.IdOf(id)) is { } missing) return missing;
        if (Existing is null) Input.Channel = channel ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var programmeId = EditRoutes.IdOf(id);
        var input = Input;
        if (await LoadAsync(programmeId) is { } missing) return missing;
        Input = input;
        ModelState.Remove("Slot.Start"); ModelState.Remove("Slot.Minutes");
        if (!ChannelItems.Any(c => c.Value == Input.Channel)) ModelState.AddModelError("Input.Channel", t["Broadcasts.Admin.ChooseChannel"]);
        if (!ModelState.IsValid) return Page();
        var programme = Existing is null ? db.Add(new Programme { ChannelCode = Input.Channel, TitleKo = "" }).Entity : await db.Set<Programme>().SingleAsync(p => p.Id == programmeId);
        var before = Existing is null ? null : new { Existing.ChannelCode, Existing.TitleKo, Existing.TitleEn, Existing.Hosts };
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        (programme.ChannelCode, programme.TitleKo, programme.TitleEn, programme.DescriptionKo, programme.DescriptionEn, programme.Hosts) =
            (Input.Channel, Input.TitleKo.Trim(), Clean(Input.TitleEn), Clean(Input.DescriptionKo), Clean(Input.DescriptionEn), Clean(Input.Hosts));
        programme.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (Existing is null) await db.SaveChangesAsync();
        await audit.RecordAsync(User, Existing is null ? "broadcasts.programme.create" : "broadcasts.programme.edit", "programme",
            programme.Id.ToString(CultureInfo.InvariantCulture), new { before, after = new { programme.ChannelCode, programme.TitleKo, programme.TitleEn, programme.Hosts } });
        return Redirect($"/admin/broadcasts/programmes/{programme.Id}");
    }

    public async Task<IActionResult> OnPostAddSlotsAsync(string id)
    {
        var slot = Slot;
        var programmeId = EditRoutes.IdOf(id);
        if (programmeId <= 0 || await LoadAsync(programmeId) is not null) return NotFound();
        Slot = slot;
        ModelState.Clear();
        var days = Slot.Days.Distinct().Where(Enum.IsDefined).ToList();
        if (days.Count == 0) ModelState.AddModelError("Slot.Days", t["Broadcasts.Admin.ChooseDays"]);
        if (!ClockTime.TryParse(Slot.Start, out var start))
            ModelState.AddModelError("Slot.Start", t["Form.BadTime"]);
        if (Slot.Minutes is not (>= 1 and <= MaxMinutes)) ModelState.AddModelError("Slot.Minutes", t["Broadcasts.Admin.BadMinutes", MaxMinutes]);
        if (!ModelState.IsValid) return Page();

        // A channel plays one thing at a time: a new slot may not overlap another programme's (or this one's).
        var channel = Existing!.ChannelCode;
        var channelSlots = await (from p in db.Set<Programme>().AsNoTracking()
                                  join s in db.Set<ProgrammeSlot>().AsNoTracking() on p.Id equals s.ProgrammeId
                                  where p.ChannelCode == channel
                                  select new { p.TitleKo, s.Day, s.Start, s.Minutes }).ToListAsync();
        static int WeekMinute(DayOfWeek day, TimeOnly time) => (int)day * 1440 + time.Hour * 60 + time.Minute;
        foreach (var day in days)
        {
            var from = WeekMinute(day, start);
            var clash = channelSlots.FirstOrDefault(s =>
            {
                var other = WeekMinute(s.Day, s.Start);
                // Compare on a week that wraps around (a Sunday-night slot runs into Monday).
                return Enumerable.Range(-1, 3).Any(w => other + w * 7 * 1440 < from + Slot.Minutes!.Value && from < other + w * 7 * 1440 + s.Minutes);
            });
            if (clash is not null)
            {
                ModelState.AddModelError("Slot.Days", t["Broadcasts.Admin.Overlaps", CultureInfo.CurrentUICulture.DateTimeFormat.GetDayName(day), clash.TitleKo]);
                return Page();
            }
        }
        db.AddRange(days.Select(d => new ProgrammeSlot { ProgrammeId = programmeId, Day = d, Start = start, Minutes = Slot.Minutes!.Value }));
        var programme = await db.Set<Programme>().SingleAsync(p => p.Id == programmeId);
        programme.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(User, "broadcasts.slots.add", "programme", programmeId.ToString(CultureInfo.InvariantCulture),
            new { days = days.Select(d => d.ToString()), start = start.ToString("HH:mm", CultureInfo.InvariantCulture), Slot.Minutes });
        return Redirect($"/admin/broadcasts/programmes/{programmeId}");
    }

    public async Task<IActionResult> OnPostRemoveSlotAsync(string id, long slot)
    {
        var programmeId = EditRoutes.IdOf(id);
        if (await db.Set<ProgrammeSlot>().FirstOrDefaultAsync(s => s.Id == slot && s.ProgrammeId == programmeId) is not { } found) return NotFound();
        db.Remove(found);
        (await db.Set<Programme>().SingleAsync(p => p.Id == programmeId)).UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(User, "broadcasts.slots.remove", "programme", programmeId.ToString(CultureInfo.InvariantCulture),
            new { day = found.Day.ToString(), start = found.Start.ToString("HH:mm", CultureInfo.InvariantCulture), found.Minutes });
        return Redirect($"/admin/broadcasts/programmes/{programmeId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        var programmeId = EditRoutes.IdOf(id);
        if (await db.Set<Programme>().FirstOrDefaultAsync(p => p.Id == programmeId) is not { } programme) return NotFound();
        db.Remove(programme);
        await audit.RecordAsync(User, "broadcasts.programme.delete", "programme", id, new { programme.ChannelCode, programme.TitleKo });
        return Redirect("/admin/broadcasts");
    }

    private async Task<IActionResult?> LoadAsync(long id)
    {
        if (id < 0) return NotFound();
        ChannelItems = (await db.Set<BroadcastChannel>().AsNoTracking().OrderBy(c => c.Order).ToListAsync()).Select(c => new SelectListItem(c.NameKo, c.Code)).ToList();
        if (id == 0) return null;
        if (await db.Set<Programme>().AsNoTracking().Include(p => p.Slots).FirstOrDefaultAsync(p => p.Id == id) is not { } programme) return NotFound();
        Existing = programme;
        Input = new ProgrammeInput
        {
            Channel = programme.ChannelCode, TitleKo = programme.TitleKo, TitleEn = programme.TitleEn, DescriptionKo = programme.DescriptionKo,
            DescriptionEn = programme.DescriptionEn, Hosts = programme.Hosts,
        };
        return null;
    }

    public sealed class ProgrammeInput
    {
        [Display(Name = "Broadcasts.Admin.Channel")] public string Channel { get; set; } = "";
        [Display(Name = "Broadcasts.Admin.TitleKo"), Required(ErrorMessage = "Broadcasts.Admin.TitleRequired"), StringLength(200, ErrorMessage = "Form.TooLong")]
        public string TitleKo { get; set; } = "";
        [Display(Name = "Broadcasts.Admin.TitleEn"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? TitleEn { get; set; }
        [Display(Name = "Field.DescriptionKo"), StringLength(2000, ErrorMessage = "Form.TooLong")] public string? DescriptionKo { get; set; }
        [Display(Name = "Field.DescriptionEn"), StringLength(2000, ErrorMessage = "Form.TooLong")] public string? DescriptionEn { get; set; }
        [Display(Name = "Broadcasts.Admin.Hosts"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? Hosts { get; set; }
    }

    public sealed class SlotInput
    {
        public List<DayOfWeek> Days { get; set; } = [];
        [Display(Name = "Broadcasts.Admin.Start")] public string? Start { get; set; }
        [Display(Name = "Broadcasts.Admin.Minutes")] public int? Minutes { get; set; }
    }
}
