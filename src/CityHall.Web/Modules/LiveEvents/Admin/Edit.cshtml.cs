using System.Globalization;
using System.Text.RegularExpressions;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.LiveEvents.Admin;

/// <summary>Creating or changing an event: its text in both languages, times, stream, captions, who may ask, SMS number, hashtag, hold list. Audited.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + LiveEventsModule.Manage)]
public sealed class EditModel(AppDbContext db, AuditLog audit, CityClock cityClock, LiveEventDirectory events, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty] public LiveEventInput Input { get; set; } = new();
    public LiveEvent? Existing { get; private set; }
    public IReadOnlyList<SelectListItem> StreamItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> AskItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id) is { } missing) return missing;
        if (Existing is { } ev) Input = LiveEventInput.From(ev, cityClock);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id) is { } missing) return missing;
        Input.Validate(ModelState, t);
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        var ev = Existing is null
            ? db.Add(new LiveEvent { TitleKo = "", CreatedAt = now, State = LiveEventState.Scheduled }).Entity
            : await db.Set<LiveEvent>().SingleAsync(e => e.Id == Existing.Id, ct);
        var before = Existing is null ? null : Summary(Existing);
        Input.ApplyTo(ev, cityClock);
        ev.UpdatedAt = now;
        if (Existing is null) await db.SaveChangesAsync(ct);
        await audit.RecordAsync(User, Existing is null ? "live.event.create" : "live.event.edit", "live-event",
            ev.Id.ToString(CultureInfo.InvariantCulture), new { before, after = Summary(ev) }, ct);
        events.Forget(ev.Id);
        return Redirect($"/admin/live/{ev.Id}");
    }

    private static object Summary(LiveEvent e) => new
    {
        e.TitleKo, e.TitleEn, e.StartsAt, e.EndsAt, StreamKind = e.StreamKind.ToString(), e.StreamUrl, e.CaptionsUrl,
        AskPolicy = e.AskPolicy.ToString(), e.SmsNumber, e.Hashtag, e.HoldKeywords,
    };

    private async Task<IActionResult?> LoadAsync(string id)
    {
        StreamItems = Enum.GetValues<StreamKind>().Select(k => new SelectListItem(t["LiveEvents.Stream." + k].Value, k.ToString())).ToList();
        AskItems = Enum.GetValues<AskPolicy>().Select(k => new SelectListItem(t["LiveEvents.Ask." + k].Value, k.ToString())).ToList();
        if (id == "new") return null;
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var eventId)) return NotFound();
        Existing = await db.Set<LiveEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId);
        return Existing is null ? NotFound() : null;
    }
}

/// <summary>The event form, its checks, and how it maps onto an event.</summary>
public sealed partial class LiveEventInput
{
    [Display(Name = "LiveEvents.Field.TitleKo"), Required(ErrorMessage = "LiveEvents.Error.TitleRequired"), StringLength(200, ErrorMessage = "Form.TooLong")]
    public string TitleKo { get; set; } = "";
    [Display(Name = "LiveEvents.Field.TitleEn"), StringLength(200, ErrorMessage = "Form.TooLong")] public string? TitleEn { get; set; }
    [Display(Name = "LiveEvents.Field.DescriptionKo"), StringLength(4000, ErrorMessage = "Form.TooLong")] public string? DescriptionKo { get; set; }
    [Display(Name = "LiveEvents.Field.DescriptionEn"), StringLength(4000, ErrorMessage = "Form.TooLong")] public string? DescriptionEn { get; set; }
    [Display(Name = "LiveEvents.Field.StartsAt")] public DateTime? StartsAt { get; set; }
    [Display(Name = "LiveEvents.Field.EndsAt")] public DateTime? EndsAt { get; set; }
    [Display(Name = "LiveEvents.Field.StreamKind")] public StreamKind StreamKind { get; set; }
    [Display(Name = "LiveEvents.Field.StreamUrl"), StringLength(500, ErrorMessage = "Form.TooLong")] public string? StreamUrl { get; set; }
    [Display(Name = "LiveEvents.Field.CaptionsUrl"), StringLength(500, ErrorMessage = "Form.TooLong")] public string? CaptionsUrl { get; set; }
    [Display(Name = "LiveEvents.Field.AskPolicy")] public AskPolicy AskPolicy { get; set; }
    [Display(Name = "LiveEvents.Field.SmsNumber"), StringLength(20, ErrorMessage = "Form.TooLong")] public string? SmsNumber { get; set; }
    [Display(Name = "LiveEvents.Field.Hashtag"), StringLength(100, ErrorMessage = "Form.TooLong")] public string? Hashtag { get; set; }
    [Display(Name = "LiveEvents.Field.HoldKeywords"), StringLength(4000, ErrorMessage = "Form.TooLong")] public string? HoldKeywords { get; set; }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{11}$")] private static partial Regex YouTubeId();
    [GeneratedRegex(@"^\+?[0-9][0-9 -]{6,18}[0-9]$")] private static partial Regex PhoneNumber();
    [GeneratedRegex(@"^[\p{L}\p{N}_]{1,100}$")] private static partial Regex HashtagWord();

