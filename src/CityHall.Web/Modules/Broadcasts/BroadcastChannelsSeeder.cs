using CityHall.Web.Platform.Hosting;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Broadcasts;

/// <summary>The "Broadcasts" configuration section: the city's channels, added to the database the first time they appear.</summary>
public sealed class BroadcastOptions
{
    public const string Section = "Broadcasts";

    public List<ChannelSetting> Channels { get; set; } = [];

    public sealed class ChannelSetting
    {
        public string Code { get; set; } = "";
        public string NameKo { get; set; } = "";
        public string NameEn { get; set; } = "";
        public BroadcastMedium Medium { get; set; }
        public string? Frequency { get; set; }
        public string? LiveUrl { get; set; }
        public string? Website { get; set; }
    }
}

/// <summary>
/// Adds the configured channels that are not in the database yet (staff edit them afterwards). The
/// demo seed also gives each channel a week of sample programmes, named as samples, so a fresh
/// installation shows what the guide looks like; a real schedule is entered by staff.
/// </summary>
public sealed class BroadcastChannelsSeeder(AppDbContext db, IOptionsMonitor<BroadcastOptions> options, TimeProvider clock) : IDataSeeder
{
    public int Order => 50;

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        var known = await db.Set<BroadcastChannel>().Select(c => c.Code).ToListAsync(ct);
        var order = known.Count;
        foreach (var c in options.CurrentValue.Channels.Where(c => c.Code.Length > 0 && !known.Contains(c.Code)))
        {
            db.Add(new BroadcastChannel
            {
                Code = c.Code, NameKo = c.NameKo, NameEn = c.NameEn, Medium = c.Medium, Frequency = c.Frequency, LiveUrl = c.LiveUrl, Website = c.Website, Order = ++order,
            });
        }
        await db.SaveChangesAsync(ct);
        if (includeDemo && !await db.Set<Programme>().AnyAsync(ct)) await SeedSamplesAsync(ct);
    }

    private async Task SeedSamplesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DayOfWeek[] weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        foreach (var channel in await db.Set<BroadcastChannel>().ToListAsync(ct))
        {
            (string Ko, string En, int Hour, int Minutes, DayOfWeek[] Days)[] samples =
            [
                ("[예시] 아침 교통 정보", "[Sample] Morning traffic", 7, 120, weekdays),
                ("[예시] 시민의 목소리", "[Sample] Citizens' voices", 10, 60, weekdays),
                ("[예시] 저녁 뉴스", "[Sample] Evening news", 18, 60, Enum.GetValues<DayOfWeek>()),
                ("[예시] 심야 음악", "[Sample] Late-night music", 23, 120, Enum.GetValues<DayOfWeek>()),
            ];
            foreach (var (ko, en, hour, minutes, days) in samples)
            {
                db.Add(new Programme
                {
                    ChannelCode = channel.Code, TitleKo = ko, TitleEn = en, UpdatedAt = now,
                    Slots = days.Select(d => new ProgrammeSlot { Day = d, Start = new TimeOnly(hour, 0), Minutes = minutes }).ToList(),
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
