using System.Security.Claims;
using System.Security.Cryptography;
using CityHall.Web.Modules.LiveEvents.Live;
using CityHall.Web.Modules.LiveEvents.Questions;

namespace CityHall.Web.Modules.LiveEvents.Public;

/// <summary>
/// Watching an event: the stream (or, in text-only mode, none), viewers, the question on stage and
/// the most supported ones, asking and supporting. Everything is a plain page and form post; the
/// page's script only swaps in each new snapshot without a reload. Loading the page counts as a
/// heartbeat of the viewer's session.
/// </summary>
public sealed class WatchModel(LiveUpdates updates, ViewerCounter viewers, QuestionIntake intake,
    QuestionSupports supports, LiveEventDirectory directory, IStringLocalizer<Text> t) : PageModel
{
    public LiveEvent Event { get; private set; } = null!;
    public LiveSnapshot Snapshot { get; private set; } = null!;
    public bool TextOnly { get; private set; }
    public HashSet<long> Supported { get; private set; } = [];
    public string? Message { get; private set; }
    public bool MayAsk => Event.State == LiveEventState.Live && (Event.AskPolicy == AskPolicy.AnyoneNamed || SignedIn);
    public bool SignedIn => User.Identity?.IsAuthenticated == true;
    public bool NeedsName => Event.AskPolicy == AskPolicy.AnyoneNamed && !SignedIn;

    [BindProperty] public AskInput Ask { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, string? mode, string? done, string? refused, CancellationToken ct)
    {
        if (!await LoadAsync(id, mode, fresh: done is not null, ct, heartbeat: true)) return NotFound();
        Message = done switch
        {
            "asked" => t["LiveEvents.Asked"].Value,
            "supported" => t["LiveEvents.Supported"].Value,
            _ => null,
        };
        if (refused is not null && Refusals.Contains(refused)) ModelState.AddModelError("", t["LiveEvents.Refused." + refused]);
        Ask.Token = NewToken();
        return Page();
    }

    [EnableRateLimiting(RateLimits.CitizenWrite)]
    public async Task<IActionResult> OnPostAskAsync(long id, string? mode, CancellationToken ct)
    {
        // Only the event is read here: the page is built again only when the question is refused.
        if (await directory.FindAsync(id, ct) is not { } ev) return NotFound();
        Event = ev;
        if (Event.AskPolicy == AskPolicy.SignedIn && !SignedIn) return Challenge();
        var text = QuestionIntake.Clean(Ask.Text);
        if (text.Length == 0) ModelState.AddModelError("Ask.Text", t["LiveEvents.Question.Required"]);
        else if (text.Length < LiveQuestion.MinLength) ModelState.AddModelError("Ask.Text", t["LiveEvents.Question.TooShort", LiveQuestion.MinLength]);
        else if (text.Length > LiveQuestion.MaxLength) ModelState.AddModelError("Ask.Text", t["LiveEvents.Question.TooLong", LiveQuestion.MaxLength]);
        var name = QuestionIntake.Clean(Ask.DisplayName);
        if (NeedsName && name.Length is 0 or > 50) ModelState.AddModelError("Ask.DisplayName", t["LiveEvents.Question.NameRequired"]);
        if (!ModelState.IsValid) return await RefusedAsync(id, mode, ct);

        var token = Ask.Token is { Length: > 0 and <= 40 } given && given.All(char.IsAsciiLetterOrDigit) ? given : NewToken();
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        // Signed-in people are shown by the name on their account, never their e-mail address.
        var label = SignedIn ? User.FindFirstValue("display_name") ?? t["LiveEvents.Citizen"].Value : name;
        var incoming = new IncomingQuestion(id, QuestionChannel.Web, "web:" + token, SupporterKey(), label, userId, text);
        var result = await intake.SubmitAsync(incoming, ct);
        if (result.Accepted) return Redirect($"/live/{id}?done=asked{ModeQuery(mode)}#ask");
        var error = result.Outcome switch
        {
            IntakeOutcome.NotLive or IntakeOutcome.NoEvent => t["LiveEvents.NotLive"],
            IntakeOutcome.Banned => t["LiveEvents.Banned"],
            IntakeOutcome.Flooded => t["LiveEvents.Flooded"],
            IntakeOutcome.TooLong => t["LiveEvents.Question.TooLong", LiveQuestion.MaxLength],
            _ => t["LiveEvents.Question.TooShort", LiveQuestion.MinLength],
        };
        ModelState.AddModelError(result.Outcome is IntakeOutcome.TooLong or IntakeOutcome.TooShort or IntakeOutcome.Empty ? "Ask.Text" : "", error);
        return await RefusedAsync(id, mode, ct);
    }

    /// <summary>The page again, with what was typed and why it was refused.</summary>
    private async Task<IActionResult> RefusedAsync(long id, string? mode, CancellationToken ct)
    {
        var ask = Ask;
        if (!await LoadAsync(id, mode, fresh: false, ct)) return NotFound();
        Ask = ask;
        return Page();
    }

    [EnableRateLimiting(RateLimits.CitizenWrite)]
    public async Task<IActionResult> OnPostSupportAsync(long id, long question, string? mode, CancellationToken ct)
    {
        if (await directory.FindAsync(id, ct) is not { } ev) return NotFound();
        if (ev.AskPolicy == AskPolicy.SignedIn && !SignedIn) return Challenge();
        var outcome = await supports.SupportAsync(id, question, SupporterKey(), ct);
        return outcome switch
        {
            SupportOutcome.Supported => Redirect($"/live/{id}?done=supported{ModeQuery(mode)}#question-{question}"),
            _ => Redirect($"/live/{id}?refused={outcome}{ModeQuery(mode)}#questions"),
        };
    }

    private static readonly string[] Refusals = [nameof(SupportOutcome.AlreadySupported), nameof(SupportOutcome.NoQuestion), nameof(SupportOutcome.NotLive), nameof(SupportOutcome.OwnQuestion)];

    private static string ModeQuery(string? mode) => mode == "text" ? "&mode=text" : "";

    private async Task<bool> LoadAsync(long id, string? mode, bool fresh, CancellationToken ct, bool heartbeat = false)
    {
        // The directory's copy (kept 2 s): every viewer's reload would otherwise read the event again.
        if (await directory.FindAsync(id, ct) is not { } ev) return false;
        Event = ev;
        if (heartbeat && ev.State == LiveEventState.Live) viewers.Seen(id, Session(), ViewerCounter.IsMobile(Request.Headers.UserAgent));
        TextOnly = mode == "text";
        Snapshot = (fresh ? await updates.FreshAsync(id, ct) : await updates.CurrentAsync(id, ct))!;
        if (SignedIn || Event.AskPolicy == AskPolicy.AnyoneNamed) Supported = await supports.MineAsync(id, SupporterKey(), ct);
        if (!TextOnly) AllowStream(ev);
        return true;
    }

    /// <summary>The stream's origin is let through this page's content policy, and only this page's.</summary>
    private void AllowStream(LiveEvent ev)
    {
        if (ev.StreamKind == StreamKind.YouTube) SecurityHeaders.Allow(HttpContext, "frame-src", "https://www.youtube-nocookie.com");
        foreach (var url in new[] { ev.StreamKind == StreamKind.Hls ? ev.StreamUrl : null, ev.CaptionsUrl })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) continue;
            var origin = uri.GetLeftPart(UriPartial.Authority);
            SecurityHeaders.Allow(HttpContext, "connect-src", origin);
            SecurityHeaders.Allow(HttpContext, "media-src", origin);
            SecurityHeaders.Allow(HttpContext, "media-src", "blob:");
        }
    }

    /// <summary>Who supports or asks: the account when signed in, else this browser's viewing session.</summary>
    private string SupporterKey() =>
        User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? "user:" + userId : "viewer:" + Session();

    /// <summary>This browser's viewing session (a random cookie, so a reload is the same viewer).</summary>
    private string Session()
    {
        if (session is not null) return session;
        if (Request.Cookies[LiveEventHub.SessionCookie] is { Length: >= 16 and <= 64 } existing) return session = existing;
        session = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Response.Cookies.Append(LiveEventHub.SessionCookie, session, new CookieOptions
        {
            HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(1),
        });
        return session;
    }

    private string? session;

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public sealed class AskInput
    {
        [Display(Name = "LiveEvents.Field.Question")] public string? Text { get; set; }
        [Display(Name = "LiveEvents.Field.DisplayName")] public string? DisplayName { get; set; }
        public string? Token { get; set; }
    }
}
