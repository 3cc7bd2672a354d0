using CityHall.Web.Platform.Figures;

namespace CityHall.Web.Platform.Modules;

/// <summary>
/// What a module tells the platform about itself: its admin menu, its permissions, the open-data
/// datasets it publishes and the services it offers in the portal's sectors. Registered by each Add&lt;Name&gt;().
/// </summary>
public sealed class ModuleDescriptor
{
    public required string Name { get; init; }
    public bool Enabled { get; init; } = true;

    /// <summary>Admin menu: resource key of the label, URL, and the permission needed to see it.</summary>
    public IReadOnlyList<AdminMenuItem> AdminMenu { get; init; } = [];
    public IReadOnlyList<PermissionDefinition> Permissions { get; init; } = [];
    public IReadOnlyList<OpenDataset> Datasets { get; init; } = [];

    /// <summary>The services this module offers citizens, each in one of the city's sectors (a sector page lists them first).</summary>
    public IReadOnlyList<SectorService> SectorServices { get; init; } = [];

    /// <summary>What this module shows on the home page about the city today (the event on air, proposals near their threshold, …).</summary>
    public IReadOnlyList<HomeBlock> HomeBlocks { get; init; } = [];

    /// <summary>The kinds of public things this module gives the city's search.</summary>
    public IReadOnlyList<Search.SearchKind> SearchKinds { get; init; } = [];

    /// <summary>What this module shows a signed-in citizen of their own on "my city" (/my): their proposals, reports, …</summary>
    public IReadOnlyList<MyBlock> MyBlocks { get; init; } = [];

    /// <summary>The figures this module publishes on the transparency dashboard and as open data, each with its definition and query.</summary>
    public IReadOnlyList<FigureDefinition> Figures { get; init; } = [];

    /// <summary>The permissions API keys can carry for this module's APIs.</summary>
    public IReadOnlyList<ApiAccess.ApiScope> ApiScopes { get; init; } = [];
}

/// <summary>
/// A block of a citizen's own page (/my): <see cref="LoadAsync"/> reads what is theirs (scoped services, their user
/// id) and returns the model <see cref="View"/> renders, or null when they have nothing here yet — the block then
/// says <see cref="EmptyKey"/> and still links to <see cref="MoreHref"/>, the module's own page for it.
/// </summary>
public sealed record MyBlock(string Code, string TitleKey, string EmptyKey, string MoreKey, string MoreHref, string View,
    Func<IServiceProvider, string, CancellationToken, Task<object?>> LoadAsync, int Order = 100);

/// <summary>
/// A block of the home page: what a module has to show now. <see cref="LoadAsync"/> reads it (scoped services, the
/// request's culture not needed: the result is shared by every visitor for a few seconds, so it must be immutable and
/// hold both languages) and returns null when there is nothing to show, and the block disappears. The portal renders
/// the result with <see cref="View"/> (a partial view path) under the heading <see cref="TitleKey"/>, with a link to
/// <see cref="MoreHref"/>; <see cref="Code"/> is unique within the module.
/// </summary>
public sealed record HomeBlock(string Code, string TitleKey, string MoreKey, string MoreHref, string View,
    Func<IServiceProvider, CancellationToken, Task<object?>> LoadAsync, int Order = 100);

/// <summary>
/// One service on a sector page (/sectors/{code}): its title and one line (text keys in the module's own texts),
/// where it is, a KRDS icon (a file name under /lib/krds/img/component/icon, without ".svg"), and its place among
/// the sector's services. <see cref="Code"/> is unique within the module, so a city can reorder or hide it.
/// </summary>
public sealed record SectorService(string SectorCode, string Code, string TitleKey, string SummaryKey, string Href, string Icon, int Order = 100)
{
    /// <summary>A figure worth showing on the card now ("1 on air now"): shown when the count is above zero.</summary>
    public SectorLiveFigure? Live { get; init; }
}

/// <summary>A live figure of a sector service: the text key that words it ({0} is the count) and how to count it (scoped services).</summary>
public sealed record SectorLiveFigure(string TextKey, Func<IServiceProvider, CancellationToken, Task<int>> CountAsync);

public sealed record AdminMenuItem(string LabelKey, string Href, string Permission, int Order = 100);

/// <summary>A permission and the roles that hold it by default (administrators hold every permission).</summary>
public sealed record PermissionDefinition(string Name, string DescriptionKey, params string[] DefaultRoles);

