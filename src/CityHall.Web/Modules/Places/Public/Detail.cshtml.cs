using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Places.Public;

/// <summary>One place: what it is, where, when it is open, what it offers people with disabilities and parents, where the entry came from, and the nearest others of its kind.</summary>
[OutputCache(PolicyName = Platform.Web.OutputCaching.PublicShort)]
public sealed class DetailModel(PlaceIndex index, AppDbContext db, CityClock clock, IOptionsMonitor<CityOptions> city,
    ServiceRequests.Contracts.ICaseFiling cases, IOptionsMonitor<PlacesOptions> options) : PageModel
{
    public const int Nearby = 5;
    public const double NearbyMeters = 2000;

    public Place Place { get; private set; } = null!;
    public PlaceIndex.Snapshot Places { get; private set; } = null!;
    public PlaceList NearbyList { get; private set; } = null!;
    public TimeOnly Now { get; private set; }
    public CityOptions City => city.CurrentValue;
    /// <summary>Whether "report a wrong entry" is offered (the city has the service for it).</summary>
    public bool CanReport { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await db.Set<Place>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } place) return NotFound();
        Place = place;
        Places = await index.GetAsync(ct);
        Now = clock.TimeOfDay;
        var others = Places.Nearest(place.KindCode, place.Latitude, place.Longitude, NearbyMeters, Nearby + 1, c => c.Id != place.Id);
        CanReport = await cases.OffersAsync(options.CurrentValue.CorrectionService, ct);
        NearbyList = new PlaceList(others.Take(Nearby).Select(h => new PlaceList.Item(h.Place, h.Meters)).ToList(), Places, Now);
        return Page();
    }

    /// <summary>The website as a link only when it is a web address (imported text may be anything).</summary>
    public string? WebsiteHref => WebAddress.TryParse(Place.Website, out var uri) ? uri.AbsoluteUri : null;
}
