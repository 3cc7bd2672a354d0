using CityHall.Web.Modules.Inclusion.Applications;

namespace CityHall.Web.Modules.Inclusion.Public;

/// <summary>What the answers partial shows: the application, its documents (with a download link for staff), district names, and whether to offer "change" links.</summary>
public sealed record AnswersView(ApplicationFile File, IReadOnlyList<DocumentSummary> Documents,
    IReadOnlyDictionary<string, string> DistrictNames, bool ChangeLinks, Func<long, string>? DocumentLink = null);
