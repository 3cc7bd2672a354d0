namespace CityHall.Web.Modules.Accounts.Admin;

/// <summary>The staff queue of accounts: filter by text and role, sort, page, and export the same selection as CSV.</summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + PlatformPermissions.ManageUsers)]
public sealed class UsersModel(AppDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    // Nullable: "?sort=" binds as null, like every empty field.
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount { get; private set; }

    public sealed record UserRow(string Id, string Email, string DisplayName, string? DistrictCode, bool Verified, bool TwoFactor, string Roles);

    private IQueryable<UserRow> Query()
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
            // Translated to SQL (UPPER ... LIKE) on both providers.
#pragma warning disable CA1862, CA1304, CA1311
            users = users.Where(u => u.NormalizedEmail!.Contains(q) || u.DisplayName.ToUpper().Contains(q));
#pragma warning restore CA1862, CA1304, CA1311
        }
        if (!string.IsNullOrWhiteSpace(Role))
        {
            var roleId = db.Roles.Where(r => r.Name == Role).Select(r => r.Id);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
        }
        users = Sort switch
        {
            "name" => users.OrderBy(u => u.DisplayName).ThenBy(u => u.Email),
            "email-desc" => users.OrderByDescending(u => u.Email),
            _ => users.OrderBy(u => u.Email),
        };
        return users.Select(u => new UserRow(u.Id, u.Email!, u.DisplayName, u.DistrictCode, u.VerifiedIdentityHash != null, u.TwoFactorEnabled,
            string.Join(", ", db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name))));
    }

    public async Task OnGetAsync()
    {
        var query = Query();
        Total = await query.CountAsync();
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var rows = await Query().ToListAsync();
        return File(CsvExport.ToBytes(["Id", "Email", "DisplayName", "DistrictCode", "Verified", "TwoFactor", "Roles"],
            rows.Select(r => new[] { r.Id, r.Email, r.DisplayName, r.DistrictCode ?? "", r.Verified.ToString(), r.TwoFactor.ToString(), r.Roles })),
            "text/csv", "users.csv");
    }

    public string PageLink(int page, string? sort = null) =>
        $"?q={Uri.EscapeDataString(Q ?? "")}&role={Uri.EscapeDataString(Role ?? "")}&sort={Uri.EscapeDataString(sort ?? Sort ?? "email")}&p={page}";
}
