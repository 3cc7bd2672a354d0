using System.Globalization;
using CityHall.Web.Platform.Search;

namespace CityHall.Web.Modules.ServiceRequests;

/// <summary>Reports in the city's search: the ones the public list shows (public, with a reference, past intake), never a private one.</summary>
public static class ReportSearch
{
    public static async IAsyncEnumerable<SearchItem> ReadAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var catalogue = await services.GetRequiredService<ServiceDirectory>().GetAsync(ct);
        var rows = services.GetRequiredService<AppDbContext>().Set<ServiceRequest>().AsNoTracking()
            .Where(r => r.IsPublic && r.Reference != null && r.Status != RequestStatus.Pending)
            .OrderBy(r => r.Id).Select(r => new { r.Reference, r.ServiceCode, r.Description, r.Address, r.UpdatedAt }).AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
        {
            var service = catalogue.ByCode.GetValueOrDefault(r.ServiceCode);
            var text = string.IsNullOrWhiteSpace(r.Address) ? r.Description : r.Address + "\n" + r.Description;
            yield return new SearchItem(r.Reference!, $"{service?.NameKo ?? r.ServiceCode} — {r.Reference}", service is null ? null : $"{service.NameEn} — {r.Reference}",
                text, null, $"/reports/{r.Reference}", r.UpdatedAt);
        }
    }
}
