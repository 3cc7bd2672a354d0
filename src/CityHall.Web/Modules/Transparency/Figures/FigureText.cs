using System.Globalization;
using CityHall.Web.Platform.Figures;

namespace CityHall.Web.Modules.Transparency.Figures;

/// <summary>How the dashboard writes figures: a value in its unit ("95.2%", "12.5시간"), "—" for nothing to measure, and months ("2026년 3월", "Mar 2026").</summary>
public sealed class FigureText(IStringLocalizer<Text> t)
{
    public string Value(double? value, FigureUnit unit)
    {
        if (value is not { } v) return t["Transparency.NoValue"];
        var culture = CultureInfo.CurrentUICulture;
        var number = unit == FigureUnit.Count ? Math.Round(v).ToString("N0", culture) : v.ToString("N1", culture);
        return t[$"Transparency.Unit.{unit}", number];
    }

    public string Value(FigurePoint? point, FigureUnit unit) => Value(point?.Value, unit);

    /// <summary>How many records a value comes from ("of 1,234").</summary>
    public string Basis(int basis) => t["Transparency.Basis", basis.ToString("N0", CultureInfo.CurrentUICulture)];

    /// <summary>An amount of the budget as budget books write it: "129,501백만 원", "₩129,501 million".</summary>
    public string MillionWon(long amount) => t["Transparency.MillionWon", amount.ToString("N0", CultureInfo.CurrentUICulture)];

    /// <summary>A share in percent to two places ("0.63%").</summary>
    public string Share(double share) => share.ToString("0.00", CultureInfo.CurrentUICulture) + "%";

    /// <summary>A change on the year before with its sign ("+6.7%"), "—" when there is no year before.</summary>
    public string Change(double? change) => change is { } c ? c.ToString("+0.0;-0.0;0.0", CultureInfo.CurrentUICulture) + "%" : t["Transparency.NoValue"];

    public string Month(DateOnly month) => month.ToString(t["Transparency.MonthFormat"], CultureInfo.CurrentUICulture);

    public string UnitName(FigureUnit unit) => t[$"Transparency.UnitName.{unit}"];

    public string Period(FigurePeriod period) =>
        t["Transparency.PeriodRange", Month(period.FirstMonth), Month(period.EndMonth.AddMonths(-1))];

    /// <summary>The top of a chart's scale: 100% for shares, else the largest value.</summary>
    public static double? ScaleMax(FigureUnit unit) => unit == FigureUnit.Percent ? 100 : null;

    /// <summary>The points of a monthly line.</summary>
    public IReadOnlyList<ChartPoint> Line(FigureResult result, FigureUnit unit) =>
        [.. result.Months.Select(p => new ChartPoint(Month(p.Month!.Value), p.Value, Value(p, unit)))];

    /// <summary>The bars of a figure's groups over the period, largest first (at most <paramref name="most"/>).</summary>
    public IReadOnlyList<ChartBar> Bars(FigureResult result, FigureUnit unit, int most = int.MaxValue) =>
        [.. result.ByGroup.Where(g => g.Point.Value is not null).OrderByDescending(g => g.Point.Value).Take(most)
            .Select(g => new ChartBar(g.Group.Name(CultureInfo.CurrentUICulture), g.Point.Value!.Value, Value(g.Point, unit)))];
}
