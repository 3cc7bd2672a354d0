using CityHall.Web.Modules.Accounts.Contracts;
using CityHall.Web.Modules.Accounts.Verification;
using CityHall.Web.Platform.Hosting;
using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.Accounts;

public static class AccountsModule
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddModule(new ModuleDescriptor
        {
            Name = "Accounts",
            Permissions = [],
            MyBlocks = [new("notifications", "Accounts.My.Notifications.Title", "Accounts.My.Notifications.Empty", "Accounts.My.Notifications.More", "/account/notifications",
                Public.MyNotifications.View, Public.MyNotifications.LoadAsync, 90)],
        });
        builder.Services.AddScoped<DemoAccountsSeeder>();
        builder.Services.AddScoped<IDataSeeder>(sp => sp.GetRequiredService<DemoAccountsSeeder>());
        builder.Services.AddScoped<IDemoPeople>(sp => sp.GetRequiredService<DemoAccountsSeeder>());
        builder.Services.AddScoped<AccountCodes>();
        builder.Services.AddScoped<PersonalData>();
        builder.Services.AddSingleton<IdentityHashKey>();
        builder.Services.AddRequiredSetting("Accounts:IdentityHashKey", "identity verification is off, so no citizen can support a proposal");
        builder.Services.AddScoped<IdentityVerification>();
        builder.Services.AddScoped<IVerifiedCitizens, VerifiedCitizens>();
        builder.Services.AddScoped<IIdentityVerifier, SmsCodeVerifier>();
        // The development verifier accepts anyone: it exists only where nobody real signs up.
        if (builder.Environment.IsDevelopment())
            builder.Services.AddScoped<IIdentityVerifier, DevelopmentVerifier>();
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app) => app;
}
