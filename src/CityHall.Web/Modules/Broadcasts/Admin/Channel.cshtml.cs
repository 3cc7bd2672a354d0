using CityHall.Web.Platform.Audit;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.Broadcasts.Admin;

/// <summary>A channel's names, how to tune in, and its live stream and website. Audited.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + BroadcastsModule.Edit)]
public sealed class ChannelModel(AppDbContext db, AuditLog audit, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public ChannelInput Input { get; set; } = new();
    public BroadcastChannel Channel { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> MediumItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await LoadAsync(code) is { } missing) return missing;
        Input = new ChannelInput { NameKo = Channel.NameKo, NameEn = Channel.NameEn, Medium = Channel.Medium, Frequency = Channel.Frequency, LiveUrl = Channel.LiveUrl, Website = Channel.Website };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (await LoadAsync(code) is { } missing) return missing;
        foreach (var (field, value) in new[] { ("Input.LiveUrl", Input.LiveUrl), ("Input.Website", Input.Website) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !WebAddress.IsValid(value))
                ModelState.AddModelError(field, t["Form.BadWebsite"]);
        }
        if (!ModelState.IsValid) return Page();
        var channel = await db.Set<BroadcastChannel>().SingleAsync(c => c.Code == code);
        var before = new { channel.NameKo, channel.NameEn, channel.Medium, channel.Frequency, channel.LiveUrl, channel.Website };
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        (channel.NameKo, channel.NameEn, channel.Medium, channel.Frequency, channel.LiveUrl, channel.Website) =
            (Input.NameKo.Trim(), Input.NameEn.Trim(), Input.Medium, Clean(Input.Frequency), Clean(Input.LiveUrl), Clean(Input.Website));
        await audit.RecordAsync(User, "broadcasts.channel.edit", "broadcast-channel", code,
            new { before, after = new { channel.NameKo, channel.NameEn, channel.Medium, channel.Frequency, channel.LiveUrl, channel.Website } });
        return Redirect("/admin/broadcasts");
    }

    private async Task<IActionResult?> LoadAsync(string code)
    {
        if (await db.Set<BroadcastChannel>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code) is not { } channel) return NotFound();
        Channel = channel;
        MediumItems = Enum.GetValues<BroadcastMedium>().Select(m => new SelectListItem(t[$"Broadcasts.Medium.{m}"], m.ToString())).ToList();
        return null;
    }

    public sealed class ChannelInput
    {
        [Display(Name = "Field.NameKo"), Required(ErrorMessage = "Field.NameKoRequired"), StringLength(100, ErrorMessage = "Form.TooLong")] public string NameKo { get; set; } = "";
        [Display(Name = "Field.NameEn"), Required(ErrorMessage = "Broadcasts.Admin.NameEnRequired"), StringLength(100, ErrorMessage = "Form.TooLong")] public string NameEn { get; set; } = "";
        [Display(Name = "Broadcasts.Admin.Medium")] public BroadcastMedium Medium { get; set; }
        [Display(Name = "Broadcasts.Admin.Frequency"), StringLength(100, ErrorMessage = "Form.TooLong")] public string? Frequency { get; set; }
        [Display(Name = "Broadcasts.Admin.LiveUrl"), StringLength(500, ErrorMessage = "Form.TooLong")] public string? LiveUrl { get; set; }
        [Display(Name = "Field.Website"), StringLength(500, ErrorMessage = "Form.TooLong")] public string? Website { get; set; }
    }
}
