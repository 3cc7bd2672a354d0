using System.Security.Cryptography;
using CityHall.Web.Platform.Hosting;

namespace CityHall.Web.Modules.Accounts;

/// <summary>
/// Demo accounts, one per role, created once with random passwords that are printed in the log
/// that one time only (they are not stored anywhere readable). Staff accounts get a TOTP key.
/// </summary>
public sealed class DemoAccountsSeeder(UserManager<CityHallUser> users, StaffAccounts staff, TimeProvider clock,
    ILogger<DemoAccountsSeeder> logger) : IDataSeeder
{
    public int Order => 10;

    private static readonly (string Email, string Name, string Role)[] Demo =
    [
        ("citizen@demo.cityhall.example", "김시민", Roles.Citizen),
        ("official@demo.cityhall.example", "이공무", Roles.Official),
        ("moderator@demo.cityhall.example", "박운영", Roles.Moderator),
        ("admin@demo.cityhall.example", "최관리", Roles.Administrator),
    ];

    public async Task SeedAsync(bool includeDemo, CancellationToken ct)
    {
        if (!includeDemo) return;
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
