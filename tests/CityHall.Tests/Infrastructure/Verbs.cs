using System.Diagnostics;

namespace CityHall.Tests.Infrastructure;

/// <summary>Runs the built executable with a verb against a test app's database, as an operator would.</summary>
public static class Verbs
{
    /// <summary>The built app as an operator starts it: its own output folder, Production, the test app's database.</summary>
    public static ProcessStartInfo StartInfo(CityHallApp app, params string[] args) => StartInfo(app.Database, args);

    /// <summary>The built app as an operator starts it, on a given database (one no test app serves: a restore's target).</summary>
    public static ProcessStartInfo StartInfo(TestDatabase database, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CityHall.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Default"] = database.ConnectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["COLUMNS"] = "200";
        return start;
    }

    public static Task<(int ExitCode, string Output)> RunAsync(CityHallApp app, params string[] args) => RunAsync(app.Database, args);

    public static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, params string[] args)
    {
        var start = StartInfo(database, args);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
