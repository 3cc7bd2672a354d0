using System.Globalization;
using System.Security.Claims;
using CityHall.Web.Modules.CityNetwork.Members;
using CityHall.Web.Platform.Audit;
using CityHall.Web.Platform.City;
using Microsoft.Extensions.Options;

namespace CityHall.Web.Modules.CityNetwork.Admin;

/// <summary>
/// Membership fees of one year: every member that was a member that year, the fee its type that year carries (<see cref="NetworkMember.TypeIn"/>; the settings'
/// table; a type without a fee owes nothing), paid or not, and the payments recorded — totals, unpaid only, CSV. A
/// payment is recorded once per member and year (the key refuses a second), and audited.
/// </summary>
[Authorize(Policy = PermissionPolicyProvider.Prefix + CityNetworkModule.Manage), SecretariatOnly]
public sealed class FeesModel(AppDbContext db, AuditLog audit, CityClock clock, IOptionsMonitor<CityNetworkOptions> options, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "unpaid")] public bool UnpaidOnly { get; set; }
    [TempData] public string? Refusal { get; set; }

    public sealed record Row(NetworkMember Member, MembershipType Type, decimal Due, MembershipFeePayment? Payment)
    {
        public bool Paid => Payment is not null || Due == 0;
    }

    public int ShownYear { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public decimal TotalDue { get; private set; }
    public decimal TotalPaid { get; private set; }
    public int UnpaidCount { get; private set; }
    public string Currency => options.CurrentValue.FeeCurrency;
    public DateOnly Today => DateOnly.FromDateTime(clock.Now.DateTime);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Refusal is not null) ModelState.AddModelError(string.Empty, Refusal);
        if (!await LoadAsync(ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        static string Money(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);
        return File(CsvExport.ToBytes(["member_id", "name", "membership", "year", "due", "currency", "paid", "paid_amount", "paid_on", "reference"],
            Rows.Select(r => new[]
            {
                CsvExport.Number(r.Member.Id), r.Member.Name, r.Type.ToString(), CsvExport.Number(ShownYear), Money(r.Due), Currency, r.Paid ? "true" : "false",
                r.Payment is { } p ? Money(p.Amount) : "", r.Payment?.PaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.Payment?.Reference ?? "",
            })), "text/csv; charset=utf-8", $"network-fees-{ShownYear}.csv");
    }

    /// <summary>Records a member's payment for the year; refused (nothing recorded) when already recorded, for a year it was not a member, or out of range.</summary>
    public async Task<IActionResult> OnPostAsync(long memberId, int year, decimal? amount, DateOnly? paidOn, string? reference, CancellationToken ct)
    {
        var back = $"/admin/network/fees?year={year.ToString(CultureInfo.InvariantCulture)}";
        var member = await db.Set<NetworkMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null || !member.MemberIn(year)) Refusal = t["Network.Fees.NotAMemberThatYear"];
        else if (amount is not { } paid || paid <= 0 || paid > 1_000_000_000m || decimal.Round(paid, 2) != paid) Refusal = t["Network.Fees.BadAmount"];
        else if (paidOn is not { } day || !CalendarDateBinderProvider.IsSensible(day) || day > Today) Refusal = t["Network.Fees.BadDate"];
        else if (reference?.Length > 100) Refusal = t["Network.Fees.ReferenceTooLong"];
        else
        {
            db.Add(new MembershipFeePayment
            {
                MemberId = memberId, Year = year, Amount = paid, Currency = Currency, PaidOn = day, Reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim(),
                RecordedBy = User.FindFirstValue(ClaimTypes.NameIdentifier)!, RecordedAt = clock.Now.UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                await audit.RecordAsync(User, "network.fee.paid", "network-member", memberId.ToString(CultureInfo.InvariantCulture), new { year, amount = paid, paidOn = day, reference }, ct);
            }
            catch (DbUpdateException)
            {
                Refusal = t["Network.Fees.AlreadyRecorded"];
            }
        }
        return Redirect(back);
    }

    /// <summary>The year's rows; false for a year outside the calendar the site takes (nothing to show).</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (Year is { } y && (y < CalendarDateBinderProvider.Earliest.Year || y > CalendarDateBinderProvider.Latest.Year)) return false;
        ShownYear = Year ?? Today.Year;
        var year = ShownYear;
        var members = (await db.Set<NetworkMember>().AsNoTracking().Where(m => m.JoinedOn.Year <= year).OrderBy(m => m.Name).ThenBy(m => m.Id).ToListAsync(ct))
            .Where(m => m.MemberIn(year)).ToList();
        var payments = await db.Set<MembershipFeePayment>().AsNoTracking().Where(p => p.Year == year).ToDictionaryAsync(p => p.MemberId, ct);
        var all = members.Select(m => new Row(m, m.TypeIn(year), options.CurrentValue.FeeFor(m.TypeIn(year)), payments.GetValueOrDefault(m.Id))).ToList();
        TotalDue = all.Sum(r => r.Due);
        TotalPaid = all.Sum(r => r.Payment?.Amount ?? 0);
        UnpaidCount = all.Count(r => !r.Paid);
        Rows = UnpaidOnly ? all.Where(r => !r.Paid).ToList() : all;
        return true;
    }
}
