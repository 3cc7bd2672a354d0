using CityHall.Web.Platform.Notifications;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Accounts;

/// <summary>
/// Sends the six-digit codes people type in: e-mail confirmation, password reset and the phone
/// verification text. Codes, not links, so mail scanners that open links cannot consume them;
/// made by <see cref="TimedCodeProvider"/> and valid for Accounts:CodeLifetime, which the message states.
/// </summary>
public sealed class AccountCodes(UserManager<CityHallUser> users, Notifier notifier, IStringLocalizer<Text> t, IOptions<AccountOptions> options)
{
    private int LifetimeMinutes => (int)Math.Ceiling(options.Value.CodeLifetime.TotalMinutes);

    public async Task SendConfirmationAsync(CityHallUser user)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        await QueueAsync(user, () => notifier.Email(user.Email!, t["Email.Confirm.Subject"], t["Email.Confirm.Body", user.DisplayName, code, LifetimeMinutes], user.Id));
    }

    public async Task SendPasswordResetAsync(CityHallUser user)
    {
        var code = await users.GeneratePasswordResetTokenAsync(user);
        await QueueAsync(user, () => notifier.Email(user.Email!, t["Email.Reset.Subject"], t["Email.Reset.Body", user.DisplayName, code, LifetimeMinutes], user.Id));
    }

    /// <summary>
    /// Someone signed up with an address that already has an account: its owner hears so (with the way to
    /// a new password) and the page answers as for a new address, so sign-up does not tell who has an account.
    /// An account never confirmed gets a fresh confirmation code instead, which is what its owner needs.
    /// </summary>
    public async Task SendAlreadyRegisteredAsync(CityHallUser user)
    {
        if (!user.EmailConfirmed)
        {
            await SendConfirmationAsync(user);
            return;
        }
        await QueueAsync(user, () => notifier.Email(user.Email!, t["Email.AlreadyRegistered.Subject"], t["Email.AlreadyRegistered.Body", user.DisplayName], user.Id));
    }

    public async Task SendPhoneCodeAsync(CityHallUser user, string phone)
    {
        var code = await users.GenerateChangePhoneNumberTokenAsync(user, phone);
        await QueueAsync(user, () => notifier.Sms(phone, t["Verify.Sms.Message", code, LifetimeMinutes], user.Id));
    }

    public async Task<bool> ConfirmAsync(CityHallUser user, string code)
    {
        var result = await users.ConfirmEmailAsync(user, code.Trim());
        return result.Succeeded;
    }

    /// <summary>Adds the outbox row and saves it with the account (UpdateAsync saves the whole context).</summary>
    private async Task QueueAsync(CityHallUser user, Action addToOutbox)
    {
        addToOutbox();
        await users.UpdateAsync(user);
    }
}
