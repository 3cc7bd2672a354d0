using System.Data;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CityHall.Web.Platform.Backup;

/// <summary>What a backup file says of itself (manifest.json in the archive).</summary>
/// <param name="LastMigration">The schema the database had: a newer release migrates a restored database on start.</param>
public sealed record BackupManifest(int Format, string Provider, DateTimeOffset TakenAt, string? LastMigration, Census Census)
{
    public const int CurrentFormat = 1;
}

/// <summary>A restore's outcome: what was restored and where it differs from the backup's manifest (nothing, when it holds).</summary>
public sealed record RestoreReport(BackupManifest Manifest, Census Restored, IReadOnlyList<string> Differences);

/// <summary>
/// Backs a city up into one file and restores it into an empty database. Everything a city keeps is in its
/// database — uploaded photos, documents and logos are stored in their tables, the data-protection keys too —
/// so the database is the backup. The file is a zip: <c>manifest.json</c> (provider, time, schema, every
/// table's rows and every hash chain's head, all taken from the same consistent snapshot as the copy) and
/// the copy itself: <c>database.sqlite</c> through SQLite's online backup API, or <c>database.pgdump</c>
/// from <c>pg_dump --format=custom</c> on the snapshot the census read. A restore is checked against the
/// manifest before it is reported done.
/// </summary>
public sealed class CityBackup(AppDbContext db, DatabaseCensus census, IOptions<Data.DatabaseOptions> database,
    IConfiguration configuration, TimeProvider clock, ILogger<CityBackup> logger)
{
    private const string ManifestEntry = "manifest.json";
    private const string SqliteEntry = "database.sqlite";
    private const string PostgresEntry = "database.pgdump";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private bool IsPostgres => database.Value.IsPostgres;

    /// <summary>Writes the backup to <paramref name="file"/> (through a temporary name, so a file by that name is always whole).</summary>
    public async Task<BackupManifest> BackupAsync(string file, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var copy = file + ".database.part";
        var partial = file + ".part";
        try
        {
            var taken = clock.GetUtcNow();
            var snapshot = IsPostgres ? await DumpPostgresAsync(copy, ct) : await CopySqliteAsync(copy, ct);
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, database.Value.Provider, taken, snapshot.LastMigration, snapshot.Census);
            await using (var archive = new ZipArchive(File.Create(partial), ZipArchiveMode.Create))
            {
                await using (var entry = await archive.CreateEntry(ManifestEntry).OpenAsync(ct))
                    await JsonSerializer.SerializeAsync(entry, manifest, Json, ct);
                // A custom-format dump is compressed already.
                await archive.CreateEntryFromFileAsync(copy, IsPostgres ? PostgresEntry : SqliteEntry,
                    IsPostgres ? CompressionLevel.NoCompression : CompressionLevel.Fastest, ct);
            }
            File.Move(partial, file, overwrite: true);
            logger.LogInformation("Backed up {Tables} tables ({Rows} rows) to {File}", manifest.Census.Rows.Count, manifest.Census.Rows.Values.Sum(), file);
            return manifest;
        }
        finally
        {
            File.Delete(copy);
            File.Delete(partial);
        }
    }

    /// <summary>Reads a backup's manifest without restoring it.</summary>
    public static async Task<BackupManifest> ReadManifestAsync(string file, CancellationToken ct)
    {
        BackupManifest? manifest;
        try
        {
            await using var archive = await ZipFile.OpenReadAsync(file, ct);
            var entry = archive.GetEntry(ManifestEntry) ?? throw new BackupException($"{file} is not a CityHall backup: it has no {ManifestEntry}.");
            await using var stream = await entry.OpenAsync(ct);
            manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct);
        }
        catch (InvalidDataException ex) // not a zip, or a damaged one (cut short in a copy)
        {
            throw new BackupException($"{file} is not a CityHall backup, or it is damaged: it cannot be read as a zip archive ({ex.Message.TrimEnd('.')}).");
        }
        catch (JsonException ex)
        {
            throw new BackupException($"{file}'s manifest cannot be read ({ex.Message.TrimEnd('.')}): the backup is damaged.");
        }
        if (manifest is null) throw new BackupException($"{file}'s manifest is empty.");
        if (manifest.Format > BackupManifest.CurrentFormat)
            throw new BackupException($"{file} was written by a newer release (backup format {manifest.Format}); restore it with that release.");
        return manifest;
    }

    /// <summary>
    /// Restores <paramref name="file"/> into this app's database, which must be empty (a new SQLite file or a
    /// new PostgreSQL database): a restore never merges into a city's data. Stop every node first.
    /// </summary>
    public async Task<RestoreReport> RestoreAsync(string file, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file)) throw new BackupException($"There is no backup at {file}.");
        var manifest = await ReadManifestAsync(file, ct);
        if (!string.Equals(manifest.Provider, database.Value.Provider, StringComparison.OrdinalIgnoreCase))
            throw new BackupException($"The backup is of a {manifest.Provider} database and this app is configured for {database.Value.Provider}: set Database:Provider and the connection string for the database to restore into.");
        var existing = await census.TakeAsync(db, ct);
        if (existing.Rows.Count > 0)
            throw new BackupException($"The database to restore into is not empty ({existing.Rows.Count} tables): create a new, empty database (or point Database:SqliteFile at a new file) and restore into that.");

        var copy = Path.Combine(ScratchFolder(), $".cityhall-restore-{Guid.NewGuid():N}");
        try
        {
            await using (var archive = await ZipFile.OpenReadAsync(file, ct))
            {
                var entry = archive.GetEntry(IsPostgres ? PostgresEntry : SqliteEntry)
                    ?? throw new BackupException($"{file} holds no database copy.");
                await entry.ExtractToFileAsync(copy, overwrite: false, ct);
            }
            if (IsPostgres) await RestorePostgresAsync(copy, ct);
            else await RestoreSqliteAsync(copy, ct);
        }
        finally
        {
            File.Delete(copy);
        }
        var restored = await census.TakeAsync(db, ct);
        var report = new RestoreReport(manifest, restored, manifest.Census.DifferencesIn(restored));
        if (report.Differences.Count > 0)
            logger.LogError("Restored {File}, but it differs from its manifest: {Differences}", file, string.Join("; ", report.Differences));
        else
            logger.LogInformation("Restored {File} ({Tables} tables, {Rows} rows); every table and chain head matches", file, restored.Rows.Count, restored.Rows.Values.Sum());
        return report;
    }

    /// <summary>Where the extracted copy goes: beside the SQLite file (the disk that must hold it anyway), else the temporary folder.</summary>
    private string ScratchFolder() => IsPostgres
        ? Path.GetTempPath()
        : Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource))!;

    private sealed record Snapshot(Census Census, string? LastMigration);

    private async Task<Snapshot> CopySqliteAsync(string copy, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The online backup API: a consistent copy while the city keeps writing (SQLite restarts the
            // copy if a write lands in the middle, so a busy city's backup takes longer, never a torn one).
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
            await target.OpenAsync(ct);
            ((SqliteConnection)db.Database.GetDbConnection()).BackupDatabase(target);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        // The census is of the copy itself, so the manifest describes exactly what the file holds.
        await using var copied = new Data.SqliteAppDbContext(new DbContextOptionsBuilder<Data.SqliteAppDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()).Options);
        return new(await census.TakeAsync(copied, ct), (await copied.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault());
    }

    private async Task RestoreSqliteAsync(string copy, CancellationToken ct)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await source.OpenAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            source.BackupDatabase((SqliteConnection)db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Snapshot> DumpPostgresAsync(string copy, CancellationToken ct)
    {
        // One snapshot for the census and pg_dump: the transaction exports it, pg_dump reads through it.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var snapshotId = await db.Database.SqlQueryRaw<string>("SELECT pg_export_snapshot() AS \"Value\"").SingleAsync(ct);
        var taken = await census.TakeAsync(db, ct);
        var lastMigration = await db.Database.SqlQueryRaw<string>(
            "SELECT \"MigrationId\" AS \"Value\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1").FirstOrDefaultAsync(ct);
        await RunPostgresToolAsync("pg_dump", ["--format=custom", "--snapshot=" + snapshotId, "--file=" + copy], ct);
        await transaction.CommitAsync(ct);
        return new(taken, lastMigration);
    }

    private Task RestorePostgresAsync(string copy, CancellationToken ct) =>
        // One transaction: a restore that fails part-way leaves the database empty, never half a city.
        RunPostgresToolAsync("pg_restore", ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges",
            "--dbname=" + new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Database, copy], ct);

    /// <summary>
    /// Runs pg_dump or pg_restore (from <c>Backup:PostgresTools</c>, else the PATH) against this app's database.
    /// The connection goes in libpq's environment variables, so the password is never on a command line.
    /// </summary>
    private async Task RunPostgresToolAsync(string tool, IEnumerable<string> arguments, CancellationToken ct)
    {
        var folder = configuration["Backup:PostgresTools"];
        var start = new ProcessStartInfo(string.IsNullOrWhiteSpace(folder) ? tool : Path.Combine(folder, tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        if (connection.Password is { Length: > 0 } password) start.Environment["PGPASSWORD"] = password;
        start.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BackupException($"{tool} could not be started ({ex.Message}): install PostgreSQL's client tools of the server's version or newer, or set Backup:PostgresTools to their folder.");
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(ct);
            var output = process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
                throw new BackupException($"{tool} failed (exit {process.ExitCode}): {(await errors).Trim()} {(await output).Trim()}".Trim());
        }
    }
}

/// <summary>A backup or restore refused or failed, with what to do.</summary>
public sealed class BackupException(string message) : Exception(message);
