namespace CityHall.Web.Modules.Decisions;

/// <summary>
/// Where a citizen's contribution stands with the city's moderators (as proposals do): staff's own are published at
/// once; a citizen's budget idea or proposed poll waits (<see cref="Pending"/>) until a moderator accepts it or declines
/// it with the reason, which its author reads. An accepted budget idea is public; an accepted poll becomes the city's
/// draft, which officials date and publish.
/// </summary>
public enum Moderation { Published = 0, Pending = 1, Declined = 2 }
