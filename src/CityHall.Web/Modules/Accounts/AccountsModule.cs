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
        });
        builder.Services.AddScoped<IDataSeeder, DemoAccountsSeeder>();
        builder.Services.AddScoped<ConfirmationCodes>();
        return builder;
    }

    public static WebApplication MapAccounts(this WebApplication app) => app;
}
