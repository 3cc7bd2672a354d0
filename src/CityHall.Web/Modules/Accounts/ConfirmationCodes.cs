using CityHall.Web.Platform.Notifications;

namespace CityHall.Web.Modules.Accounts;

/// <summary>
/// Six-digit codes the person types in to confirm their e-mail address (Identity's own e-mail
/// token provider). A code, not a link, so mail scanners that open links cannot consume it.
/// </summary>
public sealed class ConfirmationCodes(UserManager<CityHallUser> users, Notifier notifier, IStringLocalizer<Text> t)
{
    /// <summary>Queues the code in the outbox; the caller's SaveChanges (or this one) makes it durable.</summary>
    public async Task SendAsync(CityHallUser user)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        notifier.Email(user.Email!, t["Email.Confirm.Subject"], t["Email.Confirm.Body", user.DisplayName, code], user.Id);
        await users.UpdateAsync(user); // saves the outbox row with the user's own change
    }

    public async Task<bool> ConfirmAsync(CityHallUser user, string code)
    {
        var result = await users.ConfirmEmailAsync(user, code.Trim());
        return result.Succeeded;
    }
}
