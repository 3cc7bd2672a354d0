namespace CityHall.Web.Platform.Web;

public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>Largest request body accepted anywhere; modules with uploads raise it per endpoint.</summary>
    public long MaxBodyBytes { get; set; } = 1_048_576;

    public RateLimitSetting SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };
    public RateLimitSetting SignUp { get; set; } = new() { PermitLimit = 5, WindowSeconds = 300 };

    /// <summary>Shared by modules for writes that a person repeats (signing, voting, asking).</summary>
    public RateLimitSetting CitizenWrite { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Bytes of photos and documents one account may upload per day (city date); 0 refuses every upload.</summary>
    public long UploadBytesPerAccountPerDay { get; set; } = 60L * 1024 * 1024;

    /// <summary>
    /// Reads of the open-data API that query the database on every call (a proposal with its tally, the
    /// petitions CSV), per client address; a client that needs more downloads the files or caches.
    /// </summary>
    public RateLimitSetting ApiRead { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    /// <summary>For inbound webhooks, per sender.</summary>
    public RateLimitSetting Webhook { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };
}

public sealed class RateLimitSetting
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }
}
