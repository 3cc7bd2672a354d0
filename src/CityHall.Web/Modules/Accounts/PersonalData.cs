namespace CityHall.Web.Modules.Accounts;

/// <summary>A person's own data, gathered from every module, and the erasure of it.</summary>
public sealed class PersonalData(AppDbContext db, UserManager<CityHallUser> users, IEnumerable<IPersonalDataContributor> contributors,
    TimeProvider clock)
{
    public async Task<Dictionary<string, object?>> ExportAsync(CityHallUser user, CancellationToken ct)
    {
        var export = new Dictionary<string, object?>
        {
            ["exportedAt"] = clock.GetUtcNow(),
            ["account"] = new
            {
                user.Email, user.EmailConfirmed, user.DisplayName, user.DistrictCode, user.PhoneNumber, user.PreferredCulture,
                user.PrefersLargeText, user.PrefersHighContrast, user.NotifyByEmail, user.NotifyBySms, user.TwoFactorEnabled,
                identityVerified = user.VerifiedAt is not null, user.VerifiedAt, user.BirthYear, user.CreatedAt,
                roles = await users.GetRolesAsync(user),
            },
        };
        foreach (var contributor in contributors)
            export[contributor.Section] = await contributor.ExportAsync(user.Id, ct);
        return export;
    }

    /// <summary>Erases every module's data for the person, then the account, in one transaction.</summary>
    public async Task<IdentityResult> DeleteAsync(CityHallUser user, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var contributor in contributors)
            await contributor.EraseAsync(user.Id, ct);
        var result = await users.DeleteAsync(user);
        if (result.Succeeded) await tx.CommitAsync(ct);
        return result;
    }
}