/// <summary>An API or feed a module publishes as open data (tabular datasets come from an IOpenDataSource instead).</summary>
public sealed record OpenDataset(string Code, string TitleKey, string Href, string Format, string? DescriptionKey = null);

public sealed class ModuleRegistry(IEnumerable<ModuleDescriptor> modules)
{
    public IReadOnlyList<ModuleDescriptor> Modules { get; } = modules.Where(m => m.Enabled).ToList();

    /// <summary>
    /// Every module's sector services with the key a city arranges them by ("Module/code"; a module may offer the
    /// same service in two sectors under one key). Built once: the modules do not change while the app runs.
    /// </summary>
    public IReadOnlyList<(string Key, SectorService Service)> SectorServices => sectorServices ??=
        Modules.SelectMany(m => m.SectorServices.Select(s => (Key: $"{m.Name}/{s.Code}", Service: s))).ToList();

    private IReadOnlyList<(string Key, SectorService Service)>? sectorServices;

    /// <summary>Every module's home blocks with their keys ("Module/code"), in their order.</summary>
    public IReadOnlyList<(string Key, HomeBlock Block)> HomeBlocks => homeBlocks ??=
        Modules.SelectMany(m => m.HomeBlocks.Select(b => (Key: $"{m.Name}/{b.Code}", Block: b)))
            .OrderBy(x => x.Block.Order).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();

    private IReadOnlyList<(string Key, HomeBlock Block)>? homeBlocks;

    /// <summary>Every module's blocks of "my city" with their keys ("Module/code"), in their order.</summary>
    public IReadOnlyList<(string Key, MyBlock Block)> MyBlocks => myBlocks ??=
        Modules.SelectMany(m => m.MyBlocks.Select(b => (Key: $"{m.Name}/{b.Code}", Block: b)))
            .OrderBy(x => x.Block.Order).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();

    private IReadOnlyList<(string Key, MyBlock Block)>? myBlocks;

    /// <summary>Every module's figures with the module's name, in their order; codes are unique across modules.</summary>
    public IReadOnlyList<(string Module, FigureDefinition Figure)> Figures => figures ??=
        Modules.SelectMany(m => m.Figures.Select(f => (Module: m.Name, Figure: f)))
            .OrderBy(x => x.Figure.Order).ThenBy(x => x.Figure.Code, StringComparer.Ordinal).ToList();

    private IReadOnlyList<(string Module, FigureDefinition Figure)>? figures;

    public IEnumerable<ApiAccess.ApiScope> ApiScopes => Modules.SelectMany(m => m.ApiScopes);

    public IEnumerable<PermissionDefinition> Permissions => Modules.SelectMany(m => m.Permissions);

    /// <summary>The permissions a holder of these roles has: administrators every one, others those their roles hold by default.</summary>
    public IEnumerable<string> PermissionsOf(ICollection<string> roles) =>
        Permissions.Where(p => roles.Contains(Identity.Roles.Administrator) || p.DefaultRoles.Any(roles.Contains)).Select(p => p.Name);

    public IEnumerable<AdminMenuItem> AdminMenu => Modules.SelectMany(m => m.AdminMenu).OrderBy(i => i.Order);

    public IEnumerable<OpenDataset> Datasets => Modules.SelectMany(m => m.Datasets);

    /// <summary>
    /// A sector's services with their keys ("Module/code"): in the order the city gave them, then in their modules' order;
    /// the ones the city hid are left out unless asked for (the settings page lists them all).
    /// </summary>
    public IReadOnlyList<(string Key, SectorService Service)> ServicesIn(City.SectorSetting sector, bool withHidden = false) =>
        SectorServices.Where(x => string.Equals(x.Service.SectorCode, sector.Code, StringComparison.OrdinalIgnoreCase))
            .Where(x => withHidden || !sector.HiddenServices.Contains(x.Key))
            .OrderBy(x => sector.ServiceOrder.IndexOf(x.Key) is >= 0 and var i ? i : int.MaxValue)
            .ThenBy(x => x.Service.Order).ThenBy(x => x.Service.Code, StringComparer.Ordinal)
            .ToList();
}

public static class ModuleRegistration
{
    public static IServiceCollection AddModule(this IServiceCollection services, ModuleDescriptor module)
    {
        services.AddSingleton(module);
        return services;
    }
}
