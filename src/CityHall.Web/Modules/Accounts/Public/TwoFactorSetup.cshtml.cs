using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;
using QRCoder;

namespace CityHall.Web.Modules.Accounts.Public;

/// <summary>
/// Sets up the authenticator app (TOTP): the key as text and as a QR code, then a code from the
/// app to prove it works. Staff need it before staff pages open; citizens may use it too.
/// </summary>
[Authorize]
public sealed class TwoFactorSetupModel(UserManager<CityHallUser> users, IUserStore<CityHallUser> store, SignInManager<CityHallUser> signIn,
    IOptionsMonitor<CityOptions> city, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public TwoFactorInput Input { get; set; } = new();

    private IUserAuthenticatorKeyStore<CityHallUser> KeyStore => (IUserAuthenticatorKeyStore<CityHallUser>)store;

    public bool Enabled { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!ModelState.IsValid) { await LoadAsync(user); return Page(); }
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", t["Identity.InvalidCode"]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 8))?.ToList() ?? [];
        // This sign-in has now used a second factor: staff pages open without signing in again.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(PermissionClaims.AuthenticationMethod, PermissionClaims.MultiFactor)]);
        Enabled = true;
        return Page();
    }

    private async Task LoadAsync(CityHallUser user)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: it also changes the security stamp, which signed the person
            // out everywhere within a minute of merely opening this page (or following a link to it).
            // A key not yet confirmed by a code grants nothing, so making it ends no session.
            key = users.GenerateNewAuthenticatorKey();
            await KeyStore.SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            user.LastTotpStep = 0;
            await users.UpdateAsync(user);
        }
        FormattedKey = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLower(CultureInfo.InvariantCulture);
        var issuer = Uri.EscapeDataString(city.CurrentValue.Name.Current);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
