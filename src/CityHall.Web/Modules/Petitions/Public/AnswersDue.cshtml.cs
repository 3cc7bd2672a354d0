using System.Globalization;
using CityHall.Web.Platform.City;

namespace CityHall.Web.Modules.Petitions.Public;

/// <summary>
/// Accountability in public: every proposal the city owes an answer to, with its due date and
/// department, overdue ones first with the number of days, so anyone can see who is late.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = CityHall.Web.Platform.Web.OutputCaching.PublicShort)]
public sealed class AnswersDueModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(long Id, string Title, int Supports, string Department, DateTimeOffset Due, int DaysOverdue);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Overdue { get; private set; }

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        var owed = await db.Set<Petition>().AsNoTracking()
            .Where(p => p.ThresholdReachedAt != null && p.AnsweredAt == null)
            .Select(p => new { p.Id, p.Title, p.SignatureCount, p.DepartmentCode, p.AnswerDueAt })
            .ToListAsync();
        var departments = (await db.Set<Department>().AsNoTracking().ToListAsync())
            .ToDictionary(d => d.Code, d => d.Name(CultureInfo.CurrentUICulture));
        Rows = owed.Select(p => new Row(p.Id, p.Title, p.SignatureCount,
                p.DepartmentCode is { } code ? departments.GetValueOrDefault(code, code) : "",
                p.AnswerDueAt!.Value, Math.Max(0, (int)Math.Floor((now - p.AnswerDueAt!.Value).TotalDays))))
            .OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.Due).ToList();
        Overdue = Rows.Count(r => r.Due < now);
    }
}
