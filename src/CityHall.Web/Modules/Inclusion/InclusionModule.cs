using CityHall.Web.Modules.Inclusion.Applications;
using CityHall.Web.Modules.Inclusion.Programmes;
using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.Inclusion;

/// <summary>
/// Digital-inclusion programmes (issue 7) on one programme engine: eligibility rules as data,
/// the application state machine, the selection methods; programmes with versions, applications
/// made online one question per page with documents, household limits and re-grant exclusions
/// that hold under concurrency.
/// </summary>
public static class InclusionModule
{
    public static WebApplicationBuilder AddInclusion(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<InclusionOptions>(builder.Configuration.GetSection(InclusionOptions.Section));
        services.AddModule(new ModuleDescriptor { Name = "Inclusion", Enabled = builder.Configuration.GetValue($"{InclusionOptions.Section}:Enabled", true), Permissions = [] });
        services.AddScoped<Platform.Hosting.IDataSeeder, ProgrammeSeeder>();
        services.AddScoped<ApplicationIntake>();
        services.AddScoped<IPersonalDataContributor, InclusionPersonalData>();
        return builder;
    }
}
