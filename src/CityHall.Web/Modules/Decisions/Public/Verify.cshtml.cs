namespace CityHall.Web.Modules.Decisions.Public;

/// <summary>Anyone checks a ballot receipt: is the entry in the poll's chain as cast, and does the chain lead from it to the head shown?</summary>
[EnableRateLimiting(RateLimits.ApiRead)] // it reads the chain from the entry to the head
public sealed class VerifyModel(BallotChainVerifier verifier, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "poll")] public long? PollId { get; set; }
    [BindProperty(SupportsGet = true, Name = "entry")] public long? Entry { get; set; }
    [BindProperty(SupportsGet = true, Name = "hash")] public string? Hash { get; set; }

    public BallotReceiptCheck? Result { get; private set; }
    public long Length { get; private set; }
    /// <summary>The first checkpoint published after the ballot (null: none yet).</summary>
    public PollCheckpoint? Checkpoint { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // What binding made of the query is checked here, each field with its own message.
        ModelState.Clear();
        if (PollId is null && Entry is null && string.IsNullOrWhiteSpace(Hash)) return;
        if (PollId is null or < 1) ModelState.AddModelError("poll", t["Decisions.Verify.PollRequired"]);
        if (Entry is null or < 1) ModelState.AddModelError("entry", t["Decisions.Verify.EntryRequired"]);
        if (string.IsNullOrWhiteSpace(Hash) || Hash.Trim().Length != 64) ModelState.AddModelError("hash", t["Decisions.Verify.HashFormat"]);
        if (!ModelState.IsValid) return;
        (Result, Length, Checkpoint) = await verifier.CheckReceiptAsync(PollId!.Value, Entry!.Value, Hash!, ct);
    }
}
