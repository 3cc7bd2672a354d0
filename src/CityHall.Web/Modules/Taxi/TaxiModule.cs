using CityHall.Web.Modules.Taxi.Dispatch;
using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.Taxi;

/// <summary>
/// Taxi call with dispatch (Seoul's brand call taxis): riders call from the portal, the free car that can reach them
/// soonest is offered the call, and both follow the trip: the map of on-duty drivers and dispatch, the fleet registry,
/// driving, calls from the estimate to the receipt, safe-ride texts and problem reports (see README.md for what is next).
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
            Figures = TaxiFigures.Definitions,
            Enabled = builder.Configuration.GetValue($"{TaxiOptions.Section}:Enabled", true),
            Permissions = [new(Operate, "Permission.OperateTaxi", Roles.Official)],
            AdminMenu = [new("Admin.Menu.Taxi", "/admin/taxi", Operate, 650)],
            SectorServices =
            [
                new("taxi", "call", "Taxi.Sector.Call.Title", "Taxi.Sector.Call.Summary", "/taxi", "ico_call", 10)
                {
                    Live = new("Taxi.Sector.Call.OnDuty", (sp, _) => Task.FromResult(sp.GetRequiredService<DriverMap>().OnDutyCount)),
                },
                new("taxi", "my-calls", "Taxi.Sector.Mine.Title", "Taxi.Sector.Mine.Summary", "/taxi/calls", "ico_my", 20),
                new("taxi", "drive", "Taxi.Sector.Drive.Title", "Taxi.Sector.Drive.Summary", "/taxi/drive", "ico_go", 30),
            ],
            MyBlocks = [new("calls", "Taxi.My.Title", "Taxi.My.Empty", "Taxi.My.More", "/taxi/calls", Calls.MyCalls.View, Calls.MyCalls.LoadAsync, 70)],
        });
        services.AddSingleton<DriverMap>();
        services.AddSingleton<IPickupTimes, StraightLinePickupTimes>();
        services.AddSingleton<Dispatcher>();
        services.AddSingleton<DispatchInbox>();
        services.AddSingleton<DispatchLease>();
        services.AddSingleton<TaxiSync>();
        services.AddSingleton<Live.TaxiPush>();
        services.AddHostedService(sp => sp.GetRequiredService<TaxiSync>());
        services.AddSingleton<DispatchLoop>();
        services.AddHostedService(sp => sp.GetRequiredService<DispatchLoop>());
        services.AddScoped<Calls.CallDesk>();
        services.AddScoped<Calls.SafeRide>();
        services.AddScoped<IPersonalDataContributor, TaxiPersonalData>();
        services.AddScoped<Driving.DriverDuty>();
        services.AddSingleton<Driving.PositionTokens>();
        services.AddSingleton<Driving.PositionTaker>();
        services.AddHostedService<Driving.OnDutyDrivers>();
        services.AddSingleton<TripDetailsRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<TripDetailsRetention>());
        return builder;
    }

    public static WebApplication MapTaxi(this WebApplication app)
    {
        Driving.PositionApi.Map(app);
        app.MapHub<Live.TaxiHub>(Live.TaxiHub.Path);
        return app;
    }
}
