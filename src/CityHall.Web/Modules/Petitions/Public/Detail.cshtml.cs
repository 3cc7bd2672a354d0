using System.Security.Claims;
using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Modules.Petitions.Forum;
using CityHall.Web.Platform.Web;

namespace CityHall.Web.Modules.Petitions.Public;

/// <summary>
/// A proposal: its text, where it stands, how many support it, and the support button. Signing
/// needs a verified identity (one person, one signature); an unverified citizen is sent to verify
/// and comes back here. The signer's receipt (chain entry and hash) is shown once signed.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = OutputCaching.PublicShort)]
public sealed class DetailModel(AppDbContext db, MarkdownRenderer markdown, PetitionText text, SignatureWriter writer,
    PetitionForum forum, PetitionComments comments, Fraud.ActivityWatch watch, IVerifiedCitizens verified, TimeProvider clock,
    IStringLocalizer<Text> t) : PageModel
{
    public Petition Petition { get; private set; } = null!;
    public string BodyHtml { get; private set; } = "";
    public string District { get; private set; } = "";
    public PetitionText Text => text;
    public int DaysLeft { get; private set; }
    /// <summary>The signed-in person's live signature of this proposal, if any.</summary>
    public PetitionSignature? MySignature { get; private set; }
    public SignatureReceipt? Receipt { get; private set; }
    public string? Message { get; private set; }
    /// <summary>Live supports per district (the signer's district when they signed), largest first; "" = none given.</summary>
    public IReadOnlyList<(string District, int Supports)> ByDistrict { get; private set; } = [];

    public bool ForumOpen { get; private set; }
    public ForumTally? Tally { get; private set; }
    public ForumStance? MyVote { get; private set; }
    [BindProperty] public ForumStance? Choice { get; set; }
    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> Choices { get; private set; } = [];
    public IReadOnlyList<PetitionFollowUp> FollowUps { get; private set; } = [];
    public CommentPage Discussion { get; private set; } = new([], 1, 1, 0);
    /// <summary>The picture's description and size (not its bytes: those come from /petitions/{id}/image).</summary>
    public (string Alt, int Width, int Height, string Hash)? Picture { get; private set; }

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
    private IReadOnlyDictionary<string, string> districtNames = new Dictionary<string, string>();

    private async Task<bool> LoadAsync(long id)
    {
        var petition = await db.Set<Petition>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        if (petition is null) return false;
        // Unreviewed proposals are seen only by their author and moderators.
        if (petition.Status == PetitionStatus.PendingReview && petition.AuthorId != UserId && !User.HasPermission(PetitionsModule.Moderate))
            return false;
        Petition = petition;
        BodyHtml = markdown.ToHtml(petition.Body);
        districtNames = await text.DistrictNamesAsync();
        District = petition.DistrictCode is { } code ? districtNames.GetValueOrDefault(code, code) : "";
        if (petition.SupportDeadline is { } deadline)
            DaysLeft = Math.Max(0, (int)Math.Ceiling((deadline - clock.GetUtcNow()).TotalDays));
        if (UserId is { } me)
            MySignature = await db.Set<PetitionSignature>().AsNoTracking()
                .FirstOrDefaultAsync(s => s.PetitionId == id && s.UserId == me && s.WithdrawnAt == null);
        Picture = (await db.Set<ProposalImage>().AsNoTracking().Where(i => i.PetitionId == id)
            .Select(i => new { i.AltText, i.Width, i.Height, i.Hash }).FirstOrDefaultAsync()) is { } pic
            ? (pic.AltText, pic.Width, pic.Height, pic.Hash) : null;
        ForumOpen = PetitionForum.IsOpen(petition, clock.GetUtcNow());
        if (petition.ForumOpenedAt is not null)
        {
            Tally = await forum.TallyAsync(id);
            if (UserId is { } voter) MyVote = await forum.MyVoteAsync(id, voter);
            Choice ??= MyVote;
            Choices = Enum.GetValues<ForumStance>().Select(s => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(t["Petitions.Stance." + s].Value, s.ToString())).ToList();
        }
        FollowUps = await db.Set<PetitionFollowUp>().AsNoTracking().Where(f => f.PetitionId == id).OrderBy(f => f.Id).ToListAsync();
        Discussion = await comments.PageAsync(id, 1);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(long id, long? receipt = null, string? done = null)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (receipt is { } sequence && MySignature?.Sequence == sequence)
        {
            var hash = await db.Set<PetitionChainEntry>().AsNoTracking()
                .Where(e => e.PetitionId == id && e.Sequence == sequence).Select(e => e.Hash).FirstAsync();
            Receipt = new(id, sequence, hash);
        }
        var counts = await db.Set<PetitionSignature>().AsNoTracking().Where(s => s.PetitionId == id && s.WithdrawnAt == null)
            .GroupBy(s => s.DistrictCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        ByDistrict = counts.Select(c => (c.Key is null ? "" : districtNames.GetValueOrDefault(c.Key, c.Key), c.Count))
            .OrderByDescending(c => c.Count).ToList();
        Message = done switch
        {
            "submitted" => t["Petitions.Submitted"].Value,
            "signed" => t["Petitions.Signed"].Value,
            "withdrawn" => t["Petitions.Withdrawn"].Value,
            "voted" => t["Petitions.Forum.Voted"].Value,
            _ => null,
        };
        return Page();
    }

    [EnableRateLimiting(RateLimits.CitizenWrite)]
    public async Task<IActionResult> OnPostSignAsync(long id, CancellationToken ct)
    {
        if (UserId is null) return Challenge(); // sign in, then back here
        // The hot path: the signer from the sign-in cookie, then the writer; the page is loaded only to explain a refusal.
        var signer = await verified.FindVerifiedAsync(User, ct);
        if (signer is null) return Redirect($"/account/verify?returnUrl={Uri.EscapeDataString($"/petitions/{id}")}");
        // A burst over the city's limits is accepted like any other signature, and flagged for review.
        var address = Fraud.RequestOrigin.Address(HttpContext);
        var origin = new SignatureOrigin(address, Fraud.RequestOrigin.EmailDomain(User), watch.IsBurst(Fraud.WatchedActivity.Sign, UserId, address));
        var result = await writer.SignAsync(id, signer.IdentityKey, UserId, signer.DistrictCode, origin, ct);
        return result.Outcome switch
        {
            SignOutcome.Accepted => Redirect($"/petitions/{id}?done=signed&receipt={result.Receipt!.Sequence}#receipt"),
            SignOutcome.NotFound => NotFound(),
            SignOutcome.AlreadySigned => await RefuseAsync(id, "Petitions.AlreadySigned"),
            _ => await RefuseAsync(id, "Petitions.NotOpen"),
        };
    }

    [EnableRateLimiting(RateLimits.CitizenWrite)]
    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct)
    {
        if (UserId is null) return Challenge();
        var signer = await verified.FindVerifiedAsync(User, ct);
        if (signer is null) return await RefuseAsync(id, "Petitions.NotSigned");
        var result = await writer.WithdrawAsync(id, signer.IdentityKey, ct);
        return result.Outcome switch
        {
            SignOutcome.Withdrawn => Redirect($"/petitions/{id}?done=withdrawn"),
            SignOutcome.NotFound => NotFound(),
            SignOutcome.NotSigned => await RefuseAsync(id, "Petitions.NotSigned"),
            _ => await RefuseAsync(id, "Petitions.NotOpen"),
        };
    }

    /// <summary>A verified citizen's forum vote (or a change of it) while the forum is open.</summary>
    [EnableRateLimiting(RateLimits.CitizenWrite)]
    public async Task<IActionResult> OnPostVoteAsync(long id, CancellationToken ct)
    {
        if (UserId is null) return Challenge();
        if (Choice is not { } choice || !Enum.IsDefined(choice))
        {
            if (!await LoadAsync(id)) return NotFound();
            ModelState.AddModelError(nameof(Choice), t["Petitions.Forum.ChoiceRequired"]);
            return Page();
        }
        var voter = await verified.FindVerifiedAsync(User, ct);
        if (voter is null) return Redirect($"/account/verify?returnUrl={Uri.EscapeDataString($"/petitions/{id}#forum")}");
        return await forum.VoteAsync(id, voter.IdentityKey, UserId, choice, ct) switch
        {
            ForumVoteOutcome.NotFound => NotFound(),
            ForumVoteOutcome.NotOpen => await RefuseAsync(id, "Petitions.Forum.NotOpen"),
            _ => Redirect($"/petitions/{id}?done=voted#forum"),
        };
    }

    private async Task<IActionResult> RefuseAsync(long id, string key)
    {
        if (!await LoadAsync(id)) return NotFound();
        ModelState.AddModelError("", t[key]);
        return Page();
    }
}
