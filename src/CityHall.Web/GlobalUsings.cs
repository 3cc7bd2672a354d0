// Namespaces nearly every page model and service of this app uses; one list instead of a copy per file.
global using System.ComponentModel.DataAnnotations;
global using CityHall.Web.Data;
global using CityHall.Web.Platform.Identity;
global using CityHall.Web.Platform.Localization;
global using CityHall.Web.Platform.Web;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Identity;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.AspNetCore.RateLimiting;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Localization;
