using CityHall.Web.Modules.LiveEvents.Questions;

namespace CityHall.Web.Modules.LiveEvents.Public;

/// <summary>How states look on pages (the words come from resources).</summary>
public static class LiveText
{
    public static string BadgeClass(LiveEventState state) => "krds-badge " + state switch
    {
        LiveEventState.Live => "outline-danger",
        LiveEventState.Scheduled => "outline-primary",
        _ => "outline-gray",
    };

    public static string QuestionBadgeClass(QuestionState state) => "krds-badge " + state switch
    {
        QuestionState.Held => "outline-warning",
        QuestionState.Approved => "outline-primary",
        QuestionState.Answered => "outline-success",
        QuestionState.Hidden or QuestionState.Merged => "outline-gray",
        _ => "outline-secondary",
    };
}
