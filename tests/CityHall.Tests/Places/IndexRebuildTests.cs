using System.Net;
using System.Text.Json;
using CityHall.Tests.Infrastructure;
using CityHall.Web.Modules.Places;
using CityHall.Web.Platform.Identity;

namespace CityHall.Tests.Places;

/// <summary>
/// "Near me" never waits for the places index to be rebuilt after a change: searches use the index as
/// it was until the new one is ready, and the staff member who made the change waits for it instead.
/// </summary>
public sealed class IndexRebuildTests : IDisposable
{
    private readonly FaultyDatabaseApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Searches_use_the_index_as_it_was_while_a_staff_change_rebuilds_it()
    {
        var staff = await app.SignedInStaffAsync(Roles.Official, "index-editor@seoul.go.kr");
        var citizen = app.CreateClient();
        var radius = 900;
        async Task<List<string>> NearCityHallAsync()
        {
            // A new radius each time: each answer is computed, none comes from the output cache.
            var response = await citizen.GetAsync($"/api/v1/places?kind=shelter&near=37.5663,126.9779&radius={radius++}&limit=10");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        }
        async Task<HttpResponseMessage> AddShelterAsync(string name, string latitude)
        {
            var form = await staff.GetPageAsync("/admin/places/new");
            return await staff.SubmitAsync(form, new Dictionary<string, string>
            {
                ["Input.Kind"] = "shelter", ["Input.NameKo"] = name, ["Input.NameEn"] = "", ["Input.RoadAddress"] = "세종대로 110", ["Input.District"] = "11140",
                ["Input.Latitude"] = latitude, ["Input.Longitude"] = "126.9779", ["Input.Website"] = "", ["Input.OpeningHours"] = "", ["Input.AlwaysOpen"] = "true",
                ["Input.OpensAt"] = "", ["Input.ClosesAt"] = "", ["Input.WheelchairAccess"] = "", ["Input.AccessibleToilet"] = "", ["Input.BabyChanging"] = "",
                ["Input.EmergencyBell"] = "", ["Input.Cctv"] = "",
            });
        }

        Assert.Equal(HttpStatusCode.Redirect, (await AddShelterAsync("시청 쉼터", "37.5664")).StatusCode);
        Assert.Equal(["시청 쉼터"], await NearCityHallAsync());

        // The database becomes slow for the index's queries; staff add a second shelter meanwhile.
        var slow = app.HoldQueries(PlaceIndex.QueryTag);
        var adding = AddShelterAsync("광장 쉼터", "37.5668");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (app.HeldQueries == 0 && !adding.IsCompleted && DateTime.UtcNow < deadline) await Task.Delay(20);

        // A citizen searching now is answered at once, from the index as it was.
        Assert.Equal(["시청 쉼터"], await NearCityHallAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(adding.IsCompleted, "the staff member waits for the index that shows their change");

        slow.TrySetResult();
        Assert.Equal(HttpStatusCode.Redirect, (await adding).StatusCode);
        Assert.Equal(["시청 쉼터", "광장 쉼터"], await NearCityHallAsync());
    }
}
