using System.Diagnostics;

namespace CityHall.Web.Modules.Portal.Public;

/// <summary>The page for 400, 403, 404, 413, 429 and 500, with a trace id staff can look up in the logs.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string TraceId { get; private set; } = "";

    public void OnGet(int? code) => Fill(code);

    public void OnPost(int? code) => Fill(code);

    private void Fill(int? code)
    {
        Code = code is >= 400 and < 600 ? code.Value : 500;
        // Keep the original status (the re-executed request would otherwise answer 200).
        Response.StatusCode = Code;
        TraceId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
    }

    public string Key => Code switch
    {
        400 or 403 or 404 or 413 or 429 => Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Code >= 500 ? "500" : "400",
    };
}
