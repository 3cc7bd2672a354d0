using System.Security.Claims;
using CityHall.Web.Platform.Modules;

namespace CityHall.Web.Modules.Portal.Public;

/// <summary>
/// "My city": everything of a signed-in citizen's on one page — their proposals and supports, reports, applications,
/// questions, notifications — one block per module (<see cref="MyBlock"/>), each linking to the module's own page.
/// Only the citizen's own things: every block reads by their user id, and the page is never cached.
/// </summary>
[Authorize]
public sealed class MyModel(ModuleRegistry modules) : PageModel
{
    public sealed record Shown(string Key, MyBlock Block, object? Model);

    public IReadOnlyList<Shown> Blocks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var shown = new List<Shown>();
        // One after another: the blocks share the request's database context.
        foreach (var (key, block) in modules.MyBlocks)
            shown.Add(new(key, block, await block.LoadAsync(HttpContext.RequestServices, me, ct)));
        Blocks = shown;
    }
}
