namespace CityHall.Web.Modules.Inclusion.Contracts;

/// <summary>
/// The residents of a residency programme (the app-business centre's desks), for the module that runs the centre:
/// each application whose residency was recorded, with the organisation, its desk and dates, and the account of the
/// person who applied — never the documents or the panel's scores, which stay with the application.
/// </summary>
public interface IResidencies
{
    /// <summary>Every residency of the programme, current and past, by desk start (latest first). Empty for an unknown programme.</summary>
    Task<IReadOnlyList<Residency>> OfProgrammeAsync(string programmeCode, CancellationToken ct = default);
}

/// <summary>One organisation's residency: the application's reference, the organisation (null for a person's), the desk and its dates.</summary>
public sealed record Residency(string Reference, string Organisation, string? RegistrationNumber, string Desk, DateOnly From, DateOnly Until, string? ApplicantUserId)
{
    public bool IsCurrentOn(DateOnly day) => From <= day && day <= Until;
}