    public static bool IsWebAddress(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>The video id of a YouTube link ("https://www.youtube.com/watch?v=…", "https://youtu.be/…", "/live/…") or of a bare id.</summary>
    public static string? YouTubeVideoId(string? value)
    {
        var v = value?.Trim() ?? "";
        if (YouTubeId().IsMatch(v)) return v;
        if (!Uri.TryCreate(v, UriKind.Absolute, out var uri) || !(uri.Host.EndsWith("youtube.com", StringComparison.OrdinalIgnoreCase) || uri.Host.Equals("youtu.be", StringComparison.OrdinalIgnoreCase)))
            return null;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        if (query.TryGetValue("v", out var q) && YouTubeId().IsMatch(q.ToString())) return q.ToString();
        var last = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return YouTubeId().IsMatch(last) ? last : null;
    }

    public void Validate(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, IStringLocalizer<Text> t)
    {
        if (StartsAt is null) state.AddModelError("Input.StartsAt", t["LiveEvents.Error.StartsAt"]);
        if (EndsAt is null) state.AddModelError("Input.EndsAt", t["LiveEvents.Error.EndsAt"]);
        else if (StartsAt is { } s && EndsAt <= s) state.AddModelError("Input.EndsAt", t["LiveEvents.Error.EndsBeforeStart"]);
        if (StreamKind == StreamKind.YouTube && YouTubeVideoId(StreamUrl) is null) state.AddModelError("Input.StreamUrl", t["LiveEvents.Error.YouTube"]);
        if (StreamKind == StreamKind.Hls && !IsWebAddress(StreamUrl)) state.AddModelError("Input.StreamUrl", t["LiveEvents.Error.Hls"]);
        if (!string.IsNullOrWhiteSpace(CaptionsUrl) && !IsWebAddress(CaptionsUrl)) state.AddModelError("Input.CaptionsUrl", t["LiveEvents.Error.Captions"]);
        if (!string.IsNullOrWhiteSpace(SmsNumber) && !PhoneNumber().IsMatch(SmsNumber.Trim())) state.AddModelError("Input.SmsNumber", t["LiveEvents.Error.SmsNumber"]);
        if (!string.IsNullOrWhiteSpace(Hashtag) && !HashtagWord().IsMatch(Hashtag.Trim().TrimStart('#'))) state.AddModelError("Input.Hashtag", t["LiveEvents.Error.Hashtag"]);
    }

    public void ApplyTo(LiveEvent ev, CityClock clock)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        ev.TitleKo = TitleKo.Trim();
        (ev.TitleEn, ev.DescriptionKo, ev.DescriptionEn) = (Clean(TitleEn), Clean(DescriptionKo), Clean(DescriptionEn));
        ev.StartsAt = clock.FromLocal(StartsAt!.Value).UtcDateTime;
        ev.EndsAt = clock.FromLocal(EndsAt!.Value).UtcDateTime;
        ev.StreamKind = StreamKind;
        ev.StreamUrl = StreamKind switch { StreamKind.YouTube => YouTubeVideoId(StreamUrl), StreamKind.Hls => Clean(StreamUrl), _ => null };
        ev.CaptionsUrl = Clean(CaptionsUrl);
        ev.AskPolicy = AskPolicy;
        ev.SmsNumber = Clean(SmsNumber) is { } n ? LiveEventDirectory.NormalizeNumber(n) : null;
        ev.Hashtag = Clean(Hashtag)?.TrimStart('#');
        ev.HoldKeywords = Clean(HoldKeywords);
    }

    public static LiveEventInput From(LiveEvent ev, CityClock clock) => new()
    {
        TitleKo = ev.TitleKo, TitleEn = ev.TitleEn, DescriptionKo = ev.DescriptionKo, DescriptionEn = ev.DescriptionEn,
        StartsAt = clock.ToLocal(ev.StartsAt).DateTime,
        EndsAt = clock.ToLocal(ev.EndsAt).DateTime,
        StreamKind = ev.StreamKind, StreamUrl = ev.StreamKind == StreamKind.YouTube && ev.StreamUrl is { } id ? $"https://www.youtube.com/watch?v={id}" : ev.StreamUrl,
        CaptionsUrl = ev.CaptionsUrl, AskPolicy = ev.AskPolicy, SmsNumber = ev.SmsNumber, Hashtag = ev.Hashtag, HoldKeywords = ev.HoldKeywords,
    };
}
