using System.Security.Claims;
using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Modules.Petitions.Forum;
using CityHall.Web.Platform.Web;

namespace CityHall.Web.Modules.Petitions.Public;

/// <summary>
/// A proposal: its text, where it stands, how many support it, and the support button (which posts
/// to <see cref="PetitionSigning"/>; its refusals come back here as ?refused=). The signer's receipt
/// (chain entry and hash) is shown once signed.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = OutputCaching.PublicShort)]
public sealed class DetailModel(AppDbContext db, MarkdownRenderer markdown, PetitionText text,
    PetitionForum forum, PetitionComments comments, IVerifiedCitizens verified, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
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
    public DiscussionView Discussion { get; private set; } = null!;
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
        Discussion = new(id, await comments.PageAsync(id, 1), PetitionComments.IsOpen(petition));
        return true;
    }

    /// <param name="refused">Why supporting or withdrawing was refused (<see cref="PetitionSigning"/> redirects here with it).</param>
    public async Task<IActionResult> OnGetAsync(long id, long? receipt = null, string? done = null, string? refused = null)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (refused is not null && PetitionSigning.Refusals.TryGetValue(refused, out var reason)) ModelState.AddModelError("", t[reason]);
        if (receipt is { } sequence && MySignature?.Sequence == sequence)
        {
            var hash = await db.Set<PetitionChainEntry>().AsNoTracking()
                .Where(e => e.PetitionId == id && e.Sequence == sequence).Select(e => e.Hash).FirstAsync();
            Receipt = new(id, sequence, hash);
        }
        ByDistrict = (await SupportTally.ByDistrictAsync(db, id))
            .Select(c => (c.Key.Length == 0 ? "" : districtNames.GetValueOrDefault(c.Key, c.Key), c.Value))
            .OrderByDescending(c => c.Value).ToList();
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
