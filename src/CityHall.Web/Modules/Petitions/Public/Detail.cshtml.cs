using System.Security.Claims;
using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Platform.Web;

namespace CityHall.Web.Modules.Petitions.Public;

/// <summary>
/// A proposal: its text, where it stands, how many support it, and the support button. Signing
/// needs a verified identity (one person, one signature); an unverified citizen is sent to verify
/// and comes back here. The signer's receipt (chain entry and hash) is shown once signed.
/// </summary>
public sealed class DetailModel(AppDbContext db, MarkdownRenderer markdown, PetitionText text, SignatureWriter writer,
    IVerifiedCitizens verified, TimeProvider clock, IStringLocalizer<Text> t) : PageModel
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

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    private async Task<bool> LoadAsync(long id)
    {
        var petition = await db.Set<Petition>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        if (petition is null) return false;
        // Unreviewed proposals are seen only by their author and moderators.
        if (petition.Status == PetitionStatus.PendingReview && petition.AuthorId != UserId && !User.HasPermission(PetitionsModule.Moderate))
            return false;
        Petition = petition;
        BodyHtml = markdown.ToHtml(petition.Body);
        District = await text.DistrictAsync(petition.DistrictCode);
        if (petition.SupportDeadline is { } deadline)
            DaysLeft = Math.Max(0, (int)Math.Ceiling((deadline - clock.GetUtcNow()).TotalDays));
        if (UserId is { } me)
            MySignature = await db.Set<PetitionSignature>().AsNoTracking()
                .FirstOrDefaultAsync(s => s.PetitionId == id && s.UserId == me && s.WithdrawnAt == null);
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
        Message = done switch
        {
            "submitted" => t["Petitions.Submitted"].Value,
            "signed" => t["Petitions.Signed"].Value,
            "withdrawn" => t["Petitions.Withdrawn"].Value,
            _ => null,
        };
        return Page();
    }

    [EnableRateLimiting(RateLimits.CitizenWrite)]
    public async Task<IActionResult> OnPostSignAsync(long id, CancellationToken ct)
    {
        if (UserId is null) return Challenge(); // sign in, then back here
        if (!await LoadAsync(id)) return NotFound();
        var key = await verified.IdentityKeyAsync(UserId!, ct);
        if (key is null) return Redirect($"/account/verify?returnUrl={Uri.EscapeDataString($"/petitions/{id}")}");
        var district = await db.Users.Where(u => u.Id == UserId).Select(u => u.DistrictCode).FirstOrDefaultAsync(ct);
        var result = await writer.SignAsync(id, key, UserId!, district, ct);
        return result.Outcome switch
        {
            SignOutcome.Accepted => Redirect($"/petitions/{id}?done=signed&receipt={result.Receipt!.Sequence}#receipt"),
            SignOutcome.AlreadySigned => Refuse("Petitions.AlreadySigned"),
            _ => Refuse("Petitions.NotOpen"),
        };
    }

    [EnableRateLimiting(RateLimits.CitizenWrite)]
    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken ct)
    {
        if (UserId is null) return Challenge();
        if (!await LoadAsync(id)) return NotFound();
        var key = await verified.IdentityKeyAsync(UserId!, ct);
        if (key is null) return Refuse("Petitions.NotSigned");
        var result = await writer.WithdrawAsync(id, key, ct);
        return result.Outcome switch
        {
            SignOutcome.Withdrawn => Redirect($"/petitions/{id}?done=withdrawn"),
            SignOutcome.NotSigned => Refuse("Petitions.NotSigned"),
            _ => Refuse("Petitions.NotOpen"),
        };
    }

    private PageResult Refuse(string key)
    {
        ModelState.AddModelError("", t[key]);
        return Page();
    }
}
