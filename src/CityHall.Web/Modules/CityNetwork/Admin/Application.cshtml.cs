using CityHall.Web.Modules.CityNetwork.Members;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Admin;

/// <summary>
/// One application to join, as the secretariat checks it: everything sent, the signed letter to open, and the two
/// answers — admit (the member is made at once) or return with a reason the applicant reads. Decided once.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class ApplicationModel(AppDbContext db, MemberAdmission admission, IOptionsMonitor<CityNetworkOptions> options, IStringLocalizer<Text> t) : PageModel
{
    public MembershipApplication Application { get; private set; } = null!;
    public CityNetworkOptions Network => options.CurrentValue;
    [TempData] public string? Refusal { get; set; }

    [BindProperty, Display(Name = "Network.Admin.ReturnReason"), StringLength(MembershipApplication.ReasonMax, ErrorMessage = "Form.TooLong")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>The letter as sent, for the secretariat only; never cached, and downloaded rather than shown in the site's origin.</summary>
    public async Task<IActionResult> OnGetLetterAsync(long id, CancellationToken ct)
    {
        var letter = await db.Set<MembershipApplication>().AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Letter, a.LetterContentType, a.Reference }).FirstOrDefaultAsync(ct);
        if (letter is null) return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        var extension = letter.LetterContentType switch { "application/pdf" => "pdf", "image/png" => "png", _ => "jpg" };
        return File(letter.Letter, letter.LetterContentType, $"{letter.Reference}-letter.{extension}");
    }

    public async Task<IActionResult> OnPostAdmitAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var (member, refusal) = await admission.AdmitAsync(User, id, ct);
        if (refusal is not null)
        {
            Refusal = t[refusal];
            return Redirect($"/admin/network/applications/{id}");
        }
        return Redirect($"/admin/network/members/{member!.Id}?admitted=true");
    }

    public async Task<IActionResult> OnPostReturnAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), t["Network.Admin.ReasonRequired"]);
        if (!ModelState.IsValid) return Page();
        if (await admission.ReturnAsync(User, id, Reason!, ct) is { } refusal) Refusal = t[refusal];
        return Redirect($"/admin/network/applications/{id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await db.Set<MembershipApplication>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } application) return false;
        Application = application;
        return true;
    }
}
