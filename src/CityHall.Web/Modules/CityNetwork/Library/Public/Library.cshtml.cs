using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.CityNetwork.Members;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Library.Public;

/// <summary>
/// The knowledge library for everyone: published cases of e-government practice, found by words in any script, topic,
/// language, kind and year, newest first, 20 a page, with its Atom feed; members' representatives are shown where to
/// contribute.
/// </summary>
public sealed class LibraryModel(AppDbContext db, LibraryShelf shelf, IOptionsMonitor<CityNetworkOptions> options, IStringLocalizer<Text> t) : PageModel
{
    [FromQuery(Name = "q")] public string? Text { get; set; }
    [FromQuery(Name = "topic")] public string? Topic { get; set; }
    [FromQuery(Name = "language")] public string? Language { get; set; }
    [FromQuery(Name = "kind")] public LibraryKind? Kind { get; set; }
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<LibraryCase> Cases { get; private set; } = [];
    public int Total { get; private set; }
    public bool Represents { get; private set; }
    public IReadOnlyList<SelectListItem> Topics { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Languages { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Kinds { get; private set; } = [];
    public CityNetworkOptions Network => options.CurrentValue;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        if (Kind is { } k && !Enum.IsDefined(k)) Kind = null;
        (Cases, Total) = await shelf.SearchAsync(new LibraryQuery(Text, Topic, Language, Kind, Year, PageNumber), ct);
        Topics = [new(t["Network.Library.AnyTopic"], ""), .. Network.Topics.Select(x => new SelectListItem(x.Name.For(culture), x.Code))];
        Languages = [new(t["Network.Library.AnyLanguage"], ""), .. (await shelf.Published.Select(c => c.Language).Distinct().ToListAsync(ct))
            .Select(l => new SelectListItem(NetworkLanguages.Name(l), l)).OrderBy(i => i.Text, StringComparer.Create(culture, true))];
        Kinds = [new(t["Network.Library.AnyKind"], ""), .. Enum.GetValues<LibraryKind>().Select(x => new SelectListItem(t[$"Network.Library.Kind.{x}"], x.ToString()))];
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Represents = me is not null && await db.Set<NetworkMemberRepresentative>().AnyAsync(r => r.UserId == me, ct);
    }

    public int Pages => Math.Max(1, (Total + LibraryQuery.PageSize - 1) / LibraryQuery.PageSize);

    public string PageLink(int page) => "/network/library" + new QueryString()
        .Add("q", Text ?? "").Add("topic", Topic ?? "").Add("language", Language ?? "").Add("kind", Kind?.ToString() ?? "")
        .Add("year", Year?.ToString(CultureInfo.InvariantCulture) ?? "").Add("page", page.ToString(CultureInfo.InvariantCulture)).ToUriComponent();
}
