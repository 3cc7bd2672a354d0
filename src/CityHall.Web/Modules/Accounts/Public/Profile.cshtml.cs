using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Accounts.Public;

[Authorize]
public sealed class ProfileModel(UserManager<CityHallUser> users, SignInManager<CityHallUser> signIn, AppDbContext db,
    IOptionsMonitor<CityOptions> city, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Districts { get; private set; } = [];
    public List<SelectListItem> Languages { get; private set; } = [];
    public string Email { get; private set; } = "";
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Input = new ProfileInput
        {
            DisplayName = user.DisplayName,
            DistrictCode = user.DistrictCode ?? "",
            PhoneNumber = user.PhoneNumber ?? "",
            Culture = user.PreferredCulture ?? city.CurrentValue.DefaultCulture,
            LargeText = user.PrefersLargeText,
            HighContrast = user.PrefersHighContrast,
            NotifyByEmail = user.NotifyByEmail,
            NotifyBySms = user.NotifyBySms,
        };
        Email = user.Email ?? "";
        Saved = saved;
        await LoadChoicesAsync();
        return Page();
    }

    /// <summary>Ends every session of the account (a lost phone, a shared computer), this one included.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await SessionTracking.SignOutEverywhereAsync(HttpContext, signIn, user);
        return Redirect("/account/sign-in");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Email = user.Email ?? "";
        await LoadChoicesAsync();
        if (!string.IsNullOrEmpty(Input.DistrictCode) && Districts.All(d => d.Value != Input.DistrictCode))
            ModelState.AddModelError("Input.DistrictCode", t["Profile.District.Unknown"]);
        if (Languages.All(l => l.Value != Input.Culture))
            ModelState.AddModelError("Input.Culture", t["Profile.Language.Unknown"]);
        if (Input.NotifyBySms && string.IsNullOrWhiteSpace(Input.PhoneNumber))
            ModelState.AddModelError("Input.PhoneNumber", t["Profile.Phone.RequiredForSms"]);
        if (!ModelState.IsValid) return Page();

        user.DisplayName = Input.DisplayName.Trim();
        user.DistrictCode = string.IsNullOrEmpty(Input.DistrictCode) ? null : Input.DistrictCode;
        user.PhoneNumber = string.IsNullOrWhiteSpace(Input.PhoneNumber) ? null : Input.PhoneNumber.Trim();
        user.PreferredCulture = Input.Culture;
        user.PrefersLargeText = Input.LargeText;
        user.PrefersHighContrast = Input.HighContrast;
        user.NotifyByEmail = Input.NotifyByEmail;
        user.NotifyBySms = Input.NotifyBySms;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user); // preferences live in the cookie's claims
        CultureSetup.WriteCookie(Response, user.PreferredCulture);
        return RedirectToPage(new { saved = true });
    }

    private async Task LoadChoicesAsync()
    {
        Districts = await DistrictChoices.ItemsAsync(db, t["Profile.District.None"].Value);
        Languages = city.CurrentValue.SupportedCultures.Select(c => new SelectListItem(new CultureInfo(c).NativeName, c)).ToList();
    }
}

public sealed class ProfileInput
{
    [Display(Name = "Field.DisplayName")]
    [Required(ErrorMessage = "SignUp.DisplayName.Required")]
    [StringLength(100, ErrorMessage = "SignUp.DisplayName.TooLong")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "Field.District")]
    public string DistrictCode { get; set; } = "";

    [Display(Name = "Field.Phone")]
    [RegularExpression(@"^\+?[0-9 \-]{8,20}$", ErrorMessage = "Profile.Phone.Format")]
    public string PhoneNumber { get; set; } = "";

    [Display(Name = "Field.Language")]
    [Required(ErrorMessage = "Profile.Language.Unknown")]
    public string Culture { get; set; } = "";

    public bool LargeText { get; set; }
    public bool HighContrast { get; set; }
    public bool NotifyByEmail { get; set; }
    public bool NotifyBySms { get; set; }
}
