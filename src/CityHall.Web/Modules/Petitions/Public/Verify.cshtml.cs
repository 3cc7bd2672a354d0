namespace CityHall.Web.Modules.Petitions.Public;

/// <summary>Anyone checks a signature receipt: is the entry in the chain, and does the chain lead from it to the latest checkpoint?</summary>
public sealed class VerifyModel(PetitionChainVerifier verifier, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "petition")] public long? PetitionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "entry")] public long? Entry { get; set; }
    [BindProperty(SupportsGet = true, Name = "hash")] public string? Hash { get; set; }

    public ReceiptCheck? Result { get; private set; }
    public PetitionCheckpoint? Checkpoint { get; private set; }

    public async Task OnGetAsync()
    {
        ModelState.Clear();
        if (PetitionId is null && Entry is null && string.IsNullOrWhiteSpace(Hash)) return;
        if (PetitionId is null) ModelState.AddModelError("petition", t["Petitions.Verify.PetitionRequired"]);
        if (Entry is null or < 1) ModelState.AddModelError("entry", t["Petitions.Verify.EntryRequired"]);
        if (string.IsNullOrWhiteSpace(Hash) || Hash.Trim().Length != 64) ModelState.AddModelError("hash", t["Petitions.Verify.HashFormat"]);
        if (!ModelState.IsValid) return;
        (Result, Checkpoint) = await verifier.CheckReceiptAsync(PetitionId!.Value, Entry!.Value, Hash!);
    }
}
