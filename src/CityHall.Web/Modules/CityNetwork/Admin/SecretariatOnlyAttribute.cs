using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Admin;

/// <summary>
/// The secretariat's pages hold applicants' contacts, letters and fees: beside the permission, the official must act for
/// <see cref="CityNetworkOptions.SecretariatDepartment"/> (administrators act for every department). Anyone else is told
/// the page does not exist, as for any private record.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SecretariatOnlyAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<CityNetworkOptions>>();
        if (!context.HttpContext.User.ActsForDepartment(options.CurrentValue.SecretariatDepartment))
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }
}
