using System.Globalization;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Places;
using Microsoft.Extensions.DependencyInjection;

namespace CityHall.Tests.Places;

/// <summary>Places of a kind at random points in a box (a fixed seed, so a failure can be replayed), stored and indexed.</summary>
internal static class RandomPlaces
{
    public static async Task<List<Place>> AddAsync(CityHallApp app, string kind, string source, int count, int seed,
        (double Min, double Span) latitude, (double Min, double Span) longitude, Func<int, string?>? district = null)
    {
        var random = new Random(seed);
        var now = DateTime.UtcNow;
        var places = Enumerable.Range(0, count).Select(i => new Place
        {
            KindCode = kind, NameKo = $"{source} {i:D4}", Source = source, SourceId = i.ToString(CultureInfo.InvariantCulture), DistrictCode = district?.Invoke(i),
            Latitude = latitude.Min + random.NextDouble() * latitude.Span, Longitude = longitude.Min + random.NextDouble() * longitude.Span, UpdatedAt = now,
        }).ToList();
        await app.WithDbAsync(async db => { db.AddRange(places); await db.SaveChangesAsync(); });
        await app.Services.GetRequiredService<PlaceIndex>().RebuildAsync();
        return places;
    }
}
