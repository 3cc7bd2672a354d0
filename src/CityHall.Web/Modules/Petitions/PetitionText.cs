using System.Globalization;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.Petitions;

/// <summary>Names of the city's petition categories, rejection reasons, statuses and districts in the reader's language.</summary>
public sealed class PetitionText(IOptionsMonitor<PetitionOptions> options, AppDbContext db, IStringLocalizer<Text> t)
{
    public PetitionOptions Options => options.CurrentValue;

    public string Category(string code) => Options.Categories.FirstOrDefault(c => c.Code == code)?.Name.Current ?? code;

    public string Reason(string? code) => code is null ? "" : Options.RejectionReasons.FirstOrDefault(c => c.Code == code)?.Name.Current ?? code;

    public string Status(PetitionStatus status) => t["Petitions.Status." + status].Value;

    /// <summary>KRDS badge colours: collecting stands out, closed is quiet, rejected warns.</summary>
    public static string BadgeClass(PetitionStatus status) => "krds-badge " + status switch
    {
        PetitionStatus.Collecting => "outline-primary",
        PetitionStatus.Rejected => "outline-danger",
        PetitionStatus.PendingReview => "outline-warning",
        _ => "outline-gray",
    };

    public IReadOnlyList<SelectListItem> CategoryItems() =>
        [new(t["Petitions.Choose"].Value, ""), .. Options.Categories.Select(c => new SelectListItem(c.Name.Current, c.Code))];

    public IReadOnlyList<SelectListItem> ReasonItems() =>
        [new(t["Petitions.Choose"].Value, ""), .. Options.RejectionReasons.Select(c => new SelectListItem(c.Name.Current, c.Code))];

    /// <summary>Every district's name in the reader's language, by code.</summary>
    public Task<IReadOnlyDictionary<string, string>> DistrictNamesAsync() => DistrictChoices.NamesAsync(db);

    public Task<IReadOnlyList<SelectListItem>> DistrictItemsAsync(string noneKey) => DistrictChoices.ItemsAsync(db, t[noneKey].Value);
}
