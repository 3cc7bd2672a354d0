namespace CityHall.Web.Modules.Accounts.Contracts;

/// <summary>
/// The demo city's people (Seed:Demo), for other modules' demo content to be supported, reported, asked and worked by
/// real accounts through the modules' own paths: the citizens — the demo citizen one can sign in as, first, then the
/// residents, verified accounts nobody can sign in to (no password) — each with a home district; and the demo staff
/// accounts by role. Empty (null) when the demo is off.
/// </summary>
public interface IDemoPeople
{
    Task<IReadOnlyList<DemoCitizen>> CitizensAsync(CancellationToken ct = default);

    /// <summary>The demo staff account of a role (Roles.Official works for every department), or null.</summary>
    Task<DemoStaff?> StaffAsync(string role, CancellationToken ct = default);
}

/// <param name="SignsIn">The demo citizen whose password the log printed (the residents have none).</param>
public sealed record DemoCitizen(string UserId, string DisplayName, string IdentityKey, string? DistrictCode, bool SignsIn);

/// <param name="UserName">What the staff pages record as the actor (their sign-in name).</param>
public sealed record DemoStaff(string UserId, string DisplayName, string UserName);
