using System.Globalization;
using System.Runtime.CompilerServices;
using CityHall.Web.Platform.OpenData;

namespace CityHall.Web.Modules.Cctv;

/// <summary>
/// The camera registry as open data, one row per site in service: where, why, whose, how many, its view and how long
/// it keeps recordings — the public facts of each notice. Never the status (which security cameras are off is not
/// published) nor the recorders.
/// </summary>
public sealed class CamerasOpenData(AppDbContext db, IStringLocalizer<Text> t) : IOpenDataSource
{
    public const string Code = "cctv-cameras";

    private static readonly DatasetColumn[] Columns =
    [
        new("code", DatasetType.Text, "The city's id of the camera site (what its notice page is called by)."),
        new("purpose", DatasetType.Text, "Why it is there: crime-prevention, traffic, disaster, children-safety, parks, facilities or other."),
        new("district", DatasetType.Text, "The district's code."),
        new("address", DatasetType.Text, "Road address, else the lot address."),
        new("cameras", DatasetType.Number, "Cameras at the site."),
        new("view_direction", DatasetType.Number, "Where it looks, degrees clockwise from north (empty when unknown)."),
        new("view_angle", DatasetType.Number, "How wide it sees, degrees (360 all around; empty when unknown)."),
        new("retention_days", DatasetType.Number, "Days recordings are kept."),
        new("installed_on", DatasetType.Text, "Month it was installed (yyyy-MM)."),
        new("department", DatasetType.Text, "The city department that answers for it."),
        new("operator", DatasetType.Text, "Who runs it, as the source names them."),
        new("operator_contact", DatasetType.Text, "The operator's public contact."),
    ];

    private IQueryable<Camera> InService => db.Set<Camera>().AsNoTracking().Where(c => c.RemovedOn == null);

    public async Task<IReadOnlyList<DatasetDescription>> DescribeAsync(CancellationToken ct)
    {
        var count = await InService.LongCountAsync(ct);
        if (count == 0) return [];
        var updated = await InService.MaxAsync(c => c.UpdatedAt, ct);
        var attributions = await InService.Where(c => c.Attribution != null).Select(c => c.Attribution!).Distinct().ToListAsync(ct);
        return [new DatasetDescription(Code, t["Dataset.CctvCameras.Title"], t["Dataset.CctvCameras.Description"], Columns, Spatial: true, attributions,
            new DateTimeOffset(updated, TimeSpan.Zero), count, ["cctv", "safety", "privacy notice"])];
    }

    public async IAsyncEnumerable<DatasetRow> ReadAsync(string code, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var c in InService.OrderBy(c => c.Code).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new DatasetRow(
            [
                c.Code, c.Purpose.Code(), c.DistrictCode, c.Address ?? c.LotAddress, c.Count, c.ViewDirection, c.ViewAngle, c.RetentionDays,
                c.InstalledOn?.ToString("yyyy-MM", CultureInfo.InvariantCulture), c.DepartmentCode, c.OperatorName, c.OperatorContact,
            ], c.Latitude, c.Longitude);
        }
    }
}
