using System.Globalization;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Broadcasts.Admin;

/// <summary>
/// A schedule change at a date and time (city time): a special programme, a regular programme at
/// another time, or off air. It replaces whatever the weekly schedule has in that time. Audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + BroadcastsModule.Edit)]
public sealed class ChangeModel(AppDbContext db, AuditLog audit, CityClock clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public ChangeInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> ChannelItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> KindItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ProgrammeItems { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ChannelItems.Any(c => c.Value == Input.Channel)) ModelState.AddModelError("Input.Channel", t["Broadcasts.Admin.ChooseChannel"]);
        if (!DateOnly.TryParseExact(Input.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            ModelState.AddModelError("Input.Date", t["Broadcasts.Admin.BadDate"]);
        if (!ClockTime.TryParse(Input.Start, out var start))
            ModelState.AddModelError("Input.Start", t["Form.BadTime"]);
        if (Input.Minutes is not (>= 1 and <= ProgrammeModel.MaxMinutes)) ModelState.AddModelError("Input.Minutes", t["Broadcasts.Admin.BadMinutes", ProgrammeModel.MaxMinutes]);
        long? programmeId = null;
        switch (Input.Kind)
        {
            case "special" when string.IsNullOrWhiteSpace(Input.TitleKo):
                ModelState.AddModelError("Input.TitleKo", t["Broadcasts.Admin.TitleRequired"]); break;
            case "moved" when !long.TryParse(Input.Programme, CultureInfo.InvariantCulture, out var pid)
                || !await db.Set<Programme>().AnyAsync(p => p.Id == pid && p.ChannelCode == Input.Channel):
                ModelState.AddModelError("Input.Programme", t["Broadcasts.Admin.ChooseProgramme"]); break;
            case "moved": programmeId = long.Parse(Input.Programme!, CultureInfo.InvariantCulture); break;
            case "special" or "off-air": break;
            default: ModelState.AddModelError("Input.Kind", t["Broadcasts.Admin.ChooseKind"]); break;
        }
        if (!ModelState.IsValid) return Page();

        var starts = clock.FromLocal(date.ToDateTime(start)).UtcDateTime;
        var change = new ScheduleException
        {
            ChannelCode = Input.Channel, StartsAt = starts, EndsAt = starts.AddMinutes(Input.Minutes!.Value), ProgrammeId = programmeId,
            OffAir = Input.Kind == "off-air",
            TitleKo = Input.Kind == "special" ? Input.TitleKo!.Trim() : null,
            TitleEn = Input.Kind == "special" && !string.IsNullOrWhiteSpace(Input.TitleEn) ? Input.TitleEn.Trim() : null,
            Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim(),
        };
        db.Add(change);
        await db.SaveChangesAsync();
        await audit.RecordAsync(User, "broadcasts.change.add", "schedule-change", change.Id.ToString(CultureInfo.InvariantCulture),
            new { change.ChannelCode, change.StartsAt, change.EndsAt, Input.Kind, change.ProgrammeId, change.TitleKo, change.Note });
        return Redirect("/admin/broadcasts");
    }

    private async Task LoadAsync()
    {
        ChannelItems = (await db.Set<BroadcastChannel>().AsNoTracking().OrderBy(c => c.Order).ToListAsync()).Select(c => new SelectListItem(c.NameKo, c.Code)).ToList();
        KindItems = [new(t["Broadcasts.Admin.Kind.special"], "special"), new(t["Broadcasts.Admin.Kind.moved"], "moved"), new(t["Broadcasts.Admin.Kind.off-air"], "off-air")];
        ProgrammeItems = [new(t["Broadcasts.Admin.NoProgramme"], ""), .. (await db.Set<Programme>().AsNoTracking().OrderBy(p => p.ChannelCode).ThenBy(p => p.TitleKo)
            .Select(p => new { p.Id, p.ChannelCode, p.TitleKo }).ToListAsync())
            .Select(p => new SelectListItem($"{p.TitleKo} ({p.ChannelCode})", p.Id.ToString(CultureInfo.InvariantCulture)))];
    }

    public sealed class ChangeInput
    {
        [Display(Name = "Broadcasts.Admin.Channel")] public string Channel { get; set; } = "";
        [Display(Name = "Broadcasts.Admin.Date")] public string? Date { get; set; }
        [Display(Name = "Broadcasts.Admin.Start")] public string? Start { get; set; }
        [Display(Name = "Broadcasts.Admin.Minutes")] public int? Minutes { get; set; }
        [Display(Name = "Broadcasts.Admin.What")] public string Kind { get; set; } = "special";
        [Display(Name = "Broadcasts.Admin.TitleKo"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? TitleKo { get; set; }
        [Display(Name = "Broadcasts.Admin.TitleEn"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? TitleEn { get; set; }
        [Display(Name = "Broadcasts.Admin.MovedProgramme")] public string? Programme { get; set; }
        [Display(Name = "Broadcasts.Admin.Note"), StringLength(300, ErrorMessage = "Form.TooLong")] public string? Note { get; set; }
    }
}
