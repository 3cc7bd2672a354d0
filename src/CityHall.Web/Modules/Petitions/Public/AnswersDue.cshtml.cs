using System.Globalization;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Petitions.Public;

/// <summary>
/// Accountability in public: every proposal the city owes an answer to, with its due date and
/// department, overdue ones first with the number of days, so anyone can see who is late.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CityHall.Web.Platform.Web.OutputCaching.PublicShort)]
public sealed class AnswersDueModel(AppDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptionsMonitor<PetitionOptions> options) : PageModel
{
    /// <summary>One answer owed: the department's, or the mayor's once the forum reached its threshold.</summary>
    public sealed record Row(long Id, string Title, bool Mayor, int Supports, string Department, DateTimeOffset Due, int DaysOverdue);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Overdue { get; private set; }

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var owed = await db.Set<Petition>().AsNoTracking()
            .Where(p => (p.ThresholdReachedAt != null && p.AnsweredAt == null) || (p.MayorThresholdReachedAt != null && p.MayorAnsweredAt == null))
            .Select(p => new { p.Id, p.Title, p.SignatureCount, p.DepartmentCode, p.AnswerDueAt, p.AnsweredAt, p.MayorAnswerDueAt, p.MayorAnsweredAt })
            .ToListAsync();
        var departments = (await db.Set<Department>().AsNoTracking().ToListAsync())
            .ToDictionary(d => d.Code, d => d.Name(CultureInfo.CurrentUICulture));
        string DepartmentName(string? code) => code is null ? "" : departments.GetValueOrDefault(code, code);
        Row RowOf(long id, string title, bool mayor, int supports, string department, DateTimeOffset due) =>
            new(id, title, mayor, supports, department, due, Math.Max(0, (int)Math.Floor((now - due).TotalDays)));
        Rows = owed.Where(p => p.AnswerDueAt is not null && p.AnsweredAt is null)
                .Select(p => RowOf(p.Id, p.Title, false, p.SignatureCount, DepartmentName(p.DepartmentCode), p.AnswerDueAt!.Value))
            .Concat(owed.Where(p => p.MayorAnswerDueAt is not null && p.MayorAnsweredAt is null)
                .Select(p => RowOf(p.Id, p.Title, true, p.SignatureCount, DepartmentName(options.CurrentValue.MayorOffice), p.MayorAnswerDueAt!.Value)))
            .OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.Due).ToList();
        Overdue = Rows.Count(r => r.Due < now);
    }
}
