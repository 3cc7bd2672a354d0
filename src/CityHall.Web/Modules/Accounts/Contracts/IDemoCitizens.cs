namespace CityHall.Web.Modules.Accounts.Contracts;

/// <summary>
/// The demo city's people (Seed:Demo): the demo citizen one can sign in as, first, then the residents — verified
/// accounts nobody can sign in to (they have no password) — each with a home district, for other modules' demo
/// content to be supported, reported and asked by real accounts through the modules' own paths. Empty when the demo
/// is off.
/// </summary>
public interface IDemoCitizens
{
    Task<IReadOnlyList<DemoCitizen>> ListAsync(CancellationToken ct = default);
}

public sealed record DemoCitizen(string UserId, string DisplayName, string IdentityKey, string? DistrictCode);
