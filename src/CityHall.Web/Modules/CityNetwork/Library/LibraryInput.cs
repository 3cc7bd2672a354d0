using System.Globalization;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CityHall.Web.Modules.CityNetwork.Library;

/// <summary>A library case as a contributor or the secretariat writes it; texts in any script, in the language named.</summary>
public sealed record LibraryInput
{
    [Display(Name = "Network.Library.Field.Kind")] public LibraryKind? Kind { get; set; }
    [Display(Name = "Network.Library.Field.Title"), Required(ErrorMessage = "Network.Library.Error.Title"), StringLength(LibraryCase.TitleMax, ErrorMessage = "Form.TooLong")]
    public string Title { get; set; } = "";
    [Display(Name = "Network.Library.Field.Summary"), Required(ErrorMessage = "Network.Library.Error.Summary"), StringLength(LibraryCase.SummaryMax, ErrorMessage = "Form.TooLong")]
    public string Summary { get; set; } = "";
    [Display(Name = "Network.Library.Field.Body"), Required(ErrorMessage = "Network.Library.Error.Body"), StringLength(LibraryCase.BodyMax, ErrorMessage = "Form.TooLong")]
    public string Body { get; set; } = "";
    [Display(Name = "Network.Library.Field.Language")] public string? Language { get; set; }
    [Display(Name = "Network.Library.Field.City"), StringLength(LibraryCase.CityMax, ErrorMessage = "Form.TooLong")] public string? City { get; set; }
    [Display(Name = "Network.Field.Country")] public string? Country { get; set; }
    [Display(Name = "Network.Library.Field.Member")] public long? MemberId { get; set; }
    [Display(Name = "Network.Library.Field.Year")] public int? Year { get; set; }
    [Display(Name = "Network.Library.Field.Topics")] public List<string> Topics { get; set; } = [];
    [Display(Name = "Network.Library.Field.TranslationOf")] public long? TranslationOf { get; set; }

    /// <summary>The rules beyond the attributes: a kind, a language .NET knows, a known country and member, a sensible year, topics from the list.</summary>
    public void Check(ModelStateDictionary state, CityNetworkOptions network, Countries countries, IReadOnlyCollection<long> memberIds, int thisYear, IStringLocalizer t)
    {
        if (Kind is not { } kind || !Enum.IsDefined(kind)) state.AddModelError("Input.Kind", t["Network.Library.Error.Kind"]);
        if (NetworkMember.CleanLanguageTag(Language) is null) state.AddModelError("Input.Language", t["Network.Error.LanguageTag"]);
        if (!string.IsNullOrWhiteSpace(Country) && countries.Find(Country) is null) state.AddModelError("Input.Country", t["Network.Error.ChooseCountry"]);
        if (MemberId is { } member && !memberIds.Contains(member)) state.AddModelError("Input.MemberId", t["Network.Seat.ChooseMember"]);
        if (Year is { } year && (year < 1990 || year > thisYear)) state.AddModelError("Input.Year", t["Network.Library.Error.Year", thisYear]);
        if (Topics.Any(c => network.Topic(c) is null)) state.AddModelError("Input.Topics", t["Network.Visit.Error.Topics"]);
    }

    public void ApplyTo(LibraryCase c)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        c.Kind = Kind!.Value;
        c.Title = Title.Trim();
        c.Summary = Summary.Trim();
        c.Body = Body.Trim();
        c.City = Clean(City);
        c.CountryCode = Clean(Country)?.ToUpperInvariant();
        c.MemberId = MemberId;
        c.Year = Year;
        c.Topics = Topics.Where(x => !string.IsNullOrWhiteSpace(x)).Distinct().ToList();
    }

    public static LibraryInput From(LibraryCase c) => new()
    {
        Kind = c.Kind, Title = c.Title, Summary = c.Summary, Body = c.Body, Language = c.Language, City = c.City, Country = c.CountryCode,
        MemberId = c.MemberId, Year = c.Year, Topics = c.Topics,
    };
}

/// <summary>The lists a library case is written with.</summary>
public sealed record LibraryChoices(IReadOnlyList<SelectListItem> Kinds, IReadOnlyList<SelectListItem> Languages, IReadOnlyList<SelectListItem> Countries,
    IReadOnlyList<SelectListItem> Members, IReadOnlyList<SelectListItem> Topics, IReadOnlyCollection<long> MemberIds)
{
    /// <summary>The choices; <paramref name="onlyMembers"/> narrows the members to those a representative acts for.</summary>
    public static async Task<LibraryChoices> LoadAsync(AppDbContext db, Countries countries, CityNetworkOptions network, IStringLocalizer t,
        IReadOnlyCollection<long>? onlyMembers, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        var members = await db.Set<NetworkMember>().AsNoTracking().Where(m => m.Status == MemberStatus.Active && (onlyMembers == null || onlyMembers.Contains(m.Id)))
            .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        return new LibraryChoices(
            [new(t["Network.Choose"], ""), .. Enum.GetValues<LibraryKind>().Select(k => new SelectListItem(t[$"Network.Library.Kind.{k}"], k.ToString()))],
            NetworkLanguages.Choices(t["Network.Choose"], withEnglish: true),
            countries.Choices(culture, t["Network.Choose"]),
            [.. onlyMembers is null ? [new SelectListItem(t["Network.Visit.NotAMember"], "")] : Array.Empty<SelectListItem>(),
                .. members.Select(m => new SelectListItem(m.Name, m.Id.ToString(CultureInfo.InvariantCulture)))],
            network.Topics.Select(x => new SelectListItem(x.Name.For(culture), x.Code)).ToList(),
            members.Select(m => m.Id).ToHashSet());
    }
}

/// <summary>A page with a library case's fields (the contributor's and the secretariat's): what <c>_CaseFields</c> draws.</summary>
public interface ILibraryCaseForm
{
    LibraryInput Input { get; }
    LibraryChoices Choices { get; }
}

/// <summary>A case's attachments as the attachments section draws them, and where its forms post (the page's path).</summary>
public sealed record AttachmentsView(IReadOnlyList<LibraryAttachment> Files, bool CanChange, string Action)
{
    /// <summary>The upload field's name; the page binds it.</summary>
    public IFormFile? Attachment => null;
}
