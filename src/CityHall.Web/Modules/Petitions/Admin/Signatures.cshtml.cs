using System.Net;
using CityHall.Web.Modules.Petitions.Fraud;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Petitions.Admin;

/// <summary>
/// Administrators review flagged signatures (grouped by proposal, network and e-mail domain), look
/// up what a filter matches (a GET: nothing changes), and then invalidate exactly that set, with a
/// reason that goes into the audit log.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PetitionsModule.Invalidate)]
public sealed class SignaturesModel(SignatureReview review, CityClock cityClock, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public FilterInput Filter { get; set; } = new();

    [BindProperty]
    [Display(Name = "Petitions.Fraud.Reason")]
    [StringLength(500)]
    public string? Reason { get; set; }

    public FlaggedSummary Flagged { get; private set; } = new(0, [], [], []);
    /// <summary>What the filter matches, once one was given.</summary>
    public IReadOnlyList<MatchCount>? Matches { get; private set; }
    public int? Invalidated { get; private set; }

    public async Task OnGetAsync(int? done)
    {
        Invalidated = done;
        Flagged = await review.FlaggedAsync();
        // The first visit (no filter asked for yet) is not a mistake; a search is checked.
        if (done is not null || !Request.Query.Keys.Any(k => k.StartsWith("Filter.", StringComparison.Ordinal))) ModelState.Clear();
        else if (ToFilter() is { } filter) Matches = await review.MatchAsync(filter);
    }

    public async Task<IActionResult> OnPostInvalidateAsync()
    {
        if (string.IsNullOrWhiteSpace(Reason)) ModelState.AddModelError(nameof(Reason), t["Petitions.Fraud.ReasonRequired"]);
        var filter = ToFilter();
        if (filter is null || !ModelState.IsValid)
        {
            Flagged = await review.FlaggedAsync();
            if (filter is not null) Matches = await review.MatchAsync(filter);
            return Page();
        }
        var count = await review.InvalidateAsync(filter, Reason!.Trim(), User);
        return Redirect($"/admin/petitions/signatures?done={count}");
    }

    /// <summary>The filter as typed, checked; null (with the errors on the form) when it is unusable.</summary>
    private SignatureFilter? ToFilter()
    {
        var usable = true;
        void Refuse(string field, string key)
        {
            ModelState.AddModelError(field, t[key]);
            usable = false;
        }
        IPNetwork? range = null;
        if (!string.IsNullOrWhiteSpace(Filter.Range))
        {
            var typed = Filter.Range.Trim();
            if (IPNetwork.TryParse(typed, out var network)) range = network;
            else if (IPAddress.TryParse(typed, out var single)) range = new IPNetwork(single, single.GetAddressBytes().Length * 8);
            else Refuse("Filter.Range", "Petitions.Fraud.RangeInvalid");
        }
        var from = Filter.From is { } f ? cityClock.FromLocal(f) : (DateTimeOffset?)null;
        var to = Filter.To is { } u ? cityClock.FromLocal(u) : (DateTimeOffset?)null;
        if (from is not null && to is not null && from >= to) Refuse("Filter.To", "Petitions.Fraud.WindowInvalid");
        var domain = string.IsNullOrWhiteSpace(Filter.Domain) ? null : Filter.Domain.Trim().TrimStart('@').ToLowerInvariant();
        var filter = new SignatureFilter(Filter.Petition, range, domain, from, to, Filter.FlaggedOnly);
        // Values the binder could not read (a petition number that is not a number) make the filter unusable too.
        usable &= ModelState.Where(e => e.Key.StartsWith("Filter.", StringComparison.Ordinal)).All(e => e.Value is null || e.Value.Errors.Count == 0);
        if (usable && !filter.NarrowsSomething) Refuse("Filter.Petition", "Petitions.Fraud.FilterRequired");
        return usable ? filter : null;
    }
}

public sealed class FilterInput
{
    [Display(Name = "Petitions.Fraud.Petition")]
    public long? Petition { get; set; }

    [Display(Name = "Petitions.Fraud.Range")]
    [StringLength(64)]
    public string? Range { get; set; }

    [Display(Name = "Petitions.Fraud.Domain")]
    [StringLength(255)]
    public string? Domain { get; set; }

    [Display(Name = "Petitions.Fraud.From")]
    public DateTime? From { get; set; }

    [Display(Name = "Petitions.Fraud.To")]
    public DateTime? To { get; set; }

    [Display(Name = "Petitions.Fraud.FlaggedOnly")]
    public bool FlaggedOnly { get; set; } = true;
}
