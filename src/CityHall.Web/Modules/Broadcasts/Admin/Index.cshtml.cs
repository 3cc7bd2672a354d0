using System.Globalization;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Broadcasts.Admin;

/// <summary>Staff's view of the schedules: the channels, each channel's programmes with their weekly times, and the coming schedule changes (removable).</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + BroadcastsModule.Edit)]
public sealed class IndexModel(AppDbContext db, AuditLog audit, CityClock clock, TimeProvider time) : PageModel
{
    public IReadOnlyList<BroadcastChannel> Channels { get; private set; } = [];
    public ILookup<string, Programme> Programmes { get; private set; } = null!;
    public IReadOnlyList<ScheduleException> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Channels = await db.Set<BroadcastChannel>().AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Code).ToListAsync(ct);
        Programmes = (await db.Set<Programme>().AsNoTracking().Include(p => p.Slots).OrderBy(p => p.TitleKo).ToListAsync(ct)).ToLookup(p => p.ChannelCode);
        var since = time.GetUtcNow().UtcDateTime.AddDays(-1);
        Changes = await db.Set<ScheduleException>().AsNoTracking().Where(e => e.EndsAt > since).OrderBy(e => e.StartsAt).Take(200).ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostDeleteChangeAsync(long id)
    {
        if (await db.Set<ScheduleException>().FirstOrDefaultAsync(e => e.Id == id) is not { } change) return NotFound();
        db.Remove(change);
        await audit.RecordAsync(User, "broadcasts.change.delete", "schedule-change", id.ToString(CultureInfo.InvariantCulture),
            new { change.ChannelCode, change.StartsAt, change.EndsAt, change.ProgrammeId, change.TitleKo, change.OffAir });
        return Redirect("/admin/broadcasts");
    }

    public string Local(DateTime utc, string format) => clock.ToLocal(new DateTimeOffset(utc, TimeSpan.Zero)).ToString(format, CultureInfo.CurrentCulture);

    public static string SlotText(ProgrammeSlot s, CultureInfo culture) =>
        $"{culture.DateTimeFormat.GetAbbreviatedDayName(s.Day)} {s.Start.ToString("HH:mm", culture)}–{s.Start.AddMinutes(s.Minutes).ToString("HH:mm", culture)}";
}
