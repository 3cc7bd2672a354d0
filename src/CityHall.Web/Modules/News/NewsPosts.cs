using System.Globalization;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.News;

/// <summary>Posts as the public sees them: published by now (an embargo is kept in the query itself), filtered and paged.</summary>
public static class NewsPosts
{
    public const int PageSize = 20;

    /// <summary>
    /// What a reader may narrow the list to; each part optional. <paramref name="InForceOn"/>: only notices in force that
    /// day (their period covers it and no published correction replaced them).
    /// </summary>
    public sealed record Filter(NewsKind? Kind, string? Department, string? District, DateOnly? Month, DateOnly? InForceOn = null);

    public static IQueryable<NewsPost> PublishedBy(this IQueryable<NewsPost> posts, DateTime now) =>
        posts.Where(p => p.PublishAt != null && p.PublishAt <= now);

    /// <summary>
    /// The published posts that match, newest first. A district's list has the city-wide posts too (they concern it);
    /// a month is the city's calendar month.
    /// </summary>
    public static IQueryable<NewsPost> Matching(this IQueryable<NewsPost> posts, DateTime now, Filter filter, CityClock clock)
    {
        var query = posts.PublishedBy(now);
        if (filter.Kind is { } kind) query = query.Where(p => p.Kind == kind);
        if (filter.Department is { } department) query = query.Where(p => p.DepartmentCode == department);
        if (filter.District is { } district) query = query.ForDistrict(district, withCityWide: true);
        if (filter.Month is { } month)
        {
            var from = clock.FromLocal(month.ToDateTime(TimeOnly.MinValue)).UtcDateTime;
            var until = clock.FromLocal(month.AddMonths(1).ToDateTime(TimeOnly.MinValue)).UtcDateTime;
            query = query.Where(p => p.PublishAt >= from && p.PublishAt < until);
        }
        if (filter.InForceOn is { } day)
        {
            var corrections = posts.PublishedBy(now).Where(c => c.CorrectsId != null).Select(c => c.CorrectsId);
            query = query.Where(p => p.Kind == NewsKind.Notice && p.PeriodFrom <= day && p.PeriodTo >= day && !corrections.Contains(p.Id));
        }
        return query.OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id);
    }

    /// <summary>Posts for a district (its code among the post's), and the city-wide ones too when asked.</summary>
    public static IQueryable<NewsPost> ForDistrict(this IQueryable<NewsPost> posts, string district, bool withCityWide)
    {
        var marked = "," + district + ",";
        return withCityWide
            ? posts.Where(p => p.Districts == null || ("," + p.Districts + ",").Contains(marked))
            : posts.Where(p => p.Districts != null && ("," + p.Districts + ",").Contains(marked));
    }

    /// <summary>
    /// A month as the lists write it in their addresses (2026-12), or null; years a clock cannot turn into UTC and back
    /// (0001-01, 9999-12: a month's bounds would fall off the calendar) are not months here either.
    /// </summary>
    public static DateOnly? ParseMonth(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 1900 and <= 9000 ? month : null;

    public static string Title(NewsPost p, CultureInfo culture) => LocalizedText.Pick(culture, p.TitleKo, p.TitleEn ?? "");

    public static string Body(NewsPost p, CultureInfo culture) => LocalizedText.Pick(culture, p.BodyKo, p.BodyEn ?? "");

    /// <summary>A kind as addresses write it (news, pressrelease, event); null for anything else.</summary>
    public static NewsKind? ParseKind(string? text) =>
        text is not null && !text.Any(char.IsDigit) && Enum.TryParse<NewsKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;

    public static string Slug(NewsKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A time for machines (a time element's datetime, article:published_time): UTC to the second.</summary>
    public static string MachineTime(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The first words of a post as plain text (a shared link's card, the page's description): taken from the rendered,
    /// sanitized HTML, so neither Markdown marks nor anything the sanitizer removed shows up in it.
    /// </summary>
    public static string Summary(string sanitizedHtml, int length = 200)
    {
        var text = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(sanitizedHtml, "<[^>]*>", " "));
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
        return text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";
    }
}
