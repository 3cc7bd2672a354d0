using System.Globalization;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Visits.Public;

/// <summary>
/// A delegation asks for a study visit (signed in, so the requester can follow it and answer the proposal): who they
/// are, how many, what they want to study and see, when they could come (at least the notice period ahead) and which
/// language they need interpreted.
/// </summary>
[Authorize]
public sealed class RequestModel(AppDbContext db, VisitDesk desk, Countries countries, CityClock clock, IOptionsMonitor<CityNetworkOptions> options,
    IStringLocalizer<Text> t) : PageModel, IVisitRequestForm
{
    [BindProperty] public VisitRequestInput Input { get; set; } = new();

    public VisitChoices Choices { get; private set; } = null!;
    public CityNetworkOptions Network => options.CurrentValue;

    public async Task OnGetAsync(CancellationToken ct) => Choices = await VisitChoices.LoadAsync(db, countries, Network, t, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Choices = await VisitChoices.LoadAsync(db, countries, Network, t, ct);
        Input.Check(ModelState, Network, countries, Choices.SiteIds, Choices.MemberIds, DateOnly.FromDateTime(clock.Now.DateTime), Network.VisitNoticeDays, t);
        if (!ModelState.IsValid) return Page();
        var (visit, refusal) = await desk.RequestAsync(User, VisitChannel.Online, Input, ct);
        if (visit is null)
        {
            ModelState.AddModelError(string.Empty, desk.Explain(refusal));
            return Page();
        }
        return Redirect($"/network/visits/{visit.Reference}");
    }
}

/// <summary>A page with a visit request's fields (the delegation's and the secretariat's): what <c>_RequestFields</c> draws.</summary>
public interface IVisitRequestForm
{
    VisitRequestInput Input { get; }
    VisitChoices Choices { get; }
}

/// <summary>The lists a visit request is filled in from: countries, members, topics, active sites, interpreter languages.</summary>
public sealed record VisitChoices(IReadOnlyList<SelectListItem> Countries, IReadOnlyList<SelectListItem> Members, IReadOnlyList<SelectListItem> Topics,
    IReadOnlyList<SelectListItem> Sites, IReadOnlyList<SelectListItem> Languages, IReadOnlyCollection<long> SiteIds, IReadOnlyCollection<long> MemberIds)
{
    public static async Task<VisitChoices> LoadAsync(AppDbContext db, Countries countries, CityNetworkOptions network, IStringLocalizer t, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var sites = await db.Set<VisitSite>().AsNoTracking().Where(s => s.Active).OrderBy(s => s.Id).ToListAsync(ct);
        var members = await db.Set<NetworkMember>().AsNoTracking().Where(m => m.Status == MemberStatus.Active).OrderBy(m => m.Name)
            .Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        return new VisitChoices(
            countries.Choices(culture, t["Network.Choose"]),
            [new(t["Network.Visit.NotAMember"], ""), .. members.Select(m => new SelectListItem(m.Name, m.Id.ToString(CultureInfo.InvariantCulture)))],
            network.Topics.Select(x => new SelectListItem(x.Name.For(culture), x.Code)).ToList(),
            sites.Select(s => new SelectListItem(s.NameFor(culture), s.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
            NetworkLanguages.Choices(t["Network.Visit.NoInterpreter"], withEnglish: false),
            sites.Select(s => s.Id).ToHashSet(), members.Select(m => m.Id).ToHashSet());
    }
}
