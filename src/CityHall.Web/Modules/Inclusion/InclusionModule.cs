using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.Inclusion;

/// <summary>
/// Digital-inclusion programmes (issue 7) on one programme engine. So far: eligibility rules as
/// data and their evaluation, the application state machine, and the selection methods (first come
/// first served, weighted score with panel averages and tie-breaks, a seeded lottery anyone can re-run).
/// </summary>
public static class InclusionModule
{
    public static WebApplicationBuilder AddInclusion(this WebApplicationBuilder builder)
    {
        builder.Services.AddModule(new ModuleDescriptor { Name = "Inclusion", Permissions = [] });
        return builder;
    }
}
