namespace CityHall.Web.Platform.Modules;

/// <summary>
/// What a module tells the platform about itself: its admin menu, its permissions, the open-data
/// datasets it publishes and the portal sectors it serves. Registered by each Add&lt;Name&gt;().
/// </summary>
public sealed class ModuleDescriptor
{
    public required string Name { get; init; }
    public bool Enabled { get; init; } = true;

    /// <summary>Admin menu: resource key of the label, URL, and the permission needed to see it.</summary>
    public IReadOnlyList<AdminMenuItem> AdminMenu { get; init; } = [];
    public IReadOnlyList<PermissionDefinition> Permissions { get; init; } = [];
    public IReadOnlyList<OpenDataset> Datasets { get; init; } = [];

    /// <summary>The home-page sectors this module serves, by the city's sector code, and where they lead.</summary>
    public IReadOnlyList<PortalSectorLink> PortalSectors { get; init; } = [];
}

public sealed record PortalSectorLink(string SectorCode, string Href);

public sealed record AdminMenuItem(string LabelKey, string Href, string Permission, int Order = 100);

/// <summary>A permission and the roles that hold it by default (administrators hold every permission).</summary>
public sealed record PermissionDefinition(string Name, string DescriptionKey, params string[] DefaultRoles);

/// <summary>An API or feed a module publishes as open data (tabular datasets come from an IOpenDataSource instead).</summary>
public sealed record OpenDataset(string Code, string TitleKey, string Href, string Format, string? DescriptionKey = null);

public sealed class ModuleRegistry(IEnumerable<ModuleDescriptor> modules)
{
    public IReadOnlyList<ModuleDescriptor> Modules { get; } = modules.Where(m => m.Enabled).ToList();

    public IEnumerable<PermissionDefinition> Permissions => Modules.SelectMany(m => m.Permissions);

    public IEnumerable<AdminMenuItem> AdminMenu => Modules.SelectMany(m => m.AdminMenu).OrderBy(i => i.Order);

    public IEnumerable<OpenDataset> Datasets => Modules.SelectMany(m => m.Datasets);

    public IEnumerable<PortalSectorLink> PortalSectors => Modules.SelectMany(m => m.PortalSectors);
}

public static class ModuleRegistration
{
    public static IServiceCollection AddModule(this IServiceCollection services, ModuleDescriptor module)
    {
        services.AddSingleton(module);
        return services;
    }
}
