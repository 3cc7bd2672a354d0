using CityHall.Web.Platform.Search;
using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.OpenData;

/// <summary>
/// The open-data catalogue: a page for people (/open-data), a DCAT-US catalogue for machines
/// (/open-data/catalog.json) and streamed downloads of every module's tabular datasets.
/// Modules publish through Platform.OpenData.IOpenDataSource (tables) or ModuleDescriptor.Datasets (APIs, feeds).
/// </summary>
public static class OpenDataModule
{
    public static WebApplicationBuilder AddOpenData(this WebApplicationBuilder builder)
    {
        builder.Services.AddModule(new ModuleDescriptor
        {
            Name = "OpenData",
            SectorServices =
            [
                new("administration", "catalogue", "OpenData.Sector.Catalogue.Title", "OpenData.Sector.Catalogue.Summary", "/open-data", "ico_download", 10),
                new("administration", "api", "OpenData.Sector.Api.Title", "OpenData.Sector.Api.Summary", "/api/docs", "ico_file", 20),
            ],
            SearchKinds = [new("dataset", "OpenData.Search.Kind", 80, DatasetSearch.ReadAsync)],
        });
        builder.Services.Configure<OpenDataOptions>(builder.Configuration.GetSection(OpenDataOptions.Section));
        builder.Services.AddScoped<OpenDataCatalogue>();
        return builder;
    }

    public static WebApplication MapOpenData(this WebApplication app)
    {
        OpenDataApi.Map(app);
        return app;
    }
}
