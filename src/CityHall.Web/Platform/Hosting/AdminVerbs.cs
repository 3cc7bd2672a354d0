using System.CommandLine;
using CityHall.Web.Platform.Audit;
using Spectre.Console;

namespace CityHall.Web.Platform.Hosting;

/// <summary>
/// The executable is also the admin tool: with a verb it runs a task and exits.
/// Exit codes: 0 done, 1 the task failed (with the reason printed), 2 bad arguments.
/// </summary>
public static class AdminVerbs
{
    private static readonly HashSet<string> Verbs = ["migrate", "seed", "create-admin", "verify-audit", "backup", "restore", "--help", "-h", "help"];

    public static bool IsVerb(WebApplication app, string[] args)
    {
        var verb = WithoutHostOptions(args);
        return verb.Length > 0 && (Verbs.Contains(verb[0]) || app.Services.GetServices<ModuleVerb>().Any(v => v.Name == verb[0]));
    }

    /// <summary>Host options the server takes too (and the host has already applied): the verbs accept and ignore them.</summary>
    private static readonly HashSet<string> HostOptions = new(StringComparer.OrdinalIgnoreCase) { "contentRoot", "environment", "applicationName", "urls" };

    /// <summary>
    /// The arguments without host options (--contentRoot DIR, --environment Production, --urls …) and
    /// configuration overrides (--Database:Provider=Postgres), which the host has read already; what is
    /// left is the verb and its own options.
    /// </summary>
    public static string[] WithoutHostOptions(string[] args)
    {
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..].Split('=', 2)[0];
                if (HostOptions.Contains(name) || name.Contains(':', StringComparison.Ordinal))
                {
                    if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length) i++; // its value
                    continue;
                }
            }
            rest.Add(arg);
        }
        return [.. rest];
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        args = WithoutHostOptions(args);
        var root = new RootCommand("CityHall: run with no arguments to serve the portal, or with a verb to run a task.");

        var migrate = new Command("migrate", "Apply pending database migrations.");
        migrate.SetAction((_, ct) => InScope(app, async sp =>
        {
            await sp.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            AnsiConsole.MarkupLine("[green]Database is up to date.[/]");
            return 0;
        }));

        var demo = new Option<bool>("--demo") { Description = "Also create demo accounts and content." };
        var seed = new Command("seed", "Apply migrations, then seed the city's reference data (districts, departments, roles).") { demo };
        seed.SetAction((parse, ct) => InScope(app, async sp =>
        {
            var init = sp.GetRequiredService<DatabaseInitializer>();
            await init.PrepareAsync(parse.GetValue(demo), ct);
            AnsiConsole.MarkupLine("[green]Seeded.[/]");
            return 0;
        }));

        var email = new Option<string>("--email") { Description = "E-mail address (the sign-in name).", Required = true };
        var name = new Option<string>("--name") { Description = "Display name.", DefaultValueFactory = _ => "Administrator" };
        var password = new Option<string?>("--password") { Description = "Password; read from CITYHALL_ADMIN_PASSWORD when omitted." };
        var createAdmin = new Command("create-admin", "Create an administrator (or promote an existing account) with a TOTP key for two-factor sign-in.") { email, name, password };
        createAdmin.SetAction((parse, ct) => InScope(app, async sp =>
        {
            var pw = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("CITYHALL_ADMIN_PASSWORD");
            if (string.IsNullOrEmpty(pw))
            {
                AnsiConsole.MarkupLine("[red]Give a password with --password or CITYHALL_ADMIN_PASSWORD.[/]");
                return 2;
            }
            await sp.GetRequiredService<DatabaseInitializer>().PrepareAsync(includeDemo: false, ct);
            var accounts = sp.GetRequiredService<StaffAccounts>();
            var result = await accounts.CreateOrPromoteAsync(parse.GetValue(email)!, parse.GetValue(name)!, pw, Roles.Administrator);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) AnsiConsole.MarkupLineInterpolated($"[red]{error}[/]");
                return 1;
            }
            AnsiConsole.MarkupLineInterpolated($"[green]Administrator {result.Email} is ready.[/]");
            AnsiConsole.MarkupLineInterpolated($"TOTP key for the authenticator app: [bold]{result.AuthenticatorKey}[/]");
            return 0;
        }));

        var verifyAudit = new Command("verify-audit", "Check the audit log's hash chain and report the first broken link.");
        var expectHead = new Option<string?>("--expect-head")
        {
            Description = "A head printed by an earlier run (SEQUENCE:HASH); fails if that entry was removed or rewritten.",
        };
        verifyAudit.Options.Add(expectHead);
        verifyAudit.SetAction((parse, ct) => InScope(app, async sp =>
        {
            var headText = parse.GetValue(expectHead);
            AuditHead? head = null;
            if (headText is not null && !AuditHead.TryParse(headText, out head))
            {
                AnsiConsole.MarkupLine("[red]--expect-head takes SEQUENCE:HASH as printed by verify-audit.[/]");
                return 2;
            }
            var verifier = sp.GetRequiredService<AuditChainVerifier>();
            AuditChainReport report = null!;
            await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Verifying audit chain", maxValue: double.MaxValue);
                task.IsIndeterminate = true;
                report = await verifier.VerifyAsync(new Progress<long>(n => task.Description = $"Verified {n:N0} entries"), head, ct);
                task.StopTask();
            });
            if (report.IsIntact)
            {
                AnsiConsole.MarkupLineInterpolated($"[green]Audit chain intact: {report.EntriesChecked} entries.[/]");
                if (report.HeadHash is not null)
                    AnsiConsole.MarkupLineInterpolated($"Head (keep it outside the database; pass it as --expect-head next time): {new AuditHead(report.EntriesChecked, report.HeadHash)}");
                return 0;
            }
            AnsiConsole.MarkupLineInterpolated($"[red]Audit chain broken at entry {report.FirstBrokenSequence}: {report.Break}.[/]");
            return 1;
        }));

        var to = new Option<string>("--to") { Description = "The backup file to write (a zip; written under a temporary name, then renamed).", Required = true };
        var backup = new Command("backup", "Back the city up into one file: the database (uploaded files included) and a manifest of every table's rows and every hash chain's head.") { to };
        backup.SetAction((parse, ct) => InScope(app, async sp =>
        {
            var manifest = await sp.GetRequiredService<Backup.CityBackup>().BackupAsync(parse.GetValue(to)!, ct);
            AnsiConsole.MarkupLineInterpolated($"[green]Backed up {manifest.Census.Rows.Count} tables, {manifest.Census.Rows.Values.Sum()} rows ({manifest.Provider}, schema {manifest.LastMigration ?? "none"}).[/]");
            foreach (var (chain, head) in manifest.Census.Heads) AnsiConsole.MarkupLineInterpolated($"  {chain}: {head}");
            return 0;
        }));

        var from = new Option<string>("--from") { Description = "The backup file to restore.", Required = true };
        var restore = new Command("restore", "Restore a backup into this app's database, which must be empty, and check it against the backup's manifest. Stop every node first.") { from };
        restore.SetAction((parse, ct) => InScope(app, async sp =>
        {
            Backup.RestoreReport report;
            try
            {
                report = await sp.GetRequiredService<Backup.CityBackup>().RestoreAsync(parse.GetValue(from)!, ct);
            }
            catch (Backup.BackupException refused)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{refused.Message}[/]");
                return 1;
            }
            if (report.Differences.Count > 0)
            {
                AnsiConsole.MarkupLine("[red]Restored, but the database differs from the backup's manifest:[/]");
                foreach (var difference in report.Differences) AnsiConsole.MarkupLineInterpolated($"  {difference}");
                return 1;
            }
            AnsiConsole.MarkupLineInterpolated($"[green]Restored {report.Restored.Rows.Count} tables, {report.Restored.Rows.Values.Sum()} rows (backup taken {report.Manifest.TakenAt:u}).[/]");
            AnsiConsole.MarkupLine("[green]Every table's rows and every chain head match the backup.[/]");
            foreach (var (chain, head) in report.Restored.Heads) AnsiConsole.MarkupLineInterpolated($"  {chain}: {head}");
            return 0;
        }));

        root.Subcommands.Add(migrate);
        root.Subcommands.Add(seed);
        root.Subcommands.Add(createAdmin);
        root.Subcommands.Add(verifyAudit);
        root.Subcommands.Add(backup);
        root.Subcommands.Add(restore);
        foreach (var verb in app.Services.GetServices<ModuleVerb>())
        {
            var command = new Command(verb.Name, verb.Description);
            var run = verb.Configure(command);
            command.SetAction((parse, ct) => InScope(app, sp => run(parse, sp, ct)));
            root.Subcommands.Add(command);
        }
        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<int> InScope(WebApplication app, Func<IServiceProvider, Task<int>> task)
    {
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await task(scope.ServiceProvider);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Failed: {ex.Message}[/]");
            return 1;
        }
    }
}
