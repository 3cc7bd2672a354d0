using System.Globalization;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.City;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CityHall.Web.Modules.CityNetwork.Visits;

/// <summary>
/// A request for a study visit, as the delegation fills it in online or as staff copy it from a letter. Texts may be in
/// any script. <see cref="Check"/> holds the rules that need the city's lists and clock.
/// </summary>
public sealed class VisitRequestInput
{
    [Display(Name = "Network.Visit.Field.Organisation"), Required(ErrorMessage = "Network.Visit.Error.Organisation"), StringLength(StudyVisit.OrganisationMax, ErrorMessage = "Form.TooLong")]
    public string Organisation { get; set; } = "";
    [Display(Name = "Network.Field.Country")] public string? Country { get; set; }
    [Display(Name = "Network.Visit.Field.Member")] public long? MemberId { get; set; }
    [Display(Name = "Network.Field.ContactName"), Required(ErrorMessage = "Network.Error.ContactRequired"), StringLength(200, ErrorMessage = "Form.TooLong")]
    public string ContactName { get; set; } = "";
    [Display(Name = "Network.Field.ContactEmail"), Required(ErrorMessage = "Network.Error.EmailRequired"), EmailAddress(ErrorMessage = "Identity.InvalidEmail"), StringLength(256, ErrorMessage = "Form.TooLong")]
    public string ContactEmail { get; set; } = "";
    [Display(Name = "Network.Field.ContactPhone"), RegularExpression(@"^\+?[0-9][0-9 ()./-]{4,38}$", ErrorMessage = "Network.Error.Phone")]
    public string? ContactPhone { get; set; }
    [Display(Name = "Network.Visit.Field.People")] public int? People { get; set; }
    [Display(Name = "Network.Visit.Field.Topics")] public List<string> Topics { get; set; } = [];
    [Display(Name = "Network.Visit.Field.Sites")] public List<long> Sites { get; set; } = [];
    [Display(Name = "Network.Visit.Field.Wishes"), StringLength(StudyVisit.WishesMax, ErrorMessage = "Form.TooLong")] public string? Wishes { get; set; }
    [Display(Name = "Network.Visit.Field.PreferredFrom")] public DateOnly? PreferredFrom { get; set; }
    [Display(Name = "Network.Visit.Field.PreferredTo")] public DateOnly? PreferredTo { get; set; }
    [Display(Name = "Network.Visit.Field.Interpreter")] public string? InterpreterLanguage { get; set; }

    /// <summary>
    /// The rules beyond the attributes: a known country and member, the delegation's size, topics and sites from the
    /// lists, dates at least the notice period ahead and within the longest span, an interpreter language .NET knows.
    /// <paramref name="noticeDays"/> is 0 for a request staff enter from a letter (it may be recorded late).
    /// </summary>
    public void Check(ModelStateDictionary state, CityNetworkOptions network, Countries countries, IReadOnlyCollection<long> siteIds,
        IReadOnlyCollection<long> memberIds, DateOnly today, int noticeDays, IStringLocalizer t)
    {
        if (countries.Find(Country) is null) state.AddModelError("Input.Country", t["Network.Error.ChooseCountry"]);
        if (MemberId is { } member && !memberIds.Contains(member)) state.AddModelError("Input.MemberId", t["Network.Seat.ChooseMember"]);
        if (People is not { } people || people < 1 || people > network.MaxDelegation)
            state.AddModelError("Input.People", t["Network.Visit.Error.People", network.MaxDelegation]);
        var topics = Topics.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        if (topics.Count == 0 || topics.Any(c => network.Topic(c) is null)) state.AddModelError("Input.Topics", t["Network.Visit.Error.Topics"]);
        if (Sites.Any(s => !siteIds.Contains(s))) state.AddModelError("Input.Sites", t["Network.Visit.Error.Sites"]);
        var earliest = today.AddDays(noticeDays);
        if (PreferredFrom is not { } from) state.AddModelError("Input.PreferredFrom", t["Network.Visit.Error.From"]);
        else if (noticeDays > 0 && from < earliest) state.AddModelError("Input.PreferredFrom", t["Network.Visit.Error.Notice", noticeDays, earliest.ToString("d", CultureInfo.CurrentCulture)]);
        if (PreferredTo is not { } to) state.AddModelError("Input.PreferredTo", t["Network.Visit.Error.To"]);
        else if (PreferredFrom is { } start && (to < start || to.DayNumber - start.DayNumber > network.VisitWindowDays))
            state.AddModelError("Input.PreferredTo", t["Network.Visit.Error.Span", network.VisitWindowDays]);
        if (!string.IsNullOrWhiteSpace(InterpreterLanguage) && NetworkMember.CleanLanguageTag(InterpreterLanguage) is null)
            state.AddModelError("Input.InterpreterLanguage", t["Network.Error.LanguageTag"]);
    }

    public void ApplyTo(StudyVisit visit)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        visit.Organisation = Organisation.Trim();
        visit.CountryCode = Country!.Trim().ToUpperInvariant();
        visit.MemberId = MemberId;
        visit.ContactName = ContactName.Trim();
        visit.ContactEmail = ContactEmail.Trim();
        visit.ContactPhone = Clean(ContactPhone);
        visit.People = People!.Value;
        visit.Topics = Topics.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().ToList();
        visit.WishedSiteIds = Sites.Distinct().ToList();
        visit.Wishes = Clean(Wishes);
        visit.PreferredFrom = PreferredFrom!.Value;
        visit.PreferredTo = PreferredTo!.Value;
        visit.InterpreterLanguage = NetworkMember.CleanLanguageTag(InterpreterLanguage);
    }
}
