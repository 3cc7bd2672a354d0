namespace CityHall.Web.Platform.Identity;

public static class Roles
{
    public const string Citizen = "Citizen";
    public const string Official = "Official";
    public const string Moderator = "Moderator";
    public const string Administrator = "Administrator";

    public static readonly string[] All = [Citizen, Official, Moderator, Administrator];

    /// <summary>Staff roles must sign in with two factors.</summary>
    public static readonly string[] Staff = [Official, Moderator, Administrator];
}
