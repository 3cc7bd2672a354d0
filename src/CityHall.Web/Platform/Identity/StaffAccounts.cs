namespace CityHall.Web.Platform.Identity;

public sealed record StaffAccountResult(bool Succeeded, string Email, string? AuthenticatorKey, IReadOnlyList<string> Errors);

/// <summary>
/// Creates confirmed staff accounts with TOTP already set up, for the create-admin verb and the demo
/// seed. The authenticator key is returned once so the person can add it to their app.
/// </summary>
public sealed class StaffAccounts(UserManager<CityHallUser> users, TimeProvider clock)
{
    public async Task<StaffAccountResult> CreateOrPromoteAsync(string email, string displayName, string password, string role,
        string? culture = null)
    {
        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user is null)
        {
            user = new CityHallUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
                PreferredCulture = culture, CreatedAt = clock.GetUtcNow(),
            };
            result = await users.CreateAsync(user, password);
            if (!result.Succeeded) return Failed(email, result);
        }
        if (!await users.IsInRoleAsync(user, role))
        {
            result = await users.AddToRoleAsync(user, role);
            if (!result.Succeeded) return Failed(email, result);
        }
        if (Roles.Staff.Contains(role) && role != Roles.Citizen && !await users.IsInRoleAsync(user, Roles.Citizen))
        {
            // Staff are also citizens of the city.
            await users.AddToRoleAsync(user, Roles.Citizen);
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        return new(true, email, key, []);
    }

    private static StaffAccountResult Failed(string email, IdentityResult result) =>
        new(false, email, null, result.Errors.Select(e => e.Description).ToList());
}
