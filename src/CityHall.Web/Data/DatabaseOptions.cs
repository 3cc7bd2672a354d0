namespace CityHall.Web.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default: a file, zero set-up) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Used when ConnectionStrings:Default is empty and the provider is SQLite.</summary>
    public string SqliteFile { get; set; } = "App_Data/cityhall.db";

    /// <summary>Apply pending migrations when the web app starts (the `migrate` verb does it on demand).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);
}
