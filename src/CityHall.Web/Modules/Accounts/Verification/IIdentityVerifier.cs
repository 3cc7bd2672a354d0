namespace CityHall.Web.Modules.Accounts.Verification;

/// <summary>
/// A way to prove who someone is. Each returns a stable identifier for the person (never shown,
/// never stored in clear: only its keyed hash is kept). A city adds its own provider (e.g. a
/// PASS or i-PIN gateway) by implementing this.
/// </summary>
public interface IIdentityVerifier
{
    /// <summary>Short name used in routes and in the hash ("sms", "development").</summary>
    string Name { get; }

    /// <summary>Resource key of the name shown to the person.</summary>
    string TitleKey { get; }

    /// <summary>Sends whatever the person must answer (e.g. an SMS code). Returns an error resource key, or null.</summary>
    Task<string?> StartAsync(CityHallUser user, string subject, CancellationToken ct);

    /// <summary>Checks the answer; returns the stable identifier, or null when the answer is wrong.</summary>
    Task<string?> CompleteAsync(CityHallUser user, string subject, string answer, CancellationToken ct);
}
