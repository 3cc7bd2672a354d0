using CityHall.Web.Modules.Accounts;
using CityHall.Web.Modules.Admin;
using CityHall.Web.Modules.Broadcasts;
using CityHall.Web.Modules.CityNetwork;
using CityHall.Web.Modules.Cctv;
using CityHall.Web.Modules.Decisions;
using CityHall.Web.Modules.Developers;
using CityHall.Web.Modules.Inclusion;
using CityHall.Web.Modules.LiveEvents;
using CityHall.Web.Modules.News;
using CityHall.Web.Modules.OpenData;
using CityHall.Web.Modules.Petitions;
using CityHall.Web.Modules.Places;
using CityHall.Web.Modules.Portal;
using CityHall.Web.Modules.ServiceRequests;
using CityHall.Web.Modules.Taxi;
using CityHall.Web.Modules.Transparency;
using CityHall.Web.Platform.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = StartupFolder.ContentRoot(args) });

builder.AddPlatform();
builder.AddAccounts();
builder.AddPortal();
builder.AddAdmin();
builder.AddPetitions();
builder.AddDecisions();
builder.AddServiceRequests();
builder.AddPlaces();
builder.AddBroadcasts();
builder.AddNews();
builder.AddOpenData();
builder.AddInclusion();
builder.AddLiveEvents();
builder.AddTaxi();
builder.AddCctv();
builder.AddTransparency();
builder.AddDevelopers();
builder.AddCityNetwork();

var app = builder.Build();

if (AdminVerbs.IsVerb(app, args))
    return await AdminVerbs.RunAsync(app, args);

app.UsePlatform();
app.MapAccounts();
app.MapPortal();
app.MapAdmin();
app.MapPetitions();
app.MapDecisions();
app.MapServiceRequests();
app.MapPlaces();
app.MapBroadcasts();
app.MapNews();
app.MapOpenData();
app.MapLiveEvents();
app.MapTaxi();
app.MapCctv();
app.MapTransparency();
app.MapCityNetwork();

await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

public partial class Program;
