using System.Text.Json;
using CityHall.Web.Platform.ApiAccess;

namespace CityHall.Web.Modules.Transparency.Budget;

/// <summary>
/// The informatization budget for programs: <c>GET /api/v1/transparency/budget</c> (open: every year with its share,
/// change and programmes) and <c>PUT /api/v1/transparency/budget/{year}</c> (a key with the
/// <c>transparency.budget</c> scope, whose owner holds <c>transparency.manage</c>): the year's city budget and
/// programmes replaced as a whole, checked as the admin pages check them — a negative amount, programmes over the
/// city's budget (a share over 100%), a bad or repeated code: 422 problem+json with the reason, nothing written.
/// </summary>
public static class BudgetApi
{
    public const string Scope = "transparency.budget";

    public sealed record ProgrammeBody(string? Code, string? NameKo, string? NameEn, long? Amount);
    public sealed record YearBody(long? CityTotal, string? Source, IReadOnlyList<ProgrammeBody>? Programmes);

    public sealed record ProgrammeView(string Code, string NameKo, string NameEn, long Amount);
    public sealed record YearView(int Year, long CityTotal, long Informatization, double SharePercent, double? YearOnYearPercent, string? Source, IReadOnlyList<ProgrammeView> Programmes);

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api/v1/transparency/budget").WithTags("Transparency");
        group.MapGet("", async (BudgetBook book, CancellationToken ct) =>
        {
            var lines = await book.AllLinesAsync(ct);
            return TypedResults.Ok((await book.YearsAsync(ct)).Select(y => View(y, lines[y.Year])).ToList());
        }).WithSummary("The informatization budget: every year with the city's budget, the share, the change on the year before and the programmes (millions of won)");

        group.MapPut("/{year:int}", async Task<IResult> (int year, HttpRequest request, IApiKeys keys, BudgetBook book, IStringLocalizer<Text> t, CancellationToken ct) =>
        {
            var check = await keys.CheckAsync(request, Scope, ct);
            if (!check.Accepted) return ApiKeyProblems.For(check, request.HttpContext.Response, t, Scope);
            YearBody? body = null;
            // A body that is not JSON (a form, plain text) is as unreadable as broken JSON: 400, not an exception.
            try { if (request.HasJsonContentType()) body = await request.ReadFromJsonAsync<YearBody>(ct); }
            catch (JsonException) { body = null; }
            if (body is not { CityTotal: { } total, Programmes: { } programmes } || programmes.Any(p => p is null || p.Code is null || p.Amount is null))
                return Problem(StatusCodes.Status400BadRequest, t["Transparency.Api.Malformed"], "malformed");
            if (book.CheckYear(year) is { } badYear) return Refused(badYear, t);
            if (total <= 0) return Refused(new("Transparency.Budget.Error.NoTotal", []), t);
            if (total > BudgetYear.MaxAmount) return Refused(new("Transparency.Budget.Error.TotalTooLarge", [BudgetYear.MaxAmount]), t);
            if ((body.Source?.Length ?? 0) > BudgetYear.SourceMax) return Problem(StatusCodes.Status400BadRequest, t["Transparency.Api.Malformed"], "malformed");
            var lines = new List<BudgetFileLine>();
            foreach (var (p, i) in programmes.Select((p, i) => (p, i)))
            {
                if (BudgetBook.CheckLine(p.Code!, p.NameKo ?? "", p.NameEn, p.Amount!.Value) is { } bad) return Refused(bad, t);
                if (lines.Any(l => l.Code == p.Code)) return Refused(new("Transparency.Import.RepeatedCode", [p.Code!, year]), t);
                lines.Add(new(i + 1, year, p.Code!, p.NameKo!.Trim(), p.NameEn?.Trim() ?? "", p.Amount.Value));
            }
            var file = new BudgetFile($"api-key {check.KeyId}", lines, new Dictionary<int, long> { [year] = total }, []);
            if (await book.ImportAsync(check.Actor, file, ct) is { } refused) return Refused(refused, t);
            await book.SetSourceAsync(year, body.Source, ct);
            return TypedResults.Ok(View((await book.YearsAsync(ct)).Single(y => y.Year == year), await book.LinesAsync(year, ct)));
        }).DisableAntiforgery()
          .WithSummary("Replaces a year's informatization budget (Authorization: Bearer KEY with the transparency.budget scope); 200 with the year as stored, or problem+json")
          .Produces<YearView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
          .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static YearView View(BudgetYearSummary y, IEnumerable<BudgetLine> lines) =>
        new(y.Year, y.CityTotal, y.Informatization, Math.Round(y.Share, 4), y.YearOnYear is { } c ? Math.Round(c, 4) : null, y.Source,
            [.. lines.Select(l => new ProgrammeView(l.Code, l.NameKo, l.NameEn, l.Amount))]);

    /// <summary>A budget rule broken: 422 with the rule's reason ("negative", "over-total", …) and its words.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Refused(BudgetRefusal refusal, IStringLocalizer t) =>
        Problem(StatusCodes.Status422UnprocessableEntity, refusal.Text(t), refusal.Key[(refusal.Key.LastIndexOf('.') + 1)..] switch
        {
            "Negative" => "negative",
            "OverTotal" => "over-total",
            "TooLarge" or "TotalTooLarge" => "too-large",
            "NoTotal" => "no-total",
            "Year" => "year",
            "Code" => "code",
            "RepeatedCode" => "repeated-code",
            "Name" => "name",
            _ => "refused",
        });

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string title, string reason) =>
        TypedResults.Problem(statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["reason"] = reason });
}
