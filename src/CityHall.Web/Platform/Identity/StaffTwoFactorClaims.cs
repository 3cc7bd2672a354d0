using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Platform.Identity;

/// <summary>
/// Staff permissions count only after a two-factor sign-in (when the city requires it). The policy
/// handler checked that for pages behind a permission, but code that asks the principal directly
/// (`User.HasPermission`, e.g. "may this person read a private report?") did not. Dropping the
/// permission claims of a staff member who signed in with a password only makes every check agree.
/// </summary>
public sealed class StaffTwoFactorClaims(IOptions<AccountOptions> options) : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (!options.Value.RequireStaffTwoFactor || !principal.IsStaff() || principal.SignedInWithTwoFactor()
            || !principal.HasClaim(c => c.Type == PermissionClaims.Type))
            return Task.FromResult(principal);
        var reduced = new ClaimsPrincipal();
        foreach (var identity in principal.Identities)
        {
            var copy = new ClaimsIdentity(identity.Claims.Where(c => c.Type != PermissionClaims.Type),
                identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType);
            reduced.AddIdentity(copy);
        }
        return Task.FromResult(reduced);
    }
}
