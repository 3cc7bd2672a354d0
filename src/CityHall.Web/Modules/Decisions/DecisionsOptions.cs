namespace CityHall.Web.Modules.Decisions;

public sealed class DecisionsOptions
{
    public const string Section = "Decisions";

    /// <summary>Ballots written in one transaction at most: one commit for a burst of voters.</summary>
    public int BallotBatchSize { get; set; } = 1000;

    /// <summary>How often each growing poll chain's length and head are published as a checkpoint.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);
}
