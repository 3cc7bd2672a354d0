using System.Security.Cryptography;
using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Modules.Accounts.Verification;
using CityHall.Web.Platform.City;
using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.Accounts;

/// <summary>
/// Demo accounts, one per role, created once with random passwords that are printed in the log
/// that one time only (they are not stored anywhere readable). Staff accounts get a TOTP key.
/// Then the demo city's residents (<see cref="IDemoPeople"/>): verified, spread over the districts, without passwords.
/// </summary>
public sealed class DemoAccountsSeeder(UserManager<CityHallUser> users, StaffAccounts staff, AppDbContext db, IdentityHashKey identities,
    TimeProvider clock, ILogger<DemoAccountsSeeder> logger) : IDataSeeder, IDemoPeople
{
    /// <summary>How many residents the demo city has: enough for a proposal to pass the forum threshold (100).</summary>
    public const int Residents = 160;
    private const string ResidentDomain = "@residents.demo.cityhall.example";
    private const string CitizenEmail = "citizen@demo.cityhall.example";
    private const string OfficialEmail = "official@demo.cityhall.example";
    /// <summary>The verifier name their identities are hashed under: never one a real verifier uses.</summary>
    private const string ResidentVerifier = "demo-resident";

    private static readonly string[] FamilyNames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황"];
    private static readonly string[] GivenNames = ["민준", "서연", "도윤", "지우", "하준", "서윤", "은우", "하은", "지호", "수아", "예준", "지유", "현우", "채원", "건우", "다은", "우진", "소율", "선우", "예린"];

    public int Order => 10;

    private static readonly (string Email, string Name, string Role)[] Demo =
    [
        (CitizenEmail, "김시민", Roles.Citizen),
        (OfficialEmail, "이공무", Roles.Official),
        ("moderator@demo.cityhall.example", "박운영", Roles.Moderator),
        ("admin@demo.cityhall.example", "최관리", Roles.Administrator),
    ];

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        if (!includeDemo) return;
        await SeedRolesAsync(ct);
        await SeedResidentsAsync(ct);
        await SeedOfficialDepartmentsAsync(ct);
    }

    /// <summary>The demo official works for every department, so the demo's cases can be assigned to them and they see every queue.</summary>
    private async Task SeedOfficialDepartmentsAsync(CancellationToken ct)
    {
        var official = await db.Users.Where(u => u.Email == OfficialEmail).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (official is null) return;
        var joined = await db.Set<StaffDepartment>().Where(m => m.UserId == official).Select(m => m.DepartmentId).ToListAsync(ct);
        var missing = await db.Set<Department>().Where(d => !joined.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        foreach (var department in missing) db.Add(new StaffDepartment { UserId = official, DepartmentId = department });
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedResidentsAsync(CancellationToken ct)
    {
        // Without the identity key nobody can be verified (Production without Accounts:IdentityHashKey): no residents then.
        if (!identities.IsConfigured) return;
        var districts = await db.Set<District>().OrderBy(d => d.Id).Select(d => d.Code).ToListAsync(ct);
        var now = clock.GetUtcNow();
        // The demo citizen one signs in as is verified too, so their "my city" has proposals and supports to show.
        if (await users.FindByEmailAsync(CitizenEmail) is { VerifiedIdentityHash: null } citizen)
        {
            citizen.VerifiedIdentityHash = identities.Hash(ResidentVerifier, CitizenEmail);
            citizen.VerifiedAt = now;
            citizen.DistrictCode ??= districts.FirstOrDefault();
            citizen.BirthYear ??= 1985;
            await users.UpdateAsync(citizen);
        }
        var existing = (await db.Users.Where(u => u.Email!.EndsWith(ResidentDomain)).Select(u => u.Email!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        if (existing.Count >= Residents) return;
        for (var i = 1; i <= Residents; i++)
        {
            var email = $"resident{i:000}{ResidentDomain}";
            if (existing.Contains(email)) continue;
            var user = new CityHallUser
            {
                UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now, VerifiedAt = now,
                DisplayName = FamilyNames[i % FamilyNames.Length] + GivenNames[i * 7 % GivenNames.Length],
                DistrictCode = districts.Count == 0 ? null : districts[i % districts.Count],
                VerifiedIdentityHash = identities.Hash(ResidentVerifier, email),
                // Ages from 16 to 85 spread over the residents, so the demo's results by age band have several bands.
                BirthYear = now.Year - 16 - i * 37 % 70,
            };
            // No password: the account exists to support, report and ask in the demo, never to be signed in to.
            var created = await users.CreateAsync(user);
            if (created.Succeeded) await users.AddToRoleAsync(user, Roles.Citizen);
        }
    }

    /// <summary>The demo citizen first (when verified), then the residents.</summary>
    public async Task<IReadOnlyList<DemoCitizen>> CitizensAsync(CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => (u.Email!.EndsWith(ResidentDomain) || u.Email == CitizenEmail) && u.VerifiedIdentityHash != null)
            .OrderBy(u => u.Email == CitizenEmail ? 0 : 1).ThenBy(u => u.Email)
            .Select(u => new DemoCitizen(u.Id, u.DisplayName, u.VerifiedIdentityHash!, u.DistrictCode, u.Email == CitizenEmail)).ToListAsync(ct);

    public async Task<DemoStaff?> StaffAsync(string role, CancellationToken ct = default)
    {
        var email = Demo.Where(d => d.Role == role && role != Roles.Citizen).Select(d => d.Email).FirstOrDefault();
        return email is null ? null : await db.Users.AsNoTracking().Where(u => u.Email == email)
            .Select(u => new DemoStaff(u.Id, u.DisplayName, u.UserName!)).FirstOrDefaultAsync(ct);
    }

    private async Task SeedRolesAsync(CancellationToken ct)
    {
        foreach (var (email, name, role) in Demo)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var password = "Demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + "1";
            if (role == Roles.Citizen)
            {
                var user = new CityHallUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow() };
                var created = await users.CreateAsync(user, password);
                if (created.Succeeded) await users.AddToRoleAsync(user, role);
                logger.LogWarning("Demo account (shown once): {Role} {Email} password {Password}", role, email, password);
            }
            else
            {
                var result = await staff.CreateOrPromoteAsync(email, name, password, role);
                logger.LogWarning("Demo account (shown once): {Role} {Email} password {Password} TOTP key {Key}",
                    role, email, password, result.AuthenticatorKey);
            }
        }
    }
}
