using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.Taxi;

/// <summary>
/// Taxi call with dispatch (Seoul's brand call taxis): riders call from the portal, the free car that can reach them
/// soonest is offered the call, and both follow the trip. Built so far: the dispatch core (the map of on-duty
/// drivers, pickup-time estimates, batch matching, offers, declines and pauses) and the fleet registry (companies,
/// their staff, drivers and cars); calls, trips and their pages come next (see README.md).
/// </summary>
public static class TaxiModule
{
    /// <summary>The city's taxi operators: the company registry, every company's fleet, the live map and the figures.</summary>
    public const string Operate = "taxi.operate";

    public static WebApplicationBuilder AddTaxi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<TaxiOptions>(builder.Configuration.GetSection(TaxiOptions.Section));
        services.AddModule(new ModuleDescriptor
        {
            Name = "Taxi",
            Enabled = builder.Configuration.GetValue($"{TaxiOptions.Section}:Enabled", true),
            Permissions = [new(Operate, "Permission.OperateTaxi", Roles.Official)],
            AdminMenu = [new("Admin.Menu.Taxi", "/admin/taxi", Operate, 650)],
        });
        services.AddSingleton<DriverMap>();
        services.AddSingleton<IPickupTimes, StraightLinePickupTimes>();
        services.AddSingleton<Dispatcher>();
        services.AddSingleton<DispatchLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<DispatchLoop>());
        services.AddScoped<Calls.CallDesk>();
        services.AddScoped<Driving.DriverDuty>();
        services.AddHostedService<Driving.OnDutyDrivers>();
        return builder;
    }

    public static WebApplication MapTaxi(this WebApplication app)
    {
        Driving.PositionApi.Map(app);
        return app;
    }
}
