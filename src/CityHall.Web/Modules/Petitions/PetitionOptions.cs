using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Petitions;

/// <summary>
/// The rules a city sets for proposals ("Petitions" section). Seoul's current defaults: 50 supports
/// within 30 days oblige the department to answer within a month; 100 open a 30-day forum;
/// 1,000 forum participants oblige the mayor to answer.
/// </summary>
public sealed class PetitionOptions
{
    public const string Section = "Petitions";

    public int SupportThreshold { get; set; } = 50;
    public TimeSpan SupportWindow { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan DepartmentAnswerWindow { get; set; } = TimeSpan.FromDays(30);
    public int ForumThreshold { get; set; } = 100;
    public TimeSpan ForumWindow { get; set; } = TimeSpan.FromDays(30);
    public int MayorThreshold { get; set; } = 1000;
    public TimeSpan MayorAnswerWindow { get; set; } = TimeSpan.FromDays(30);
    /// <summary>The department whose officials write and publish the mayor's answers.</summary>
    public string MayorOffice { get; set; } = "citizen-communication";

    /// <summary>Reports that hide a comment until a moderator decides.</summary>
    public int CommentReportsToHide { get; set; } = 3;

    /// <summary>Bursts of proposing, signing and commenting that are flagged for review.</summary>
    public Fraud.FraudOptions Fraud { get; set; } = new();

    /// <summary>Least time between two messages about the same proposal to its author and signers.</summary>
    public TimeSpan NotificationSpacing { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Empty in code: configuration binding appends to lists, so the defaults are in appsettings.json.</summary>
    public List<PetitionChoice> Categories { get; set; } = [];
    public List<PetitionChoice> RejectionReasons { get; set; } = [];

    /// <summary>Largest group of signatures committed in one transaction by the signature writer.</summary>
    public int SignatureBatchSize { get; set; } = 2000;

    /// <summary>How often each grown chain's head is published as a checkpoint.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>A category or a rejection reason: a stable code and its text in both languages.</summary>
public sealed class PetitionChoice
{
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
}
